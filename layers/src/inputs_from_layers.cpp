// QgsVectorLayer -> core Inputs through core's one reader (clustershift/feature_source.h). Reads
// through QgsFeatureRequest, so unsaved edits, memory layers and subset filters count exactly as the
// user sees them in QGIS; the field map, number and geometry rules are core's, as for files.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h

#include <QFileInfo>

#include <qgscoordinatereferencesystem.h>
#include <qgsfeature.h>
#include <qgsfeatureiterator.h>
#include <qgsfeaturerequest.h>
#include <qgsgeometry.h>
#include <qgsvectorlayer.h>

#include <string>
#include <vector>

#include "clustershift/auxiliary_data.h"
#include "clustershift/feature_source.h"
#include "clustershift/error.h"
#include "layers_detail.h"

namespace clustershift::layers {
namespace {

using detail::fromQ;
using detail::toQ;

std::string layerLabel(QgsVectorLayer* layer) {
  const QString path = layer->source().section(QLatin1Char('|'), 0, 0);
  const QFileInfo info(path);
  if (layer->providerType() == QLatin1String("ogr") && info.exists())
    return fromQ(info.fileName() + QLatin1Char('/') + layer->name());
  return fromQ(layer->name());
}

/// A QgsVectorLayer as core's FeatureSource: the features QGIS shows (edit buffer, subset filter),
/// attributes as QGIS typed them, geometry in the layer CRS. Core's one reader does the rest.
class LayerFeatureSource final : public FeatureSource {
 public:
  LayerFeatureSource(QgsVectorLayer* layer, Feedback& feedback) : m_layer(layer), m_feedback(feedback) {}
  std::string label() const override { return layerLabel(m_layer); }
  std::vector<SourceField> fields() const override {
    std::vector<SourceField> out;
    const QgsFields& fields = m_layer->fields();
    for (int i = 0; i < fields.count(); ++i)
      out.push_back(SourceField{fromQ(fields.at(i).name()), fields.at(i).isNumeric()});
    return out;
  }
  bool hasGeometryColumn() const override { return m_layer->isSpatial(); }
  std::string crs() const override {
    return m_layer->crs().isValid() ? fromQ(m_layer->crs().toWkt(QgsCoordinateReferenceSystem::WKT_PREFERRED))
                                    : std::string();
  }
  void reset() override { m_features = m_layer->getFeatures(QgsFeatureRequest()); }
  bool next(SourceFeature& out) override {
    m_feedback.checkCanceled();
    QgsFeature f;
    if (!m_features.nextFeature(f)) return false;
    out.fid = f.id();
    const QgsFields& fields = m_layer->fields();
    out.values.assign(static_cast<std::size_t>(fields.count()), FieldValue{});
    for (int i = 0; i < fields.count(); ++i) {
      const QVariant v = f.attribute(i);
      FieldValue& value = out.values[static_cast<std::size_t>(i)];
      if (v.isNull()) continue;
      value.text = fromQ(v.toString());
      bool ok = false;
      const double number = fields.at(i).isNumeric() ? v.toDouble(&ok) : 0.0;
      value.kind = ok ? FieldValue::Kind::Number : FieldValue::Kind::Text;
      value.number = ok ? number : 0.0;
    }
    const QgsGeometry g = f.geometry();
    out.emptyGeometry = !g.isNull() && g.isEmpty();
    out.wkb.clear();
    if (!g.isNull() && !g.isEmpty()) {
      const QByteArray bytes = g.asWkb();
      out.wkb.assign(bytes.begin(), bytes.end());
    }
    return true;
  }

 private:
  QgsVectorLayer* m_layer;
  Feedback& m_feedback;
  QgsFeatureIterator m_features;
};

/// A layer the reader can use; its CRS, fields and features are the reader's to check.
void checkLayer(QgsVectorLayer* layer, const char* role, std::vector<Problem>& problems, bool& usable) {
  usable = layer && layer->isValid();
  if (!layer) {
    problems.push_back(Problem{Severity::Fatal, role, "no layer given", {}});
  } else if (!layer->isValid()) {
    problems.push_back(
        Problem{Severity::Fatal, layerLabel(layer), "layer is not valid (source cannot be read)", {}});
  }
}

}  // namespace

Inputs inputsFromLayers(QgsVectorLayer* regions, QgsVectorLayer* parks, const Scenario& scenario, Feedback& feedback) {
  Inputs inputs;
  bool regionsUsable = false, parksUsable = false;
  checkLayer(regions, "regions", inputs.problems, regionsUsable);
  checkLayer(parks, "parks", inputs.problems, parksUsable);
  feedback.setProgress(0.0, "loading");
  if (regionsUsable) {
    LayerFeatureSource source(regions, feedback);
    readRegions(source, scenario.data.regions, inputs);
  }
  feedback.setProgress(0.4, "loading");
  if (parksUsable) {
    LayerFeatureSource source(parks, feedback);
    readParks(source, scenario.data.parks, inputs);
  }
  feedback.setProgress(0.8, "loading");
  // Tables, zones and roads come from the scenario's files whether the main layers come
  // from QGIS or from files: the core readers, every problem collected.
  loadAuxiliaryData(scenario, inputs);
  feedback.checkCanceled();
  for (const Problem& p : inputs.problems)
    if (p.severity == Severity::Warning) feedback.warn(p);
  feedback.setProgress(1.0, "loading");
  return inputs;
}

}  // namespace clustershift::layers
