// Structure indices (Gan, Zheng & Yu 2011, 经济研究 46(5)) on hand-computed cases.
#include <gtest/gtest.h>

#include "clustershift/indices.h"

namespace cs = clustershift;

TEST(StructureIndices, HandComputedRegion) {
  // Y = (10, 40, 50) = 100, L = (20, 40, 40) = 100, so Y/L = 1.
  const auto s = cs::structureIndices({10, 40, 50}, {20, 40, 40});
  EXPECT_NEAR(s.ts, 50.0 / 40.0, 1e-12);                       // TS = Y3/Y2 = 1.25
  EXPECT_NEAR(s.isu, (1 * 10 + 2 * 40 + 3 * 50) / 100.0, 1e-12);  // ISU = 2.4
  // TL = 0.1·ln(0.5/1) + 0.4·ln(1/1) + 0.5·ln(1.25/1) = -0.0693147 + 0 + 0.1115718
  EXPECT_NEAR(s.theil, 0.0422570576, 1e-9);
  EXPECT_TRUE(s.warnings.empty());
}

TEST(StructureIndices, BalancedProductivityGivesZeroTheil) {
  const auto s = cs::structureIndices({10, 30, 60}, {1, 3, 6});
  EXPECT_NEAR(s.theil, 0.0, 1e-12);
}

TEST(StructureIndices, ZeroOutputSectorContributesZeroWithWarning) {
  // Y = (0, 60, 40), L = (10, 50, 40): Y/L = 1.
  // TL = 0 (sector 1, warning) + 0.6·ln(1.2) + 0.4·ln(1) = 0.1093929
  const auto s = cs::structureIndices({0, 60, 40}, {10, 50, 40});
  EXPECT_NEAR(s.ts, 40.0 / 60.0, 1e-12);
  EXPECT_NEAR(s.isu, 2.4, 1e-12);
  EXPECT_NEAR(s.theil, 0.1093929341, 1e-9);
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_EQ(s.warnings[0], "sector 1 has zero output (y1): its Theil term set to 0");
}

TEST(StructureIndices, ZeroJobsSectorContributesZeroWithWarning) {
  // Y = (5, 45, 50), L = (0, 50, 50): TL = 0 + 0.45·ln(0.9) + 0.5·ln(1) = -0.0474122
  const auto s = cs::structureIndices({5, 45, 50}, {0, 50, 50});
  EXPECT_NEAR(s.theil, -0.0474122320, 1e-9);
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_NE(s.warnings[0].find("zero employment (l1)"), std::string::npos);
}

TEST(StructureIndices, AllZeroIsZeroNotNaN) {
  const auto s = cs::structureIndices({0, 0, 0}, {0, 0, 0});
  EXPECT_EQ(s.ts, 0.0);
  EXPECT_EQ(s.isu, 0.0);
  EXPECT_EQ(s.theil, 0.0);
  EXPECT_EQ(s.warnings.size(), 2u);
}

TEST(StructureIndices, MissingInputGivesNaNAndNegativeThrows) {
  const auto s = cs::structureIndices({10, 20, 30}, {1, cs::kNaN, 3});
  EXPECT_NEAR(s.ts, 1.5, 1e-12);
  EXPECT_NEAR(s.isu, 140.0 / 60.0, 1e-12);
  EXPECT_TRUE(std::isnan(s.theil));
  try {
    cs::structureIndices({10, -20, 30}, {1, 2, 3});
    FAIL();
  } catch (const cs::InputError& e) {
    EXPECT_STREQ(e.what(), "structure indices: y2 is negative (-20)");
  }
}
