#pragma once
// Error types thrown by clustershift::core. Every message names what it can of
// file, layer, feature id, field and value, e.g.
//   parks.gpkg/parks fid=17: field 'area_ha' is negative (-3.2)
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace clustershift {

/// Base of every error the core throws. what() is the English wording (what the CLI prints); an
/// error a planner may meet also carries a code and values, like Problem, for a UI that words it in
/// its own language (layers::errorText). Without a code the UI shows what().
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  Error(const std::string& message, std::string code, std::map<std::string, std::string> values)
      : std::runtime_error(message), m_code(std::move(code)), m_values(std::move(values)) {}
  const std::string& code() const { return m_code; }
  const std::map<std::string, std::string>& values() const { return m_values; }

 private:
  std::string m_code;
  std::map<std::string, std::string> m_values;
};

/// Bad input: scenario, data, parameters. CLI exit code 2.
class InputError : public Error {
 public:
  using Error::Error;
};

/// Geometry or coordinate-system failure (GEOS, PROJ). CLI exit code 2.
class GeoError : public Error {
 public:
  using Error::Error;
};

/// Reading or writing files failed. CLI exit code 3.
class IoError : public Error {
 public:
  using Error::Error;
};

/// The run was cancelled through Feedback. Earlier outputs are left intact.
class Cancelled : public Error {
 public:
  Cancelled() : Error("cancelled") {}
};

enum class Severity { Warning, Fatal };

/// One data or scenario problem, located as precisely as possible. `message` is the stable English
/// wording (the CLI prints text()); `code` and `values` say the same for a UI that words it in its
/// own language (layers::problemText): e.g. code "negative" with values {"value": "-3.2"}. The codes
/// and their values are listed in docs/architecture.md ("Problem codes"); a problem without a code
/// is shown in its English wording.
struct Problem {
  Severity severity = Severity::Fatal;
  std::string where;    ///< "parks.gpkg/parks fid=17 field 'area_ha'" or "criteria[2].weight"
  std::string message;  ///< "is negative (-3.2)"
  std::string featureId;  ///< id of the feature concerned, empty if none
  // Initialised here so that Problem{severity, where, message, featureId} stays warning-free.
  std::string code = {};  ///< "negative", "field_not_found", …; empty: only the English wording
  std::map<std::string, std::string> values = {};  ///< the code's values, as the message writes them
  std::string text() const { return where.empty() ? message : where + ": " + message; }
};

/// A problem with its code and values (the English message as the CLI prints it).
Problem codedProblem(Severity severity, std::string where, std::string message, std::string featureId,
                     std::string code, std::map<std::string, std::string> values = {});

/// A caught error as a problem: its code and values, the "where" value (if any) as the place, the
/// English text unchanged (Problem::text() == what()).
Problem errorProblem(const Error& error, Severity severity = Severity::Fatal);

/// Thrown when validation found fatal problems; carries all of them (fatal and warnings).
class ValidationError : public InputError {
 public:
  explicit ValidationError(std::vector<Problem> problems);
  const std::vector<Problem>& problems() const { return m_problems; }

 private:
  std::vector<Problem> m_problems;
};

}  // namespace clustershift
