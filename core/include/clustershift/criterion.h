#pragma once
// Criteria: one class per source file under core/src/criteria/, registered statically by id.
// Ids are stable lowercase strings used in scenario files, processing parameters and output
// field names (<id>_raw, <id>_norm, <id>_contrib).
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "clustershift/data.h"
#include "clustershift/feedback.h"
#include "clustershift/grid_geometry.h"
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

constexpr double kInf = std::numeric_limits<double>::infinity();

/// The cells of a regular grid in a projected plane (the candidate grid), for
/// Criterion::computeGrid(): the grid (GridGeometry) and, per cell, its pixel, region and centre.
struct GridCells : GridGeometry {
  std::vector<std::uint32_t> pixel;  ///< per cell: row-major pixel index, ascending
  std::vector<int> region;           ///< per cell: host region (index into Inputs::regions)
  std::vector<double> lon, lat;      ///< per cell: centre (degrees)
  double areaHa = 0;                 ///< every cell's area
  std::size_t size() const { return pixel.size(); }
};

/// Type of a declared criterion parameter.
enum class ParamType {
  Number,     ///< a JSON number
  Integer,    ///< a JSON number with no fractional part
  Boolean,    ///< true / false
  NumberMap,  ///< an object {name: number}, e.g. {"motorway": 100}
  TextList,   ///< a non-empty list of non-empty texts, e.g. ["321300", "341300"]
};

/// Name of a ParamType as written in docs and `clustershift --list-criteria`
/// ("number", "integer", "boolean", "number map").
const char* paramTypeName(ParamType type);

/// One parameter of a criterion, declared once by the criterion (Criterion::parameters()).
/// Validation (paramProblems/resolveParams/checkCriterion), the plugin's option editor, the report's methods
/// table and `clustershift --list-criteria` all read this declaration.
struct ParamSpec {
  std::string name;  ///< key in the scenario's criteria[].params
  ParamType type = ParamType::Number;
  std::string unit;             ///< of the value (of each value of a NumberMap), "" if none
  nlohmann::json defaultValue;  ///< used when the key is absent; null: absent means "automatic"
  double min = -std::numeric_limits<double>::infinity();  ///< smallest allowed value
  bool minExclusive = false;                              ///< true: value must be > min
  double max = std::numeric_limits<double>::infinity();   ///< largest allowed value
  std::string doc;                                        ///< one English sentence
  bool required = false;  ///< true: absence is an error (then defaultValue is null)
  std::string label;      ///< short English label ("Catchment radius") for the dock and the report
  std::string labelZh;    ///< the same in Chinese ("腹地半径")
  std::string docZh;      ///< doc in Chinese

  /// The words people read, declared with the parameter:
  /// `ParamSpec::positive("radius_km", …).words("Catchment radius", "腹地半径", "…")`.
  ParamSpec words(std::string labelEn, std::string labelChinese, std::string docChinese) && {
    label = std::move(labelEn);
    labelZh = std::move(labelChinese);
    docZh = std::move(docChinese);
    return std::move(*this);
  }

  /// The general form; the helpers below cover the usual cases.
  static ParamSpec make(std::string name, ParamType type, std::string unit, nlohmann::json defaultValue,
                        double min, bool minExclusive, double max, std::string doc, bool required = false) {
    ParamSpec spec;
    spec.name = std::move(name);
    spec.type = type;
    spec.unit = std::move(unit);
    spec.defaultValue = std::move(defaultValue);
    spec.min = min;
    spec.minExclusive = minExclusive;
    spec.max = max;
    spec.doc = std::move(doc);
    spec.required = required;
    return spec;
  }
  /// A number > 0 (a radius, a speed, a cap).
  static ParamSpec positive(std::string name, std::string unit, double defaultValue, std::string doc) {
    return make(std::move(name), ParamType::Number, std::move(unit), defaultValue, 0.0, true, kInf,
                std::move(doc));
  }
  /// Any finite number.
  static ParamSpec number(std::string name, std::string unit, double defaultValue, std::string doc) {
    return make(std::move(name), ParamType::Number, std::move(unit), defaultValue, -kInf, false, kInf,
                std::move(doc));
  }
  /// A whole number >= 0 (a count).
  static ParamSpec count(std::string name, int defaultValue, std::string doc) {
    return make(std::move(name), ParamType::Integer, "", defaultValue, 0.0, false, kInf, std::move(doc));
  }
  static ParamSpec boolean(std::string name, bool defaultValue, std::string doc) {
    return make(std::move(name), ParamType::Boolean, "", defaultValue, -kInf, false, kInf, std::move(doc));
  }
  /// A required list of texts (ids), no default.
  static ParamSpec requiredTextList(std::string name, std::string doc) {
    return make(std::move(name), ParamType::TextList, "", nlohmann::json(), -kInf, false, kInf,
                std::move(doc), true);
  }
  /// An object {name: number > 0}, empty by default.
  static ParamSpec positiveMap(std::string name, std::string unit, std::string doc) {
    return make(std::move(name), ParamType::NumberMap, std::move(unit), nlohmann::json::object(), 0.0, true,
                kInf, std::move(doc));
  }
};

/// "> 0", ">= 0", "0 – 1", "any" for messages and docs.
std::string paramRangeText(const ParamSpec& spec);

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
  /// The criterion's parameters, all of them (any other key in params is an error).
  /// Default: none.
  virtual std::vector<ParamSpec> parameters() const { return {}; }
  /// Validates params and inputs needed; throws InputError naming the criterion.
  virtual std::vector<double> compute(const CriterionContext& context,
                                      const nlohmann::json& params) const = 0;
  /// True when a park's raw value depends only on its host region (Park::region) and on
  /// region-level data, never on the park's own location or attributes: a caller scoring
  /// many points (the candidate grid) may compute it for one point per region and give that
  /// value to every point of the region. Default: false.
  virtual bool perRegion() const { return false; }
  /// Raw values for every cell of a regular grid, when the criterion has a path there faster
  /// than compute() over the cells as parks (within its documented error budget; context's
  /// parks are empty then); std::nullopt: the caller uses compute(). Default: std::nullopt.
  virtual std::optional<std::vector<double>> computeGrid(const CriterionContext& /*context*/,
                                                         const nlohmann::json& /*params*/,
                                                         const GridCells& /*cells*/) const {
    return std::nullopt;
  }
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

/// The names of a criterion, declared once: id, labels in both languages, the unit of its raw
/// value and its default direction.
struct CriterionDescription {
  std::string id;       ///< stable lowercase id, e.g. "labour_pool"
  std::string label;    ///< English
  std::string labelZh;  ///< Chinese
  std::string unit;     ///< of the raw value, e.g. "km", "ratio", "share", "10k persons"
  Direction direction;  ///< default direction
};

/// A criterion with fixed names (every built-in but field:<name>): its constructor passes one
/// CriterionDescription, e.g. `Land() : DescribedCriterion({"land", "Land availability", "土地供给",
/// "ratio", Direction::Benefit}) {}`.
class DescribedCriterion : public Criterion {
 public:
  explicit DescribedCriterion(CriterionDescription info) : m_info(std::move(info)) {}
  std::string id() const override { return m_info.id; }
  std::string label() const override { return m_info.label; }
  std::string labelZh() const override { return m_info.labelZh; }
  std::string unit() const override { return m_info.unit; }
  Direction defaultDirection() const override { return m_info.direction; }

 private:
  CriterionDescription m_info;
};

/// Problems of `params` against criterion.parameters(): not an object, unknown keys, wrong
/// types, values out of range; all of them, each "<id>: params.<key>: ...". Never throws.
std::vector<std::string> paramProblems(const Criterion& criterion, const nlohmann::json& params);

/// `params` checked against criterion.parameters() with the defaults filled in (an object).
/// Throws InputError listing every problem of paramProblems() ("; "-separated).
nlohmann::json resolveParams(const Criterion& criterion, const nlohmann::json& params);

/// What validate() reports for one criterion: paramProblems() as fatal problems, then
/// criterion.check(). Never throws.
std::vector<Problem> checkCriterion(const Criterion& criterion, const CriterionContext& context,
                                    const nlohmann::json& params);

using CriterionFactory = std::function<std::unique_ptr<Criterion>(const std::string& id)>;

/// Registry of criteria by id. "field:<name>" ids are served by the prefix factory.
class CriterionRegistry {
 public:
  static CriterionRegistry& instance();
  /// Registers an exact id. Returns true (for static initialisers). Throws std::logic_error
  /// when the id is already registered (two criteria claiming one id is a programming error).
  bool add(const std::string& id, CriterionFactory factory);
  /// Registers a prefix factory ("field:" -> any id starting with it). Throws
  /// std::logic_error for a prefix registered twice.
  bool addPrefix(const std::string& prefix, CriterionFactory factory);
  /// Throws InputError "unknown criterion 'x' (known: ...)".
  std::unique_ptr<Criterion> create(const std::string& id) const;
  bool contains(const std::string& id) const;
  std::vector<std::string> ids() const;  ///< exact ids, sorted; prefixes as "field:<name>"

 private:
  std::vector<std::pair<std::string, CriterionFactory>> m_exact;
  std::vector<std::pair<std::string, CriterionFactory>> m_prefix;
};

/// Output field prefix of a criterion id: "field:land_price" -> "field_land_price",
/// "field:GDP-2020" -> "field_gdp_2020", "field:人口" -> "field_人口" (A-Z lowered, every other
/// ASCII character outside [a-z0-9_] becomes '_', non-ASCII UTF-8 kept). Fields are
/// <prefix>_raw, _norm, _contrib. The one rule: layers and the plugin call it too.
std::string criterionFieldPrefix(const std::string& id);

}  // namespace clustershift

/// Registers criterion class C (default-constructible) under id ID in its own .cpp file.
#define CLUSTERSHIFT_REGISTER_CRITERION(ID, C)                                          \
  namespace {                                                                           \
  const bool kRegistered_##C = ::clustershift::CriterionRegistry::instance().add(      \
      ID, [](const std::string&) { return std::unique_ptr<::clustershift::Criterion>(new C()); }); \
  }
