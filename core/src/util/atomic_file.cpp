// Temporary name, fsync, check, rename, fsync the folder: a file is the earlier one or the new
// one, never half written (see docs/architecture.md, "Checks" and STYLE: outputs).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <vector>

#include "clustershift/error.h"
#include "clustershift/util.h"

namespace clustershift::util {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& path, const std::string& reason) {
  throw IoError(path + ": cannot write (" + reason + "); the earlier file is kept");
}

/// Writes all of text to fd; false with errno set on failure.
bool writeAll(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

void syncFolder(const fs::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

std::string writeFailureReason(int errorNumber) {
  switch (errorNumber) {
    case ENOSPC:
      return "disk full";
    case EROFS:
      return "read-only file system";
    case EDQUOT:
      return "disk quota exceeded";
    case EACCES:
    case EPERM:
      return "permission denied";
    case EFBIG:
      return "file size limit reached";
    default:
      return std::strerror(errorNumber);
  }
}

void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  std::ostringstream content;
  write(content);  // may throw: nothing is on disk yet
  if (!content) fail(path, "the content could not be formatted");

  const fs::path target(path);
  const fs::path dir = target.parent_path();
  const std::string pattern = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) fail(path, writeFailureReason(errno));
  const std::string temporary(name.data());
  auto abandon = [&](int error) {
    ::close(fd);
    std::remove(temporary.c_str());
    fail(path, writeFailureReason(error));
  };
  // mkstemp creates 0600; the file gets the permissions a plain create would give it.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(fd, 0666 & ~mask) != 0) abandon(errno);
  if (!writeAll(fd, content.str())) abandon(errno);
  if (::fsync(fd) != 0) abandon(errno);
  if (::close(fd) != 0) {
    const int error = errno;
    std::remove(temporary.c_str());
    fail(path, writeFailureReason(error));
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    std::remove(temporary.c_str());
    fail(path, writeFailureReason(error));
  }
  syncFolder(dir);
}

}  // namespace clustershift::util
