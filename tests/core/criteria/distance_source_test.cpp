#include <gtest/gtest.h>

#include <cmath>

#include "criteria_helpers.h"

namespace clustershift {
namespace {

using testing::CriterionRun;

TEST(DistanceSource, GeodesicKilometresToTheSource) {
  CriterionRun run;
  auto criterion = CriterionRegistry::instance().create("distance_source");
  EXPECT_EQ(criterion->defaultDirection(), Direction::Cost);
  EXPECT_EQ(criterion->unit(), "km");
  std::vector<double> v = run.compute("distance_source");
  EXPECT_DOUBLE_EQ(v[0], 0.0);
  EXPECT_DOUBLE_EQ(v[1], geodesicKm(111.5, 30.5, 110.5, 30.5));
  // One degree of longitude at 30.5° N is about 96 km.
  EXPECT_NEAR(v[1], 96.0, 0.5);
  EXPECT_LT(v[1], v[2]);
  EXPECT_FALSE(std::isnan(v[4]));  // parks outside regions still have a distance
}

TEST(DistanceSource, NeedsASourceLocation) {
  CriterionRun run;
  run.sourceLon = kNaN;
  auto problems = run.check("distance_source");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].text(),
            "source: distance_source: no source location (give source.lon/lat or a source "
            "region with a geometry)");
  EXPECT_THROW(run.compute("distance_source"), InputError);
}

}  // namespace
}  // namespace clustershift
