// Subjective/objective blend (core/src/mcda/blend.cpp; Ma, Fan & Huang 1999; Xu 2004).
#include <gtest/gtest.h>

#include "clustershift/error.h"
#include "clustershift/mcda.h"

namespace clustershift::mcda {
namespace {

TEST(BlendWeights, LinearMixOfSubjectiveAndObjective) {
  const auto w = blendWeights({0.5, 0.5, 0.0}, {0.2, 0.2, 0.6}, 0.25);
  EXPECT_DOUBLE_EQ(w[0], 0.275);
  EXPECT_DOUBLE_EQ(w[1], 0.275);
  EXPECT_DOUBLE_EQ(w[2], 0.45);
  EXPECT_EQ(blendWeights({1, 0}, {0, 1}, 1.0), (std::vector<double>{1, 0}));
  EXPECT_EQ(blendWeights({1, 0}, {0, 1}, 0.0), (std::vector<double>{0, 1}));
}

TEST(BlendWeights, AlphaOutsideUnitIntervalIsAnError) {
  try {
    blendWeights({1}, {1}, 1.5);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("weighting.alpha must be in [0, 1]"), std::string::npos);
  }
  EXPECT_THROW(blendWeights({1, 0}, {1}, 0.5), InputError);
}

}  // namespace
}  // namespace clustershift::mcda
