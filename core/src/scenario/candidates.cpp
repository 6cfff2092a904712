// The scenario's "candidates" block (scenario/candidates.h).
#include "scenario/candidates.h"

#include <cmath>

namespace clustershift::detail {

namespace {
// A 100 m grid over a province already has millions of cells; finer is a raster job.
constexpr double kMinGridKm = 0.1;
constexpr long long kMaxKeep = 100000;
}  // namespace

void parseCandidates(JsonReader& reader, const nlohmann::json& json, const std::string& path,
                     CandidateOptions& options) {
  if (!reader.object(json, path)) return;
  reader.allowedKeys(json, path, {"grid_km", "keep", "raster", "spacing_km", "per_region"});
  if (auto v = reader.number(json, path, "grid_km", true)) {
    if (!(*v >= kMinGridKm) || !std::isfinite(*v))
      reader.fail(joinPath(path, "grid_km"),
                  "must be a cell side >= " + numberText(kMinGridKm) + " km, got " + numberText(*v),
                  "out_of_bounds_got",
                  {{"range", ">= " + numberText(kMinGridKm)}, {"unit", "km"}, {"got", numberText(*v)}});
    else
      options.gridKm = *v;
  }
  if (auto v = reader.integer(json, path, "keep")) {
    if (*v < 1 || *v > kMaxKeep)
      reader.fail(joinPath(path, "keep"),
                  "must be in [1, " + std::to_string(kMaxKeep) + "], got " + std::to_string(*v));
    else
      options.keep = static_cast<int>(*v);
  }
  if (auto v = reader.boolean(json, path, "raster")) options.raster = *v;
  if (auto v = reader.number(json, path, "spacing_km")) {
    if (!(*v >= 0) || !std::isfinite(*v))
      reader.fail(joinPath(path, "spacing_km"),
                  "must be a distance >= 0 km (0: no spacing), got " + numberText(*v), "out_of_bounds_got",
                  {{"range", ">= 0"}, {"unit", "km"}, {"got", numberText(*v)}});
    else
      options.spacingKm = *v;
  }
  if (auto v = reader.integer(json, path, "per_region")) {
    if (*v < 0 || *v > kMaxKeep)
      reader.fail(joinPath(path, "per_region"),
                  "must be in [0, " + std::to_string(kMaxKeep) + "] (0: no limit), got " + std::to_string(*v),
                  "out_of_bounds_got",
                  {{"range", "[0, " + std::to_string(kMaxKeep) + "]"}, {"got", std::to_string(*v)}});
    else
      options.perRegion = static_cast<int>(*v);
  }
}

nlohmann::json candidatesJson(const CandidateOptions& options) {
  return {{"grid_km", options.gridKm},
          {"keep", options.keep},
          {"raster", options.raster},
          {"spacing_km", options.spacingKm},
          {"per_region", options.perRegion}};
}

}  // namespace clustershift::detail
