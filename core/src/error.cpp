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

Problem errorProblem(const Error& error, Severity severity) {
  std::map<std::string, std::string> values = error.values();
  std::string where, message = error.what();
  if (const auto it = values.find("where"); it != values.end()) {
    where = it->second;
    values.erase(it);
    const std::string prefix = where + ": ";
    if (message.rfind(prefix, 0) == 0) {
      message.erase(0, prefix.size());
    } else {
      where.clear();  // the text does not start with the place: keep it whole
    }
  }
  return codedProblem(severity, std::move(where), std::move(message), {}, error.code(), std::move(values));
}

ValidationError::ValidationError(std::vector<Problem> problems)
    : InputError(summarise(problems)), m_problems(std::move(problems)) {}

}  // namespace clustershift
