#include "clustershift/gdal_options.h"

#include <cpl_conv.h>

namespace clustershift {

ThreadConfigOptions::ThreadConfigOptions(std::initializer_list<std::pair<const char*, const char*>> options) {
  try {
    for (const auto& [key, value] : options) {
      const char* old = CPLGetThreadLocalConfigOption(key, nullptr);
      m_old.push_back({key, old != nullptr, old ? old : ""});
      CPLSetThreadLocalConfigOption(key, value);
    }
  } catch (...) {
    restore();  // the destructor does not run for a constructor that throws
    throw;
  }
}

ThreadConfigOptions::~ThreadConfigOptions() { restore(); }

void ThreadConfigOptions::restore() noexcept {
  // In reverse: a key given twice gets its first old value back.
  for (auto it = m_old.rbegin(); it != m_old.rend(); ++it)
    CPLSetThreadLocalConfigOption(it->key.c_str(), it->set ? it->value.c_str() : nullptr);
  m_old.clear();
}

}  // namespace clustershift
