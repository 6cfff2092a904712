// Direct weights (core/src/mcda/direct_weights.cpp).
#include <gtest/gtest.h>

#include "clustershift/error.h"
#include "clustershift/mcda.h"

namespace clustershift::mcda {
namespace {

TEST(DirectWeights, RescalesToSumOne) {
  const auto w = directWeights({3, 1, 0, 4}, {"a", "b", "c", "d"});
  ASSERT_EQ(w.size(), 4u);
  EXPECT_DOUBLE_EQ(w[0], 0.375);
  EXPECT_DOUBLE_EQ(w[1], 0.125);
  EXPECT_DOUBLE_EQ(w[2], 0.0);
  EXPECT_DOUBLE_EQ(w[3], 0.5);
}

TEST(DirectWeights, NegativeWeightNamesTheCriterion) {
  try {
    directWeights({0.3, -0.2}, {"labour_cost", "land"});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "weight of criterion 'land' is negative (-0.2)");
  }
}

TEST(DirectWeights, AllZeroWeightsListTheCriteria) {
  try {
    directWeights({0, 0}, {"labour_cost", "land"});
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "all criterion weights are zero (labour_cost, land)");
  }
}

TEST(DirectWeights, NanWeightAndSizeMismatchAreErrors) {
  EXPECT_THROW(directWeights({std::nan(""), 1}, {"a", "b"}), InputError);
  EXPECT_THROW(directWeights({1, 2}, {"a"}), InputError);
  EXPECT_THROW(directWeights({}, {}), InputError);
}

}  // namespace
}  // namespace clustershift::mcda
