#include "clustershift/effects.h"

#include <gtest/gtest.h>

#include "effects_fixture.h"

using namespace clustershift;
using clustershift::effects_test::makeCluster;

TEST(MovedSet, CompleteMovesEverySegmentAndAllRd) {
  const ClusterProfile c = makeCluster();
  const MovedSet m = movedSet(c, TransferMode::Complete, {}, 0.5);
  EXPECT_EQ(m.segmentIds, (std::vector<std::string>{"rd", "production", "assembly", "marketing"}));
  EXPECT_DOUBLE_EQ(m.scale, 1.0);  // λ only applies to replication
  EXPECT_NEAR(m.outputYuan100m, 100.0, 1e-12);
  // ΔVA = Σ v_k α_k X = 100 (0.05·0.45 + 0.6·0.15 + 0.2·0.12 + 0.15·0.40) = 19.65
  EXPECT_NEAR(m.vaYuan100m, 19.65, 1e-12);
  EXPECT_NEAR(m.jobs, 50000.0, 1e-9);
  // land: 2500/300 + 35000/100 + 10000/120 + 2500/400
  EXPECT_NEAR(m.landHa, 2500.0 / 300 + 350 + 10000.0 / 120 + 6.25, 1e-9);
  EXPECT_DOUBLE_EQ(m.rdYuan100m, 2.0);
  EXPECT_TRUE(m.sourceLoses);
}

TEST(MovedSet, PartialMovesOnlyTheListedSegments) {
  const ClusterProfile c = makeCluster();
  const MovedSet m = movedSet(c, TransferMode::Partial, {"assembly"}, 0.5);
  EXPECT_EQ(m.segmentIds, std::vector<std::string>{"assembly"});
  EXPECT_NEAR(m.outputYuan100m, 20.0, 1e-12);
  EXPECT_NEAR(m.vaYuan100m, 2.4, 1e-12);
  EXPECT_NEAR(m.jobs, 10000.0, 1e-9);
  // R&D moves ∝ κ·β: 0.1·0.2 / (0.9·0.05 + 0.1·0.7 + 0.1·0.2 + 0.5·0.05) = 0.02/0.16
  EXPECT_NEAR(m.rdYuan100m, 2.0 * 0.02 / 0.16, 1e-12);
}

TEST(MovedSet, PartialWithoutListUsesMovableSegments) {
  const MovedSet m = movedSet(makeCluster(), TransferMode::Partial, {}, 0.5);
  EXPECT_EQ(m.segmentIds, (std::vector<std::string>{"production", "assembly"}));
  EXPECT_NEAR(m.outputYuan100m, 80.0, 1e-12);
}

TEST(MovedSet, ReplicaCopiesTheMovableSegmentsAtScaleAndTheRestIsTheHub) {
  const MovedSet m = movedSet(makeCluster(), TransferMode::Replication, {}, 0.5);
  EXPECT_EQ(m.segmentIds, (std::vector<std::string>{"production", "assembly"}));
  EXPECT_DOUBLE_EQ(m.scale, 0.5);
  EXPECT_NEAR(m.outputYuan100m, 0.5 * 80.0, 1e-12);
  EXPECT_NEAR(m.vaYuan100m, 0.5 * (0.6 * 0.15 + 0.2 * 0.12) * 100, 1e-12);
  EXPECT_NEAR(m.jobs, 0.5 * 0.9 * 50000, 1e-9);
  // R&D ∝ knowledge intensity × job share: (0.07 + 0.02) / 0.16 of the cluster's 2 亿元, × λ.
  EXPECT_NEAR(m.rdYuan100m, 0.5 * 2.0 * 0.09 / 0.16, 1e-12);
  EXPECT_NEAR(m.hubVaPerScale, (0.05 * 0.45 + 0.15 * 0.40) * 100, 1e-12);
  EXPECT_NEAR(m.hubJobsPerScale, 0.10 * 50000, 1e-9);
  EXPECT_NEAR(m.hubRdShare, 0.07 / 0.16, 1e-12);
  EXPECT_FALSE(m.sourceLoses);
}

TEST(MovedSet, UnknownListedSegmentIsAnErrorNamingIt) {
  try {
    movedSet(makeCluster(), TransferMode::Partial, {"production", "sewing"}, 0.5);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(),
                 "moved_segments[1]: unknown segment 'sewing' (known: rd, production, "
                 "assembly, marketing)");
  }
}

TEST(MovedSet, ReplicationScaleOutsideUnitIntervalIsAnError) {
  EXPECT_THROW(movedSet(makeCluster(), TransferMode::Replication, {}, 1.5), InputError);
  EXPECT_THROW(movedSet(makeCluster(), TransferMode::Replication, {}, 0.0), InputError);
}

TEST(MovedSet, PartialWithNothingMovableIsAnError) {
  ClusterProfile c = makeCluster();
  for (Segment& s : c.segments) s.movable = false;
  EXPECT_THROW(movedSet(c, TransferMode::Partial, {}, 0.5), InputError);
}
