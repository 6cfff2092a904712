#pragma once
// The criteria of a run computed side by side (scoreCandidates).
#include <nlohmann/json.hpp>

#include <exception>
#include <memory>
#include <vector>

#include "clustershift/criterion.h"

namespace clustershift::detail {

/// One criterion's raw values (one per park, NaN = NULL), or the error it threw, with the
/// warnings it gave and its own wall time.
struct ComputedCriterion {
  std::vector<double> values;
  std::vector<Problem> warnings;
  std::exception_ptr error;
  double seconds = 0;
};

/// Computes criteria[c] with params[c] on `lanes` threads (the calling one among them), each
/// lane taking the next criterion in order: a criterion that works on one core leaves the
/// other idle (travel_time_source, 0.24 s of a national run; bench/national), and criteria
/// depend only on the inputs. Each criterion's warnings are held, not given to
/// context.feedback, and its error is kept: the caller passes them on in scenario order, as if
/// the criteria had been computed one after the other. After an error no lane starts another
/// criterion, and one still running after the failed one is cancelled (Cancelled as its error);
/// every criterion before the failed one is computed. A cancelled context.feedback cancels them.
/// Progress ("scoring criteria", the share done) is reported by the calling thread only.
std::vector<ComputedCriterion> computeCriteria(const std::vector<std::unique_ptr<Criterion>>& criteria,
                                               const std::vector<nlohmann::json>& params,
                                               const CriterionContext& context, unsigned lanes);

}  // namespace clustershift::detail
