#include "clustershift/feedback.h"

#include <algorithm>

namespace clustershift {

void Feedback::setProgress(double fraction, const std::string& /*stage*/) {
  m_progress.store(std::clamp(fraction, 0.0, 1.0));
}

void Feedback::warn(const Problem& problem) {
  std::lock_guard<std::mutex> lock(m_mutex);
  m_warnings.push_back(problem);
}

void Feedback::checkCanceled() const {
  if (isCanceled()) throw Cancelled();
}

std::vector<Problem> Feedback::warnings() const {
  std::lock_guard<std::mutex> lock(m_mutex);
  return m_warnings;
}

}  // namespace clustershift
