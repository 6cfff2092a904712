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

Problem codedProblem(Severity severity, std::string where, std::string message, std::string featureId,
                     std::string code, std::map<std::string, std::string> values) {
  Problem p{severity, std::move(where), std::move(message), std::move(featureId)};
  p.code = std::move(code);
  p.values = std::move(values);
  return p;
}

ValidationError::ValidationError(std::vector<Problem> problems)
    : InputError(summarise(problems)), m_problems(std::move(problems)) {}

}  // namespace clustershift
