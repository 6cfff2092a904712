// absorptive_capacity criterion (core/src/criteria/absorptive_capacity.cpp) through the registry.
#include <cmath>

#include "economic_fixture.h"

using clustershift::test::EconomicFixture;

TEST(AbsorptiveCapacity, RdOverGdpOfHostRegion) {
  EconomicFixture f;
  const double rd[] = {5, 12, 0, 3};
  const double gdp[] = {200, 400, 100, 0};
  for (int r = 0; r < 4; ++r) {
    f.inputs.regions[r].values["rd"] = rd[r];
    f.inputs.regions[r].values["gdp"] = gdp[r];
  }
  const auto raw = f.run("absorptive_capacity");
  EXPECT_NEAR(raw[0], 0.025, 1e-15);
  EXPECT_NEAR(raw[1], 0.03, 1e-15);
  EXPECT_EQ(raw[2], 0.0);
  EXPECT_TRUE(std::isnan(raw[3]));  // gdp 0
  const auto warnings = f.feedback.warnings();
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0].message,
            "absorptive_capacity: host region 'R4' needs rd >= 0 and gdp > 0 (rd 3.00, gdp 0.00)");
}

TEST(AbsorptiveCapacity, MissingColumnIsAnError) {
  EconomicFixture f;
  f.inputs.regions[0].values["gdp"] = 100;
  f.expectError("absorptive_capacity",
                "absorptive_capacity: regions has no field for column 'rd' (map it in data.regions.fields)");
  EXPECT_EQ(f.check("absorptive_capacity").size(), 1u);
}
