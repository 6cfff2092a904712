#include "clustershift/effects.h"

#include <gtest/gtest.h>

#include "clustershift/indices.h"
#include "effects_fixture.h"

using namespace clustershift;

namespace {
/// One region that is the whole "nation": SLQ = CILQ = 1 and λ* = log2(2)^δ = 1, so the
/// regional table equals the national one and L can be inverted by hand.
Inputs wholeNation() {
  Inputs in;
  in.regions = {effects_test::makeRegion("1", {80, 150, 170}, {60, 50, 40}, 4, 0, 0)};
  IndustryMatrix m;
  m.regionIds = {"1"};
  m.industries = {"C19"};
  m.values = {{20}};
  in.industryOutput = m;
  IoTable t;
  t.sectors = {"C19", "A"};
  t.a = {{0.1, 0.0}, {0.2, 0.1}};
  t.nationalOutput = {20, 80};  // the region is the nation
  in.ioTable = t;
  return in;
}
}  // namespace

TEST(Multipliers, BroadSectorsOfIoLabels) {
  EXPECT_EQ(broadSectorOf("A"), 1);
  EXPECT_EQ(broadSectorOf("B"), 2);
  EXPECT_EQ(broadSectorOf("C19"), 2);
  EXPECT_EQ(broadSectorOf("E"), 2);
  EXPECT_EQ(broadSectorOf("S"), 3);
}

TEST(Multipliers, SectorSizesUseIndustryOutputAndBroadSectors) {
  Inputs in = effects_test::makeInputs();
  in.ioTable->sectors = {"C19", "A", "S"};
  EXPECT_EQ(ioSectorSizes(in, 1), (std::vector<double>{20, 80, 170}));
  EXPECT_EQ(ioSectorSizes(in, -1), (std::vector<double>{330, 160, 840}));
  in.ioTable->sectors = {"C19", "B", "S"};  // B: a third of y2
  EXPECT_DOUBLE_EQ(ioSectorSizes(in, 1)[1], 50.0);
}

TEST(Multipliers, HandInvertedTwoSectorTable) {
  // I − A = [[0.9, 0], [−0.2, 0.9]] → L = [[1/0.9, 0], [0.2/0.81, 1/0.9]].
  Feedback fb;
  const IoMultipliers m = regionMultipliers(wholeNation(), 0, "C19", 0.3, fb, 5.0);
  ASSERT_TRUE(m.available);
  EXPECT_NEAR(m.flqLambda, 1.0, 1e-12);
  const double l11 = 1 / 0.9, l21 = 0.2 / 0.81;
  EXPECT_NEAR(m.outputMultiplier, l11 + l21, 1e-12);
  // v = 1 − column sums = (0.7, 0.9); jobs per VA l2/y2 = 1/3, l1/y1 = 0.75.
  const double eC = 0.7 / 3, eA = 0.9 * 0.75;
  EXPECT_NEAR(m.employmentMultiplier, (eC * l11 + eA * l21) / eC, 1e-12);
  EXPECT_NEAR(m.indirectOutput[1], l11 - 1, 1e-12);
  EXPECT_NEAR(m.indirectOutput[0], l21, 1e-12);
  EXPECT_NEAR(m.indirectOutput[2], 0, 1e-12);
  EXPECT_NEAR(m.indirectVa[1], 0.7 * (l11 - 1), 1e-12);
  EXPECT_NEAR(m.indirectVa[0], 0.9 * l21, 1e-12);
  EXPECT_NEAR(m.indirectJobs[1], eC * (l11 - 1), 1e-12);
  EXPECT_NEAR(m.indirectJobs[0], eA * l21, 1e-12);
  EXPECT_TRUE(fb.warnings().empty());
}

TEST(Multipliers, FlqShrinksTheSmallRegionsMultiplier) {
  const Inputs in = effects_test::makeInputs();
  Feedback fb;
  const IoMultipliers host = regionMultipliers(in, 1, "C19", 0.3, fb, 10.0);
  ASSERT_TRUE(host.available);
  const Eigen::VectorXd national = outputMultipliers(leontiefInverse(toMatrix(*in.ioTable)));
  EXPECT_GT(host.outputMultiplier, 1.0);
  EXPECT_LT(host.outputMultiplier, national(0));
  // λ* = [log2(1 + TRE/TNE)]^δ with the sizes after adding the new plant's output.
  EXPECT_NEAR(host.flqLambda, flqLambda(20 + 10 + 80 + 170, 330 + 10 + 160 + 840, 0.3), 1e-12);
}

TEST(Multipliers, MissingTableOrSectorWarnsAndLeavesIndirectOut) {
  Inputs in = effects_test::makeInputs(false);
  Feedback fb;
  EXPECT_FALSE(regionMultipliers(in, 1, "C19", 0.3, fb).available);
  ASSERT_EQ(fb.warnings().size(), 1u);
  EXPECT_NE(fb.warnings()[0].message.find("no input-output table"), std::string::npos);
  Inputs withIo = effects_test::makeInputs();
  Feedback fb2;
  const IoMultipliers m = regionMultipliers(withIo, 1, "C39", 0.3, fb2);
  EXPECT_FALSE(m.available);
  EXPECT_DOUBLE_EQ(m.outputMultiplier, 1.0);
  ASSERT_EQ(fb2.warnings().size(), 1u);
  EXPECT_NE(fb2.warnings()[0].message.find("'C39'"), std::string::npos);
}

TEST(Multipliers, NationalTotalsComeFromTheIoTablesColumnElseTheStudyAreaWithAWarning) {
  Inputs in = effects_test::makeInputs();
  const std::vector<double> area = ioSectorSizes(in, -1);
  std::vector<double> nation = area;
  for (double& v : nation) v *= 3;  // the study area is a third of the nation
  in.ioTable->nationalOutput = nation;
  EXPECT_EQ(ioSectorSizes(in, -1), nation);
  Feedback quiet;
  const IoMultipliers national = regionMultipliers(in, 1, "C19", 0.3, quiet, 10.0);
  EXPECT_TRUE(quiet.warnings().empty());

  in.ioTable->nationalOutput.clear();
  Feedback fb;
  const IoMultipliers fallback = regionMultipliers(in, 1, "C19", 0.3, fb, 10.0);
  ASSERT_EQ(fb.warnings().size(), 1u);
  EXPECT_NE(fb.warnings()[0].message.find("no 'national_output' column"), std::string::npos);
  // Against a larger nation the region is relatively smaller: λ* and the multiplier fall.
  EXPECT_LT(national.flqLambda, fallback.flqLambda);
  EXPECT_LT(national.outputMultiplier, fallback.outputMultiplier);
}
