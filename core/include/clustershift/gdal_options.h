#pragma once
// GDAL configuration options set for the calling thread only, for as long as an object lives.
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace clustershift {

/// Sets GDAL configuration options (CPLSetThreadLocalConfigOption) for this thread and restores
/// the values they had when it goes: options for one read or one write, not for the process
/// (other threads, the QGIS session, a caller's own settings stay as they were).
class ThreadConfigOptions {
 public:
  /// Key and value pairs: ThreadConfigOptions options{{"OGR_SQLITE_SYNCHRONOUS", "OFF"}};
  ThreadConfigOptions(std::initializer_list<std::pair<const char*, const char*>> options);
  ~ThreadConfigOptions();
  ThreadConfigOptions(const ThreadConfigOptions&) = delete;
  ThreadConfigOptions& operator=(const ThreadConfigOptions&) = delete;

 private:
  void restore() noexcept;
  struct Old {
    std::string key;
    bool set = false;
    std::string value;
  };
  std::vector<Old> m_old;
};

}  // namespace clustershift
