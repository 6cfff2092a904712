// GDAL configuration options for one thread and one scope (the GeoPackage writing, the
// spreadsheet reads): set while the object lives, restored after, invisible to other threads.
#include "clustershift/gdal_options.h"

#include <gtest/gtest.h>

#include <cpl_conv.h>

#include <string>
#include <thread>

namespace clustershift {
namespace {

std::string option(const char* key) {
  const char* value = CPLGetConfigOption(key, nullptr);
  return value ? value : "<unset>";
}

TEST(ThreadConfigOptions, SetWhileItLivesThenTheOldValuesReturn) {
  CPLSetThreadLocalConfigOption("CLUSTERSHIFT_TEST_A", "before");
  {
    const ThreadConfigOptions options{{"CLUSTERSHIFT_TEST_A", "during"}, {"CLUSTERSHIFT_TEST_B", "OFF"}};
    EXPECT_EQ(option("CLUSTERSHIFT_TEST_A"), "during");
    EXPECT_EQ(option("CLUSTERSHIFT_TEST_B"), "OFF");
    {
      const ThreadConfigOptions inner{{"CLUSTERSHIFT_TEST_B", "ON"}};
      EXPECT_EQ(option("CLUSTERSHIFT_TEST_B"), "ON");
    }
    EXPECT_EQ(option("CLUSTERSHIFT_TEST_B"), "OFF");
  }
  EXPECT_EQ(option("CLUSTERSHIFT_TEST_A"), "before");
  EXPECT_EQ(option("CLUSTERSHIFT_TEST_B"), "<unset>");  // unset again, not an empty value
  CPLSetThreadLocalConfigOption("CLUSTERSHIFT_TEST_A", nullptr);
}

TEST(ThreadConfigOptions, AKeyGivenTwiceGetsItsFirstOldValueBack) {
  {
    const ThreadConfigOptions options{{"CLUSTERSHIFT_TEST_C", "1"}, {"CLUSTERSHIFT_TEST_C", "2"}};
    EXPECT_EQ(option("CLUSTERSHIFT_TEST_C"), "2");
  }
  EXPECT_EQ(option("CLUSTERSHIFT_TEST_C"), "<unset>");
}

TEST(ThreadConfigOptions, OtherThreadsDoNotSeeThem) {
  const ThreadConfigOptions options{{"CLUSTERSHIFT_TEST_D", "OFF"}};
  EXPECT_EQ(option("CLUSTERSHIFT_TEST_D"), "OFF");
  std::string seen;
  std::thread other([&] { seen = option("CLUSTERSHIFT_TEST_D"); });
  other.join();
  EXPECT_EQ(seen, "<unset>");
}

}  // namespace
}  // namespace clustershift
