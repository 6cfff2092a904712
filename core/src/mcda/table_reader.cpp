// Plain attribute tables through OGR for `clustershift mcda` (CSV via GDAL's CSV driver, whose
// fields stay text unless asked otherwise, GeoPackage, DBF...), and AHP matrix files.
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "clustershift/error.h"
#include "clustershift/mcda.h"
#include "clustershift/table.h"
#include "io/ogr.h"
#include "io/ogr_table.h"

namespace clustershift::mcda {
namespace {

std::string trim(const std::string& text) {
  const auto b = text.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = text.find_last_not_of(" \t\r\n");
  return text.substr(b, e - b + 1);
}

}  // namespace

size_t Table::fieldIndex(const std::string& name) const {
  for (size_t k = 0; k < fields.size(); ++k) {
    if (fields[k] == name) return k;
  }
  std::string list;
  for (const auto& f : fields) list += (list.empty() ? "" : ", ") + f;
  throw InputError(path + (layer.empty() ? "" : "/" + layer) + ": no field '" + name +
                   "' (fields: " + list + ")");
}

Table readTable(const std::string& path, const std::string& layer) {
  clustershift::detail::ensureGdal();
  std::string gdalMessage;
  clustershift::detail::DatasetPtr dataset;
  {
    clustershift::detail::GdalErrorCapture capture;
    dataset.reset(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    gdalMessage = capture.lastMessage();
  }
  if (!dataset) {
    std::error_code error;
    if (path.rfind("/vsi", 0) != 0 && !std::filesystem::exists(path, error)) {
      throw IoError(path + ": no such file");
    }
    throw IoError(path + ": cannot open as a table" +
                  (gdalMessage.empty() ? "" : " (" + gdalMessage + ")"));
  }
  OGRLayerH handle = layer.empty() ? GDALDatasetGetLayer(dataset.get(), 0)
                                   : GDALDatasetGetLayerByName(dataset.get(), layer.c_str());
  if (!handle) {
    if (layer.empty()) throw InputError(path + ": has no layer");
    throw InputError(path + ": no layer '" + layer + "'");
  }
  // The one OGR table reader: numeric cells holding text come back as that text, a CSV file's
  // ragged rows (which OGR's CSV driver drops or pads without a word) are reported.
  clustershift::detail::OgrSource source;
  source.layer = handle;
  source.fileName = std::filesystem::path(path).filename().string();
  source.layerName = OGR_L_GetName(handle);
  source.label = source.fileName + "/" + source.layerName;
  source.tableLabel = source.fileName;
  source.driver = GDALGetDriverShortName(GDALGetDatasetDriver(dataset.get()));
  source.dataset = std::move(dataset);
  std::vector<Problem> problems;
  clustershift::detail::OgrTextTable read = clustershift::detail::readOgrTable(source, path, problems);
  throwIfFatal(problems);
  Table table;
  table.path = path;
  table.layer = source.layerName;
  table.fields = std::move(read.columns);
  table.rows = std::move(read.rows);
  table.where = std::move(read.where);
  return table;
}

double parseNumber(const std::string& text, const std::string& where) {
  const std::string t = trim(text);
  double value = 0;
  const auto slash = t.find('/');
  if (slash == std::string::npos) {
    const NumberStatus status = clustershift::parseNumber(t, value);
    if (status == NumberStatus::Ok) return value;
    if (status == NumberStatus::OutOfRange) throw InputError(where + ": '" + text + "' is out of range");
  } else {
    double numerator = 0, denominator = 0;
    if (clustershift::parseNumber(t.substr(0, slash), numerator) == NumberStatus::Ok &&
        clustershift::parseNumber(t.substr(slash + 1), denominator) == NumberStatus::Ok && denominator != 0 &&
        std::isfinite(numerator / denominator)) {
      return numerator / denominator;
    }
  }
  throw InputError(where + ": '" + text + "' is not a number");
}

Matrix readAhpMatrix(const std::string& path, const std::vector<std::string>& criteria) {
  const Table table = readTable(path);
  if (table.fields.size() < 2) throw InputError(path + ": an AHP matrix needs a header row of criterion names");
  // Header: first cell (the row-name column) then one column per criterion.
  std::vector<size_t> column(criteria.size()), row(criteria.size());
  for (size_t c = 0; c < criteria.size(); ++c) {
    bool found = false;
    for (size_t k = 1; k < table.fields.size(); ++k) {
      if (trim(table.fields[k]) == criteria[c]) {
        column[c] = k;
        found = true;
      }
    }
    if (!found) throw InputError(path + ": no column '" + criteria[c] + "' in the header");
    found = false;
    for (size_t r = 0; r < table.rows.size(); ++r) {
      if (trim(table.rows[r][0]) == criteria[c]) {
        row[c] = r;
        found = true;
      }
    }
    if (!found) throw InputError(path + ": no row '" + criteria[c] + "' in the first column");
  }
  Matrix out(criteria.size(), std::vector<double>(criteria.size()));
  for (size_t i = 0; i < criteria.size(); ++i) {
    for (size_t j = 0; j < criteria.size(); ++j) {
      out[i][j] = parseNumber(table.rows[row[i]][column[j]],
                              path + " cell (" + criteria[i] + ", " + criteria[j] + ")");
    }
  }
  return out;
}

}  // namespace clustershift::mcda
