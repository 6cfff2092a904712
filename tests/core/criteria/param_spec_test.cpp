// Declared criterion parameters: one validation for every criterion (criterion.h).
#include <gtest/gtest.h>

#include "clustershift/criterion.h"
#include "clustershift/error.h"

namespace clustershift {
namespace {

// A criterion with one parameter of each type, declared as a planner's criterion would.
class Declared final : public Criterion {
 public:
  std::string id() const override { return "declared"; }
  std::string label() const override { return "Declared"; }
  std::string labelZh() const override { return "声明"; }
  std::string unit() const override { return "km"; }
  Direction defaultDirection() const override { return Direction::Cost; }
  std::vector<ParamSpec> parameters() const override {
    return {ParamSpec::positive("radius_km", "km", 50.0, "Radius."),
            ParamSpec::count("threads", 0, "Threads."), ParamSpec::boolean("strict", false, "Strict."),
            ParamSpec::positiveMap("speeds_kmh", "km/h", "Speeds."),
            ParamSpec::make("share", ParamType::Number, "share", nlohmann::json(), 0.0, false, 1.0,
                            "Share, no default.")};
  }
  std::vector<double> compute(const CriterionContext&, const nlohmann::json&) const override { return {}; }
};

TEST(ParamSpec, DefaultsAreFilledInAndGivenValuesKept) {
  const Declared c;
  const nlohmann::json r = resolveParams(c, {{"radius_km", 20}});
  EXPECT_EQ(r.at("radius_km"), 20);
  EXPECT_EQ(r.at("threads"), 0);
  EXPECT_EQ(r.at("strict"), false);
  EXPECT_EQ(r.at("speeds_kmh"), nlohmann::json::object());
  EXPECT_FALSE(r.contains("share"));  // no default: absent stays absent
  EXPECT_EQ(resolveParams(c, nullptr).at("radius_km"), 50.0);
  EXPECT_EQ(resolveParams(c, {{"radius_km", nullptr}}).at("radius_km"), 50.0);  // null: the default
}

TEST(ParamSpec, EveryProblemIsListedWithItsKeyAndValue) {
  const Declared c;
  const auto problems = paramProblems(c, {{"radius_km", 0},
                                          {"threads", 1.5},
                                          {"strict", 1},
                                          {"speeds_kmh", {{"motorway", -3}}},
                                          {"share", 1.2},
                                          {"radius", 5}});
  ASSERT_EQ(problems.size(), 6u);
  // nlohmann objects iterate in key order.
  EXPECT_EQ(
      problems[0],
      "declared: params.radius: unknown parameter (known: radius_km, threads, strict, speeds_kmh, share)");
  EXPECT_EQ(problems[1], "declared: params.radius_km: must be > 0, got 0");
  EXPECT_EQ(problems[2], "declared: params.share: must be 0 – 1, got 1.2");
  EXPECT_EQ(problems[3], "declared: params.speeds_kmh.motorway: must be > 0, got -3");
  EXPECT_EQ(problems[4], "declared: params.strict: expected true or false, got 1");
  EXPECT_EQ(problems[5], "declared: params.threads: expected a whole number, got 1.5");
  try {
    resolveParams(c, {{"radius_km", "far"}, {"threads", -1}});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(),
                 "declared: params.radius_km: expected a number, got \"far\"; "
                 "declared: params.threads: must be >= 0, got -1");
  }
  EXPECT_EQ(paramProblems(c, nlohmann::json::array()),
            std::vector<std::string>{"declared: params: expected an object, got []"});
}

// A required list of ids (as the pairing criterion's partners).
class WithList final : public Criterion {
 public:
  std::string id() const override { return "listed"; }
  std::string label() const override { return "Listed"; }
  std::string labelZh() const override { return "列表"; }
  std::string unit() const override { return "0/1"; }
  Direction defaultDirection() const override { return Direction::Benefit; }
  std::vector<ParamSpec> parameters() const override {
    return {ParamSpec::requiredTextList("partners", "Partner region ids.")};
  }
  std::vector<double> compute(const CriterionContext&, const nlohmann::json&) const override { return {}; }
};

TEST(ParamSpec, RequiredTextList) {
  const WithList c;
  EXPECT_EQ(paramProblems(c, nullptr),
            std::vector<std::string>{"listed: params.partners is required (Partner region ids.)"});
  EXPECT_EQ(paramProblems(c, nlohmann::json::object()),
            std::vector<std::string>{"listed: params.partners is required (Partner region ids.)"});
  EXPECT_EQ(paramProblems(c, {{"partners", {"321300", 200}}}),
            std::vector<std::string>{"listed: params.partners[1]: expected a text, got 200"});
  EXPECT_EQ(paramProblems(c, {{"partners", nlohmann::json::array()}}),
            std::vector<std::string>{"listed: params.partners: expected a non-empty list of texts, got []"});
}

TEST(ParamSpec, RangeAndTypeText) {
  EXPECT_EQ(paramRangeText(ParamSpec::positive("a", "", 1, "")), "> 0");
  EXPECT_EQ(paramRangeText(ParamSpec::count("a", 1, "")), ">= 0");
  EXPECT_EQ(paramRangeText(ParamSpec::number("a", "", 1, "")), "any");
  EXPECT_STREQ(paramTypeName(ParamType::NumberMap), "number map");
}

TEST(ParamSpec, BuiltinDefaultsAreDeclaredOnce) {
  // The defaults that the report and the plugin show come from the declaration.
  const auto labourPool = CriterionRegistry::instance().create("labour_pool");
  EXPECT_EQ(resolveParams(*labourPool, nullptr).at("radius_km"), 50.0);
  const auto travel = CriterionRegistry::instance().create("travel_time_source");
  EXPECT_EQ(resolveParams(*travel, nullptr).at("max_snap_km"), 10.0);
}

TEST(ParamSpecWords, EveryDeclaredOptionCarriesItsLabelsAndDocsInBothLanguages) {
  // The dock, `validate`, the report's methods table and --list-criteria read these words from
  // the declaration; a criterion with an option and no words is caught here, not on screen.
  int options = 0;
  for (const std::string& id : CriterionRegistry::instance().ids()) {
    const std::unique_ptr<Criterion> c = CriterionRegistry::instance().create(id);
    for (const ParamSpec& spec : c->parameters()) {
      ++options;
      EXPECT_FALSE(spec.label.empty()) << id << "/" << spec.name;
      EXPECT_FALSE(spec.labelZh.empty()) << id << "/" << spec.name;
      EXPECT_FALSE(spec.doc.empty()) << id << "/" << spec.name;
      EXPECT_FALSE(spec.docZh.empty()) << id << "/" << spec.name;
    }
  }
  EXPECT_GE(options, 18);  // the twelve criteria's options and sector_share's
}

}  // namespace
}  // namespace clustershift
