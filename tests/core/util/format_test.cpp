// Number text (core/src/util/format.cpp).
#include <gtest/gtest.h>

#include "clustershift/util.h"

namespace clustershift::util {
namespace {

TEST(FormatNumber, SignificantAndFixed) {
  EXPECT_EQ(formatNumber(0.3300330033, 10), "0.3300330033");
  EXPECT_EQ(formatNumber(1e-7, 10), "1e-07");
  EXPECT_EQ(formatNumber(150), "150");
  EXPECT_EQ(formatFixed(120, 1), "120.0");
  EXPECT_EQ(formatFixed(-0.00004, 4), "-0.0000");
}

}  // namespace
}  // namespace clustershift::util
