#include "project_state.h"

#include <qgsproject.h>

namespace clustershift::plugin {

namespace {

const QString kScope = QStringLiteral("ClusterShift");

struct Key {
  const char* name;
  QString ProjectState::*member;
};

const Key kKeys[] = {
    {"/scenario", &ProjectState::scenarioJson},
    {"/scenarioFile", &ProjectState::scenarioFile},
    {"/layers/regions", &ProjectState::regionLayerId},
    {"/layers/parks", &ProjectState::parkLayerId},
    {"/layers/zones", &ProjectState::zonesLayerId},
    {"/layers/roads", &ProjectState::roadsLayerId},
    {"/outputDir", &ProjectState::outputDir},
    {"/lastGeoPackage", &ProjectState::lastGeoPackage},
    {"/report/language", &ProjectState::reportLanguage},
    {"/report/paper", &ProjectState::paper},
    {"/tables/industry_output/layer", &ProjectState::industryTableLayerId},
    {"/tables/io_table/layer", &ProjectState::ioTableLayerId},
};

}  // namespace

void writeProjectState(QgsProject* project, const ProjectState& state) {
  if (!project) return;
  for (const Key& key : kKeys) project->writeEntry(kScope, QLatin1String(key.name), state.*key.member);
}

ProjectState readProjectState(const QgsProject* project) {
  ProjectState state;
  if (!project) return state;
  for (const Key& key : kKeys) state.*key.member = project->readEntry(kScope, QLatin1String(key.name));
  return state;
}

}  // namespace clustershift::plugin
