#include "clustershift/effects.h"

#include <cmath>

#include <gtest/gtest.h>

using namespace clustershift;

TEST(Innovation, KnowledgeFlowDecaysExponentiallyWithDistance) {
  // K = φ · RD · a · exp(−d/δ_k)
  EXPECT_DOUBLE_EQ(knowledgeFlow(0.6, 10, 0.5, 0, 300), 3.0);
  EXPECT_NEAR(knowledgeFlow(0.6, 10, 0.5, 300, 300), 3.0 * std::exp(-1.0), 1e-12);
  EXPECT_NEAR(knowledgeFlow(0.6, 10, 0.5, 600, 300) / knowledgeFlow(0.6, 10, 0.5, 300, 300), std::exp(-1.0),
              1e-12);
}

TEST(Innovation, PartialTransferKeepsTheStrongestTies) {
  const PhiByMode phi;
  const double partial = knowledgeFlow(phi.of(TransferMode::Partial), 12, 0.4, 500, 300);
  const double replication = knowledgeFlow(phi.of(TransferMode::Replication), 12, 0.4, 500, 300);
  const double complete = knowledgeFlow(phi.of(TransferMode::Complete), 12, 0.4, 500, 300);
  EXPECT_GT(partial, replication);
  EXPECT_GT(replication, complete);
}

TEST(Innovation, InvalidInputsAreErrors) {
  EXPECT_THROW(knowledgeFlow(0.5, 1, 1, -1, 300), InputError);
  EXPECT_THROW(knowledgeFlow(0.5, 1, 1, 10, 0), InputError);
}

TEST(Innovation, AbsorptiveCapacityIsRelativeRdIntensityNotCapped) {
  SectorAccounts source, host;
  source.y = {50, 400, 550};  // GDP 1000
  source.rd = 25;             // 2.5 %
  host.y = {80, 150, 170};    // GDP 400
  host.rd = 4;                // 1.0 %
  EXPECT_NEAR(absorptiveCapacity(host, source), 0.4, 1e-12);
  host.rd = 40;  // 10 % = 4 × the source's: absorbs more, no cap at 1
  EXPECT_NEAR(absorptiveCapacity(host, source), 4.0, 1e-12);
  host.rd = 0;
  EXPECT_DOUBLE_EQ(absorptiveCapacity(host, source), 0.0);
}

TEST(Innovation, NoMoreKnowledgeFlowsThanThePoolItFlowsFrom) {
  // A strongly absorbing, nearby host: φ·pool·a·e^(−d/δ) = 0.6·10·4 = 24 > 10, capped at the pool.
  EXPECT_DOUBLE_EQ(knowledgeFlow(0.6, 10, 4.0, 0, 300), 10.0);
  EXPECT_DOUBLE_EQ(knowledgeFlow(0.6, 0, 4.0, 0, 300), 0.0);  // nothing stays: nothing flows
}
