#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

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

TEST(CriterionRegistry, DuplicateRegistrationIsAnError) {
  CriterionRegistry registry;
  auto factory = [](const std::string&) { return std::unique_ptr<Criterion>(); };
  EXPECT_TRUE(registry.add("x", factory));
  try {
    registry.add("x", factory);
    FAIL() << "expected std::logic_error";
  } catch (const std::logic_error& e) {
    EXPECT_STREQ(e.what(), "criterion id 'x' is registered twice");
  }
  EXPECT_EQ(registry.ids(), std::vector<std::string>{"x"});
  EXPECT_TRUE(registry.addPrefix("p:", factory));
  EXPECT_THROW(registry.addPrefix("p:", factory), std::logic_error);
}

TEST(CriterionRegistry, EveryBuiltinDeclaresWellFormedParameters) {
  const CriterionRegistry& registry = CriterionRegistry::instance();
  for (const std::string& id : registry.ids()) {
    if (id.find('<') != std::string::npos) continue;  // "field:<name>"
    const auto criterion = registry.create(id);
    for (const ParamSpec& spec : criterion->parameters()) {
      EXPECT_FALSE(spec.name.empty()) << id;
      EXPECT_FALSE(spec.doc.empty()) << id << "." << spec.name;
      if (spec.required) continue;  // no default to pass
      // Every default passes the criterion's own validation.
      nlohmann::json params = nlohmann::json::object();
      params[spec.name] = spec.defaultValue;
      EXPECT_TRUE(paramProblems(*criterion, params).empty()) << id << "." << spec.name;
    }
  }
}

TEST(CriterionFieldPrefix, OutputFieldNames) {
  EXPECT_EQ(criterionFieldPrefix("labour_cost"), "labour_cost");
  EXPECT_EQ(criterionFieldPrefix("field:land_price"), "field_land_price");
  EXPECT_EQ(criterionFieldPrefix("field:GDP-2020"), "field_gdp_2020");
  EXPECT_EQ(criterionFieldPrefix("field:人口 密度"), "field_人口_密度");  // UTF-8 kept, the space replaced
}

}  // namespace
}  // namespace clustershift
