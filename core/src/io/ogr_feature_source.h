#pragma once
// FeatureSource over one OGR layer (any file format GDAL reads, PostgreSQL).
#include "clustershift/feature_source.h"
#include "io/ogr.h"
#include "io/readers.h"

namespace clustershift::detail {

class OgrFeatureSource final : public FeatureSource {
 public:
  /// Takes an opened source (openSource). Numeric cells holding text are found once here
  /// (nonNumericCells) and handed over as Kind::Text.
  explicit OgrFeatureSource(OgrSource source);
  std::string label() const override { return m_source.label; }
  std::vector<SourceField> fields() const override;
  bool hasGeometryColumn() const override;
  std::string crs() const override;
  bool lonLatWithoutCrs() const override { return m_source.driver == "CSV"; }
  std::string noAttributesReason() const override;
  void reset() override;
  bool next(SourceFeature& feature) override;

 private:
  OgrSource m_source;
  NonNumericCells m_bad;
  std::vector<SourceField> m_fields;
};

}  // namespace clustershift::detail
