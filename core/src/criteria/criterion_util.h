#pragma once
// Small helpers shared by criterion implementations: locations for messages and checks
// for the columns a criterion needs.
#include <string>
#include <vector>

#include "clustershift/criterion.h"

namespace clustershift::detail {

/// "parks.gpkg/parks fid=17" (or "parks.gpkg/parks park 'P1'" when no fid).
std::string parkWhere(const Inputs& inputs, int park);
/// "regions.gpkg/regions fid=3".
std::string regionWhere(const Inputs& inputs, int region);

/// true when at least one region / park has the core column (the source had the field).
bool regionsHaveColumn(const Inputs& inputs, const std::string& column);
bool parksHaveColumn(const Inputs& inputs, const std::string& column);

/// Appends a fatal problem when no region has `column`, or when the source region's value
/// is missing or not > 0 (when `sourceMustBePositive`).
void requireRegionColumn(const CriterionContext& context, const std::string& criterion,
                         const std::string& column, bool sourceMustBePositive,
                         std::vector<Problem>& problems);
/// Appends a fatal problem when no park has `column`.
void requireParkColumn(const CriterionContext& context, const std::string& criterion,
                       const std::string& column, std::vector<Problem>& problems);

/// Warning about one park through feedback.
void warnPark(const CriterionContext& context, int park, const std::string& message);

/// Fixed-point text with `decimals` digits ("120.0").
std::string fixed(double value, int decimals);

}  // namespace clustershift::detail
