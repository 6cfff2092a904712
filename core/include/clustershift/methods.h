#pragma once
// The named choices of a scenario's decision settings, each with one descriptor table:
// the name written in scenario files, CLI options and processing parameters, its English and
// Chinese labels for the plugin and the report, and the methods appendix's description. Scenario
// files keep the names; code switches on the enums, whose order is the table's.
#include <string>
#include <vector>

namespace clustershift {

/// One row of a descriptor table.
struct MethodInfo {
  const char* name;     ///< in scenario files, CLI and processing parameters ("wlc")
  const char* label;    ///< English
  const char* labelZh;  ///< Chinese
  /// What it does, with its formula or citation, for the report's methods appendix (English,
  /// Chinese); "" where the label says it all.
  const char* description = "";
  const char* descriptionZh = "";
};

/// Aggregation of the criterion values into one score (core/src/mcda/{wlc,wpm,topsis}.cpp).
enum class Aggregation { Wlc, Wpm, Topsis };
/// How the weights are made (core/src/mcda/{direct_weights,ahp,entropy,critic,blend}.cpp).
enum class WeightingMethod { Direct, Ahp, Entropy, Critic, Blend };
/// What happens to a candidate with a missing raw value (mcda::decide).
enum class MissingPolicy { Exclude, Worst, Mean };
/// Value function turning raw values into 0..1 (core/src/mcda/normalise.cpp).
enum class ValueFunctionType { MinMax, Vector, None, Linear, Sigmoid, Gaussian };

/// The tables, in enum order.
const std::vector<MethodInfo>& aggregations();
const std::vector<MethodInfo>& weightingMethods();
const std::vector<MethodInfo>& missingPolicies();
const std::vector<MethodInfo>& valueFunctionTypes();

/// The names of a table as a list: {"wlc", "wpm", "topsis"}.
std::vector<std::string> methodNames(const std::vector<MethodInfo>& table);

/// Parsing a name; throws InputError "<what>: unknown method 'x' (known: wlc, wpm, topsis)".
Aggregation aggregationFromName(const std::string& name, const std::string& what = "aggregation");
WeightingMethod weightingMethodFromName(const std::string& name,
                                        const std::string& what = "weighting.method");
MissingPolicy missingPolicyFromName(const std::string& name, const std::string& what = "missing");
/// "" is minmax (the default).
ValueFunctionType valueFunctionTypeFromName(const std::string& name,
                                            const std::string& what = "value function");

/// The row of a value: info(Aggregation::Wpm).name == "wpm".
const MethodInfo& info(Aggregation value);
const MethodInfo& info(WeightingMethod value);
const MethodInfo& info(MissingPolicy value);
const MethodInfo& info(ValueFunctionType value);

}  // namespace clustershift
