#include "pipeline/criteria_lanes.h"

#include <algorithm>
#include <atomic>
#include <chrono>

#include "clustershift/feedback.h"
#include "clustershift/util.h"

namespace clustershift::detail {
namespace {

/// Holds a criterion's warnings back; cancelled when the run is, or when a criterion before it
/// (lower index) has failed: its values could no longer be used.
class HeldFeedback final : public Feedback {
 public:
  HeldFeedback(const Feedback& run, const std::atomic<std::size_t>& firstFailed, std::size_t criterion)
      : m_run(run), m_firstFailed(firstFailed), m_criterion(criterion) {}
  bool isCanceled() const override { return m_run.isCanceled() || m_firstFailed < m_criterion; }

 private:
  const Feedback& m_run;
  const std::atomic<std::size_t>& m_firstFailed;
  std::size_t m_criterion;
};

}  // namespace

std::vector<ComputedCriterion> computeCriteria(const std::vector<std::unique_ptr<Criterion>>& criteria,
                                               const std::vector<nlohmann::json>& params,
                                               const CriterionContext& context, unsigned lanes) {
  const std::size_t n = criteria.size();
  std::vector<ComputedCriterion> computed(n);
  std::atomic<std::size_t> next{0}, finished{0};
  std::atomic<std::size_t> firstFailed{n};  // the lowest index that failed; n: none
  lanes = static_cast<unsigned>(std::clamp<std::size_t>(lanes, 1, std::max<std::size_t>(n, 1)));
  util::runOnThreads(lanes, [&](unsigned lane) {
    // No new criterion once one has failed (it would come after the failed one); a criterion
    // taken is always computed, so every one before a failure has its values or its error.
    while (firstFailed == n) {
      const std::size_t c = next++;
      if (c >= n) break;
      if (lane == 0)
        context.feedback.setProgress(0.1 + 0.7 * static_cast<double>(finished) / static_cast<double>(n),
                                     "scoring criteria");
      ComputedCriterion& out = computed[c];
      HeldFeedback held(context.feedback, firstFailed, c);
      const CriterionContext own{context.scenario,  context.inputs,    context.sourceRegion,
                                 context.sourceLon, context.sourceLat, held};
      const auto start = std::chrono::steady_clock::now();
      try {
        held.checkCanceled();
        out.values = criteria[c]->compute(own, params.at(c));
      } catch (...) {
        out.error = std::current_exception();
        std::size_t lowest = firstFailed;
        while (c < lowest && !firstFailed.compare_exchange_weak(lowest, c)) {
        }
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
