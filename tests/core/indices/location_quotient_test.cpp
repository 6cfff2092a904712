#include <gtest/gtest.h>

#include "clustershift/indices.h"

namespace cs = clustershift;

// LQ_ri = (x_ri / x_r.) / (x_.i / x_..) (Isard 1960; Miller & Blair 2009, §8.3).
TEST(LocationQuotient, MatchesHandComputation) {
  cs::IndustryMatrix m;
  m.regionIds = {"A", "B"};
  m.industries = {"C19", "C39"};
  m.values = {{30, 10}, {20, 40}};
  // totals: A 40, B 60, C19 50, C39 50, all 100.
  // LQ_A,C19 = (30/40) / (50/100) = 1.5; LQ_B,C19 = (20/60)/0.5 = 0.6667
  EXPECT_NEAR(cs::locationQuotient(m, 0, 0), 1.5, 1e-12);
  EXPECT_NEAR(cs::locationQuotient(m, 1, 0), 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(cs::locationQuotient(m, 1, 1), (40.0 / 60) / 0.5, 1e-12);
  const Eigen::MatrixXd lq = cs::locationQuotients(cs::toMatrix(m));
  EXPECT_NEAR(lq(0, 0), 1.5, 1e-12);
  EXPECT_NEAR(lq(0, 1), 0.5, 1e-12);
}

TEST(LocationQuotient, MissingCellIsNaNAndCountsAsZeroInTotals) {
  cs::IndustryMatrix m;
  m.regionIds = {"A", "B"};
  m.industries = {"C19", "C39"};
  m.values = {{30, cs::kNaN}, {20, 40}};
  EXPECT_TRUE(std::isnan(cs::locationQuotient(m, 0, 1)));
  // totals: A 30, C19 50, all 90 -> (30/30)/(50/90) = 1.8
  EXPECT_NEAR(cs::locationQuotient(m, 0, 0), 1.8, 1e-12);
  EXPECT_TRUE(std::isnan(cs::locationQuotient(m, 5, 0)));
}

TEST(LocationQuotient, NegativeOutputIsAnError) {
  cs::IndustryMatrix m;
  m.regionIds = {"A"};
  m.industries = {"C19"};
  m.values = {{-1}};
  try {
    cs::locationQuotient(m, 0, 0);
    FAIL();
  } catch (const cs::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("region 'A', industry 'C19'"), std::string::npos) << e.what();
  }
}
