#pragma once
// Readers for each kind of scenario data source (any OGR format). Every data problem is
// appended to `problems` with its location ("regions.gpkg/regions fid=12 field 'gdp'");
// only an unopenable source throws (IoError).
#include <map>
#include <string>
#include <vector>

#include <gdal.h>

#include "clustershift/data.h"
#include "clustershift/scenario.h"
#include "clustershift/table.h"

namespace clustershift::detail {

/// Regions: polygons, text columns id/name/name_zh/province, numeric regionColumns(),
/// every other numeric field into Region::extra. Sets inputs.regionsLabel.
void readRegions(const DataSource& source, Inputs& inputs);
/// Parks: points or polygons (lon/lat = the point or a point on the surface), converted
/// from GCJ-02/BD-09 when source.coordinates says so. Sets inputs.parksLabel.
void readParks(const DataSource& source, Inputs& inputs);
/// Sensitive-zone polygons (fields id, name).
void readZones(const DataSource& source, Inputs& inputs);
/// Road lines (fields class, speed_kmh).
void readRoads(const DataSource& source, Inputs& inputs);
/// Region × industry output table: column region_id, then one column per industry.
IndustryMatrix readIndustryMatrix(const DataSource& source, std::vector<Problem>& problems);
/// Square technical-coefficient table: column sector, then the same labels as columns.
IoTable readIoTable(const DataSource& source, std::vector<Problem>& problems);

/// fid -> field index -> the text a numeric (INTEGER/REAL, N/F) column holds, for the cells that
/// are not numbers ('abc', '12,345', 'NaN'): what SQLite keeps in a GeoPackage/SQLite column, or
/// the .dbf cell of a shapefile (read again with the numeric fields retyped to text, on a copy in
/// /vsimem/). Other drivers give an empty map. (numeric_cells.cpp)
using NonNumericCells = std::map<long long, std::map<int, std::string>>;
NonNumericCells nonNumericCells(GDALDatasetH dataset, OGRLayerH layer);

/// Appends Problem{severity, where, message, featureId} to `problems`, with its code and values.
void fileProblem(std::vector<Problem>& problems, Severity severity, const std::string& where,
                 const std::string& message, const std::string& featureId = {}, const std::string& code = {},
                 const std::map<std::string, std::string>& values = {});

/// The code of numberProblem()'s wording: empty | out_of_range | not_a_number (value: the text).
std::string numberCode(NumberStatus status);

/// Parses a number from text ("12.5", " 3 "); false when it is not entirely a number
/// (clustershift::parseNumber, the one parser of every reader).
bool parseNumber(const std::string& text, double& value);

}  // namespace clustershift::detail
