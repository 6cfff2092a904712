#pragma once
// Report layout construction, shared by exportReport and writeOutputs (which also stores
// the layouts in the .qgz so users can edit and re-export them in QGIS).
#include <memory>

#include <QString>

#include "clustershift/results.h"

class QgsPrintLayout;
class QgsProject;

namespace clustershift::layers::detail {

/// One A4 landscape page for `language` (zh_CN | en) over the project's result layers
/// (candidate_scores, transfer_flows, regions). Throws InputError for other languages.
std::unique_ptr<QgsPrintLayout> buildReportLayout(const Results& results, QgsProject* project, const QString& language);

}  // namespace clustershift::layers::detail
