// Chinese web-map coordinate systems: GCJ-02 ("Mars coordinates") and Baidu BD-09.
//
// GCJ-02 forward transform: the widely published reconstruction of the GB 2009 shift
// (Krasovsky 1940 ellipsoid a = 6378245 m, e² = 0.00669342162296594323, polynomial and
// trigonometric offsets around (105°E, 35°N)), as in eviltransform (googollee, 2013) and
// coordtransform (wandergis, 2016). BD-09 forward: Baidu's published shift of GCJ-02
// (x_pi = π·3000/180), same sources. Inverses: fixed-point iteration of the forward
// transform, which converges because the shift varies slowly (|∂shift/∂x| ≪ 1).
#include "clustershift/coordinates.h"
#include "clustershift/data.h"

#include <cmath>

namespace clustershift {
namespace detail {
namespace {

constexpr double kKrasovskyA = 6378245.0;                // semi-major axis (m)
constexpr double kKrasovskyEe = 0.00669342162296594323;  // first eccentricity squared
constexpr double kXPi = kPi * 3000.0 / 180.0;
// Stop when the forward image is within 1e-9° (≈ 0.1 mm) of the target: far below 0.5 m.
constexpr double kToleranceDeg = 1e-9;
constexpr int kMaxIterations = 50;

double shiftLat(double x, double y) {
  double ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::fabs(x));
  ret += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  ret += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
  ret += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
  return ret;
}

double shiftLon(double x, double y) {
  double ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::fabs(x));
  ret += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  ret += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
  ret += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
  return ret;
}

// GCJ-02 offset (degrees) at a WGS84 point, without the inside-China test.
void gcjOffset(double lon, double lat, double& dLon, double& dLat) {
  double offLat = shiftLat(lon - 105.0, lat - 35.0);
  double offLon = shiftLon(lon - 105.0, lat - 35.0);
  const double radLat = lat / 180.0 * kPi;
  double magic = std::sin(radLat);
  magic = 1.0 - kKrasovskyEe * magic * magic;
  const double sqrtMagic = std::sqrt(magic);
  offLat = (offLat * 180.0) / ((kKrasovskyA * (1.0 - kKrasovskyEe)) / (magic * sqrtMagic) * kPi);
  offLon = (offLon * 180.0) / (kKrasovskyA / sqrtMagic * std::cos(radLat) * kPi);
  dLon = offLon;
  dLat = offLat;
}

void bdForward(double lon, double lat, double& outLon, double& outLat) {
  const double z = std::sqrt(lon * lon + lat * lat) + 0.00002 * std::sin(lat * kXPi);
  const double theta = std::atan2(lat, lon) + 0.000003 * std::cos(lon * kXPi);
  outLon = z * std::cos(theta) + 0.0065;
  outLat = z * std::sin(theta) + 0.006;
}

// Solves forward(x) = target by x ← x − (forward(x) − target), starting at the target.
template <typename Forward>
void invert(Forward forward, double lon, double lat, double& outLon, double& outLat) {
  double x = lon;
  double y = lat;
  for (int i = 0; i < kMaxIterations; ++i) {
    double fx = 0;
    double fy = 0;
    forward(x, y, fx, fy);
    const double ex = fx - lon;
    const double ey = fy - lat;
    x -= ex;
    y -= ey;
    if (std::fabs(ex) < kToleranceDeg && std::fabs(ey) < kToleranceDeg) break;
  }
  outLon = x;
  outLat = y;
}

}  // namespace

// Outside China the web-map systems are WGS84 itself: copies the point and returns true.
bool copiedOutsideChina(double lon, double lat, double& outLon, double& outLat) {
  if (insideChina(lon, lat)) return false;
  outLon = lon;
  outLat = lat;
  return true;
}

}  // namespace detail

bool insideChina(double lon, double lat) {
  // The rectangle used by the published implementations (eviltransform's outOfChina).
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

void wgs84ToGcj02(double lon, double lat, double& outLon, double& outLat) {
  if (detail::copiedOutsideChina(lon, lat, outLon, outLat)) return;
  double dLon = 0;
  double dLat = 0;
  detail::gcjOffset(lon, lat, dLon, dLat);
  outLon = lon + dLon;
  outLat = lat + dLat;
}

void gcj02ToBd09(double lon, double lat, double& outLon, double& outLat) {
  if (detail::copiedOutsideChina(lon, lat, outLon, outLat)) return;
  detail::bdForward(lon, lat, outLon, outLat);
}

void gcj02ToWgs84(double lon, double lat, double& outLon, double& outLat) {
  if (detail::copiedOutsideChina(lon, lat, outLon, outLat)) return;
  // The iterate may step across the rectangle's edge near the border; use the unguarded
  // offset so the iteration solves one smooth equation.
  detail::invert(
      [](double x, double y, double& fx, double& fy) {
        double dx = 0;
        double dy = 0;
        detail::gcjOffset(x, y, dx, dy);
        fx = x + dx;
        fy = y + dy;
      },
      lon, lat, outLon, outLat);
}

void bd09ToWgs84(double lon, double lat, double& outLon, double& outLat) {
  if (detail::copiedOutsideChina(lon, lat, outLon, outLat)) return;
  double gcjLon = 0;
  double gcjLat = 0;
  detail::invert([](double x, double y, double& fx, double& fy) { detail::bdForward(x, y, fx, fy); }, lon,
                 lat, gcjLon, gcjLat);
  gcj02ToWgs84(gcjLon, gcjLat, outLon, outLat);
}

}  // namespace clustershift
