#pragma once
// Small helpers shared by criterion implementations: locations for messages and checks
// for the columns a criterion needs.
#include <functional>
#include <initializer_list>
#include <optional>
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
/// Throws InputError "<criterion>: <regions label> has no field for column '<c>' (map it in
/// data.regions.fields)" for the first of `columns` no region has (compute()'s check).
void requireRegionColumns(const Inputs& inputs, const std::string& criterion,
                          std::initializer_list<const char*> columns);
/// Appends a fatal problem when no park has `column`.
void requireParkColumn(const CriterionContext& context, const std::string& criterion,
                       const std::string& column, std::vector<Problem>& problems);

/// The parks a run scores: located, inside a region (Park::region joined) and not in the source
/// region; the rule run() applies before computing any criterion.
std::vector<bool> candidateParks(const Inputs& inputs, int sourceRegion);

/// The one check that a criterion has something to rank: when some parks are candidates and not
/// one of them has a value in `values` (one per park, NaN = NULL), a fatal problem
/// "<criterion>: no value for any of the N candidate parks, every one is NULL (first: <the first
/// warning of `warnings` that starts with the criterion id>)". run() calls it on each criterion's
/// computed values, validate() (through requireSomeValue) before any heavy work.
std::optional<Problem> noValueProblem(const std::string& criterion, const std::vector<double>& values,
                                      const std::vector<bool>& candidates,
                                      const std::vector<Problem>& warnings, const std::string& where);

/// For a criterion cheap to compute (a column per park or host region): computes it as run()
/// would, its warnings kept aside, and appends noValueProblem()'s problem, so validate() reports a
/// criterion that can only be NULL. A compute error is left to run() (this never throws).
void requireSomeValue(const Criterion& criterion, const CriterionContext& context,
                      const nlohmann::json& params, std::vector<Problem>& problems);

/// Warning about one park through feedback, with its code and values (Problem).
void warnPark(const CriterionContext& context, int park, const std::string& message,
              const std::string& code = {}, std::map<std::string, std::string> values = {});

/// The park's host region; nullptr, with the warning "<criterion>: park lies outside every region"
/// (park_outside_regions_for), for a park outside every region.
const Region* hostRegion(const CriterionContext& context, const std::string& criterion, int park);
/// One raw value per park from its host region: value(park, host) where hostRegion() finds one,
/// NaN (with its warning) where it does not. value() may warn and return NaN itself.
std::vector<double> valuesByHostRegion(const CriterionContext& context, const std::string& criterion,
                                       const std::function<double(int park, const Region& host)>& value);

}  // namespace clustershift::detail
