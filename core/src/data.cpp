#include "clustershift/data.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace clustershift {

const std::vector<std::string>& regionColumns() {
  static const std::vector<std::string> kColumns = {
      "population", "working_age", "gdp", "y1", "y2", "y3", "l1", "l2", "l3", "wage", "rd", "land_price"};
  return kColumns;
}

const std::vector<std::string>& parkColumns() {
  static const std::vector<std::string> kColumns = {"area_ha", "available_ha"};
  return kColumns;
}

const std::vector<std::string>& regionFieldKeys() {
  static const std::vector<std::string> kKeys = [] {
    std::vector<std::string> keys = {"id", "name", "name_zh", "province"};
    for (const std::string& c : regionColumns()) keys.push_back(c);
    return keys;
  }();
  return kKeys;
}

const std::vector<std::string>& parkFieldKeys() {
  static const std::vector<std::string> kKeys = [] {
    std::vector<std::string> keys = {"id", "name", "name_zh", "level", "lead_industries"};
    for (const std::string& c : parkColumns()) keys.push_back(c);
    return keys;
  }();
  return kKeys;
}

namespace {
double lookup(const std::map<std::string, double>& values, const std::string& column) {
  auto it = values.find(column);
  return it == values.end() ? kNaN : it->second;
}

template <typename T>
int indexById(const std::vector<T>& items, const std::string& id) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

int indexOf(const std::vector<std::string>& items, const std::string& key) {
  auto it = std::find(items.begin(), items.end(), key);
  return it == items.end() ? -1 : static_cast<int>(it - items.begin());
}
}  // namespace

double Region::value(const std::string& column) const { return lookup(values, column); }

double Park::value(const std::string& column) const { return lookup(values, column); }

int IndustryMatrix::regionIndex(const std::string& id) const { return indexOf(regionIds, id); }

int IndustryMatrix::industryIndex(const std::string& code) const { return indexOf(industries, code); }

std::vector<int> IndustryMatrix::rowsOf(const std::vector<Region>& regions) const {
  std::unordered_map<std::string_view, int> rowOfId;
  rowOfId.reserve(regionIds.size());
  for (std::size_t r = 0; r < regionIds.size(); ++r)
    rowOfId.emplace(regionIds[r], static_cast<int>(r));  // first wins
  std::vector<int> rows(regions.size(), -1);
  for (std::size_t i = 0; i < regions.size(); ++i)
    if (auto it = rowOfId.find(regions[i].id); it != rowOfId.end()) rows[i] = it->second;
  return rows;
}

int Inputs::regionIndex(const std::string& id) const { return indexById(regions, id); }

int Inputs::parkIndex(const std::string& id) const { return indexById(parks, id); }

}  // namespace clustershift
