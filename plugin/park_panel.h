#pragma once
// The park panel of the identify tool: one scored park of a candidate_scores layer — name, score,
// rank, robustness (SMAA P(top-1), P(top-k), rank interval p05–p95), status and exclusion reason,
// the explanation, and a bar chart of the criterion contributions.
#include <qgsdockwidget.h>
#include <qgsfeatureid.h>

#include <QHash>
#include <QStringList>
#include <QVariantList>
#include <QVector>

#include <string>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;
class QgsMapCanvas;
class QgsVectorLayer;

namespace clustershift::plugin {

/// Horizontal bars of the criterion contributions to one park's score, painted with QPainter.
/// objectName "contributionChart"; `labels` and `values` are readable as Qt properties (tests).
class ContributionChart : public QWidget {
  Q_OBJECT
  Q_PROPERTY(QStringList labels READ labels)
  Q_PROPERTY(QVariantList values READ values)
 public:
  struct Bar {
    QString label;
    double value = 0.0;    ///< contribution (weight × normalised value for WLC); may be negative
    double weight = -1.0;  ///< the criterion's weight = the most it can contribute (< 0: unknown)
    // value NaN: no contribution (excluded park); only the label is drawn.
    QString detail;  ///< the park's raw value with its unit, drawn in grey after the bar
  };

  explicit ContributionChart(QWidget* parent = nullptr);
  /// Replaces the bars; `emptyText` is shown when there are none.
  void setBars(const QVector<Bar>& bars, const QString& emptyText = QString());
  QStringList labels() const;
  QVariantList values() const;
  QSize sizeHint() const override;
  QSize minimumSizeHint() const override;

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  int rowHeight() const;
  QVector<Bar> m_bars;
  QString m_emptyText;
};

/// QgsDockWidget "ClusterShiftParkPanel".
class ParkPanel : public QgsDockWidget {
  Q_OBJECT
 public:
  /// `language` picks the criterion labels of run_info: "zh_CN" (label_zh) or anything else (label).
  explicit ParkPanel(const QString& language, QWidget* parent = nullptr);

  /// Shows feature `fid` of `layer` (a candidate_scores layer), and the same park in every other
  /// candidate_scores layer of the project (one row per scenario).
  void showPark(QgsVectorLayer* layer, QgsFeatureId fid);
  /// The map the "zoom to the park" button zooms and flashes on (none: the button is hidden).
  void setCanvas(QgsMapCanvas* canvas);

  /// One scenario's result for the park shown (the side-by-side table).
  struct ScenarioRow {
    QString scenario;  ///< the result group's name, else the run's title in the UI language
    QgsVectorLayer* layer = nullptr;
    QgsFeatureId fid = 0;
    QString status;    ///< ok | excluded
    int rank = 0;      ///< 0: not ranked
    double score = 0;  ///< NaN when excluded
  };
  /// The park `parkId` in every candidate_scores layer of the project (role property), in
  /// layer-tree order.
  QVector<ScenarioRow> acrossScenarios(const QString& parkId);

 public slots:
  /// Zooms the map to the park shown and flashes it.
  void zoomToPark();
  /// Clears the park and shows a hint (e.g. nothing found at the click).
  void showMessage(const QString& text);

 private:
  struct CriterionLabel {
    QString label;
    double weight = -1.0;  ///< < 0: unknown
    QString unit;          ///< run_info unit (km, ratio, min, share, …)
    bool cost = false;     ///< lower raw values are better
  };
  struct RunLabels {
    QHash<QString, CriterionLabel> byPrefix;  ///< field prefix ("field_land_price") → label
    QStringList order;                        ///< field prefixes in the scenario's criteria order
    std::vector<std::string> ids;             ///< criterion ids in the same order
    int topK = 0;                             ///< robustness k (0: unknown)
    QString title;                            ///< the run's title in the UI language
  };
  /// Criterion labels from the run_info of the layer's GeoPackage (cached per file); empty when
  /// the GeoPackage or its run_info cannot be read.
  const RunLabels& runLabels(QgsVectorLayer* layer);
  static QString geoPackageOf(QgsVectorLayer* layer);
  /// The core's explanation ("behind P… mainly on land (-0.026) …") with the park's name and rank
  /// and the criterion labels.
  static QString explanationText(QgsVectorLayer* layer, const QString& explanation, const RunLabels& run,
                                 bool chinese);
  /// The region's Chinese name from the result group's regions layer (Chinese UI), else `fallback`.
  static QString regionName(QgsVectorLayer* layer, const QString& regionId, const QString& fallback,
                            bool chinese);

  QString m_language;
  QHash<QString, RunLabels> m_runLabels;
  QLabel* m_message = nullptr;
  QLabel* m_name = nullptr;
  QLabel* m_region = nullptr;
  QLabel* m_score = nullptr;
  QLabel* m_rank = nullptr;
  QLabel* m_top1 = nullptr;
  QLabel* m_topKLabel = nullptr;
  QLabel* m_topK = nullptr;
  QLabel* m_rankInterval = nullptr;
  QLabel* m_status = nullptr;
  QLabel* m_reasonLabel = nullptr;
  QLabel* m_reason = nullptr;
  QLabel* m_explanation = nullptr;
  QLabel* m_source = nullptr;
  QLabel* m_chartTitle = nullptr;
  QPushButton* m_zoom = nullptr;
  QTableWidget* m_across = nullptr;
  QLabel* m_acrossTitle = nullptr;
  QgsMapCanvas* m_canvas = nullptr;
  QgsVectorLayer* m_layer = nullptr;  ///< of the park shown
  QgsFeatureId m_fid = 0;
  QVector<ScenarioRow> m_rows;
  ContributionChart* m_chart = nullptr;
};

}  // namespace clustershift::plugin
