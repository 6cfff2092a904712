#pragma once
// Readers for each kind of scenario data source (any OGR format). Every data problem is
// appended to `problems` with its location ("regions.gpkg/regions fid=12 field 'gdp'");
// only an unopenable source throws (IoError).
#include <string>
#include <vector>

#include "clustershift/data.h"
#include "clustershift/scenario.h"

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

/// Parses a number from text ("12.5", " 3 "); false when it is not entirely a number.
bool parseNumber(const std::string& text, double& value);

}  // namespace clustershift::detail
