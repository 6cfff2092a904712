// Progress of one phase mapped into the whole (core/src/util/progress.cpp).
#include <gtest/gtest.h>

#include "clustershift/util.h"

namespace clustershift::util {
namespace {

TEST(ScaleProgress, MapsAndClampsOntoThePhase) {
  EXPECT_DOUBLE_EQ(scaleProgress(0.5, 0.2, 0.6), 0.4);
  EXPECT_DOUBLE_EQ(scaleProgress(-1, 5, 100), 5);
  EXPECT_DOUBLE_EQ(scaleProgress(2, 5, 100), 100);
}

}  // namespace
}  // namespace clustershift::util
