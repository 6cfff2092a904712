// clustershift headers (nlohmann/json) before QGIS headers: see layers.h.
#include "clustershift/criterion.h"
#include "clustershift_layers/labels.h"
#include "clustershift_layers/layers.h"

#include "park_panel.h"
#include "widgets.h"

#include <qgsexpression.h>
#include <qgsfeature.h>
#include <qgsfeaturerequest.h>
#include <qgslayertree.h>
#include <qgsproject.h>
#include <qgsvectorlayer.h>

#include <qgsapplication.h>
#include <qgscoordinatetransform.h>
#include <qgsexception.h>
#include <qgsmapcanvas.h>

#include <QCoreApplication>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QPainter>
#include <QRegularExpression>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <exception>

namespace clustershift::plugin {

namespace {

const QString kGpkgProperty = QStringLiteral("clustershift/gpkg");
const QString kContribSuffix = QStringLiteral("_contrib");

/// The output field prefix of a criterion id, as layers writes it (field:land_price → field_land_price).
QString fieldPrefix(const QString& criterionId) {
  return QString::fromStdString(criterionFieldPrefix(criterionId.toStdString()));
}

bool isNumber(const QVariant& v) { return v.isValid() && !v.isNull(); }

/// A criterion's raw value in the planner's terms and language: ratios as "1.18×", shares in %,
/// "35 公里", "12 分钟" (layers::valueWithUnit).
QString rawText(double r, const QString& unit, bool chinese) {
  return layers::valueWithUnit(r, unit.toStdString(), chinese);
}

/// The attribute as a number (NaN when NULL), for layers::numberText and layers::shareText.
double numberOf(const QVariant& v) { return isNumber(v) ? v.toDouble() : std::nan(""); }

QLabel* valueLabel(const QString& objectName, QWidget* parent) {
  auto* label = new QLabel(parent);
  label->setObjectName(objectName);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  label->setWordWrap(true);
  return label;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// ContributionChart

ContributionChart::ContributionChart(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("contributionChart"));
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Minimum);
}

void ContributionChart::setBars(const QVector<Bar>& bars, const QString& emptyText) {
  m_bars = bars;
  m_emptyText = emptyText;
  updateGeometry();
  update();
}

QStringList ContributionChart::labels() const {
  QStringList out;
  for (const Bar& b : m_bars) out << b.label;
  return out;
}

QVariantList ContributionChart::values() const {
  QVariantList out;
  for (const Bar& b : m_bars) out << b.value;
  return out;
}

QSize ContributionChart::sizeHint() const {
  return {300, std::max(2, static_cast<int>(m_bars.size())) * rowHeight() + 12};
}

QSize ContributionChart::minimumSizeHint() const { return {180, sizeHint().height()}; }

int ContributionChart::rowHeight() const { return 2 * fontMetrics().height() + 8; }

// Each criterion takes two lines: its label, then a bar of its contribution over a light bar of
// its weight (the most it could contribute), so a planner sees both what a park earns and what it
// leaves on the table.
void ContributionChart::paintEvent(QPaintEvent*) {
  QPainter p(this);
  p.setRenderHint(QPainter::Antialiasing);
  const QRect area = rect().adjusted(4, 6, -4, -6);
  if (m_bars.isEmpty()) {
    p.setPen(palette().color(QPalette::Disabled, QPalette::Text));
    p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
    return;
  }
  const QFontMetrics fm = fontMetrics();
  const int valueWidth = fm.horizontalAdvance(QStringLiteral("-0.000")) + 8;
  double maxAbs = 0.0, minValue = 0.0;
  for (const Bar& b : m_bars) {
    if (std::isnan(b.value)) continue;
    maxAbs = std::max({maxAbs, std::abs(b.value), b.weight});
    minValue = std::min(minValue, b.value);
  }
  if (maxAbs <= 0.0) maxAbs = 1.0;
  int detailWidth = 0;
  for (const Bar& b : m_bars) detailWidth = std::max(detailWidth, fm.horizontalAdvance(b.detail) + 6);
  detailWidth = std::min(detailWidth, area.width() / 3);
  const int plotWidth = std::max(10, area.width() - valueWidth - detailWidth);
  // With negative contributions the zero axis moves right so both directions fit.
  const double negShare = minValue < 0.0 ? std::abs(minValue) / (maxAbs + std::abs(minValue)) : 0.0;
  const double scale = plotWidth * (1.0 - negShare) / maxAbs;
  const int zeroX = area.left() + static_cast<int>(plotWidth * negShare);
  const int row = rowHeight();
  const QColor positive(44, 127, 184), negative(215, 48, 39), room(44, 127, 184, 45);

  for (int i = 0; i < m_bars.size(); ++i) {
    const Bar& b = m_bars[i];
    const int top = area.top() + i * row;
    p.setPen(palette().color(QPalette::Text));
    const QRect labelRect(area.left(), top, area.width(), fm.height());
    p.drawText(labelRect, Qt::AlignVCenter | Qt::AlignLeft,
               fm.elidedText(b.label, Qt::ElideRight, area.width()));
    const int barTop = top + fm.height() + 2, barHeight = fm.height();
    if (std::isnan(b.value)) {  // no contribution (excluded park): label and the park's value
      p.setPen(palette().color(QPalette::Disabled, QPalette::Text));
      p.drawText(QRect(area.left(), barTop, area.width(), barHeight), Qt::AlignVCenter | Qt::AlignLeft,
                 b.detail.isEmpty() ? QStringLiteral("–") : b.detail);
      continue;
    }
    if (b.weight > 0) {
      p.fillRect(QRect(zeroX, barTop, static_cast<int>(std::round(b.weight * scale)), barHeight), room);
    }
    const int length = static_cast<int>(std::round(std::abs(b.value) * scale));
    const QRect bar = b.value >= 0 ? QRect(zeroX, barTop, std::max(1, length), barHeight)
                                   : QRect(zeroX - length, barTop, length, barHeight);
    p.fillRect(bar, b.value >= 0 ? positive : negative);
    const int textX =
        std::max(bar.right(), zeroX + static_cast<int>(std::round(std::max(0.0, b.weight) * scale))) + 4;
    p.drawText(QRect(textX, barTop, valueWidth, barHeight), Qt::AlignVCenter | Qt::AlignLeft,
               QString::number(b.value, 'f', 3));
    if (!b.detail.isEmpty()) {
      p.setPen(palette().color(QPalette::Disabled, QPalette::Text));
      const int detailX = textX + valueWidth;
      p.drawText(QRect(detailX, barTop, std::max(0, area.right() - detailX), barHeight),
                 Qt::AlignVCenter | Qt::AlignLeft,
                 fm.elidedText(b.detail, Qt::ElideRight, std::max(0, area.right() - detailX)));
    }
  }
  if (std::any_of(m_bars.begin(), m_bars.end(), [](const Bar& b) { return !std::isnan(b.value); })) {
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(zeroX, area.top() + fm.height(), zeroX, area.top() + row * m_bars.size());
  }
}

// ---------------------------------------------------------------------------------------------
// ParkPanel

ParkPanel::ParkPanel(const QString& language, QWidget* parent)
    : QgsDockWidget(tr("ClusterShift park"), parent), m_language(language) {
  setObjectName(QStringLiteral("ClusterShiftParkPanel"));
  auto* scroll = new QScrollArea(this);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  auto* content = new QWidget(scroll);
  auto* layout = new QVBoxLayout(content);

  m_message = valueLabel(QStringLiteral("parkMessageLabel"), content);
  m_message->setText(tr("Choose the ClusterShift identify tool and click a park on the map."));
  layout->addWidget(m_message);

  m_name = valueLabel(QStringLiteral("parkNameLabel"), content);
  QFont big = m_name->font();
  big.setBold(true);
  big.setPointSizeF(big.pointSizeF() * 1.2);
  m_name->setFont(big);
  layout->addWidget(m_name);

  auto* form = growingForm();
  m_region = valueLabel(QStringLiteral("parkRegionLabel"), content);
  m_score = valueLabel(QStringLiteral("parkScoreLabel"), content);
  m_rank = valueLabel(QStringLiteral("parkRankLabel"), content);
  m_top1 = valueLabel(QStringLiteral("parkTop1Label"), content);
  m_topK = valueLabel(QStringLiteral("parkTopKLabel"), content);
  m_rankInterval = valueLabel(QStringLiteral("parkRankIntervalLabel"), content);
  m_status = valueLabel(QStringLiteral("parkStatusLabel"), content);
  m_reason = valueLabel(QStringLiteral("parkReasonLabel"), content);
  m_topKLabel = new QLabel(tr("P(top-k)"), content);
  m_reasonLabel = new QLabel(tr("Reason"), content);
  form->addRow(tr("Region"), m_region);
  form->addRow(tr("Score"), m_score);
  form->addRow(tr("Rank"), m_rank);
  form->addRow(tr("P(rank 1)"), m_top1);
  form->addRow(m_topKLabel, m_topK);
  form->addRow(tr("Rank interval (5–95 %)"), m_rankInterval);
  form->addRow(tr("Status"), m_status);
  form->addRow(m_reasonLabel, m_reason);
  layout->addLayout(form);

  m_explanation = valueLabel(QStringLiteral("parkExplanationLabel"), content);
  layout->addWidget(m_explanation);

  auto* chartTitle = m_chartTitle = new QLabel(tr("Contribution of each criterion to the score"), content);
  chartTitle->setToolTip(
      tr("Dark bar: what the criterion adds to the score; light bar: its weight, the most it could "
         "add. Grey: the park's own value (↓: lower is better)."));
  QFont bold = chartTitle->font();
  bold.setBold(true);
  chartTitle->setFont(bold);
  layout->addWidget(chartTitle);
  m_chart = new ContributionChart(content);
  layout->addWidget(m_chart);
  m_acrossTitle = new QLabel(tr("This park in every scenario of the project"), content);
  m_acrossTitle->setFont(bold);
  layout->addWidget(m_acrossTitle);
  m_across = new QTableWidget(content);
  m_across->setObjectName(QStringLiteral("parkAcrossTable"));
  m_across->setColumnCount(3);
  m_across->setHorizontalHeaderLabels({tr("Scenario"), tr("Rank"), tr("Score")});
  m_across->verticalHeader()->setVisible(false);
  m_across->setEditTriggers(QAbstractItemView::NoEditTriggers);
  m_across->setSelectionBehavior(QAbstractItemView::SelectRows);
  m_across->setToolTip(tr("Double-click a scenario to show the park's result there"));
  m_across->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  connect(m_across, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
    if (row < 0 || row >= m_rows.size()) return;
    const ScenarioRow chosen = m_rows[row];
    if (chosen.layer) showPark(chosen.layer, chosen.fid);
  });
  layout->addWidget(m_across);
  m_zoom = new QPushButton(QgsApplication::getThemeIcon(QStringLiteral("/mActionZoomToSelected.svg")),
                           tr("Zoom to the park"), content);
  m_zoom->setObjectName(QStringLiteral("parkZoomButton"));
  m_zoom->setToolTip(tr("Zoom the map to the park and flash it"));
  m_zoom->setVisible(false);
  connect(m_zoom, &QPushButton::clicked, this, &ParkPanel::zoomToPark);
  layout->addWidget(m_zoom);
  m_source = valueLabel(QStringLiteral("parkSourceLabel"), content);
  m_source->setStyleSheet(QStringLiteral("color: palette(mid);"));
  layout->addWidget(m_source);
  layout->addStretch(1);

  scroll->setWidget(content);
  setWidget(scroll);
  showMessage(m_message->text());
}

void ParkPanel::showMessage(const QString& text) {
  m_message->setText(text);
  m_message->setVisible(true);
  for (QLabel* label : {m_name, m_region, m_score, m_rank, m_top1, m_topK, m_rankInterval, m_status, m_reason,
                        m_explanation, m_source})
    label->clear();
  m_reason->setVisible(false);
  m_reasonLabel->setVisible(false);
  m_chart->setBars({}, tr("No park selected."));
  m_layer = nullptr;
  m_rows.clear();
  m_across->setRowCount(0);
  m_across->setVisible(false);
  m_acrossTitle->setVisible(false);
  m_zoom->setVisible(false);
}

void ParkPanel::setCanvas(QgsMapCanvas* canvas) { m_canvas = canvas; }

void ParkPanel::zoomToPark() {
  if (!m_canvas || !m_layer) return;
  QgsFeature f;
  if (!m_layer->getFeatures(QgsFeatureRequest(m_fid).setNoAttributes()).nextFeature(f) || !f.hasGeometry())
    return;
  try {
    const QgsCoordinateTransform transform(m_layer->crs(), m_canvas->mapSettings().destinationCrs(),
                                           QgsProject::instance());
    const QgsPointXY point = transform.transform(f.geometry().centroid().asPoint());
    m_canvas->setCenter(point);
    m_canvas->zoomScale(std::min(m_canvas->scale(), 1500000.0));  // a point: close enough to see its area
    m_canvas->refresh();
  } catch (const QgsCsException&) {
    return;
  }
  m_canvas->flashFeatureIds(m_layer, QgsFeatureIds() << m_fid);
}

QVector<ParkPanel::ScenarioRow> ParkPanel::acrossScenarios(const QString& parkId) {
  QVector<ScenarioRow> rows;
  if (parkId.isEmpty()) return rows;
  for (QgsLayerTreeLayer* node : QgsProject::instance()->layerTreeRoot()->findLayers()) {
    auto* layer = qobject_cast<QgsVectorLayer*>(node->layer());
    if (!layer || layer->customProperty(QStringLiteral("clustershift/role")).toString() !=
                      QLatin1String("candidate_scores"))
      continue;
    QgsFeatureRequest request(
        QgsExpression(QgsExpression::createFieldEqualityExpression(QStringLiteral("id"), parkId)));
    request.setFlags(QgsFeatureRequest::NoGeometry);
    QgsFeature f;
    if (!layer->getFeatures(request).nextFeature(f)) continue;
    ScenarioRow row;
    row.layer = layer;
    row.fid = f.id();
    row.status = f.attribute(QStringLiteral("status")).toString();
    const QVariant rank = f.attribute(QStringLiteral("rank")), score = f.attribute(QStringLiteral("score"));
    row.rank = isNumber(rank) ? rank.toInt() : 0;
    row.score = isNumber(score) ? score.toDouble() : std::nan("");
    auto* group = qobject_cast<QgsLayerTreeGroup*>(node->parent());
    row.scenario = group && group->parent() ? group->name() : runLabels(layer).title;
    if (row.scenario.isEmpty()) row.scenario = layer->name();
    rows << row;
  }
  return rows;
}

QString ParkPanel::geoPackageOf(QgsVectorLayer* layer) {
  // The result group carries the GeoPackage path; the layer source is the fallback.
  if (QgsLayerTreeLayer* node = QgsProject::instance()->layerTreeRoot()->findLayer(layer)) {
    for (QgsLayerTreeNode* parent = node->parent(); parent; parent = parent->parent()) {
      const QString path = parent->customProperty(kGpkgProperty).toString();
      if (!path.isEmpty()) return path;
    }
  }
  const QString path = layer->source().section(QLatin1Char('|'), 0, 0);
  return path.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive) && QFileInfo::exists(path) ? path
                                                                                               : QString();
}

const ParkPanel::RunLabels& ParkPanel::runLabels(QgsVectorLayer* layer) {
  const QString gpkg = geoPackageOf(layer);
  auto it = m_runLabels.find(gpkg);
  if (it != m_runLabels.end()) return *it;
  RunLabels labels;
  if (!gpkg.isEmpty()) {
    try {
      const nlohmann::json info = layers::readRunInfo(gpkg);
      const bool chinese = m_language.startsWith(QLatin1String("zh"));
      if (info.contains("criteria") && info["criteria"].is_array()) {
        for (const nlohmann::json& c : info["criteria"]) {
          const QString id = QString::fromStdString(c.value("id", std::string()));
          if (id.isEmpty()) continue;
          QString label = QString::fromStdString(c.value(chinese ? "label_zh" : "label", std::string()));
          if (label.isEmpty()) label = QString::fromStdString(c.value("label", std::string()));
          // field:<name> criteria have no label of their own: name the attribute.
          if (label.isEmpty() || (id.startsWith(QLatin1String("field:")) && label == id.mid(6)))
            label = id.startsWith(QLatin1String("field:")) ? tr("Attribute %1").arg(id.mid(6)) : id;
          CriterionLabel entry{label, -1.0, QString::fromStdString(c.value("unit", std::string())),
                               c.value("direction", std::string()) == "cost"};
          if (c.contains("weight") && c["weight"].is_number()) entry.weight = c["weight"].get<double>();
          labels.byPrefix.insert(fieldPrefix(id), entry);
          labels.order << fieldPrefix(id);
          labels.ids.push_back(id.toStdString());
        }
      }
      if (info.contains("robustness") && info["robustness"].is_object())
        labels.topK = info["robustness"].value("k", 0);
      if (info.contains("title") && info["title"].is_object()) {
        const nlohmann::json& titles = info["title"];
        labels.title = QString::fromStdString(titles.value(chinese ? "zh_CN" : "en", std::string()));
        if (labels.title.isEmpty()) labels.title = QString::fromStdString(titles.value("en", std::string()));
      }
    } catch (const std::exception&) {
      // An older GeoPackage without run_info: field names serve as labels.
    }
  }
  return *m_runLabels.insert(gpkg, labels);
}

QString ParkPanel::explanationText(QgsVectorLayer* layer, const QString& explanation, const RunLabels& run,
                                   bool chinese) {
  // The core writes "behind <park id> mainly on <criterion> (<gap>) and <criterion> (<gap>)"
  // (core/src/mcda/explanation.cpp); shown with park names and criterion labels. Anything else as is.
  static const QRegularExpression pattern(QStringLiteral(
      R"(^behind (\S+)(?: mainly on (\S+) \(([-+0-9.eE]+)\)(?: and (\S+) \(([-+0-9.eE]+)\))?)?$)"));
  const QRegularExpressionMatch m = pattern.match(explanation);
  if (!m.hasMatch()) return tr("Why not higher: %1").arg(explanation);
  QString park = m.captured(1);
  QgsFeatureRequest request(
      QgsExpression(QgsExpression::createFieldEqualityExpression(QStringLiteral("id"), park)));
  request.setFlags(QgsFeatureRequest::NoGeometry);
  QgsFeature better;
  if (layer->getFeatures(request).nextFeature(better)) {
    const QString name =
        better.attribute(chinese ? QStringLiteral("name_zh") : QStringLiteral("name")).toString();
    const QVariant rank = better.attribute(QStringLiteral("rank"));
    if (!name.isEmpty()) park = name;
    if (isNumber(rank)) park = tr("%1 (rank %2)").arg(park).arg(rank.toInt());
  }
  auto criterion = [&run](const QString& id) {
    const auto label = run.byPrefix.constFind(fieldPrefix(id));
    return label != run.byPrefix.constEnd() ? label->label : id;
  };
  // The gaps are score points (the score runs 0–1).
  auto points = [](const QString& gap) { return tr("%1 points").arg(gap); };
  if (m.captured(2).isEmpty()) return tr("Behind %1.").arg(park);
  if (m.captured(4).isEmpty())
    return tr("Behind %1, mainly on %2 (%3).").arg(park, criterion(m.captured(2)), points(m.captured(3)));
  return tr("Behind %1, mainly on %2 (%3) and %4 (%5).")
      .arg(park, criterion(m.captured(2)), points(m.captured(3)), criterion(m.captured(4)),
           points(m.captured(5)));
}

QString ParkPanel::regionName(QgsVectorLayer* layer, const QString& regionId, const QString& fallback,
                              bool chinese) {
  if (!chinese || regionId.isEmpty()) return fallback;
  // candidate_scores carries the pinyin name only; the result group's regions layer has name_zh.
  QgsLayerTreeLayer* node = QgsProject::instance()->layerTreeRoot()->findLayer(layer);
  auto* group = node ? qobject_cast<QgsLayerTreeGroup*>(node->parent()) : nullptr;
  if (!group) return fallback;
  for (QgsLayerTreeLayer* sibling : group->findLayers()) {
    auto* regions = qobject_cast<QgsVectorLayer*>(sibling->layer());
    if (!regions ||
        regions->customProperty(QStringLiteral("clustershift/role")).toString() != QLatin1String("regions"))
      continue;
    const int nameZh = regions->fields().lookupField(QStringLiteral("name_zh"));
    if (nameZh < 0) return fallback;
    QgsFeatureRequest request(
        QgsExpression(QgsExpression::createFieldEqualityExpression(QStringLiteral("id"), regionId)));
    request.setFlags(QgsFeatureRequest::NoGeometry).setSubsetOfAttributes(QgsAttributeList() << nameZh);
    QgsFeature region;
    if (regions->getFeatures(request).nextFeature(region) && !region.attribute(nameZh).toString().isEmpty())
      return region.attribute(nameZh).toString();
  }
  return fallback;
}

void ParkPanel::showPark(QgsVectorLayer* layer, QgsFeatureId fid) {
  QgsFeature f;
  if (!layer || !layer->getFeatures(QgsFeatureRequest(fid)).nextFeature(f)) {
    showMessage(tr("The park is no longer in the layer."));
    return;
  }
  const QgsFields fields = layer->fields();
  auto attr = [&](const char* name) {
    const int i = fields.lookupField(QLatin1String(name));
    return i >= 0 ? f.attribute(i) : QVariant();
  };
  const RunLabels& run = runLabels(layer);
  const bool chinese = m_language.startsWith(QLatin1String("zh"));

  m_message->setVisible(false);
  const QString name = attr("name").toString(), nameZh = attr("name_zh").toString();
  QString title = chinese && !nameZh.isEmpty() ? nameZh : name;
  // An English UI adds the Chinese name; a Chinese UI shows the Chinese name alone.
  const QString other = chinese ? QString() : nameZh;
  if (!other.isEmpty() && other != title) title += QStringLiteral(" (%1)").arg(other);
  m_name->setText(QStringLiteral("%1 · %2").arg(title, attr("id").toString()));
  m_region->setText(QStringLiteral("%1 (%2)").arg(
      regionName(layer, attr("region_id").toString(), attr("region").toString(), chinese),
      attr("region_id").toString()));
  m_score->setText(layers::numberText(numberOf(attr("score")), 3));
  const QVariant rank = attr("rank");
  m_rank->setText(isNumber(rank) ? QString::number(rank.toInt()) : QStringLiteral("–"));

  const bool robust = fields.lookupField(QStringLiteral("p_top1")) >= 0;
  const QString notComputed = tr("not computed (no uncertainty draws)");
  m_topKLabel->setText(run.topK > 0 ? tr("P(top %1)").arg(run.topK) : tr("P(top k)"));
  m_top1->setText(robust ? layers::shareText(numberOf(attr("p_top1"))) : notComputed);
  m_topK->setText(robust ? layers::shareText(numberOf(attr("p_topk"))) : notComputed);
  if (robust && isNumber(attr("rank_p05")))
    m_rankInterval->setText(tr("%1 – %2 (mean %3)")
                                .arg(attr("rank_p05").toDouble(), 0, 'f', 0)
                                .arg(attr("rank_p95").toDouble(), 0, 'f', 0)
                                .arg(layers::numberText(numberOf(attr("rank_mean")), 1)));
  else
    m_rankInterval->setText(robust ? QStringLiteral("–") : notComputed);

  const QString status = attr("status").toString();
  const bool excluded = status == QLatin1String("excluded");
  m_status->setText(excluded ? tr("excluded") : status == QLatin1String("ok") ? tr("ranked") : status);
  m_status->setStyleSheet(excluded ? QStringLiteral("color: #b2182b; font-weight: bold;") : QString());
  // The run's reason codes and values, worded in the UI language with units.
  m_reason->setText(layers::exclusionText(attr("reason").toString().toStdString(), run.ids, chinese));
  m_reason->setVisible(excluded || !attr("reason").toString().isEmpty());
  m_reasonLabel->setVisible(m_reason->isVisible());
  const QString explanation = attr("explanation").toString();
  m_explanation->setText(explanation.isEmpty() ? QString()
                                               : explanationText(layer, explanation, run, chinese));
  m_explanation->setVisible(!explanation.isEmpty());

  // Bars in the scenario's criteria order (run_info), else in field order.
  QStringList prefixes;
  for (const QString& prefix : run.order)
    if (fields.lookupField(prefix + kContribSuffix) >= 0) prefixes << prefix;
  for (const QgsField& field : fields) {
    const QString n = field.name();
    if (n.endsWith(kContribSuffix)) {
      const QString prefix = n.left(n.size() - kContribSuffix.size());
      if (!prefixes.contains(prefix)) prefixes << prefix;
    }
  }
  QVector<ContributionChart::Bar> bars;
  for (const QString& prefix : prefixes) {
    const QVariant v = f.attribute(fields.lookupField(prefix + kContribSuffix));
    const int rawIndex = fields.lookupField(prefix + QStringLiteral("_raw"));
    const QVariant raw = rawIndex >= 0 ? f.attribute(rawIndex) : QVariant();
    const auto label = run.byPrefix.constFind(prefix);
    const bool known = label != run.byPrefix.constEnd();
    QString text = known ? label->label : prefix;
    if (known && label->weight >= 0) text = tr("%1 · weight %2").arg(text).arg(label->weight, 0, 'f', 2);
    // The park's own value, so the bar can be read in the planner's units (km, ratio, …).
    QString detail;
    if (isNumber(raw)) {
      QString value = rawText(raw.toDouble(), known ? label->unit : QString(), chinese);
      if (known && label->cost) value += QStringLiteral(" ↓");
      detail = value;
    }
    if (!isNumber(v) && !isNumber(raw)) continue;
    bars.push_back({text, isNumber(v) ? v.toDouble() : std::nan(""), known ? label->weight : -1.0, detail});
  }
  bool anyContribution = false;
  for (const ContributionChart::Bar& b : bars) anyContribution = anyContribution || !std::isnan(b.value);
  m_chartTitle->setText(anyContribution ? tr("Contribution of each criterion to the score")
                                        : tr("Criterion values (excluded parks get no score)"));
  m_chart->setBars(bars, excluded ? tr("Excluded parks have no score contributions.")
                                  : tr("No contribution fields in this layer."));
  QString where = layer->name();
  if (QgsLayerTreeLayer* node = QgsProject::instance()->layerTreeRoot()->findLayer(layer)) {
    if (node->parent() && node->parent()->parent()) where = node->parent()->name();  // the result group
  }
  m_source->setText(tr("Results: %1").arg(where));
  m_layer = layer;
  m_fid = fid;
  m_zoom->setVisible(m_canvas != nullptr);
  // The same park in the other scenarios of the project, side by side.
  m_rows = acrossScenarios(attr("id").toString());
  m_across->setRowCount(m_rows.size());
  for (int r = 0; r < m_rows.size(); ++r) {
    const ScenarioRow& row = m_rows[r];
    auto item = [](const QString& text, Qt::Alignment align) {
      auto* cell = new QTableWidgetItem(text);
      cell->setTextAlignment(align | Qt::AlignVCenter);
      cell->setToolTip(text);
      return cell;
    };
    QTableWidgetItem* scenarioCell = item(row.scenario, Qt::AlignLeft);
    if (row.layer == layer) {
      QFont font = scenarioCell->font();
      font.setBold(true);
      scenarioCell->setFont(font);
    }
    m_across->setItem(r, 0, scenarioCell);
    m_across->setItem(r, 1,
                      item(row.status == QLatin1String("excluded") ? tr("excluded")
                           : row.rank > 0                          ? QString::number(row.rank)
                                                                   : QStringLiteral("–"),
                           Qt::AlignRight));
    m_across->setItem(r, 2,
                      item(std::isnan(row.score) ? QStringLiteral("–") : QString::number(row.score, 'f', 3),
                           Qt::AlignRight));
  }
  m_across->resizeColumnToContents(1);
  m_across->resizeColumnToContents(2);
  m_across->setFixedHeight(m_across->horizontalHeader()->sizeHint().height() +
                           std::max(1, static_cast<int>(m_rows.size())) *
                               m_across->verticalHeader()->defaultSectionSize() +
                           2 * m_across->frameWidth() + 2);
  m_across->setVisible(!m_rows.isEmpty());
  m_acrossTitle->setVisible(!m_rows.isEmpty());
  setUserVisible(true);
  raise();
}

}  // namespace clustershift::plugin
