#pragma once
// Criteria: one class per source file under core/src/criteria/, registered statically by id.
// Ids are stable lowercase strings used in scenario files, processing parameters and output
// field names (<id>_raw, <id>_norm, <id>_contrib).
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clustershift/data.h"
#include "clustershift/feedback.h"
#include "clustershift/scenario.h"

namespace clustershift {

/// What a criterion may read while computing raw values.
struct CriterionContext {
  const Scenario& scenario;
  const Inputs& inputs;       ///< parks already joined to regions (Park::region)
  int sourceRegion = -1;      ///< index into inputs.regions
  double sourceLon = kNaN;    ///< cluster location (degrees)
  double sourceLat = kNaN;
  Feedback& feedback;
};

/// A site-scoring criterion. compute() returns one raw value per park (NaN = missing,
/// with a warning through feedback saying why).
class Criterion {
 public:
  virtual ~Criterion() = default;
  virtual std::string id() const = 0;
  virtual std::string label() const = 0;    ///< English
  virtual std::string labelZh() const = 0;  ///< Chinese
  virtual std::string unit() const = 0;     ///< of the raw value, e.g. "km", "ratio"
  virtual Direction defaultDirection() const = 0;
  /// Validates params and inputs needed; throws InputError naming the criterion.
  virtual std::vector<double> compute(const CriterionContext& context,
                                      const nlohmann::json& params) const = 0;
  /// Problems with what this criterion needs (missing columns, source-region values,
  /// tables, bad params), for validate(). Never throws. Default: none.
  virtual std::vector<Problem> check(const CriterionContext& /*context*/,
                                     const nlohmann::json& /*params*/) const {
    return {};
  }
  /// Extra words for an exclusion by a hard constraint on park index `park` with raw value
  /// `raw`, e.g. "available 120.0 ha < needed 180.5 ha". Default: empty.
  virtual std::string explain(const CriterionContext& /*context*/,
                              const nlohmann::json& /*params*/, int /*park*/,
                              double /*raw*/) const {
    return {};
  }
};

using CriterionFactory = std::function<std::unique_ptr<Criterion>(const std::string& id)>;

/// Registry of criteria by id. "field:<name>" ids are served by the prefix factory.
class CriterionRegistry {
 public:
  static CriterionRegistry& instance();
  /// Registers an exact id. Returns true (for static initialisers).
  bool add(const std::string& id, CriterionFactory factory);
  /// Registers a prefix factory ("field:" -> any id starting with it).
  bool addPrefix(const std::string& prefix, CriterionFactory factory);
  /// Throws InputError "unknown criterion 'x' (known: ...)".
  std::unique_ptr<Criterion> create(const std::string& id) const;
  bool contains(const std::string& id) const;
  std::vector<std::string> ids() const;  ///< exact ids, sorted; prefixes as "field:<name>"

 private:
  std::vector<std::pair<std::string, CriterionFactory>> m_exact;
  std::vector<std::pair<std::string, CriterionFactory>> m_prefix;
};

/// Output field prefix of a criterion id: "field:land_price" -> "field_land_price"
/// (every character outside [a-z0-9_] becomes '_'). Fields are <prefix>_raw, _norm, _contrib.
std::string criterionFieldPrefix(const std::string& id);

}  // namespace clustershift

/// Registers criterion class C (default-constructible) under id ID in its own .cpp file.
#define CLUSTERSHIFT_REGISTER_CRITERION(ID, C)                                          \
  namespace {                                                                           \
  const bool kRegistered_##C = ::clustershift::CriterionRegistry::instance().add(      \
      ID, [](const std::string&) { return std::unique_ptr<::clustershift::Criterion>(new C()); }); \
  }
