// Text for CSV cells and SQL statements (quoting: one rule, the quote character doubled), trimming.
#include "clustershift/util.h"

namespace clustershift::util {
namespace {

std::string enclosed(const std::string& text, char quote) {
  std::string quoted(1, quote);
  for (char c : text) {
    if (c == quote) quoted += quote;
    quoted += c;
  }
  return quoted + quote;
}

}  // namespace

std::string trim(const std::string& text) {
  const auto begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return {};
  const auto end = text.find_last_not_of(" \t\r\n");
  return text.substr(begin, end - begin + 1);
}

std::string csvQuote(const std::string& cell, char separator) {
  const char special[] = {separator, '"', '\r', '\n', '\0'};
  if (cell.find_first_of(special) == std::string::npos) return cell;
  return enclosed(cell, '"');
}

std::string sqlLiteral(const std::string& text) { return enclosed(text, '\''); }

std::string sqlIdentifier(const std::string& name) { return enclosed(name, '"'); }

}  // namespace clustershift::util
