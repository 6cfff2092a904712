// Descriptor tables of the decision settings: one list of names each (clustershift/methods.h).
#include <gtest/gtest.h>

#include "clustershift/error.h"
#include "clustershift/methods.h"

namespace clustershift {
namespace {

TEST(Methods, TablesAreInEnumOrder) {
  EXPECT_STREQ(info(Aggregation::Topsis).name, "topsis");
  EXPECT_STREQ(info(WeightingMethod::Blend).name, "blend");
  EXPECT_STREQ(info(MissingPolicy::Mean).name, "mean");
  EXPECT_STREQ(info(ValueFunctionType::Gaussian).name, "gaussian");
  EXPECT_EQ(methodNames(aggregations()), (std::vector<std::string>{"wlc", "wpm", "topsis"}));
  for (const auto* table :
       {&aggregations(), &weightingMethods(), &missingPolicies(), &valueFunctionTypes()}) {
    for (const MethodInfo& m : *table) {
      EXPECT_GT(std::string(m.label).size(), 0u) << m.name;
      EXPECT_GT(std::string(m.labelZh).size(), 0u) << m.name;
    }
  }
}

TEST(Methods, NamesRoundTripAndUnknownNamesListTheKnown) {
  EXPECT_EQ(aggregationFromName("wpm"), Aggregation::Wpm);
  EXPECT_EQ(weightingMethodFromName("critic"), WeightingMethod::Critic);
  EXPECT_EQ(missingPolicyFromName("worst"), MissingPolicy::Worst);
  EXPECT_EQ(valueFunctionTypeFromName(""), ValueFunctionType::MinMax);
  try {
    missingPolicyFromName("zero");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "missing: unknown policy 'zero' (known: exclude, worst, mean)");
  }
  EXPECT_THROW(weightingMethodFromName("AHP"), InputError);  // names are case-sensitive
}

}  // namespace
}  // namespace clustershift
