// Atomic file writes and the words for write failures (core/src/util/atomic_file.cpp).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "clustershift/error.h"
#include "clustershift/util.h"

namespace clustershift::util {
namespace {

namespace fs = std::filesystem;

std::string readAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path freshDir(const std::string& name) {
  const fs::path dir = fs::path(CLUSTERSHIFT_TEST_TMP) / "util" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

int entries(const fs::path& dir) {
  int n = 0;
  for (auto it = fs::directory_iterator(dir); it != fs::directory_iterator(); ++it) ++n;
  return n;
}

TEST(WriteFileAtomically, WritesAndReplacesWithNothingLeftBehind) {
  const fs::path dir = freshDir("replace");
  const std::string path = (dir / "out.csv").string();
  writeFileAtomically(path, [](std::ostream& out) { out << "first\n"; });
  writeFileAtomically(path, [](std::ostream& out) { out << "second\n"; });
  EXPECT_EQ(readAll(path), "second\n");
  EXPECT_EQ(entries(dir), 1);  // no temporary left
}

TEST(WriteFileAtomically, FileGetsThePermissionsOfAPlainCreate) {
  const fs::path dir = freshDir("mode");
  const mode_t mask = ::umask(022);
  writeFileAtomically((dir / "m.csv").string(), [](std::ostream& out) { out << "x"; });
  ::umask(mask);
  struct stat st {};
  ASSERT_EQ(::stat((dir / "m.csv").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

TEST(WriteFileAtomically, AFailingWriterKeepsTheEarlierFile) {
  const fs::path dir = freshDir("fail");
  const std::string path = (dir / "out.csv").string();
  writeFileAtomically(path, [](std::ostream& out) { out << "earlier\n"; });
  EXPECT_THROW(writeFileAtomically(path,
                                   [](std::ostream& out) {
                                     out << "half";
                                     throw std::runtime_error("cancelled");
                                   }),
               std::runtime_error);
  EXPECT_EQ(readAll(path), "earlier\n");
  EXPECT_EQ(entries(dir), 1);
}

TEST(WriteFileAtomically, AMissingFolderIsAnIoErrorNamingTheFile) {
  const fs::path dir = freshDir("missing");
  const std::string path = (dir / "no_such_folder" / "out.csv").string();
  try {
    writeFileAtomically(path, [](std::ostream& out) { out << "x"; });
    FAIL() << "no error";
  } catch (const IoError& e) {
    EXPECT_EQ(std::string(e.what()),
              path + ": cannot write (No such file or directory); the earlier file is kept");
  }
}

TEST(WriteFailureReason, PlainWords) {
  EXPECT_EQ(writeFailureReason(ENOSPC), "disk full");
  EXPECT_EQ(writeFailureReason(EROFS), "read-only file system");
  EXPECT_EQ(writeFailureReason(EACCES), "permission denied");
}

}  // namespace
}  // namespace clustershift::util
