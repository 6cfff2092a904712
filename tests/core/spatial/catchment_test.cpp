// Area-weighted catchment sums over an index of region shapes (core/src/spatial/catchment.cpp).
#include "spatial/catchment.h"

#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "planar_fixture.h"

namespace {

using clustershift::detail::areaWeightedSums;
using clustershift::detail::CatchmentIndex;
using clustershift::detail::PlanarShape;
using clustershift::test::kPi;
using clustershift::test::shapeOf;
using clustershift::test::square;

}  // namespace

TEST(Catchment, UniformDensitySquareGivesPopulationTimesOverlapShare) {
  // One 100 km square region with 1,000 (10k persons) spread uniformly.
  std::vector<PlanarShape> shapes{shapeOf({square(0, 0, 100000)})};
  CatchmentIndex index(std::move(shapes));
  const std::vector<double> pop{1000.0};
  const std::vector<double> xs{50000, 0, 50000, 300000};
  const std::vector<double> ys{50000, 0, 0, 300000};
  const auto sums = areaWeightedSums(index, pop, xs, ys, 20000, 2);
  const double share = kPi * 4e8 / 1e10;
  EXPECT_NEAR(sums[0], 1000.0 * share, 1e-9);      // whole circle inside
  EXPECT_NEAR(sums[1], 1000.0 * share / 4, 1e-9);  // on the corner: a quarter
  EXPECT_NEAR(sums[2], 1000.0 * share / 2, 1e-9);  // on an edge: a half
  EXPECT_EQ(sums[3], 0.0);                         // far away
}

TEST(Catchment, ParkOnRegionBorderSumsBothSides) {
  std::vector<PlanarShape> shapes{shapeOf({square(0, 0, 100000)}), shapeOf({square(100000, 0, 100000)})};
  CatchmentIndex index(std::move(shapes));
  const std::vector<double> pop{1000.0, 3000.0};
  const auto sums = areaWeightedSums(index, pop, {100000.0}, {50000.0}, 30000, 1);
  const double halfShare = kPi * 9e8 / 2 / 1e10;
  EXPECT_NEAR(sums[0], 1000.0 * halfShare + 3000.0 * halfShare, 1e-9);
}

TEST(Catchment, WholeRegionInsideIsCountedWhole) {
  std::vector<PlanarShape> shapes{shapeOf({square(-5000, -5000, 10000)}), shapeOf({square(90000, 0, 10000)})};
  CatchmentIndex index(std::move(shapes));
  std::vector<clustershift::detail::Overlap> out;
  index.overlaps(0, 0, 50000, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].index, 0);
  EXPECT_DOUBLE_EQ(out[0].area, 1e8);
}

TEST(Catchment, MissingValueInOverlappingRegionGivesNaNAndNamesIt) {
  std::vector<PlanarShape> shapes{shapeOf({square(0, 0, 100000)}), shapeOf({square(100000, 0, 100000)})};
  CatchmentIndex index(std::move(shapes));
  const std::vector<double> pop{1000.0, std::nan("")};
  std::vector<int> missing;
  const auto sums = areaWeightedSums(index, pop, {100000.0, 20000.0, std::nan("")}, {50000.0, 50000.0, 0.0},
                                     10000, 2, &missing);
  EXPECT_TRUE(std::isnan(sums[0]));
  EXPECT_EQ(missing[0], 1);
  EXPECT_NEAR(sums[1], 1000.0 * kPi * 1e8 / 1e10, 1e-9);
  EXPECT_EQ(missing[1], -1);
  EXPECT_TRUE(std::isnan(sums[2]));  // no coordinates
}
