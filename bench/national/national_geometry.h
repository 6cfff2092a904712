#pragma once
// bench/national: the GEOS side of generate_national (seats, Voronoi regions, helpers).
// SCHEMATIC shapes for a benchmark input, not data.
#include <geos_c.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace national {

constexpr int kRegions = 2850;
constexpr double kPi = 3.14159265358979323846;

/// The GEOS context of the program (GEOS_init_r in main).
extern GEOSContextHandle_t g_ctx;

void geosMessage(const char* message, void*);

/// Owns one GEOS geometry.
struct Geom {
  GEOSGeometry* g = nullptr;
  explicit Geom(GEOSGeometry* geometry = nullptr) : g(geometry) {}
  Geom(const Geom&) = delete;
  Geom& operator=(const Geom&) = delete;
  Geom(Geom&& o) noexcept : g(o.g) { o.g = nullptr; }
  Geom& operator=(Geom&& o) noexcept {
    std::swap(g, o.g);
    return *this;
  }
  ~Geom() {
    if (g) GEOSGeom_destroy_r(g_ctx, g);
  }
};

/// A polygon of the ring x0, y0, x1, y1, ... (closed here).
GEOSGeometry* ringPolygon(const std::vector<double>& xy);
GEOSGeometry* point(double x, double y);
/// Spherical great-circle distance in km, for sizes only.
double km(double lon1, double lat1, double lon2, double lat2);

/// The schematic outline of mainland China as a polygon.
Geom outlinePolygon();

/// County seats: rejection sampling inside the outline, denser in the east (seeded).
struct Seats {
  std::vector<double> lon, lat;
};
Seats placeSeats(const GEOSPreparedGeometry* outline);

/// Region i's shape: the Voronoi cell of seat i (seats = their MultiPoint), every edge wiggled
/// identically on both sides, clipped to the outline; null where no cell holds the seat.
std::vector<Geom> makeRegionShapes(const Geom& seats, const Geom& outline);

}  // namespace national
