#include "clustershift/effects.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace clustershift;

namespace {
std::string errorOf(const nlohmann::json& j) {
  try {
    parseEffectsParams(j);
  } catch (const ValidationError& e) {
    std::string text;
    for (const Problem& p : e.problems()) text += p.text() + "\n";
    return text;
  }
  return "";
}
}  // namespace

TEST(EffectsParams, EmptyBlockGivesDocumentedDefaults) {
  const EffectsParams p = parseEffectsParams(nlohmann::json::object(), 0.4);
  EXPECT_EQ(p.host, "best");
  EXPECT_EQ(p.hostCount, 3);
  EXPECT_DOUBLE_EQ(p.theta, 0.6);
  EXPECT_DOUBLE_EQ(p.rho, 0.3);
  EXPECT_DOUBLE_EQ(p.mu, 0.05);
  EXPECT_DOUBLE_EQ(p.reemploymentProductivity, 0.35);
  EXPECT_DOUBLE_EQ(p.phi.partial, 0.6);
  EXPECT_DOUBLE_EQ(p.phi.replication, 0.4);
  EXPECT_DOUBLE_EQ(p.phi.complete, 0.2);
  EXPECT_GT(p.phi.partial, p.phi.replication);
  EXPECT_GT(p.phi.replication, p.phi.complete);
  EXPECT_DOUBLE_EQ(p.decayKm, 300);
  EXPECT_DOUBLE_EQ(p.lambda, 0.4);  // from the scenario's replication.scale
  EXPECT_DOUBLE_EQ(p.beta, 2);
  EXPECT_EQ(p.horizonYears, 10);
  EXPECT_DOUBLE_EQ(p.midpointYear, 3);
  EXPECT_DOUBLE_EQ(p.flqDelta, 0.3);
  EXPECT_DOUBLE_EQ(p.couplingA, 0.5);
  EXPECT_DOUBLE_EQ(p.couplingB, 0.5);
  EXPECT_EQ(p.mechanismWeights.size(), mechanismNames().size());
  EXPECT_EQ(p.mechanismScale.size(), mechanismNames().size());
  EXPECT_DOUBLE_EQ(p.tau, 0.5);
  EXPECT_DOUBLE_EQ(p.hubGrowth, 0.5);
  EXPECT_DOUBLE_EQ(p.reuse, 0.5);
  EXPECT_EQ(p.uncertainty.draws, 1000);
  EXPECT_TRUE(p.enabled);
}

TEST(EffectsParams, ReadsEveryKey) {
  const auto j = nlohmann::json::parse(R"({
    "host": "allocate", "host_count": 4, "theta": 0.2, "rho": 0.7, "mu": 0.1,
    "reemployment_productivity": 0.5,
    "phi": {"complete": 0.1, "partial": 0.9, "replication": 0.5}, "decay_km": 200,
    "lambda": 0.3, "beta": 1.5, "horizon_years": 8, "midpoint_year": 4, "steepness": 0.8,
    "flq_delta": 0.25, "coupling": {"a": 0.4, "b": 0.6},
    "mechanism_weights": {"inn": 2}, "mechanism_scale": {"str": 0.01},
    "tau": 0.3, "hub_growth": 0.8, "reuse": 0.2, "tax_rate": 0.1, "spillover_return": 0.5,
    "phi_reverse": {"partial": 0.4}, "agriculture_benchmark": 0.08, "enabled": false,
    "lp_pre_industrial": [1, 2, 2], "lp_developed": [20, 40, 40],
    "uncertainty": {"draws": 50, "seed": 7, "spread": 0.3, "lambda_spread": 0.1}})");
  const EffectsParams p = parseEffectsParams(j);
  EXPECT_EQ(p.host, "allocate");
  EXPECT_EQ(p.hostCount, 4);
  EXPECT_DOUBLE_EQ(p.theta, 0.2);
  EXPECT_DOUBLE_EQ(p.rho, 0.7);
  EXPECT_DOUBLE_EQ(p.mu, 0.1);
  EXPECT_DOUBLE_EQ(p.reemploymentProductivity, 0.5);
  EXPECT_DOUBLE_EQ(p.phi.of(TransferMode::Partial), 0.9);
  EXPECT_DOUBLE_EQ(p.decayKm, 200);
  EXPECT_DOUBLE_EQ(p.lambda, 0.3);
  EXPECT_DOUBLE_EQ(p.beta, 1.5);
  EXPECT_EQ(p.horizonYears, 8);
  EXPECT_DOUBLE_EQ(p.midpointYear, 4);
  EXPECT_DOUBLE_EQ(p.steepness, 0.8);
  EXPECT_DOUBLE_EQ(p.flqDelta, 0.25);
  EXPECT_DOUBLE_EQ(p.couplingB, 0.6);
  EXPECT_DOUBLE_EQ(p.mechanismWeights.at("inn"), 2);
  EXPECT_DOUBLE_EQ(p.mechanismWeights.at("vc"), 1);
  EXPECT_DOUBLE_EQ(p.mechanismScale.at("str"), 0.01);
  EXPECT_DOUBLE_EQ(p.tau, 0.3);
  EXPECT_DOUBLE_EQ(p.hubGrowth, 0.8);
  EXPECT_DOUBLE_EQ(p.reuse, 0.2);
  EXPECT_DOUBLE_EQ(p.taxRate, 0.1);
  EXPECT_DOUBLE_EQ(p.spilloverReturn, 0.5);
  EXPECT_DOUBLE_EQ(p.phiReverse.of(TransferMode::Partial), 0.4);
  EXPECT_DOUBLE_EQ(p.agricultureBenchmark, 0.08);
  EXPECT_FALSE(p.enabled);
  EXPECT_DOUBLE_EQ(p.lpDeveloped[1], 40);
  EXPECT_DOUBLE_EQ(p.lpPreIndustrial[2], 2);
  EXPECT_EQ(p.uncertainty.draws, 50);
  EXPECT_EQ(p.uncertainty.seed, 7u);
  EXPECT_DOUBLE_EQ(p.uncertainty.spread, 0.3);
  EXPECT_DOUBLE_EQ(p.uncertainty.lambdaSpread, 0.1);
}

TEST(EffectsParams, ShareOutOfRangeNamesPathAndValue) {
  EXPECT_EQ(errorOf({{"theta", 1.4}}), "effects.theta: expected a share in [0,1], got 1.4\n");
  EXPECT_EQ(errorOf({{"rho", -0.1}}), "effects.rho: expected a share in [0,1], got -0.1\n");
  EXPECT_EQ(errorOf({{"phi", {{"partial", 2}}}}), "effects.phi.partial: expected a share in [0,1], got 2\n");
}

TEST(EffectsParams, NegativeDistanceAndWrongTypesAreErrors) {
  EXPECT_EQ(errorOf({{"decay_km", -5}}), "effects.decay_km: expected a positive number of km, got -5\n");
  EXPECT_EQ(errorOf({{"mu", "high"}}), "effects.mu: expected a share in [0,1], got \"high\"\n");
  EXPECT_EQ(errorOf({{"horizon_years", 2.5}}),
            "effects.horizon_years: expected an integer in [1,100], got 2.5\n");
  EXPECT_EQ(errorOf({{"lambda", 0}}), "effects.lambda: expected a replication scale in (0,1], got 0\n");
  EXPECT_EQ(errorOf({{"flq_delta", 1}}), "effects.flq_delta: expected a number in [0,1), got 1\n");
}

TEST(EffectsParams, EveryProblemIsListed) {
  const std::string text = errorOf({{"theta", 1.4}, {"rho", 3}, {"bogus", 1}});
  EXPECT_NE(text.find("effects.theta:"), std::string::npos);
  EXPECT_NE(text.find("effects.rho:"), std::string::npos);
  EXPECT_NE(text.find("effects.bogus: unknown key"), std::string::npos);
}

TEST(EffectsParams, UnknownMechanismAndCouplingWeights) {
  EXPECT_EQ(errorOf({{"mechanism_weights", {{"happiness", 1}}}}),
            "effects.mechanism_weights.happiness: unknown mechanism (expected vc, inn, str)\n");
  EXPECT_NE(errorOf({{"u_weights", {{"gdp", 1}}}}).find("effects.u_weights: replaced in the effects model v2 by "
                                                       "mechanism_weights"),
            std::string::npos);
  EXPECT_EQ(errorOf({{"lp_developed", {10, 0.5, 35}}}),
            "effects.lp_developed[1]: must exceed lp_pre_industrial[1]\n");
  EXPECT_EQ(errorOf({{"coupling", {{"a", 0.7}}}}), "effects.coupling: a + b must be 1, got 0.7 + 0.5\n");
  EXPECT_EQ(errorOf({{"host", 3}}), "effects.host: expected \"best\", \"allocate\" or a park id, got 3\n");
}

TEST(EffectsParams, ValidationErrorMessageStartsWithPath) {
  try {
    parseEffectsParams({{"theta", 1.4}});
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("effects.theta: expected a share in [0,1], got 1.4"),
              std::string::npos);
  }
}

TEST(EffectsParams, RoundTripsThroughJson) {
  EffectsParams p = parseEffectsParams({{"theta", 0.25}, {"host", "P1"}});
  const EffectsParams q = parseEffectsParams(toJson(p));
  EXPECT_EQ(q.host, "P1");
  EXPECT_DOUBLE_EQ(q.theta, 0.25);
  EXPECT_EQ(q.mechanismScale, p.mechanismScale);
  EXPECT_EQ(q.lpDeveloped, p.lpDeveloped);
  EXPECT_EQ(q.uncertainty.draws, p.uncertainty.draws);
}

TEST(EffectsParams, EveryKeyToJsonWritesIsDocumentedOnce) {
  // effectParamDocs() is the report's table of the parameters and the parser's list of known
  // keys: it names exactly the keys toJson() writes, each once and with its words.
  const nlohmann::json written = toJson(EffectsParams());
  std::vector<std::string> keys;
  for (auto it = written.begin(); it != written.end(); ++it) keys.push_back(it.key());
  std::vector<std::string> documented;
  for (const EffectParamDoc& d : effectParamDocs()) {
    documented.push_back(d.key);
    EXPECT_STRNE(d.meaning, "") << d.key;
    EXPECT_STRNE(d.meaningZh, "") << d.key;
    EXPECT_STRNE(d.source, "") << d.key;
  }
  std::vector<std::string> sorted = documented;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, keys);  // nlohmann::json orders an object's keys
  EXPECT_NE(errorOf({{"tehta", 0.5}}).find("unknown key (expected enabled, host, host_count, theta, "),
            std::string::npos);
}
