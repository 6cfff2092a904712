#pragma once
// Chinese web-map coordinate systems. GCJ-02 is WGS84 with a published obfuscating shift
// (applied only inside China); BD-09 is Baidu's further shift of GCJ-02.
namespace clustershift {

/// true when (lon, lat) degrees lie in the rectangle where the GCJ-02 shift applies.
bool insideChina(double lon, double lat);
/// Forward transforms (published formulas), degrees in and out. Outside China: unchanged.
void wgs84ToGcj02(double lon, double lat, double& outLon, double& outLat);
void gcj02ToBd09(double lon, double lat, double& outLon, double& outLat);
/// Inverses by fixed-point iteration to < 0.5 m. Outside China: unchanged.
void gcj02ToWgs84(double lon, double lat, double& outLon, double& outLat);
void bd09ToWgs84(double lon, double lat, double& outLon, double& outLat);

}  // namespace clustershift
