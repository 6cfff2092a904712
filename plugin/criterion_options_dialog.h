#pragma once
// Typed editor of one criterion's options, built from its declaration
// (Criterion::parameters()): a spin box per number with its range and unit, a check box per
// boolean, "name=number" pairs for a number map. Only values that differ from the declared
// defaults are written back, so a scenario keeps just what the planner changed.
// clustershift headers (nlohmann/json) before QGIS headers: see run_task.h.
#include "clustershift/criterion.h"

#include <QDialog>
#include <vector>

class QWidget;

namespace clustershift::plugin {

class CriterionOptionsDialog : public QDialog {
  Q_OBJECT
 public:
  /// `params`: the criterion's current options (unknown keys are kept out and reported by
  /// validate, not silently edited).
  CriterionOptionsDialog(const Criterion& criterion, const nlohmann::json& params, QWidget* parent = nullptr);
  /// The edited options: only the declared keys whose value differs from the default.
  /// Throws InputError for a number-map text that is not "name=number" pairs.
  nlohmann::json params() const;

 private:
  std::vector<ParamSpec> m_specs;
  std::vector<QWidget*> m_editors;  ///< one per spec, by type
  QString m_id;
};

}  // namespace clustershift::plugin
