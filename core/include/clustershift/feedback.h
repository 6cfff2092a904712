#pragma once
// Progress, cancellation and warnings, shared by plugin (QgsTask), processing and CLI.
#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "clustershift/error.h"

namespace clustershift {

/// Receives progress and warnings from a run and tells it whether to stop.
/// Thread-safe: criteria may report from worker threads.
class Feedback {
 public:
  virtual ~Feedback() = default;
  /// fraction in [0, 1]; stage is a short English label ("loading", "scoring"...).
  virtual void setProgress(double fraction, const std::string& stage);
  virtual void warn(const Problem& problem);
  /// A part of the current stage that ran beside other parts (a criterion computed two at a
  /// time), with its own wall time: for a caller that lists timings (the CLI's --timings).
  /// Called from the run's thread. Nothing by default.
  virtual void partTime(const std::string& /*part*/, double /*seconds*/) {}
  virtual bool isCanceled() const { return m_canceled.load(); }
  void cancel() { m_canceled.store(true); }
  /// Throws Cancelled when isCanceled().
  void checkCanceled() const;

  std::vector<Problem> warnings() const;
  double progress() const { return m_progress.load(); }

 protected:
  std::atomic<bool> m_canceled{false};
  std::atomic<double> m_progress{0.0};
  mutable std::mutex m_mutex;
  std::vector<Problem> m_warnings;
};

}  // namespace clustershift
