#include "io/ogr_feature_source.h"

#include <cpl_conv.h>
#include <cpl_string.h>

namespace clustershift::detail {

OgrFeatureSource::OgrFeatureSource(OgrSource source)
    : m_source(std::move(source)), m_bad(nonNumericCells(m_source.dataset.get(), m_source.layer)) {
  OGRFeatureDefnH defn = m_source.definition();
  for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
    OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
    const OGRFieldType type = OGR_Fld_GetType(fd);
    m_fields.push_back(
        SourceField{OGR_Fld_GetNameRef(fd), type == OFTInteger || type == OFTInteger64 || type == OFTReal});
  }
}

std::vector<SourceField> OgrFeatureSource::fields() const { return m_fields; }

bool OgrFeatureSource::hasGeometryColumn() const { return OGR_L_GetGeomType(m_source.layer) != wkbNone; }

std::string OgrFeatureSource::crs() const {
  OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(m_source.layer);
  if (!srs) return {};
  char* wkt = nullptr;
  const char* const options[] = {"FORMAT=WKT2_2019", nullptr};
  if (OSRExportToWktEx(srs, &wkt, options) != OGRERR_NONE || !wkt) {
    CPLFree(wkt);
    return {};
  }
  std::string text = wkt;
  CPLFree(wkt);
  return text;
}

std::string OgrFeatureSource::noAttributesReason() const {
  if (!m_fields.empty() || m_source.driver != "ESRI Shapefile") return {};
  return "the .dbf file next to " + m_source.fileName + " is missing or has no fields";
}

void OgrFeatureSource::reset() { OGR_L_ResetReading(m_source.layer); }

bool OgrFeatureSource::next(SourceFeature& feature) {
  FeaturePtr owned;
  {
    // GDAL's own "Value 'abc' of field ... parsed incompletely" lines: those cells are reported
    // with their location from nonNumericCells.
    GdalErrorCapture quiet;
    owned.reset(OGR_L_GetNextFeature(m_source.layer));
  }
  if (!owned) return false;
  auto f = static_cast<OGRFeatureH>(owned.get());
  feature.fid = static_cast<long long>(OGR_F_GetFID(f));
  feature.values.assign(m_fields.size(), FieldValue{});
  const auto badRow = m_bad.find(feature.fid);
  for (std::size_t i = 0; i < m_fields.size(); ++i) {
    const int index = static_cast<int>(i);
    FieldValue& v = feature.values[i];
    if (badRow != m_bad.end() && badRow->second.count(index)) {
      v.kind = FieldValue::Kind::Text;
      v.text = badRow->second.at(index);
    } else if (!OGR_F_IsFieldSetAndNotNull(f, index)) {
      v.kind = FieldValue::Kind::Null;
    } else if (m_fields[i].numeric) {
      v.kind = FieldValue::Kind::Number;
      v.number = OGR_F_GetFieldAsDouble(f, index);
      v.text = OGR_F_GetFieldAsString(f, index);
    } else {
      v.kind = FieldValue::Kind::Text;
      v.text = m_source.text(f, index);
    }
  }
  feature.wkb.clear();
  feature.emptyGeometry = false;
  OGRGeometryH g = OGR_F_GetGeometryRef(f);
  if (g && OGR_G_IsEmpty(g)) {
    feature.emptyGeometry = true;
  } else if (g) {
    feature.wkb.resize(static_cast<std::size_t>(OGR_G_WkbSize(g)));
    OGR_G_ExportToIsoWkb(g, wkbNDR, feature.wkb.data());
  }
  return true;
}

}  // namespace clustershift::detail
