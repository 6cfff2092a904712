#include "run_tab.h"  // first: brings nlohmann/json before QGIS (see run_task.h)

#include <qgsapplication.h>
#include <qgsfilewidget.h>

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <map>

#include "clustershift/effects.h"
#include "clustershift_layers/labels.h"
#include "sample_data.h"
#include "widgets.h"

namespace clustershift::plugin {

namespace {

QTableWidgetItem* cell(const QString& text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter) {
  auto* item = new QTableWidgetItem(text);
  item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
  item->setTextAlignment(align);
  return item;
}

QTableWidget* resultTable(const QString& name, QWidget* parent) {
  auto* table = new QTableWidget(parent);
  table->setObjectName(name);
  table->verticalHeader()->setVisible(false);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->setSelectionBehavior(QAbstractItemView::SelectRows);
  table->setWordWrap(false);
  table->setTextElideMode(Qt::ElideRight);
  table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
  return table;
}

}  // namespace

RunTab::RunTab(QWidget* parent) : QScrollArea(parent) {
  QVBoxLayout* main = scrollTabLayout(this, QStringLiteral("runTab"));
  QWidget* content = main->parentWidget();

  // ---- scenario ----
  auto* scenarioBox = new QGroupBox(tr("Scenario"), content);
  auto* scenarioForm = growingForm(scenarioBox);
  m_scenarioCombo = new QComboBox(scenarioBox);
  m_scenarioCombo->setObjectName(QStringLiteral("scenarioCombo"));
  m_scenarioCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_scenarioCombo->setMinimumContentsLength(12);
  m_scenarioCombo->setToolTip(tr("Sample scenarios; choosing one fills every tab"));
  scenarioForm->addRow(tr("Sample"), m_scenarioCombo);
  m_scenarioFile = new QgsFileWidget(scenarioBox);
  m_scenarioFile->setObjectName(QStringLiteral("scenarioFile"));
  m_scenarioFile->setStorageMode(QgsFileWidget::GetFile);
  m_scenarioFile->setFilter(tr("ClusterShift scenario (*.json)"));
  m_scenarioFile->setDialogTitle(tr("Open a ClusterShift scenario"));
  m_scenarioFile->setToolTip(tr("The scenario file the tabs were filled from"));
  scenarioForm->addRow(tr("File"), m_scenarioFile);
  auto* fileRow = new QHBoxLayout();
  m_load = new QPushButton(QgsApplication::getThemeIcon(QStringLiteral("/mActionFileOpen.svg")), tr("Load…"),
                           scenarioBox);
  m_load->setObjectName(QStringLiteral("loadScenarioButton"));
  m_load->setToolTip(tr("Load a scenario JSON file into the tabs"));
  m_save = new QPushButton(QgsApplication::getThemeIcon(QStringLiteral("/mActionFileSave.svg")), tr("Save…"),
                           scenarioBox);
  m_save->setObjectName(QStringLiteral("saveScenarioButton"));
  m_save->setToolTip(tr("Save the tabs' settings as a scenario JSON file"));
  fileRow->addWidget(m_load);
  fileRow->addWidget(m_save);
  scenarioForm->addRow(QString(), fileRow);
  m_outputDir = new QgsFileWidget(scenarioBox);
  m_outputDir->setObjectName(QStringLiteral("outputDirWidget"));
  m_outputDir->setStorageMode(QgsFileWidget::GetDirectory);
  m_outputDir->setDialogTitle(tr("Output folder for the results"));
  m_outputDir->setToolTip(tr("The results GeoPackage <scenario>.gpkg and its styles go here"));
  scenarioForm->addRow(tr("Output"), m_outputDir);
  main->addWidget(scenarioBox);

  // ---- run ----
  auto* runRow = new QHBoxLayout();
  m_run =
      new QPushButton(QgsApplication::getThemeIcon(QStringLiteral("/mActionStart.svg")), tr("Run"), content);
  m_run->setObjectName(QStringLiteral("runButton"));
  m_run->setDefault(true);
  m_cancel = new QPushButton(tr("Cancel"), content);
  m_cancel->setObjectName(QStringLiteral("cancelButton"));
  m_cancel->setEnabled(false);
  runRow->addWidget(m_run, 1);
  runRow->addWidget(m_cancel);
  main->addLayout(runRow);
  m_progress = new QProgressBar(content);
  m_progress->setObjectName(QStringLiteral("progressBar"));
  m_progress->setRange(0, 100);
  m_progress->setValue(0);
  m_progress->setVisible(false);
  main->addWidget(m_progress);
  m_status = new QLabel(tr("Choose the layers and a scenario, then press Run."), content);
  m_status->setObjectName(QStringLiteral("statusLabel"));
  m_status->setWordWrap(true);
  main->addWidget(m_status);

  // ---- results ----
  auto* resultsBox = new QGroupBox(tr("Top candidates"), content);
  auto* resultsLayout = new QVBoxLayout(resultsBox);
  m_summary = resultTable(QStringLiteral("summaryTable"), resultsBox);
  m_summary->setColumnCount(5);
  m_summary->setHorizontalHeaderLabels({tr("#"), tr("Park"), tr("Region"), tr("Score"), tr("P(top-k)")});
  m_summary->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_summary->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
  m_summary->setMinimumHeight(m_summary->verticalHeader()->defaultSectionSize() * 11 + 8);
  m_summary->setToolTip(tr("Double-click a park to show it on the map"));
  connect(m_summary, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
    if (const QTableWidgetItem* item = m_summary->item(row, 1))
      emit parkActivated(item->data(Qt::UserRole).toString());
  });
  resultsLayout->addWidget(m_summary);
  m_compare = new QPushButton(tr("Compare modes"), resultsBox);
  m_compare->setObjectName(QStringLiteral("compareButton"));
  m_compare->setToolTip(tr("The same cluster, source and host under complete, partial and replication"));
  m_compare->setEnabled(false);
  resultsLayout->addWidget(m_compare);
  m_comparison = resultTable(QStringLiteral("comparisonTable"), resultsBox);
  m_comparison->setVisible(false);
  m_comparison->setMinimumHeight(220);
  m_comparison->setTextElideMode(Qt::ElideRight);
  m_comparison->verticalHeader()->setTextElideMode(Qt::ElideRight);
  resultsLayout->addWidget(m_comparison);
  main->addWidget(resultsBox);

  // ---- report ----
  auto* reportBox = new QGroupBox(tr("Report"), content);
  auto* reportForm = growingForm(reportBox);
  m_language = new QComboBox(reportBox);
  m_language->setObjectName(QStringLiteral("reportLanguageCombo"));
  m_language->addItem(tr("As in the scenario"), QString());
  m_language->addItem(QStringLiteral("中文"), QStringLiteral("zh_CN"));
  m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
  m_paper = new QComboBox(reportBox);
  m_paper->setObjectName(QStringLiteral("paperCombo"));
  m_paper->addItem(tr("A4 landscape"), QStringLiteral("A4"));
  m_paper->addItem(tr("A3 landscape"), QStringLiteral("A3"));
  m_topN = new QSpinBox(reportBox);
  m_topN->setObjectName(QStringLiteral("topNSpin"));
  m_topN->setRange(1, 50);
  m_topN->setValue(10);
  m_topN->setToolTip(tr("Candidate parks listed and given a page each"));
  auto* langRow = new QHBoxLayout();
  langRow->addWidget(m_language, 1);
  langRow->addWidget(m_paper, 1);
  reportForm->addRow(tr("Language"), langRow);
  reportForm->addRow(tr("Top N"), m_topN);
  m_report = new QPushButton(QgsApplication::getThemeIcon(QStringLiteral("/mActionFilePrint.svg")),
                             tr("Print report…"), reportBox);
  m_report->setObjectName(QStringLiteral("reportButton"));
  m_report->setEnabled(false);
  m_report->setToolTip(tr("Write the PDF report of the last run (layouts also go to the project)"));
  reportForm->addRow(QString(), m_report);
  main->addWidget(reportBox);

  // ---- log ----
  auto* logBox = new QGroupBox(tr("Log"), content);
  auto* logLayout = new QVBoxLayout(logBox);
  m_log = new QPlainTextEdit(logBox);
  m_log->setObjectName(QStringLiteral("logView"));
  m_log->setReadOnly(true);
  m_log->setLineWrapMode(QPlainTextEdit::WidgetWidth);
  m_log->setMinimumHeight(120);
  logLayout->addWidget(m_log);
  main->addWidget(logBox, 1);
}

void RunTab::setScenario(const Scenario& scenario) { m_topN->setValue(scenario.report.topN); }

void RunTab::applyTo(Scenario& scenario) const {
  scenario.report.topN = m_topN->value();
  if (const QString language = m_language->currentData().toString(); !language.isEmpty())
    scenario.report.language = language.toStdString();
}

int RunTab::topN() const { return m_topN->value(); }

void RunTab::showSummary(const Results& results, const Inputs* inputs) {
  const bool zh = uiLanguage() == QLatin1String("zh_CN");
  QVector<SummaryRow> rows;
  for (int index : results.ranking()) {
    const ParkResult& park = results.parks[static_cast<size_t>(index)];
    if (park.status != "ok" || rows.size() >= 10) break;
    SummaryRow row;
    row.rank = park.rank;
    row.parkId = QString::fromStdString(park.id);
    row.park = QString::fromStdString(zh && !park.nameZh.empty() ? park.nameZh : park.name);
    row.region = QString::fromStdString(park.regionName);
    if (zh && inputs) {
      if (const int r = inputs->regionIndex(park.regionId);
          r >= 0 && !inputs->regions[static_cast<size_t>(r)].nameZh.empty())
        row.region = QString::fromStdString(inputs->regions[static_cast<size_t>(r)].nameZh);
    }
    row.score = park.score;
    row.pTopK = park.pTopK;
    rows << row;
  }
  showSummary(rows, results.scenario.uncertainty.k);
}

void RunTab::showSummary(const QVector<SummaryRow>& rows, int k) {
  m_summary->setHorizontalHeaderItem(4, new QTableWidgetItem(tr("P(top-%1)").arg(k)));
  m_summary->horizontalHeaderItem(4)->setToolTip(
      tr("Share of the weight draws in which the park ranks among the best %1").arg(k));
  m_summary->setRowCount(0);
  m_summary->setRowCount(rows.size());
  for (int r = 0; r < rows.size(); ++r) {
    const SummaryRow& row = rows[r];
    m_summary->setItem(r, 0, cell(QString::number(row.rank), Qt::AlignRight | Qt::AlignVCenter));
    auto* parkCell = cell(row.park);
    parkCell->setToolTip(QStringLiteral("%1 — %2").arg(row.parkId, row.park));
    parkCell->setData(Qt::UserRole, row.parkId);
    m_summary->setItem(r, 1, parkCell);
    auto* regionCell = cell(row.region);
    regionCell->setToolTip(row.region);
    m_summary->setItem(r, 2, regionCell);
    m_summary->setItem(r, 3, cell(QString::number(row.score, 'f', 3), Qt::AlignRight | Qt::AlignVCenter));
    m_summary->setItem(r, 4,
                       cell(std::isnan(row.pTopK) ? QStringLiteral("–")
                                                  : QStringLiteral("%1 %").arg(row.pTopK * 100, 0, 'f', 0),
                            Qt::AlignRight | Qt::AlignVCenter));
  }
  m_summary->resizeColumnsToContents();
  // The park name gets the room; long region names are cut (full text in the tooltip).
  m_summary->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Interactive);
  m_summary->setColumnWidth(2, std::min(m_summary->columnWidth(2), 80));
  m_summary->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
}

void RunTab::showComparison(const ModeComparison& comparison, const QHash<QString, QString>& names) {
  showComparison(comparisonColumns(), comparisonRows(comparison), names);
}

void RunTab::showComparison(const std::vector<std::string>& allColumns,
                            const std::vector<std::vector<std::string>>& allRows,
                            const QHash<QString, QString>& names) {
  const bool zh = uiLanguage() == QLatin1String("zh_CN");
  // The coordination class once, in the UI language.
  const std::string otherClass = zh ? "class_en" : "class_zh";
  std::vector<std::string> columns;
  std::vector<size_t> kept;
  for (size_t c = 0; c < allColumns.size(); ++c) {
    if (allColumns[c] == otherClass) continue;
    columns.push_back(allColumns[c]);
    kept.push_back(c);
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : allRows) {
    std::vector<std::string> row;
    for (size_t c : kept) row.push_back(c < r.size() ? r[c] : std::string());
    rows.push_back(row);
  }
  // Transposed: one column per mode, one row per indicator.
  m_comparison->clear();
  m_comparison->setColumnCount(static_cast<int>(rows.size()));
  m_comparison->setRowCount(columns.empty() ? 0 : static_cast<int>(columns.size()) - 1);
  QStringList modeHeaders, indicatorHeaders;
  for (const auto& r : rows) {
    const QString mode = r.empty() ? QString() : QString::fromStdString(r.front());
    modeHeaders << (mode == QLatin1String("complete")      ? tr("Complete")
                    : mode == QLatin1String("partial")     ? tr("Partial")
                    : mode == QLatin1String("replication") ? tr("Replication")
                                                           : mode);
  }
  for (size_t c = 1; c < columns.size(); ++c)
    indicatorHeaders << layers::comparisonColumnLabel(columns[c], zh);
  m_comparison->setHorizontalHeaderLabels(modeHeaders);
  m_comparison->setVerticalHeaderLabels(indicatorHeaders);
  m_comparison->verticalHeader()->setVisible(true);
  for (int m = 0; m < static_cast<int>(rows.size()); ++m) {
    for (size_t c = 1; c < columns.size() && c < rows[static_cast<size_t>(m)].size(); ++c) {
      QString text = QString::fromStdString(rows[static_cast<size_t>(m)][c]);
      // Lists of ids (segments, host parks) and region ids: their names in the UI language.
      QStringList parts = text.split(QLatin1Char(';'));
      for (QString& part : parts) part = names.value(part, part);
      text = parts.join(zh ? QStringLiteral("、") : QStringLiteral("; "));
      bool numeric = false;
      text.toDouble(&numeric);
      QTableWidgetItem* item =
          cell(text, numeric ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
      item->setToolTip(text);
      m_comparison->setItem(static_cast<int>(c) - 1, m, item);
    }
  }
  m_comparison->resizeColumnsToContents();
  // Long lists (moved segments, host parks) would push the other modes out of the narrow dock.
  for (int c = 0; c < m_comparison->columnCount(); ++c)
    m_comparison->setColumnWidth(c, std::min(m_comparison->columnWidth(c), 68));
  m_comparison->verticalHeader()->setMaximumWidth(120);
  m_comparison->setVisible(true);
}

void RunTab::clearResults() {
  m_summary->setRowCount(0);
  m_comparison->setVisible(false);
  m_comparison->clear();
}

}  // namespace clustershift::plugin
