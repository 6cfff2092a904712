#include <gtest/gtest.h>

#include <algorithm>

#include "clustershift/criterion.h"

namespace clustershift {
namespace {

TEST(CriterionRegistry, BuiltinsRegisterThemselves) {
  const CriterionRegistry& registry = CriterionRegistry::instance();
  for (const char* id : {"labour_cost", "land", "distance_source", "policy_level"}) {
    EXPECT_TRUE(registry.contains(id)) << id;
    EXPECT_EQ(registry.create(id)->id(), id);
  }
  std::vector<std::string> ids = registry.ids();
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end() - 1));
  EXPECT_NE(std::find(ids.begin(), ids.end(), "field:<name>"), ids.end());
}

TEST(CriterionRegistry, PrefixIdsNeedAName) {
  const CriterionRegistry& registry = CriterionRegistry::instance();
  EXPECT_TRUE(registry.contains("field:gdp"));
  EXPECT_FALSE(registry.contains("field:"));
  EXPECT_EQ(registry.create("field:gdp")->id(), "field:gdp");
}

TEST(CriterionRegistry, UnknownIdListsTheKnownOnes) {
  try {
    CriterionRegistry::instance().create("labor_cost");
    FAIL();
  } catch (const InputError& e) {
    std::string text = e.what();
    EXPECT_EQ(text.rfind("unknown criterion 'labor_cost' (known: ", 0), 0u) << text;
    EXPECT_NE(text.find("labour_cost"), std::string::npos);
  }
}

TEST(CriterionRegistry, DuplicateRegistrationKeepsTheFirst) {
  CriterionRegistry registry;
  auto factory = [](const std::string&) { return std::unique_ptr<Criterion>(); };
  EXPECT_TRUE(registry.add("x", factory));
  EXPECT_FALSE(registry.add("x", factory));
  EXPECT_EQ(registry.ids(), std::vector<std::string>{"x"});
}

TEST(CriterionFieldPrefix, OutputFieldNames) {
  EXPECT_EQ(criterionFieldPrefix("labour_cost"), "labour_cost");
  EXPECT_EQ(criterionFieldPrefix("field:land_price"), "field_land_price");
  EXPECT_EQ(criterionFieldPrefix("field:GDP-2020"), "field_gdp_2020");
}

}  // namespace
}  // namespace clustershift
