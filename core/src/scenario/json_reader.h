#pragma once
// Path-tracking reader for JSON objects: every problem is collected with its JSON path
// ("criteria[2].weight: expected a number, got \"high\"") instead of stopping at the first.
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clustershift/error.h"

namespace clustershift::detail {

/// Short rendering of a JSON value for messages: strings quoted, long values cut.
std::string describeJson(const nlohmann::json& value);

/// Shortest readable text of a number for messages: 200, -3, 1.2, 0.333333333333333.
std::string numberText(double value);

/// Joins a JSON path and a key: ("", "a") -> "a", ("a", "b") -> "a.b",
/// ("file.json:", "b") -> "file.json:b".
std::string joinPath(const std::string& path, const std::string& key);
/// ("a", 2) -> "a[2]".
std::string indexPath(const std::string& path, std::size_t index);

/// "a, b, c".
std::string joinList(const std::vector<std::string>& items);

/// Reads a UTF-8 JSON file (comments and a BOM allowed). Throws IoError when it cannot be
/// opened, InputError for a folder, UTF-16, NUL bytes or invalid JSON (with nlohmann's words).
nlohmann::json readJsonFile(const std::string& path);

class JsonReader {
 public:
  explicit JsonReader(std::vector<Problem>& problems) : m_problems(problems) {}

  /// A problem at `path`. A message of the shape "must be <range>[, got <value>]" (range in
  /// symbols: "in [0, 1]", "> 0", ">= 1") is coded out_of_bounds {range, got}; any other message
  /// without a code stays English only (layers::problemText).
  void fail(const std::string& path, const std::string& message);
  void warn(const std::string& path, const std::string& message);
  /// A problem with its code and values (docs/architecture.md, "Problem codes").
  void fail(const std::string& path, const std::string& message, std::string code,
            std::map<std::string, std::string> values = {});

  /// Is value an object? Reports "expected an object" otherwise.
  bool object(const nlohmann::json& value, const std::string& path);
  /// Reports every key of object not in allowed as "unknown key".
  void allowedKeys(const nlohmann::json& object, const std::string& path,
                   std::initializer_list<const char*> allowed);
  void allowedKeys(const nlohmann::json& object, const std::string& path,
                   const std::vector<std::string>& allowed);

  /// Members. Absent (or null when nullable) -> std::nullopt; required + absent -> problem.
  std::optional<double> number(const nlohmann::json& object, const std::string& path, const char* key,
                               bool required = false);
  std::optional<long long> integer(const nlohmann::json& object, const std::string& path, const char* key,
                                   bool required = false);
  std::optional<std::string> string(const nlohmann::json& object, const std::string& path, const char* key,
                                    bool required = false);
  std::optional<bool> boolean(const nlohmann::json& object, const std::string& path, const char* key,
                              bool required = false);
  /// Pointer to the member when it is an object (nullptr otherwise, with a problem when
  /// present but not an object, or required and absent).
  const nlohmann::json* child(const nlohmann::json& object, const std::string& path, const char* key,
                              bool required = false);
  /// Pointer to the member when it is an array.
  const nlohmann::json* array(const nlohmann::json& object, const std::string& path, const char* key,
                              bool required = false);
  /// A string member restricted to a set of values.
  std::optional<std::string> choice(const nlohmann::json& object, const std::string& path, const char* key,
                                    const std::vector<std::string>& allowed, bool required = false);

  /// An error caught while reading (e.g. a file the scenario names): its wording, code and values.
  void fail(const std::string& path, const Error& error);
  /// "expected <type>, got <value>", coded expected_type {expected, got}; type is number, integer,
  /// string, boolean, object or array.
  void expectedType(const std::string& path, const std::string& type, const nlohmann::json& value);

  std::vector<Problem>& problems() { return m_problems; }
  bool hasFatal() const;

 private:
  const nlohmann::json* member(const nlohmann::json& object, const std::string& path, const char* key,
                               bool required);
  std::vector<Problem>& m_problems;
};

}  // namespace clustershift::detail
