#pragma once
// Polygons in a projected plane (metres) and the exact area of a disk ∩ polygon
// (core/src/spatial/circle_area.cpp). Pure geometry: no GEOS, no PROJ.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace clustershift {
namespace detail {

/// A polygon in a projected plane (metres): rings[0] the shell, the rest holes. Each ring
/// holds x0,y0,x1,y1,... without repeating the first vertex; orientation is free.
struct PlanarPolygon {
  std::vector<std::vector<double>> rings;
  /// Runs of consecutive edges of each ring with their bbox and partial shoelace sum, so a
  /// circle can settle whole runs that lie inside or outside it without visiting their
  /// edges. Filled by PlanarShape::finish(); parallel to `rings`.
  struct Chunk {
    std::uint32_t begin = 0;  ///< first edge (edge j joins vertex j to vertex j+1 mod n)
    std::uint32_t end = 0;    ///< one past the last edge
    double minX = 0, minY = 0, maxX = 0, maxY = 0;  ///< bbox of the run's vertices
    double twice = 0;  ///< Σ (P−P0)×(Q−P0) over the run's edges, P0 = its first vertex
  };
  std::vector<std::vector<Chunk>> chunks;
};

/// A (multi)polygon in the plane with its bounding box and area (m²).
struct PlanarShape {
  std::vector<PlanarPolygon> polygons;
  double minX = 0, minY = 0, maxX = 0, maxY = 0;
  double area = 0;
  /// Recomputes bbox, area (shoelace; holes subtracted) and edge chunks from the polygons.
  void finish();
  bool empty() const { return polygons.empty(); }
};

/// Area (m²) of the disk (cx, cy, r) ∩ the interior of one simple ring given as n vertices
/// (x0,y0,x1,y1,...). Exact: the sum over the edges of the signed area of the disk ∩ the
/// triangle (centre, edge start, edge end): the triangle fan of the shoelace (Gauss) area
/// formula, each triangle clipped by the disk — a straight piece inside the disk
/// contributes its triangle, a piece outside contributes the circular sector it subtends
/// (Green's theorem). Sector angles are telescoped over runs of outside edges, so atan2 is
/// evaluated only where the ring crosses the circle.
/// Result is ≥ 0 whatever the ring's orientation.
double circleRingArea(const double* xy, std::size_t n, double cx, double cy, double r);

/// Area (m²) of the disk ∩ a shape: shells minus holes, summed over parts.
double circleShapeArea(const PlanarShape& shape, double cx, double cy, double r);

}  // namespace detail
}  // namespace clustershift
