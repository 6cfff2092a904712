#include "cluster_tab.h"  // first: brings nlohmann/json before QGIS (see run_task.h)

#include <qgsapplication.h>

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <exception>
#include <fstream>

#include "clustershift/error.h"
#include "sample_data.h"
#include "widgets.h"

namespace clustershift::plugin {

namespace {

enum Column { kColName, kColOutput, kColJobs, kColVa, kColKnowledge, kColJobsPerHa, kColMovable, kColumns };

QString segmentLabel(const Segment& s) {
  if (uiLanguage() == QLatin1String("zh_CN") && !s.nameZh.empty()) return QString::fromStdString(s.nameZh);
  return QString::fromStdString(s.name.empty() ? s.id : s.name);
}

double cellNumber(const QTableWidget* table, int row, int column, const QString& what) {
  const QTableWidgetItem* item = table->item(row, column);
  const QString text = item ? item->text().trimmed() : QString();
  bool ok = false;
  const double v = text.toDouble(&ok);
  if (!ok || !std::isfinite(v)) {
    throw InputError(QStringLiteral("segment table row %1: %2 \"%3\" is not a number")
                         .arg(row + 1)
                         .arg(what, text)
                         .toStdString());
  }
  return v;
}

}  // namespace

ClusterTab::ClusterTab(QWidget* parent) : QScrollArea(parent) {
  QVBoxLayout* main = scrollTabLayout(this, QStringLiteral("clusterTab"));
  QWidget* content = main->parentWidget();

  // ---- cluster ----
  auto* clusterBox = new QGroupBox(tr("Cluster"), content);
  auto* clusterLayout = new QVBoxLayout(clusterBox);
  auto* presetForm = growingForm();
  m_preset = new QComboBox(clusterBox);
  m_preset->setObjectName(QStringLiteral("presetCombo"));
  m_preset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_preset->setMinimumContentsLength(12);
  m_preset->setToolTip(tr("Shipped cluster profiles; choosing one replaces the segment table"));
  presetForm->addRow(tr("Preset"), m_preset);
  clusterLayout->addLayout(presetForm);
  m_segments = new QTableWidget(0, kColumns, clusterBox);
  m_segments->setObjectName(QStringLiteral("segmentTable"));
  m_segments->setHorizontalHeaderLabels(
      {tr("Segment"), tr("Out."), tr("Jobs"), tr("VA"), tr("KI"), tr("J/ha"), tr("Mov.")});
  const QStringList tips = {tr("Value-chain segment"),
                            tr("Share of the cluster's output (0–1)"),
                            tr("Share of the cluster's jobs (0–1)"),
                            tr("Value-added rate: value added / output (0–1)"),
                            tr("Knowledge intensity (0–1)"),
                            tr("Jobs per hectare of park land (land need)"),
                            tr("Movable: moves by default in a partial transfer")};
  for (int c = 0; c < kColumns; ++c) m_segments->horizontalHeaderItem(c)->setToolTip(tips[c]);
  m_segments->verticalHeader()->setVisible(false);
  m_segments->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  m_segments->horizontalHeader()->setSectionResizeMode(kColName, QHeaderView::Stretch);
  m_segments->verticalHeader()->setDefaultSectionSize(m_segments->fontMetrics().height() + 8);
  m_segments->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
  m_segments->setToolTip(tr("Double-click a number to edit it; shares are fractions of the whole cluster"));
  connect(m_segments, &QTableWidget::itemChanged, this, [this] {
    // A hand edit makes the profile custom (it is written inline into the scenario).
    emit changed();
  });
  clusterLayout->addWidget(m_segments);
  main->addWidget(clusterBox);

  // ---- source ----
  auto* sourceBox = new QGroupBox(tr("Source region"), content);
  auto* sourceLayout = new QVBoxLayout(sourceBox);
  auto* sourceRow = new QHBoxLayout();
  sourceLayout->addLayout(sourceRow);
  m_source = new QComboBox(sourceBox);
  m_source->setObjectName(QStringLiteral("sourceRegionCombo"));
  m_source->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  m_source->setMinimumContentsLength(12);
  m_source->setToolTip(tr("Region the cluster leaves"));
  m_pickSource =
      pickButton(tr("Pick"), QStringLiteral("pickSourceButton"), tr("Click a region on the map"), sourceBox);
  sourceRow->addWidget(m_source, 1);
  sourceRow->addWidget(m_pickSource);
  // The cluster's own location (e.g. the shoe town rather than the prefecture's seat): typed as
  // "lon, lat" or picked on the map; empty = the region's location.
  auto* locationRow = new QHBoxLayout();
  m_location = new QLineEdit(sourceBox);
  m_location->setObjectName(QStringLiteral("sourceLocationEdit"));
  m_location->setPlaceholderText(tr("lon, lat (empty: the region's own location)"));
  m_location->setToolTip(
      tr("Where the cluster is, in degrees (WGS84/CGCS2000), e.g. 120.65, 28.01; "
         "distances and travel times start here"));
  connect(m_location, &QLineEdit::editingFinished, this, &ClusterTab::locationEdited);
  m_pickLocation = new QPushButton(QgsApplication::getThemeIcon(QStringLiteral("/mActionAddMarker.svg")),
                                   tr("Pick"), sourceBox);
  m_pickLocation->setObjectName(QStringLiteral("pickLocationButton"));
  m_pickLocation->setToolTip(tr("Click the cluster's location on the map (also sets the source region)"));
  locationRow->addWidget(new QLabel(tr("Location"), sourceBox));
  locationRow->addWidget(m_location, 1);
  locationRow->addWidget(m_pickLocation);
  sourceLayout->addLayout(locationRow);
  connect(m_source, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
    if (sourceRegion() != m_scenarioSource) {
      m_sourceLon.reset(), m_sourceLat.reset();
      showSourceLocation();
    }
    emit changed();
  });
  main->addWidget(sourceBox);

  // ---- mode ----
  auto* modeBox = new QGroupBox(tr("Transfer mode"), content);
  auto* modeLayout = new QVBoxLayout(modeBox);
  auto* radios = new QHBoxLayout();
  m_complete = new QRadioButton(tr("Complete"), modeBox);
  m_complete->setObjectName(QStringLiteral("modeComplete"));
  m_complete->setToolTip(tr("The whole value chain moves"));
  m_partial = new QRadioButton(tr("Partial"), modeBox);
  m_partial->setObjectName(QStringLiteral("modePartial"));
  m_partial->setToolTip(tr("Only the checked segments move"));
  m_replication = new QRadioButton(tr("Replication"), modeBox);
  m_replication->setObjectName(QStringLiteral("modeReplication"));
  m_replication->setToolTip(tr("A copy of the cluster at scale λ grows next to a template park"));
  auto* group = new QButtonGroup(modeBox);
  for (QRadioButton* r : {m_complete, m_partial, m_replication}) {
    group->addButton(r);
    radios->addWidget(r);
    connect(r, &QRadioButton::toggled, this, [this](bool on) {
      if (on) modeChanged();
    });
  }
  modeLayout->addLayout(radios);

  m_partialBox = new QGroupBox(tr("Moved segments"), modeBox);
  m_partialBox->setObjectName(QStringLiteral("movedSegmentsBox"));
  m_movedGrid = new QGridLayout(m_partialBox);
  modeLayout->addWidget(m_partialBox);

  m_replicationBox = new QGroupBox(tr("Replication"), modeBox);
  auto* replicationForm = growingForm(m_replicationBox);
  m_lambda = new QDoubleSpinBox(m_replicationBox);
  m_lambda->setObjectName(QStringLiteral("lambdaSpin"));
  m_lambda->setRange(0.01, 1.0);
  m_lambda->setSingleStep(0.05);
  m_lambda->setDecimals(2);
  m_lambda->setValue(0.5);
  m_lambda->setToolTip(tr("Scale λ of the replica relative to the source cluster"));
  connect(m_lambda, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &ClusterTab::changed);
  replicationForm->addRow(tr("Scale λ"), m_lambda);
  auto* templateRow = new QHBoxLayout();
  m_template = new QLineEdit(m_replicationBox);
  m_template->setObjectName(QStringLiteral("templateParkEdit"));
  m_template->setPlaceholderText(tr("park id"));
  m_template->setToolTip(tr("Park whose profile the replica follows"));
  connect(m_template, &QLineEdit::editingFinished, this, &ClusterTab::changed);
  m_pickTemplate = pickButton(tr("Pick"), QStringLiteral("pickTemplateButton"), tr("Click a park on the map"),
                              m_replicationBox);
  templateRow->addWidget(m_template, 1);
  templateRow->addWidget(m_pickTemplate);
  replicationForm->addRow(tr("Template park"), templateRow);
  modeLayout->addWidget(m_replicationBox);
  main->addWidget(modeBox);
  main->addStretch(1);

  reloadPresets();
  connect(m_preset, qOverload<int>(&QComboBox::currentIndexChanged), this, &ClusterTab::presetChosen);
  m_complete->setChecked(true);  // after the boxes exist: toggled() enables them
}

void ClusterTab::reloadPresets() {
  const QSignalBlocker blocker(m_preset);
  m_preset->clear();
  m_preset->addItem(tr("(custom)"), QString());
  QSet<QString> seen;
  QStringList folders;
  for (const std::string& f : presetSearchPath()) folders << QString::fromStdString(f);
  if (const QString sample = sampleDataDir(); !sample.isEmpty())
    folders << sample + QStringLiteral("/clusters");
  const bool zh = uiLanguage() == QLatin1String("zh_CN");
  for (const QString& folder : folders) {
    const QFileInfoList files =
        QDir(folder).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QFileInfo& info : files) {
      if (seen.contains(info.completeBaseName())) continue;
      seen.insert(info.completeBaseName());
      QString label = info.completeBaseName();
      try {
        std::ifstream in(QFile::encodeName(info.absoluteFilePath()).constData());
        const nlohmann::json j = nlohmann::json::parse(in);
        const std::string name = zh ? j.value("name_zh", std::string()) : j.value("name", std::string());
        if (!name.empty()) label = QString::fromStdString(name);
      } catch (const std::exception&) {
        // Listed under its file name; choosing it reports the problem.
      }
      m_preset->addItem(label, info.absoluteFilePath());
      m_preset->setItemData(m_preset->count() - 1, info.completeBaseName(), Qt::UserRole + 1);
    }
  }
}

void ClusterTab::presetChosen(int index) {
  const QString path = m_preset->itemData(index).toString();
  if (path.isEmpty()) return;
  try {
    std::ifstream in(QFile::encodeName(path).constData());
    if (!in) throw IoError(path.toStdString() + ": cannot open");
    const nlohmann::json j = nlohmann::json::parse(in);
    ClusterProfile profile = parseClusterProfile(j, "cluster.preset");
    m_presetName = m_preset->itemData(index, Qt::UserRole + 1).toString();
    showProfile(profile, {});
    emit message(tr("Cluster profile “%1” loaded").arg(m_preset->itemText(index)));
    emit changed();
  } catch (const std::exception& e) {
    emit message(tr("Cannot read the cluster profile %1: %2").arg(path, QString::fromUtf8(e.what())));
  }
}

void ClusterTab::showProfile(const ClusterProfile& profile, const std::vector<std::string>& moved) {
  m_profile = profile;
  {
    const QSignalBlocker blocker(m_segments);
    m_segments->setRowCount(0);
    m_segments->setRowCount(static_cast<int>(profile.segments.size()));
    for (int row = 0; row < static_cast<int>(profile.segments.size()); ++row) {
      const Segment& s = profile.segments[static_cast<size_t>(row)];
      auto* name = new QTableWidgetItem(segmentLabel(s));
      name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
      name->setToolTip(QString::fromStdString(s.id));
      m_segments->setItem(row, kColName, name);
      auto number = [&](int column, double v) {
        auto* item = new QTableWidgetItem(QString::number(v, 'g', 4));
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_segments->setItem(row, column, item);
      };
      number(kColOutput, s.outputShare);
      number(kColJobs, s.jobShare);
      number(kColVa, s.vaRate);
      number(kColKnowledge, s.knowledgeIntensity);
      number(kColJobsPerHa, s.jobsPerHa);
      auto* movable = new QTableWidgetItem();
      movable->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
      movable->setCheckState(s.movable ? Qt::Checked : Qt::Unchecked);
      m_segments->setItem(row, kColMovable, movable);
    }
    m_segments->resizeColumnsToContents();
    m_segments->horizontalHeader()->setSectionResizeMode(kColName, QHeaderView::Stretch);
    // Every segment visible without scrolling (7 in the shipped profiles).
    const int rows = std::max(3, m_segments->rowCount());
    m_segments->setFixedHeight(m_segments->horizontalHeader()->sizeHint().height() +
                               rows * m_segments->verticalHeader()->defaultSectionSize() +
                               2 * m_segments->frameWidth() + 2);
  }
  // Moved-segment check boxes, two per row.
  for (QCheckBox* box : m_moved) delete box;
  m_moved.clear();
  int i = 0;
  for (const Segment& s : profile.segments) {
    QString label = segmentLabel(s);
    label.replace(QLatin1Char('&'), QStringLiteral("&&"));  // not a mnemonic ("R&D")
    auto* box = new QCheckBox(label, m_partialBox);
    box->setObjectName(QStringLiteral("moved_%1").arg(QString::fromStdString(s.id)));
    box->setProperty("segmentId", QString::fromStdString(s.id));
    const bool checked =
        moved.empty() ? s.movable : std::find(moved.begin(), moved.end(), s.id) != moved.end();
    box->setChecked(checked);
    connect(box, &QCheckBox::toggled, this, &ClusterTab::changed);
    m_movedGrid->addWidget(box, i / 2, i % 2);
    m_moved.push_back(box);
    ++i;
  }
}

void ClusterTab::modeChanged() {
  m_partialBox->setEnabled(m_partial->isChecked());
  m_replicationBox->setEnabled(m_replication->isChecked());
  emit changed();
}

void ClusterTab::setRegions(const std::vector<std::pair<QString, QString>>& regions) {
  const QString current = sourceRegion();
  const QSignalBlocker blocker(m_source);
  m_source->clear();
  for (const auto& [id, label] : regions) m_source->addItem(label, id);
  if (!current.isEmpty() && m_source->findData(current) < 0) m_source->addItem(current, current);
  m_source->setCurrentIndex(std::max(0, m_source->findData(current)));
}

void ClusterTab::setSourceRegion(const QString& id) {
  if (m_source->findData(id) < 0) m_source->addItem(id, id);
  m_source->setCurrentIndex(m_source->findData(id));  // emits changed(), drops lon/lat
}

void ClusterTab::setSourceLocation(double lon, double lat) {
  // The location belongs to the region now chosen (applyTo keeps it for that region only).
  m_scenarioSource = sourceRegion();
  m_sourceLon = lon;
  m_sourceLat = lat;
  showSourceLocation();
  emit changed();
}

void ClusterTab::showSourceLocation() {
  m_location->setStyleSheet(QString());
  m_location->setText(m_sourceLon && m_sourceLat
                          ? QStringLiteral("%1, %2").arg(*m_sourceLon, 0, 'f', 5).arg(*m_sourceLat, 0, 'f', 5)
                          : QString());
}

void ClusterTab::locationEdited() {
  const QString text = m_location->text().trimmed();
  if (text.isEmpty()) {
    if (!m_sourceLon && !m_sourceLat) return;
    m_sourceLon.reset();
    m_sourceLat.reset();
    m_location->setStyleSheet(QString());
    emit changed();
    return;
  }
  // "120.65, 28.01", "120.65 28.01" or with a Chinese comma.
  const QStringList parts = text.split(QRegularExpression(QStringLiteral("[,，;\\s]+")), Qt::SkipEmptyParts);
  bool okLon = false, okLat = false;
  const double lon = parts.size() == 2 ? parts[0].toDouble(&okLon) : 0.0;
  const double lat = parts.size() == 2 ? parts[1].toDouble(&okLat) : 0.0;
  if (!okLon || !okLat || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    m_location->setStyleSheet(QStringLiteral("color: #c62828;"));
    emit message(tr("Location “%1”: give longitude and latitude in degrees, e.g. 120.65, 28.01").arg(text));
    return;
  }
  if (m_sourceLon == lon && m_sourceLat == lat) return;
  setSourceLocation(lon, lat);
}

void ClusterTab::setTemplatePark(const QString& id) {
  m_template->setText(id);
  if (!m_replication->isChecked()) m_replication->setChecked(true);
  emit changed();
}

QString ClusterTab::sourceRegion() const { return m_source->currentData().toString(); }

void ClusterTab::setScenario(const Scenario& scenario) {
  const QSignalBlocker b0(this);
  m_presetName = QString::fromStdString(scenario.clusterPreset);
  {
    const QSignalBlocker blocker(m_preset);
    int index = 0;
    for (int i = 1; i < m_preset->count(); ++i) {
      if (m_preset->itemData(i, Qt::UserRole + 1).toString() == m_presetName) index = i;
    }
    m_preset->setCurrentIndex(index);
  }
  showProfile(scenario.cluster, scenario.movedSegments);
  m_scenarioSource = QString::fromStdString(scenario.sourceRegion);
  m_sourceLon = scenario.sourceLon;
  m_sourceLat = scenario.sourceLat;
  showSourceLocation();
  {
    const QSignalBlocker blocker(m_source);
    if (m_source->findData(m_scenarioSource) < 0 && !m_scenarioSource.isEmpty())
      m_source->addItem(m_scenarioSource, m_scenarioSource);
    m_source->setCurrentIndex(m_source->findData(m_scenarioSource));
  }
  {
    const QSignalBlocker b1(m_complete), b2(m_partial), b3(m_replication), b4(m_lambda), b5(m_template);
    m_complete->setChecked(scenario.mode == TransferMode::Complete);
    m_partial->setChecked(scenario.mode == TransferMode::Partial);
    m_replication->setChecked(scenario.mode == TransferMode::Replication);
    m_lambda->setValue(scenario.replicationScale);
    m_template->setText(QString::fromStdString(scenario.templatePark));
  }
  m_partialBox->setEnabled(m_partial->isChecked());
  m_replicationBox->setEnabled(m_replication->isChecked());
}

void ClusterTab::applyTo(Scenario& scenario) const {
  ClusterProfile profile = m_profile;
  bool edited = false;
  for (int row = 0; row < m_segments->rowCount() && row < static_cast<int>(profile.segments.size()); ++row) {
    Segment& s = profile.segments[static_cast<size_t>(row)];
    const Segment before = s;
    s.outputShare = cellNumber(m_segments, row, kColOutput, tr("output share"));
    s.jobShare = cellNumber(m_segments, row, kColJobs, tr("job share"));
    s.vaRate = cellNumber(m_segments, row, kColVa, tr("VA rate"));
    s.knowledgeIntensity = cellNumber(m_segments, row, kColKnowledge, tr("knowledge intensity"));
    s.jobsPerHa = cellNumber(m_segments, row, kColJobsPerHa, tr("jobs per ha"));
    s.movable = m_segments->item(row, kColMovable)->checkState() == Qt::Checked;
    edited = edited || std::fabs(s.outputShare - before.outputShare) > 1e-4 ||
             std::fabs(s.jobShare - before.jobShare) > 1e-4 || std::fabs(s.vaRate - before.vaRate) > 1e-4 ||
             std::fabs(s.knowledgeIntensity - before.knowledgeIntensity) > 1e-4 ||
             std::fabs(s.jobsPerHa - before.jobsPerHa) > 1e-4 || s.movable != before.movable;
  }
  // QString::number(.., 'g', 4) rounds: keep the profile's own values unless really edited.
  scenario.cluster = edited ? profile : m_profile;
  scenario.clusterPreset = edited ? std::string() : m_presetName.toStdString();

  const QString source = sourceRegion();
  scenario.sourceRegion = source.toStdString();
  if (source == m_scenarioSource) {
    scenario.sourceLon = m_sourceLon;
    scenario.sourceLat = m_sourceLat;
  } else {
    scenario.sourceLon.reset();
    scenario.sourceLat.reset();
  }

  scenario.mode = m_partial->isChecked()       ? TransferMode::Partial
                  : m_replication->isChecked() ? TransferMode::Replication
                                               : TransferMode::Complete;
  scenario.movedSegments.clear();
  if (scenario.mode == TransferMode::Partial) {
    for (const QCheckBox* box : m_moved) {
      if (box->isChecked())
        scenario.movedSegments.push_back(box->property("segmentId").toString().toStdString());
    }
  }
  scenario.replicationScale = m_lambda->value();
  scenario.templatePark = m_template->text().trimmed().toStdString();
}

}  // namespace clustershift::plugin
