#include "clustershift/error.h"

namespace clustershift {
namespace {
std::string summarise(const std::vector<Problem>& problems) {
  std::string text;
  int fatal = 0;
  for (const Problem& p : problems) {
    if (p.severity != Severity::Fatal) continue;
    ++fatal;
    text += "\n  " + p.text();
  }
  return std::to_string(fatal) + (fatal == 1 ? " problem" : " problems") + ":" + text;
}
}  // namespace

ValidationError::ValidationError(std::vector<Problem> problems)
    : InputError(summarise(problems)), m_problems(std::move(problems)) {}

}  // namespace clustershift
