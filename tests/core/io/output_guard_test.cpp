#include "clustershift/output_guard.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "clustershift/error.h"

namespace clustershift {
namespace {

namespace fs = std::filesystem;

fs::path freshDir(const std::string& name) {
  const fs::path dir = fs::path(CLUSTERSHIFT_TEST_TMP) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void touch(const fs::path& p, const std::string& text = "x") { std::ofstream(p, std::ios::binary) << text; }

std::string messageOf(const std::vector<std::string>& outputs, const std::vector<NamedInput>& inputs) {
  try {
    checkOutputsAgainstInputs(outputs, inputs);
  } catch (const InputError& e) {
    return e.what();
  }
  return {};
}

TEST(OutputGuard, SameFileThroughRelativePathsAndLinks) {
  const fs::path dir = freshDir("guard_links");
  touch(dir / "t.csv");
  fs::create_directories(dir / "sub");
  fs::create_symlink(dir / "t.csv", dir / "link.csv");
  fs::create_hard_link(dir / "t.csv", dir / "hard.csv");
  fs::create_directory_symlink(dir, dir / "sub" / "up");
  EXPECT_TRUE(samePlace((dir / "t.csv").string(), (dir / "sub" / ".." / "t.csv").string()));
  EXPECT_TRUE(samePlace((dir / "link.csv").string(), (dir / "t.csv").string()));
  EXPECT_TRUE(samePlace((dir / "hard.csv").string(), (dir / "t.csv").string()));
  EXPECT_TRUE(samePlace((dir / "sub" / "up" / "t.csv").string(), (dir / "t.csv").string()));
  // An output that does not exist yet, reached through a linked folder.
  EXPECT_TRUE(samePlace((dir / "sub" / "up" / "new.csv").string(), (dir / "new.csv").string()));
  EXPECT_FALSE(samePlace((dir / "other.csv").string(), (dir / "t.csv").string()));
}

TEST(OutputGuard, CollisionNamesOutputAndInput) {
  const fs::path dir = freshDir("guard_collision");
  touch(dir / "t.csv");
  const std::string in = (dir / "t.csv").string();
  EXPECT_EQ(messageOf({in}, {{"table", in}}),
            in + ": would overwrite the input table " + in + " (same file); choose another output");
  EXPECT_EQ(messageOf({(dir / "out.csv").string()}, {{"table", in}}), "");
  // Every collision is listed, not only the first.
  touch(dir / "a.csv");
  const std::string a = (dir / "a.csv").string();
  const std::string both = messageOf({in, a}, {{"table", in}, {"AHP matrix", a}});
  EXPECT_NE(both.find("input table"), std::string::npos) << both;
  EXPECT_NE(both.find("input AHP matrix"), std::string::npos) << both;
}

TEST(OutputGuard, ShapefileSidecarsAndGeoPackageJournalsBelongToTheInput) {
  const fs::path dir = freshDir("guard_sidecars");
  touch(dir / "parks.shp");
  touch(dir / "parks.dbf");
  const std::string shp = (dir / "parks.shp").string();
  const std::string msg = messageOf({(dir / "parks.dbf").string()}, {{"data.parks", shp}});
  EXPECT_EQ(msg, (dir / "parks.dbf").string() + ": would overwrite the input data.parks " + shp +
                     " (its file " + (dir / "parks.dbf").string() + "); choose another output");
  const auto family = inputFamily((dir / "r.gpkg").string());
  EXPECT_NE(std::find(family.begin(), family.end(), (dir / "r.gpkg-wal").string()), family.end());
}

TEST(OutputGuard, ScenarioInputsListEveryDataSource) {
  Scenario s;
  s.data.regions.path = "/d/regions.gpkg";
  s.data.parks.path = "/d/parks.gpkg";
  s.data.roads = DataSource{};
  s.data.roads->path = "/d/roads.gpkg";
  const auto inputs = scenarioInputs(s, "/d/s.json");
  ASSERT_EQ(inputs.size(), 4u);
  EXPECT_EQ(inputs[0].role, "scenario");
  EXPECT_EQ(inputs[3].role, "data.roads");
  // A scenario named "regions" written into its own data folder.
  EXPECT_NE(messageOf({"/d/regions.gpkg"}, inputs).find("input data.regions"), std::string::npos);
}

TEST(OutputGuard, OnlyAFileOfTheExpectedKindIsReplaced) {
  const fs::path dir = freshDir("guard_replaceable");
  touch(dir / "old.pdf", "%PDF-1.4 ...");
  touch(dir / "data.gpkg", std::string("SQLite format 3\0", 16) + "rest");
  EXPECT_NO_THROW(checkReplaceable((dir / "old.pdf").string(), "%PDF-", "a PDF report"));
  EXPECT_NO_THROW(checkReplaceable((dir / "new.pdf").string(), "%PDF-", "a PDF report"));
  try {
    checkReplaceable((dir / "data.gpkg").string(), "%PDF-", "a PDF report");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              (dir / "data.gpkg").string() +
                  ": exists and is a GeoPackage/SQLite database, not a PDF report; not "
                  "overwritten (choose another output)");
  }
}

}  // namespace
}  // namespace clustershift
