#include "criteria/criterion_util.h"
#include "clustershift/util.h"

#include <algorithm>
#include <cstdio>
#include <exception>

namespace clustershift::detail {

std::string parkWhere(const Inputs& inputs, int park) {
  const Park& p = inputs.parks.at(static_cast<std::size_t>(park));
  if (p.fid.empty()) return inputs.parksLabel + " park '" + p.id + "'";
  return inputs.parksLabel + " fid=" + p.fid;
}

std::string regionWhere(const Inputs& inputs, int region) {
  const Region& r = inputs.regions.at(static_cast<std::size_t>(region));
  if (r.fid.empty()) return inputs.regionsLabel + " region '" + r.id + "'";
  return inputs.regionsLabel + " fid=" + r.fid;
}

bool regionsHaveColumn(const Inputs& inputs, const std::string& column) {
  return std::any_of(inputs.regions.begin(), inputs.regions.end(),
                     [&](const Region& r) { return r.values.count(column) > 0; });
}

bool parksHaveColumn(const Inputs& inputs, const std::string& column) {
  return std::any_of(inputs.parks.begin(), inputs.parks.end(),
                     [&](const Park& p) { return p.values.count(column) > 0; });
}

void requireRegionColumn(const CriterionContext& context, const std::string& criterion,
                         const std::string& column, bool sourceMustBePositive,
                         std::vector<Problem>& problems) {
  const Inputs& inputs = context.inputs;
  if (!regionsHaveColumn(inputs, column)) {
    problems.push_back(codedProblem(Severity::Fatal, inputs.regionsLabel,
                                    "has no field for column '" + column + "', needed by criterion " +
                                        criterion + " (map it in data.regions.fields)",
                                    {}, "region_column_missing",
                                    {{"column", column}, {"criterion", criterion}}));
    return;
  }
  if (!sourceMustBePositive || context.sourceRegion < 0) return;
  const Region& source = inputs.regions[static_cast<std::size_t>(context.sourceRegion)];
  double v = source.value(column);
  if (isMissing(v) || !(v > 0)) {
    std::map<std::string, std::string> values{
        {"id", source.id}, {"criterion", criterion}, {"column", column}};
    if (!isMissing(v)) values["value"] = util::formatFixed(v, 2);
    problems.push_back(codedProblem(
        Severity::Fatal, regionWhere(inputs, context.sourceRegion) + " field '" + column + "'",
        "source region '" + source.id + "' has " +
            (isMissing(v) ? std::string("no value") : "value " + util::formatFixed(v, 2)) + ", criterion " +
            criterion + " needs a value > 0",
        source.id, isMissing(v) ? "source_value_missing" : "source_value_not_positive", std::move(values)));
  }
}

void requireRegionColumns(const Inputs& inputs, const std::string& criterion,
                          std::initializer_list<const char*> columns) {
  for (const char* column : columns)
    if (!regionsHaveColumn(inputs, column))
      throw InputError(criterion + ": " + inputs.regionsLabel + " has no field for column '" + column +
                       "' (map it in data.regions.fields)");
}

void requireParkColumn(const CriterionContext& context, const std::string& criterion,
                       const std::string& column, std::vector<Problem>& problems) {
  if (parksHaveColumn(context.inputs, column)) return;
  problems.push_back(codedProblem(Severity::Fatal, context.inputs.parksLabel,
                                  "has no field for column '" + column + "', needed by criterion " +
                                      criterion + " (map it in data.parks.fields)",
                                  {}, "park_column_missing", {{"column", column}, {"criterion", criterion}}));
}

std::vector<bool> candidateParks(const Inputs& inputs, int sourceRegion) {
  std::vector<bool> candidates(inputs.parks.size(), false);
  for (std::size_t p = 0; p < inputs.parks.size(); ++p) {
    const Park& park = inputs.parks[p];
    candidates[p] =
        !isMissing(park.lon) && !isMissing(park.lat) && park.region >= 0 && park.region != sourceRegion;
  }
  return candidates;
}

std::optional<Problem> noValueProblem(const std::string& criterion, const std::vector<double>& values,
                                      const std::vector<bool>& candidates,
                                      const std::vector<Problem>& warnings, const std::string& where) {
  std::size_t count = 0;
  for (std::size_t p = 0; p < candidates.size(); ++p) {
    if (!candidates[p]) continue;
    ++count;
    if (p < values.size() && !isMissing(values[p])) return std::nullopt;
  }
  if (count == 0) return std::nullopt;
  std::string why;
  std::map<std::string, std::string> figures{{"criterion", criterion}, {"count", std::to_string(count)}};
  for (const Problem& w : warnings)
    if (w.message.rfind(criterion, 0) == 0) {
      why = " (first: " + w.text() + ")";
      // The first warning, for a UI's own wording: its where, code and values under "first.".
      figures["first.where"] = w.where;
      figures["first.code"] = w.code;
      figures["first.text"] = w.text();
      for (const auto& [key, value] : w.values) figures["first." + key] = value;
      break;
    }
  return codedProblem(Severity::Fatal, where,
                      criterion + ": no value for any of the " + std::to_string(count) +
                          " candidate parks, every one is NULL" + why,
                      {}, "criterion_all_null", std::move(figures));
}

void requireSomeValue(const Criterion& criterion, const CriterionContext& context,
                      const nlohmann::json& params, std::vector<Problem>& problems) {
  Feedback aside;
  const CriterionContext quiet{context.scenario,  context.inputs,    context.sourceRegion,
                               context.sourceLon, context.sourceLat, aside};
  std::vector<double> values;
  try {
    values = criterion.compute(quiet, params);
  } catch (const std::exception&) {
    return;  // run() reports it; check() has already said what is missing
  }
  const std::optional<Problem> problem =
      noValueProblem(criterion.id(), values, candidateParks(context.inputs, context.sourceRegion),
                     aside.warnings(), context.inputs.parksLabel);
  if (problem) problems.push_back(*problem);
}

void warnPark(const CriterionContext& context, int park, const std::string& message, const std::string& code,
              std::map<std::string, std::string> values) {
  const Park& p = context.inputs.parks.at(static_cast<std::size_t>(park));
  context.feedback.warn(codedProblem(Severity::Warning, parkWhere(context.inputs, park), message, p.id, code,
                                     std::move(values)));
}

const Region* hostRegion(const CriterionContext& context, const std::string& criterion, int park) {
  const int region = context.inputs.parks.at(static_cast<std::size_t>(park)).region;
  if (region >= 0) return &context.inputs.regions.at(static_cast<std::size_t>(region));
  warnPark(context, park, criterion + ": park lies outside every region", "park_outside_regions_for",
           {{"criterion", criterion}});
  return nullptr;
}

std::vector<double> valuesByHostRegion(const CriterionContext& context, const std::string& criterion,
                                       const std::function<double(int park, const Region& host)>& value) {
  std::vector<double> raw(context.inputs.parks.size(), kNaN);
  for (std::size_t p = 0; p < raw.size(); ++p)
    if (const Region* host = hostRegion(context, criterion, static_cast<int>(p)))
      raw[p] = value(static_cast<int>(p), *host);
  return raw;
}

}  // namespace clustershift::detail
