#pragma once
// The region and park columns of the Data tab: their labels on screen and the other spellings
// a statistical layer may use for them.
#include <QString>
#include <QStringList>

#include <map>
#include <string>

namespace clustershift::plugin {

/// Common alternative spellings of the core columns in Chinese statistical layers
/// (id → code, adcode, region_id, park_id; name_zh → name_cn, 名称; …).
const std::map<std::string, QStringList>& fieldAliases();

/// The column's label in the UI language ("working_age" → 劳动年龄人口); the key when unknown.
QString fieldLabel(const std::string& key);

}  // namespace clustershift::plugin
