#include "sample_data.h"

#include <qgsapplication.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace clustershift::plugin {

namespace {

bool looksLikeSampleData(const QString& dir) {
  return !dir.isEmpty() && (QFileInfo::exists(dir + QStringLiteral("/scenarios")) ||
                            QFileInfo::exists(dir + QStringLiteral("/regions.gpkg")));
}

}  // namespace

QString sampleDataDir() {
  QStringList candidates;
  const QString env = qEnvironmentVariable("CLUSTERSHIFT_DATA");
  if (!env.isEmpty()) candidates << env;
#ifdef CLUSTERSHIFT_SOURCE_DIR
  candidates << QStringLiteral(CLUSTERSHIFT_SOURCE_DIR "/sample_data");
#endif
#ifdef CLUSTERSHIFT_DATA_INSTALL_DIR
  candidates << QStringLiteral(CLUSTERSHIFT_DATA_INSTALL_DIR "/sample_data");
#endif
  for (const QString& dir : candidates) {
    if (looksLikeSampleData(dir)) return QDir(dir).absolutePath();
  }
  return {};
}

QVector<ScenarioEntry> presetScenarios(const QString& language) {
  QVector<ScenarioEntry> entries;
  const QString base = sampleDataDir();
  if (base.isEmpty()) return entries;
  const QDir dir(base + QStringLiteral("/scenarios"));
  const QFileInfoList files =
      dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable, QDir::Name);
  for (const QFileInfo& info : files) {
    ScenarioEntry entry;
    entry.path = info.absoluteFilePath();
    entry.name = info.completeBaseName();
    entry.title = entry.name;
    entry.language = QStringLiteral("zh_CN");
    QFile file(entry.path);
    if (file.open(QIODevice::ReadOnly)) {
      const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
      const QJsonValue title = json.value(QStringLiteral("title"));
      if (title.isObject()) {
        const QJsonObject titles = title.toObject();
        for (const QString& key : {language, QStringLiteral("en"), QStringLiteral("zh_CN")}) {
          if (titles.value(key).isString()) {
            entry.title = titles.value(key).toString();
            break;
          }
        }
      } else if (title.isString()) {
        entry.title = title.toString();
      }
      const QString reportLanguage =
          json.value(QStringLiteral("report")).toObject().value(QStringLiteral("language")).toString();
      if (!reportLanguage.isEmpty()) entry.language = reportLanguage;
    }
    entries << entry;
  }
  return entries;
}

QString uiLanguage() {
  return QgsApplication::locale().startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                                  : QStringLiteral("en");
}

}  // namespace clustershift::plugin
