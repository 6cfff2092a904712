#include "clustershift/util.h"

namespace clustershift::util {

std::string csvQuote(const std::string& cell, char separator) {
  const char special[] = {separator, '"', '\r', '\n', '\0'};
  if (cell.find_first_of(special) == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace clustershift::util
