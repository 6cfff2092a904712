#include "pipeline/criteria_lanes.h"

#include <algorithm>
#include <atomic>
#include <chrono>

#include "clustershift/feedback.h"
#include "clustershift/util.h"

namespace clustershift::detail {
namespace {

/// Holds a criterion's warnings back; cancelled when the run is.
class HeldFeedback final : public Feedback {
 public:
  explicit HeldFeedback(const Feedback& run) : m_run(run) {}
  bool isCanceled() const override { return m_run.isCanceled(); }

 private:
  const Feedback& m_run;
};

}  // namespace

std::vector<ComputedCriterion> computeCriteria(const std::vector<std::unique_ptr<Criterion>>& criteria,
                                               const std::vector<nlohmann::json>& params,
                                               const CriterionContext& context, unsigned lanes) {
  const std::size_t n = criteria.size();
  std::vector<ComputedCriterion> computed(n);
  std::atomic<std::size_t> next{0}, finished{0};
  std::atomic<bool> failed{false};
  lanes = static_cast<unsigned>(std::clamp<std::size_t>(lanes, 1, std::max<std::size_t>(n, 1)));
  util::runOnThreads(lanes, [&](unsigned lane) {
    for (std::size_t c = next++; c < n && !failed; c = next++) {
      if (lane == 0)
        context.feedback.setProgress(0.1 + 0.7 * static_cast<double>(finished) / static_cast<double>(n),
                                     "scoring criteria");
      ComputedCriterion& out = computed[c];
      HeldFeedback held(context.feedback);
      const CriterionContext own{context.scenario,  context.inputs,    context.sourceRegion,
                                 context.sourceLon, context.sourceLat, held};
      const auto start = std::chrono::steady_clock::now();
      try {
        held.checkCanceled();
        out.values = criteria[c]->compute(own, params.at(c));
      } catch (...) {
        out.error = std::current_exception();
        failed = true;
      }
      out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      out.warnings = held.warnings();
      ++finished;
    }
  });
  context.feedback.setProgress(0.8, "scoring criteria");
  return computed;
}

}  // namespace clustershift::detail
