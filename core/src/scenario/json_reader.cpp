#include "scenario/json_reader.h"
#include "clustershift/util.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace clustershift::detail {

using nlohmann::json;

std::string describeJson(const json& value) {
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  std::string text = value.dump();
  constexpr std::size_t kMax = 60;
  if (text.size() > kMax) text = text.substr(0, kMax) + "...";
  return text;
}

std::string numberText(double value) { return util::formatNumber(value, 15); }

std::string joinPath(const std::string& path, const std::string& key) {
  if (path.empty() || path.back() == ':') return path + key;
  return path + "." + key;
}

std::string indexPath(const std::string& path, std::size_t index) {
  return path + "[" + std::to_string(index) + "]";
}

std::string joinList(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

namespace {

/// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string plainJsonMessage(const json::exception& e) {
  std::string text = e.what();
  if (text.rfind("[json.exception.", 0) == 0) {
    const auto close = text.find("] ");
    if (close != std::string::npos) text = text.substr(close + 2);
  }
  return text;
}

/// The member when `is` holds for it; nullptr when there is none (member() said why when it was
/// required) or when it is of another type, with a problem "expected WHAT, got ...".
const json* typed(JsonReader& reader, const json* value, const std::string& path, const char* key,
                  bool (json::*is)() const noexcept, const char* type) {
  if (!value || (value->*is)()) return value;
  reader.expectedType(joinPath(path, key), type, *value);
  return nullptr;
}

template <class T>
std::optional<T> valueOf(const json* value) {
  if (!value) return std::nullopt;
  return value->get<T>();
}

}  // namespace

json readJsonFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw InputError(path + ": is a folder, not a scenario file (give the .json file)", "scenario_is_folder",
                     {{"file", path}});
  std::ifstream in(path, std::ios::binary);
  if (!in) throw IoError(path + ": cannot open for reading", "cannot_open", {{"file", path}});
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.size() >= 2 &&
      ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF')))
    throw InputError(path + ": is UTF-16 encoded; save it as UTF-8 (JSON files are read as UTF-8)",
                     "utf16_file", {{"file", path}});
  if (text.find('\0') != std::string::npos)
    throw InputError(path + ": contains NUL bytes (UTF-16 or a binary file?); save it as UTF-8 text",
                     "nul_bytes", {{"file", path}});
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  try {
    return json::parse(text, nullptr, true, /*ignore_comments=*/true);
  } catch (const json::out_of_range& e) {
    throw InputError(path + ": a number is out of range (" + plainJsonMessage(e) + ")",
                     "json_number_out_of_range", {{"file", path}});
  } catch (const json::exception& e) {
    // nlohmann says where: "parse error at line 3, column 5: syntax error ...".
    const std::string message = plainJsonMessage(e);
    std::map<std::string, std::string> values{{"file", path}};
    static const std::regex at("line (\\d+), column (\\d+)");
    if (std::smatch m; std::regex_search(message, m, at)) {
      values["line"] = m[1];
      values["column"] = m[2];
    }
    throw InputError(path + ": invalid JSON: " + message,
                     values.count("line") ? "invalid_json_at" : "invalid_json", values);
  }
}

void JsonReader::fail(const std::string& path, const std::string& message) {
  // The range checks' one shape: "must be in [0, 1], got 3", "must be > 0, got -2", "must be >= 1".
  static const std::regex bounds(R"(must be (in )?([\[(][^\])]*[\])]|[<>]=? ?-?[\d.e+]+)(, got (.*))?)");
  if (std::smatch m; std::regex_match(message, m, bounds)) {
    std::map<std::string, std::string> values{{"range", m[2]}};
    if (m[4].matched) values["got"] = m[4];
    fail(path, message, m[4].matched ? "out_of_bounds_got" : "out_of_bounds", std::move(values));
    return;
  }
  m_problems.push_back(Problem{Severity::Fatal, path, message, {}});
}

void JsonReader::fail(const std::string& path, const std::string& message, std::string code,
                      std::map<std::string, std::string> values) {
  m_problems.push_back(codedProblem(Severity::Fatal, path, message, {}, std::move(code), std::move(values)));
}

void JsonReader::fail(const std::string& path, const Error& error) {
  if (error.code().empty()) {
    fail(path, error.what());
  } else {
    fail(path, error.what(), error.code(), error.values());
  }
}

void JsonReader::warn(const std::string& path, const std::string& message) {
  m_problems.push_back(Problem{Severity::Warning, path, message, {}});
}

void JsonReader::expectedType(const std::string& path, const std::string& type, const json& value) {
  static const std::map<std::string, std::string> kWords = {
      {"number", "a number"},       {"integer", "an integer"}, {"string", "a string"},
      {"boolean", "true or false"}, {"object", "an object"},   {"array", "an array"}};
  fail(path, "expected " + kWords.at(type) + ", got " + describeJson(value), "expected_type",
       {{"expected", type}, {"got", describeJson(value)}});
}

bool JsonReader::hasFatal() const {
  return std::any_of(m_problems.begin(), m_problems.end(),
                     [](const Problem& p) { return p.severity == Severity::Fatal; });
}

bool JsonReader::object(const json& value, const std::string& path) {
  if (value.is_object()) return true;
  expectedType(path, "object", value);
  return false;
}

void JsonReader::allowedKeys(const json& object, const std::string& path,
                             std::initializer_list<const char*> allowed) {
  allowedKeys(object, path, std::vector<std::string>(allowed.begin(), allowed.end()));
}

void JsonReader::allowedKeys(const json& object, const std::string& path,
                             const std::vector<std::string>& allowed) {
  if (!object.is_object()) return;
  for (auto it = object.begin(); it != object.end(); ++it) {
    if (std::find(allowed.begin(), allowed.end(), it.key()) != allowed.end()) continue;
    fail(joinPath(path, it.key()), "unknown key (allowed: " + joinList(allowed) + ")", "unknown_key",
         {{"allowed", joinList(allowed)}});
  }
}

const json* JsonReader::member(const json& object, const std::string& path, const char* key, bool required) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  if (it == object.end()) {
    if (required) fail(joinPath(path, key), "missing required key", "missing_key");
    return nullptr;
  }
  if (it->is_null()) {
    if (required) fail(joinPath(path, key), "must not be null", "null_value");
    return nullptr;
  }
  return &*it;
}

std::optional<double> JsonReader::number(const json& object, const std::string& path, const char* key,
                                         bool required) {
  return valueOf<double>(
      typed(*this, member(object, path, key, required), path, key, &json::is_number, "number"));
}

std::optional<long long> JsonReader::integer(const json& object, const std::string& path, const char* key,
                                             bool required) {
  const json* value = member(object, path, key, required);
  if (!value) return std::nullopt;
  if (value->is_number_integer()) return value->get<long long>();
  if (value->is_number_float()) {
    double d = value->get<double>();
    if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9e15) {
      return static_cast<long long>(d);
    }
  }
  expectedType(joinPath(path, key), "integer", *value);
  return std::nullopt;
}

std::optional<std::string> JsonReader::string(const json& object, const std::string& path, const char* key,
                                              bool required) {
  return valueOf<std::string>(
      typed(*this, member(object, path, key, required), path, key, &json::is_string, "string"));
}

std::optional<bool> JsonReader::boolean(const json& object, const std::string& path, const char* key,
                                        bool required) {
  return valueOf<bool>(
      typed(*this, member(object, path, key, required), path, key, &json::is_boolean, "boolean"));
}

const json* JsonReader::child(const json& object, const std::string& path, const char* key, bool required) {
  return typed(*this, member(object, path, key, required), path, key, &json::is_object, "object");
}

const json* JsonReader::array(const json& object, const std::string& path, const char* key, bool required) {
  return typed(*this, member(object, path, key, required), path, key, &json::is_array, "array");
}

std::optional<std::string> JsonReader::choice(const json& object, const std::string& path, const char* key,
                                              const std::vector<std::string>& allowed, bool required) {
  std::optional<std::string> text = string(object, path, key, required);
  if (!text) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *text) != allowed.end()) return text;
  std::string list;
  for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
  fail(joinPath(path, key), "expected one of " + list + ", got \"" + *text + "\"", "not_one_of",
       {{"allowed", list}, {"got", *text}});
  return std::nullopt;
}

}  // namespace clustershift::detail
