// field:<name>: any numeric attribute of the park, else of its host region (core column or
// extra field). The column is chosen once for all parks: the park layer if any park has it.
#include <algorithm>

#include "clustershift/criterion.h"
#include "criteria/criterion_util.h"

namespace clustershift {
namespace {

constexpr const char* kPrefix = "field:";

/// Labels and units of the core columns (data.h) for reports and tables; other fields keep their name.
struct ColumnLabel {
  const char* name;
  const char* en;
  const char* zh;
  const char* unit;
};
constexpr ColumnLabel kColumnLabels[] = {
    {"population", "Population", "常住人口", "10k persons"},
    {"working_age", "Working-age population", "劳动年龄人口", "10k persons"},
    {"gdp", "GDP", "地区生产总值", "亿元"},
    {"y1", "Primary-sector value added", "第一产业增加值", "亿元"},
    {"y2", "Secondary-sector value added", "第二产业增加值", "亿元"},
    {"y3", "Tertiary-sector value added", "第三产业增加值", "亿元"},
    {"l1", "Primary-sector employment", "第一产业就业", "10k persons"},
    {"l2", "Secondary-sector employment", "第二产业就业", "10k persons"},
    {"l3", "Tertiary-sector employment", "第三产业就业", "10k persons"},
    {"wage", "Average wage", "平均工资", "yuan/year"},
    {"rd", "R&D expenditure", "研发经费支出", "亿元"},
    {"land_price", "Industrial land price", "工业用地价格", "yuan/m²"},
    {"area_ha", "Park area", "园区面积", "ha"},
    {"available_ha", "Available land", "可用土地", "ha"},
};

const ColumnLabel* columnLabel(const std::string& name) {
  for (const ColumnLabel& c : kColumnLabels)
    if (name == c.name) return &c;
  return nullptr;
}

enum class Where { Park, Region, None };

template <typename T>
bool has(const T& item, const std::string& name) {
  return item.values.count(name) > 0 || item.extra.count(name) > 0;
}

template <typename T>
double get(const T& item, const std::string& name) {
  auto it = item.values.find(name);
  if (it != item.values.end()) return it->second;
  auto e = item.extra.find(name);
  return e == item.extra.end() ? kNaN : e->second;
}

class FieldCriterion : public Criterion {
 public:
  explicit FieldCriterion(std::string id) : m_id(std::move(id)), m_name(m_id.substr(6)) {}
  std::string id() const override { return m_id; }
  std::string label() const override {
    const ColumnLabel* c = columnLabel(m_name);
    return c ? c->en : m_name;
  }
  std::string labelZh() const override {
    const ColumnLabel* c = columnLabel(m_name);
    return c ? c->zh : m_name;
  }
  std::string unit() const override {
    const ColumnLabel* c = columnLabel(m_name);
    return c ? c->unit : "";
  }
  Direction defaultDirection() const override { return Direction::Benefit; }

  std::vector<Problem> check(const CriterionContext& context, const nlohmann::json& params) const override {
    if (locate(context.inputs) != Where::None) {
      std::vector<Problem> problems;
      detail::requireSomeValue(*this, context, params, problems);
      return problems;
    }
    return {codedProblem(Severity::Fatal, context.inputs.parksLabel,
                         "criterion " + m_id + ": no numeric field '" + m_name + "' in " +
                             context.inputs.parksLabel + " or " + context.inputs.regionsLabel,
                         {}, "field_criterion_without_field",
                         {{"criterion", m_id}, {"field", m_name}, {"regions", context.inputs.regionsLabel}})};
  }

  std::vector<double> compute(const CriterionContext& context,
                              const nlohmann::json& /*params*/) const override {
    const Inputs& inputs = context.inputs;
    Where where = locate(inputs);
    if (where == Where::None) {
      throw InputError(m_id + ": no numeric field '" + m_name + "' in " + inputs.parksLabel +
                       " or " + inputs.regionsLabel);
    }
    std::vector<double> raw(inputs.parks.size(), kNaN);
    int missing = 0;
    for (std::size_t p = 0; p < inputs.parks.size(); ++p) {
      const Park& park = inputs.parks[p];
      if (where == Where::Park) {
        raw[p] = get(park, m_name);
      } else if (park.region >= 0) {
        raw[p] = get(inputs.regions[static_cast<std::size_t>(park.region)], m_name);
      } else {
        continue;  // outside every region: excluded anyway
      }
      if (isMissing(raw[p])) ++missing;
    }
    if (missing > 0) {
      context.feedback.warn(
          codedProblem(Severity::Warning, where == Where::Park ? inputs.parksLabel : inputs.regionsLabel,
                       m_id + ": " + std::to_string(missing) + " park(s) have no value for '" + m_name + "'",
                       {}, "parks_without_field_value",
                       {{"criterion", m_id}, {"count", std::to_string(missing)}, {"field", m_name}}));
    }
    return raw;
  }

 private:
  Where locate(const Inputs& inputs) const {
    if (std::any_of(inputs.parks.begin(), inputs.parks.end(),
                    [&](const Park& p) { return has(p, m_name); })) {
      return Where::Park;
    }
    if (std::any_of(inputs.regions.begin(), inputs.regions.end(),
                    [&](const Region& r) { return has(r, m_name); })) {
      return Where::Region;
    }
    return Where::None;
  }

  std::string m_id;
  std::string m_name;
};

const bool kRegisteredField = CriterionRegistry::instance().addPrefix(
    kPrefix, [](const std::string& id) { return std::unique_ptr<Criterion>(new FieldCriterion(id)); });

}  // namespace
}  // namespace clustershift
