#include "clustershift/effects.h"

#include <gtest/gtest.h>

#include "effects_fixture.h"

using namespace clustershift;

TEST(DirectEffect, ShareScalesEveryQuantity) {
  const MovedSet m = movedSet(effects_test::makeCluster(), TransferMode::Complete, {}, 0.5);
  const DirectEffect d = directEffect(m, 0.25);
  EXPECT_NEAR(d.outputYuan100m, 25.0, 1e-12);
  EXPECT_NEAR(d.vaYuan100m, 19.65 / 4, 1e-12);
  EXPECT_NEAR(d.jobs, 12500.0, 1e-9);
  EXPECT_NEAR(d.landHa, m.landHa / 4, 1e-12);
  EXPECT_NEAR(d.rdYuan100m, 0.5, 1e-12);
}

TEST(DirectEffect, SharesOfSeveralHostsAddUpToTheMovedSet) {
  const MovedSet m = movedSet(effects_test::makeCluster(), TransferMode::Partial, {}, 0.5);
  const DirectEffect a = directEffect(m, 0.7);
  const DirectEffect b = directEffect(m, 0.3);
  EXPECT_NEAR(a.vaYuan100m + b.vaYuan100m, m.vaYuan100m, 1e-12);
  EXPECT_NEAR(a.jobs + b.jobs, m.jobs, 1e-9);
}
