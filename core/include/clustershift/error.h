#pragma once
// Error types thrown by clustershift::core. Every message names what it can of
// file, layer, feature id, field and value, e.g.
//   parks.gpkg/parks fid=17: field 'area_ha' is negative (-3.2)
#include <stdexcept>
#include <string>
#include <vector>

namespace clustershift {

/// Base of every error the core throws.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
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

/// One data or scenario problem, located as precisely as possible.
struct Problem {
  Severity severity = Severity::Fatal;
  std::string where;    ///< "parks.gpkg/parks fid=17 field 'area_ha'" or "criteria[2].weight"
  std::string message;  ///< "is negative (-3.2)"
  std::string featureId;  ///< id of the feature concerned, empty if none
  std::string text() const { return where.empty() ? message : where + ": " + message; }
};

/// Thrown when validation found fatal problems; carries all of them (fatal and warnings).
class ValidationError : public InputError {
 public:
  explicit ValidationError(std::vector<Problem> problems);
  const std::vector<Problem>& problems() const { return m_problems; }

 private:
  std::vector<Problem> m_problems;
};

}  // namespace clustershift
