// Criterion registry: criteria register themselves from static initialisers in their own
// files (PDAL-style), so adding one touches only its file and its test.
#include <algorithm>
#include <stdexcept>

#include "clustershift/criterion.h"
#include "clustershift/error.h"

namespace clustershift {

CriterionRegistry& CriterionRegistry::instance() {
  static CriterionRegistry registry;
  return registry;
}

bool CriterionRegistry::add(const std::string& id, CriterionFactory factory) {
  for (const auto& entry : m_exact) {
    if (entry.first == id) throw std::logic_error("criterion id '" + id + "' is registered twice");
  }
  m_exact.emplace_back(id, std::move(factory));
  return true;
}

bool CriterionRegistry::addPrefix(const std::string& prefix, CriterionFactory factory) {
  for (const auto& entry : m_prefix) {
    if (entry.first == prefix)
      throw std::logic_error("criterion id prefix '" + prefix + "' is registered twice");
  }
  m_prefix.emplace_back(prefix, std::move(factory));
  return true;
}

std::unique_ptr<Criterion> CriterionRegistry::create(const std::string& id) const {
  for (const auto& entry : m_exact) {
    if (entry.first == id) return entry.second(id);
  }
  for (const auto& entry : m_prefix) {
    if (id.size() > entry.first.size() && id.compare(0, entry.first.size(), entry.first) == 0) {
      return entry.second(id);
    }
  }
  std::string known;
  for (const std::string& k : ids()) known += (known.empty() ? "" : ", ") + k;
  throw InputError("unknown criterion '" + id + "' (known: " + known + ")");
}

bool CriterionRegistry::contains(const std::string& id) const {
  for (const auto& entry : m_exact) {
    if (entry.first == id) return true;
  }
  for (const auto& entry : m_prefix) {
    if (id.size() > entry.first.size() && id.compare(0, entry.first.size(), entry.first) == 0) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> CriterionRegistry::ids() const {
  std::vector<std::string> result;
  for (const auto& entry : m_exact) result.push_back(entry.first);
  std::sort(result.begin(), result.end());
  for (const auto& entry : m_prefix) result.push_back(entry.first + "<name>");
  return result;
}

std::string criterionFieldPrefix(const std::string& id) {
  std::string prefix = id;
  for (char& ch : prefix) {
    // Bytes of multi-byte UTF-8 characters (field:人口 -> field_人口) are kept whole.
    bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' ||
                static_cast<unsigned char>(ch) >= 0x80;
    if (ch >= 'A' && ch <= 'Z') {
      ch = static_cast<char>(ch - 'A' + 'a');
      keep = true;
    }
    if (!keep) ch = '_';
  }
  return prefix;
}

}  // namespace clustershift
