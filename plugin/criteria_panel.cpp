#include "criteria_panel.h"  // first: brings nlohmann/json before QGIS (see run_task.h)

#include <qgsapplication.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <exception>

#include "clustershift/criterion.h"
#include "clustershift/error.h"
#include "clustershift/mcda.h"
#include "clustershift/methods.h"
#include "clustershift_layers/labels.h"
#include "criterion_options_dialog.h"
#include "sample_data.h"
#include "widgets.h"

namespace clustershift::plugin {

namespace {

// Weight next to the name: in a narrow dock the last columns scroll out of view first.
enum Column {
  kColEnabled,
  kColId,
  kColWeight,
  kColDirection,
  kColFunction,
  kColMin,
  kColMax,
  kColFunctionParams,
  kColOptions,
  kColumns
};

/// Adds the table's methods to `combo`: the label in the UI language as the item text, the name
/// (what scenario files use) as item data and in the tooltip; `skip` names are left out.
void addMethods(QComboBox* combo, const std::vector<MethodInfo>& table, const QStringList& skip = {}) {
  const bool zh = uiLanguage() == QLatin1String("zh_CN");
  for (const MethodInfo& m : table) {
    if (skip.contains(QString::fromUtf8(m.name))) continue;
    combo->addItem(QString::fromUtf8(zh ? m.labelZh : m.label), QString::fromUtf8(m.name));
    combo->setItemData(combo->count() - 1, QString::fromUtf8(m.name), Qt::ToolTipRole);
  }
}

/// The criterion id of a row's criterion cell (the cell shows the label).
QString criterionId(const QTableWidgetItem* item) {
  return item ? item->data(Qt::UserRole).toString() : QString();
}

std::optional<double> optionalNumber(const QTableWidgetItem* item, const QString& what) {
  const QString text = item ? item->text().trimmed() : QString();
  if (text.isEmpty()) return std::nullopt;
  bool ok = false;
  const double v = text.toDouble(&ok);
  if (!ok || !std::isfinite(v)) {
    throw InputError(
        QStringLiteral("criteria table: %1 \"%2\" is not a number").arg(what, text).toStdString());
  }
  return v;
}

/// "lo=0, hi=1" -> {lo: 0, hi: 1}. Throws InputError naming the criterion and the text.
std::map<std::string, double> functionParams(const QTableWidgetItem* item, const QString& id) {
  std::map<std::string, double> params;
  const QString text = item ? item->text().trimmed() : QString();
  if (text.isEmpty()) return params;
  for (const QString& pair : text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts)) {
    const int eq = pair.indexOf(QLatin1Char('='));
    bool ok = false;
    const double v = eq > 0 ? pair.mid(eq + 1).toDouble(&ok) : 0.0;
    if (eq <= 0 || !ok || !std::isfinite(v)) {
      throw InputError(QStringLiteral("criteria table: %1 function parameters: \"%2\" is not key=number")
                           .arg(id, pair)
                           .toStdString());
    }
    params[pair.left(eq).trimmed().toStdString()] = v;
  }
  return params;
}

/// The options cell's JSON object (kept in Qt::UserRole; the text is only its summary).
nlohmann::json options(const QTableWidgetItem* item) {
  const QString text = item ? item->data(Qt::UserRole).toString() : QString();
  if (text.isEmpty()) return nlohmann::json::object();
  return nlohmann::json::parse(text.toStdString());
}

/// Fills the options cell: the JSON in Qt::UserRole, the declared parameters with their
/// values as text ("radius_km 50 km, threads 0"), "–" when the criterion takes none.
void setOptions(QTableWidgetItem* item, const std::string& id, const nlohmann::json& params) {
  const nlohmann::json object = params.is_null() ? nlohmann::json::object() : params;
  item->setData(Qt::UserRole, QString::fromStdString(object.dump()));
  QString text = QString::fromStdString(object.empty() ? std::string() : object.dump());
  try {
    const std::unique_ptr<Criterion> criterion = CriterionRegistry::instance().create(id);
    if (criterion->parameters().empty() && object.empty()) {
      text = QStringLiteral("–");
    } else {
      text = layers::paramValuesText(*criterion, object, uiLanguage() == QLatin1String("zh_CN"));
    }
  } catch (const Error&) {
    // Unknown criterion or refused values: the stored JSON; validate names the problem.
  }
  item->setText(text);
}

}  // namespace

// ---- CriteriaPanel -----------------------------------------------------------------------

CriteriaPanel::CriteriaPanel(QWidget* parent) : QWidget(parent) {
  auto* main = new QVBoxLayout(this);
  main->setContentsMargins(0, 0, 0, 0);
  m_table = new QTableWidget(0, kColumns, this);
  m_table->setObjectName(QStringLiteral("criteriaTable"));
  m_table->setHorizontalHeaderLabels({tr("On"), tr("Criterion"), tr("Weight"), tr("Direction"),
                                      tr("Function"), tr("Min"), tr("Max"), tr("Function parameters"),
                                      tr("Options")});
  m_table->horizontalHeaderItem(kColFunctionParams)
      ->setToolTip(tr("Value-function parameters as key=value pairs, e.g. “lo=0, hi=1” (linear), "
                      "“mid=0.5, steepness=10” (sigmoid), “target=1, width=0.5” (gaussian)"));
  m_table->horizontalHeaderItem(kColOptions)
      ->setToolTip(tr("The criterion's options with their units; double-click to edit them"));
  m_table->horizontalHeaderItem(kColFunction)
      ->setToolTip(tr("Value function turning raw values into 0..1 scores"));
  m_table->horizontalHeaderItem(kColMin)->setToolTip(tr("Hard lower limit on the raw value (empty: none)"));
  m_table->horizontalHeaderItem(kColMax)->setToolTip(tr("Hard upper limit on the raw value (empty: none)"));
  m_table->verticalHeader()->setVisible(false);
  m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_table->horizontalHeader()->setStretchLastSection(true);
  m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 12);
  m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  m_table->setMinimumHeight(190);
  m_table->setToolTip(tr("Edits apply to the next run; min/max empty = no hard limit"));
  main->addWidget(m_table);
  auto* addRow = new QHBoxLayout();
  m_addCombo = new QComboBox(this);
  m_addCombo->setObjectName(QStringLiteral("addCriterionCombo"));
  m_addCombo->setEditable(true);
  m_addCombo->setInsertPolicy(QComboBox::NoInsert);
  m_addCombo->setToolTip(
      tr("A criterion of the registry, or field:<name> for a numeric park or region field"));
  m_addButton =
      new QPushButton(QgsApplication::getThemeIcon(QStringLiteral("/symbologyAdd.svg")), tr("Add"), this);
  m_addButton->setObjectName(QStringLiteral("addCriterionButton"));
  m_addButton->setToolTip(tr("Add the criterion to the table (weight 0.1)"));
  connect(m_addButton, &QPushButton::clicked, this, &CriteriaPanel::addCriterion);
  addRow->addWidget(m_addCombo, 1);
  addRow->addWidget(m_addButton);
  main->addLayout(addRow);
  m_weightSum = new QLabel(this);
  m_weightSum->setObjectName(QStringLiteral("weightSumLabel"));
  m_weightSum->setWordWrap(true);
  main->insertWidget(main->indexOf(m_table) + 1, m_weightSum);
  connect(this, &CriteriaPanel::changed, this, &CriteriaPanel::updateWeightSum);

  auto* form = growingForm();
  auto* weightRow = new QHBoxLayout();
  m_weighting = new QComboBox(this);
  m_weighting->setObjectName(QStringLiteral("weightingCombo"));
  // blend needs alpha and an objective method, which only a scenario file sets.
  addMethods(m_weighting, weightingMethods(), {QString::fromUtf8(info(WeightingMethod::Blend).name)});
  m_ahpButton = new QPushButton(tr("AHP…"), this);
  m_ahpButton->setObjectName(QStringLiteral("ahpButton"));
  m_ahpButton->setToolTip(tr("Pairwise comparison of the enabled criteria (sets weighting to ahp)"));
  connect(m_ahpButton, &QPushButton::clicked, this, &CriteriaPanel::editAhp);
  weightRow->addWidget(m_weighting, 1);
  weightRow->addWidget(m_ahpButton);
  form->addRow(tr("Weighting"), weightRow);
  m_aggregation = new QComboBox(this);
  m_aggregation->setObjectName(QStringLiteral("aggregationCombo"));
  addMethods(m_aggregation, aggregations());
  form->addRow(tr("Aggregation"), m_aggregation);
  m_missing = new QComboBox(this);
  m_missing->setObjectName(QStringLiteral("missingCombo"));
  addMethods(m_missing, missingPolicies());
  m_missing->setToolTip(tr("What a missing (NULL) criterion value counts as"));
  form->addRow(tr("Missing values"), m_missing);
  main->addLayout(form);

  auto* robustness = new QGroupBox(tr("Robustness (SMAA)"), this);
  auto* robustForm = growingForm(robustness);
  m_draws = new QSpinBox(robustness);
  m_draws->setObjectName(QStringLiteral("drawsSpin"));
  m_draws->setRange(0, 100000);
  m_draws->setSingleStep(500);
  m_draws->setSpecialValueText(tr("off"));
  m_draws->setToolTip(tr("Random weight draws around the chosen weights (0: no robustness analysis)"));
  robustForm->addRow(tr("Weight draws"), m_draws);
  m_topK = new QSpinBox(robustness);
  m_topK->setObjectName(QStringLiteral("topKSpin"));
  m_topK->setRange(1, 50);
  m_topK->setToolTip(tr("k of P(top-k): how often a park ranks among the best k over the draws"));
  robustForm->addRow(tr("Top k"), m_topK);
  m_concentration = new QDoubleSpinBox(robustness);
  m_concentration->setObjectName(QStringLiteral("concentrationSpin"));
  m_concentration->setRange(0, 10000);
  m_concentration->setDecimals(1);
  m_concentration->setSingleStep(10);
  m_concentration->setToolTip(
      tr("Dirichlet concentration κ of the draws around the weights (higher: closer; 0: uniform on the "
         "simplex)"));
  robustForm->addRow(tr("Concentration κ"), m_concentration);
  m_seed = new QSpinBox(robustness);
  m_seed->setObjectName(QStringLiteral("seedSpin"));
  m_seed->setRange(0, 2147483647);
  m_seed->setToolTip(tr("Random seed: the same seed gives the same draws"));
  robustForm->addRow(tr("Seed"), m_seed);
  for (QComboBox* combo : {m_weighting, m_aggregation, m_missing})
    connect(combo, qOverload<int>(&QComboBox::currentIndexChanged), this, &CriteriaPanel::changed);
  connect(m_table, &QTableWidget::itemChanged, this, &CriteriaPanel::changed);
  connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int column) {
    if (column == kColOptions) editOptions(row);
  });
  main->addWidget(robustness);
  setEnabled(false);
}

void CriteriaPanel::clear() {
  m_table->setRowCount(0);
  m_base.clear();
  m_ahpMatrix.clear();
  m_ahpNames.clear();
  m_loaded = false;
  setEnabled(false);
}

void CriteriaPanel::fillRow(int row, const CriterionSpec& c) {
  auto* on = new QTableWidgetItem();
  on->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
  on->setCheckState(c.enabled ? Qt::Checked : Qt::Unchecked);
  m_table->setItem(row, kColEnabled, on);
  // The cell shows the label and unit in the UI language; the id (scenario files and output
  // fields use it) is the item's data and goes into the tooltip with the default direction.
  const bool zh = uiLanguage() == QLatin1String("zh_CN");
  auto* id = new QTableWidgetItem(layers::criterionLabelWithUnit(c.id, zh));
  id->setData(Qt::UserRole, QString::fromStdString(c.id));
  id->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
  try {
    if (const std::unique_ptr<Criterion> criterion = CriterionRegistry::instance().create(c.id)) {
      id->setToolTip(tr("%1 (id %2; default: %3)")
                         .arg(layers::criterionLabelWithUnit(c.id, zh), QString::fromStdString(c.id),
                              criterion->defaultDirection() == Direction::Cost ? tr("cost") : tr("benefit")));
    }
  } catch (const std::exception&) {
    id->setToolTip(tr("Unknown criterion %1: the run will report it").arg(QString::fromStdString(c.id)));
  }
  m_table->setItem(row, kColId, id);
  auto* direction = new QComboBox(m_table);
  direction->addItem(tr("default"), QString());
  direction->addItem(tr("benefit"), QStringLiteral("benefit"));
  direction->addItem(tr("cost"), QStringLiteral("cost"));
  if (c.direction) direction->setCurrentIndex(*c.direction == Direction::Cost ? 2 : 1);
  m_table->setCellWidget(row, kColDirection, direction);
  auto* function = new QComboBox(m_table);
  addMethods(function, valueFunctionTypes());
  const int fi = function->findData(QString::fromStdString(c.valueFunction.type));
  function->setCurrentIndex(fi >= 0 ? fi : 0);
  m_table->setCellWidget(row, kColFunction, function);
  auto* weight = new QDoubleSpinBox(m_table);
  weight->setRange(0, 100);
  weight->setDecimals(3);
  weight->setSingleStep(0.05);
  weight->setValue(c.weight);
  connect(weight, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &CriteriaPanel::changed);
  weight->setFrame(false);
  weight->setButtonSymbols(QAbstractSpinBox::NoButtons);  // narrow: type or scroll the value
  direction->setFrame(false);
  function->setFrame(false);
  m_table->setCellWidget(row, kColWeight, weight);
  m_table->setItem(row, kColMin, new QTableWidgetItem(c.min ? QString::number(*c.min) : QString()));
  m_table->setItem(row, kColMax, new QTableWidgetItem(c.max ? QString::number(*c.max) : QString()));
  QStringList pairs;
  for (const auto& [key, value] : c.valueFunction.params)
    pairs << QStringLiteral("%1=%2").arg(QString::fromStdString(key)).arg(value, 0, 'g', 12);
  m_table->setItem(row, kColFunctionParams, new QTableWidgetItem(pairs.join(QStringLiteral(", "))));
  auto* options = new QTableWidgetItem();
  options->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);  // edited in CriterionOptionsDialog
  setOptions(options, c.id, c.params);
  m_table->setItem(row, kColOptions, options);
}

void CriteriaPanel::updateWeightSum() {
  double sum = 0;
  int enabled = 0;
  for (int row = 0; row < m_table->rowCount(); ++row) {
    if (m_table->item(row, kColEnabled)->checkState() != Qt::Checked) continue;
    if (const auto* weight = qobject_cast<QDoubleSpinBox*>(m_table->cellWidget(row, kColWeight)))
      sum += weight->value();
    ++enabled;
  }
  const bool one = std::fabs(sum - 1.0) < 5e-4;
  m_weightSum->setText(
      one ? tr("%n criteria enabled; weights sum to 1.", nullptr, enabled)
          : tr("%n criteria enabled; weights sum to %1 (normalised to 1 for the run).", nullptr, enabled)
                .arg(sum, 0, 'f', 3));
}

void CriteriaPanel::fitTable() {
  m_table->resizeColumnsToContents();
  // Every criterion visible without scrolling; the horizontal scroll bar stays for the last columns.
  m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() +
                          std::max(4, m_table->rowCount()) * m_table->verticalHeader()->defaultSectionSize() +
                          m_table->horizontalScrollBar()->sizeHint().height() + 2 * m_table->frameWidth() +
                          2);
  // Offer the registry's criteria that the table does not list yet.
  const QSignalBlocker blocker(m_addCombo);
  const QString typed = m_addCombo->currentText();
  m_addCombo->clear();
  QStringList listed;
  for (int row = 0; row < m_table->rowCount(); ++row) listed << criterionId(m_table->item(row, kColId));
  const bool zh = uiLanguage() == QLatin1String("zh_CN");
  for (const std::string& id : CriterionRegistry::instance().ids()) {
    const QString q = QString::fromStdString(id);
    if (listed.contains(q)) continue;
    // The label is shown; the id is the item data (and what a typed entry is compared with).
    m_addCombo->addItem(id.rfind("field:", 0) == 0 ? q : layers::criterionLabel(id, zh), q);
    m_addCombo->setItemData(m_addCombo->count() - 1, q, Qt::ToolTipRole);
  }
  m_addCombo->setEditText(typed.isEmpty() ? m_addCombo->itemText(0) : typed);
  updateWeightSum();
}

void CriteriaPanel::addCriterion() {
  QString id = m_addCombo->currentText().trimmed();
  // A registry entry shows its label: take its id.
  if (const int at = m_addCombo->findText(id); at >= 0 && !m_addCombo->itemData(at).toString().isEmpty())
    id = m_addCombo->itemData(at).toString();
  if (id.isEmpty() || id.endsWith(QLatin1String("<name>"))) {
    m_addCombo->setFocus();
    return;
  }
  for (int row = 0; row < m_table->rowCount(); ++row) {
    if (criterionId(m_table->item(row, kColId)) == id) return;  // listed already
  }
  CriterionSpec spec;
  spec.id = id.toStdString();
  spec.weight = 0.1;
  m_base.push_back(spec);
  const int row = m_table->rowCount();
  {
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(row + 1);
    fillRow(row, spec);
  }
  m_addCombo->setEditText(QString());
  fitTable();
  emit changed();
}

void CriteriaPanel::setScenario(const Scenario& scenario) {
  m_base = scenario.criteria;
  {
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    m_table->setRowCount(static_cast<int>(m_base.size()));
    for (int row = 0; row < static_cast<int>(m_base.size()); ++row)
      fillRow(row, m_base[static_cast<size_t>(row)]);
  }
  fitTable();
  const int wi = m_weighting->findData(QString::fromStdString(scenario.weighting.method));
  m_weighting->setCurrentIndex(wi >= 0 ? wi : 0);
  const int ai = m_aggregation->findData(QString::fromStdString(scenario.aggregation));
  m_aggregation->setCurrentIndex(ai >= 0 ? ai : 0);
  m_ahpMatrix = scenario.weighting.matrix;
  m_ahpNames = enabledNames();
  m_draws->setValue(scenario.uncertainty.draws);
  m_topK->setValue(scenario.uncertainty.k);
  m_seed->setValue(static_cast<int>(std::min<unsigned>(scenario.uncertainty.seed, 2147483647u)));
  m_concentration->setValue(scenario.uncertainty.concentration);
  const int mi = m_missing->findData(QString::fromStdString(scenario.missing));
  m_missing->setCurrentIndex(mi >= 0 ? mi : 0);
  m_loaded = true;
  setEnabled(true);
}

QStringList CriteriaPanel::enabledNames() const {
  QStringList names;
  for (int row = 0; row < m_table->rowCount(); ++row) {
    if (m_table->item(row, kColEnabled)->checkState() == Qt::Checked)
      names << criterionId(m_table->item(row, kColId));
  }
  return names;
}

void CriteriaPanel::editAhp() {
  const QStringList names = enabledNames();
  if (names.size() < 2) return;
  AhpDialog dialog(names, names == m_ahpNames ? m_ahpMatrix : std::vector<std::vector<double>>{}, this);
  if (dialog.exec() != QDialog::Accepted) return;
  m_ahpMatrix = dialog.matrix();
  m_ahpNames = names;
  m_weighting->setCurrentIndex(m_weighting->findData(QStringLiteral("ahp")));
}

void CriteriaPanel::editOptions(int row) {
  QTableWidgetItem* item = m_table->item(row, kColOptions);
  const std::string id = criterionId(m_table->item(row, kColId)).toStdString();
  std::unique_ptr<Criterion> criterion;
  try {
    criterion = CriterionRegistry::instance().create(id);
  } catch (const Error&) {
    return;  // unknown criterion: nothing declared to edit
  }
  if (criterion->parameters().empty()) return;
  CriterionOptionsDialog dialog(*criterion, options(item), this);
  if (dialog.exec() != QDialog::Accepted) return;
  try {
    setOptions(item, id, dialog.params());
  } catch (const InputError& e) {
    QMessageBox::warning(this, tr("Criterion options"), QString::fromStdString(e.what()));
  }
}

void CriteriaPanel::applyTo(Scenario& scenario) const {
  if (!m_loaded) return;
  std::vector<CriterionSpec> criteria = m_base;
  for (int row = 0; row < m_table->rowCount() && row < static_cast<int>(criteria.size()); ++row) {
    CriterionSpec& c = criteria[static_cast<size_t>(row)];
    c.enabled = m_table->item(row, kColEnabled)->checkState() == Qt::Checked;
    const QString direction =
        qobject_cast<QComboBox*>(m_table->cellWidget(row, kColDirection))->currentData().toString();
    if (direction.isEmpty()) {
      c.direction.reset();
    } else {
      c.direction = direction == QLatin1String("cost") ? Direction::Cost : Direction::Benefit;
    }
    const QString function =
        qobject_cast<QComboBox*>(m_table->cellWidget(row, kColFunction))->currentData().toString();
    c.valueFunction.type = function.toStdString();
    c.valueFunction.params =
        functionParams(m_table->item(row, kColFunctionParams), QString::fromStdString(c.id));
    c.params = options(m_table->item(row, kColOptions));
    c.weight = qobject_cast<QDoubleSpinBox*>(m_table->cellWidget(row, kColWeight))->value();
    const QString id = QString::fromStdString(c.id);
    c.min = optionalNumber(m_table->item(row, kColMin), id + QStringLiteral(" min"));
    c.max = optionalNumber(m_table->item(row, kColMax), id + QStringLiteral(" max"));
  }
  scenario.criteria = criteria;
  scenario.weighting.method = m_weighting->currentData().toString().toStdString();
  if (scenario.weighting.method == "ahp") {
    const QStringList names = enabledNames();
    if (names == m_ahpNames && static_cast<int>(m_ahpMatrix.size()) == names.size()) {
      scenario.weighting.matrix = m_ahpMatrix;
    } else {
      // No judgements for this set of criteria yet: all equal.
      const size_t n = static_cast<size_t>(names.size());
      scenario.weighting.matrix.assign(n, std::vector<double>(n, 1.0));
    }
  }
  scenario.aggregation = m_aggregation->currentData().toString().toStdString();
  scenario.uncertainty.draws = m_draws->value();
  scenario.uncertainty.k = m_topK->value();
  scenario.uncertainty.seed = static_cast<unsigned>(m_seed->value());
  scenario.uncertainty.concentration = m_concentration->value();
  scenario.missing = m_missing->currentData().toString().toStdString();
}

}  // namespace clustershift::plugin
