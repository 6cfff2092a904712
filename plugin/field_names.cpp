// The region and park columns of the Data tab: their labels on screen and the other spellings
// a statistical layer may use for them.
#include "field_names.h"

#include <QCoreApplication>

namespace clustershift::plugin {

/// Common alternative spellings of the core columns in Chinese statistical layers.
const std::map<std::string, QStringList>& fieldAliases() {
  static const std::map<std::string, QStringList> kAliases = {
      {"id",
       {QStringLiteral("code"), QStringLiteral("adcode"), QStringLiteral("region_id"),
        QStringLiteral("park_id")}},
      {"name", {QStringLiteral("name_en"), QStringLiteral("pinyin")}},
      {"name_zh", {QStringLiteral("name_cn"), QStringLiteral("namezh"), QStringLiteral("名称")}},
      {"province", {QStringLiteral("prov"), QStringLiteral("province_en")}},
      {"population", {QStringLiteral("pop")}},
      {"land_price", {QStringLiteral("landprice")}},
      {"lead_industries", {QStringLiteral("industries"), QStringLiteral("lead_industry")}},
      {"area_ha", {QStringLiteral("area")}},
      {"available_ha", {QStringLiteral("available"), QStringLiteral("free_ha")}},
  };
  return kAliases;
}

QString fieldLabel(const std::string& key) {
  static const std::map<std::string, const char*> kLabels = {
      {"id", QT_TRANSLATE_NOOP("ClusterShift", "Id")},
      {"name", QT_TRANSLATE_NOOP("ClusterShift", "Name")},
      {"name_zh", QT_TRANSLATE_NOOP("ClusterShift", "Chinese name")},
      {"province", QT_TRANSLATE_NOOP("ClusterShift", "Province")},
      {"population", QT_TRANSLATE_NOOP("ClusterShift", "Population")},
      {"working_age", QT_TRANSLATE_NOOP("ClusterShift", "Working-age population")},
      {"gdp", QT_TRANSLATE_NOOP("ClusterShift", "GDP")},
      {"y1", QT_TRANSLATE_NOOP("ClusterShift", "Value added, primary")},
      {"y2", QT_TRANSLATE_NOOP("ClusterShift", "Value added, secondary")},
      {"y3", QT_TRANSLATE_NOOP("ClusterShift", "Value added, tertiary")},
      {"l1", QT_TRANSLATE_NOOP("ClusterShift", "Employment, primary")},
      {"l2", QT_TRANSLATE_NOOP("ClusterShift", "Employment, secondary")},
      {"l3", QT_TRANSLATE_NOOP("ClusterShift", "Employment, tertiary")},
      {"wage", QT_TRANSLATE_NOOP("ClusterShift", "Average wage")},
      {"rd", QT_TRANSLATE_NOOP("ClusterShift", "R&D spending")},
      {"land_price", QT_TRANSLATE_NOOP("ClusterShift", "Industrial land price")},
      {"level", QT_TRANSLATE_NOOP("ClusterShift", "Level")},
      {"lead_industries", QT_TRANSLATE_NOOP("ClusterShift", "Lead industries")},
      {"area_ha", QT_TRANSLATE_NOOP("ClusterShift", "Area (ha)")},
      {"available_ha", QT_TRANSLATE_NOOP("ClusterShift", "Available land (ha)")},
  };
  const auto it = kLabels.find(key);
  return it == kLabels.end() ? QString::fromStdString(key)
                             : QCoreApplication::translate("ClusterShift", it->second);
}

}  // namespace clustershift::plugin
