#pragma once
// Catchments: exact area of a circle ∩ polygon in a local equal-area plane, and an index
// over region polygons answering "which regions does this circle overlap, by how much".
// Used by labour_pool (area-weighted working-age population) and environment (share of a
// buffer inside sensitive zones).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
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

/// Lambert azimuthal equal-area projection on the WGS84 ellipsoid centred on (lon0, lat0)
/// degrees (PROJ "+proj=laea"). Not thread-safe: project on one thread, then share results.
class EqualAreaPlane {
 public:
  EqualAreaPlane(double lon0, double lat0);
  ~EqualAreaPlane();
  EqualAreaPlane(const EqualAreaPlane&) = delete;
  EqualAreaPlane& operator=(const EqualAreaPlane&) = delete;

  /// Projects interleaved lon,lat degrees to x,y metres in place. Throws GeoError.
  void forward(std::vector<double>& xy) const;
  void forward(double lon, double lat, double& x, double& y) const;
  double lon0() const { return m_lon0; }
  double lat0() const { return m_lat0; }

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  double m_lon0;
  double m_lat0;
};

/// Centre (degrees) of the bounding box of lon/lat WKB geometries, for EqualAreaPlane.
/// Empty or unreadable geometries are skipped; (0, 0) when nothing is readable.
void studyAreaCentre(const std::vector<const std::vector<std::uint8_t>*>& wkbs, double& lon, double& lat);

/// Reads polygonal lon/lat WKB (Polygon, MultiPolygon, or polygons inside a collection) and
/// projects it. Non-polygonal parts are ignored; empty WKB gives an empty shape.
/// Throws GeoError naming `what` when the WKB cannot be parsed.
PlanarShape projectShape(const std::vector<std::uint8_t>& wkb, const EqualAreaPlane& plane,
                         const std::string& what);

/// Reads polygonal WKB already in plane coordinates (no projection), e.g. a GEOS result.
/// Throws GeoError naming `what` when the WKB cannot be parsed.
PlanarShape planarShapeFromWkb(const std::vector<std::uint8_t>& wkb, const std::string& what);
/// Little-endian 2D WKB MultiPolygon of a shape (closed rings), for GEOS operations.
std::vector<std::uint8_t> planarShapeToWkb(const PlanarShape& shape);

/// One region overlapped by a circle: index into the shapes and overlap area (m²).
struct Overlap {
  int index;
  double area;
};

/// STRtree (GEOS) over the envelopes of planar shapes; overlaps of circles with them.
/// The tree is built in the constructor; overlaps() is then safe to call from several
/// threads at once (each thread queries through its own GEOS context).
class CatchmentIndex {
 public:
  explicit CatchmentIndex(std::vector<PlanarShape> shapes);
  ~CatchmentIndex();
  CatchmentIndex(const CatchmentIndex&) = delete;
  CatchmentIndex& operator=(const CatchmentIndex&) = delete;

  /// Appends to `out` every shape with a positive overlap with the disk (cx, cy, r).
  /// Shapes with the whole bbox inside the disk are counted whole without edge work;
  /// shapes whose bbox is farther than r are skipped. Thread-safe.
  void overlaps(double cx, double cy, double r, std::vector<Overlap>& out) const;

  const std::vector<PlanarShape>& shapes() const { return m_shapes; }

 private:
  struct Tree;
  std::vector<PlanarShape> m_shapes;
  std::unique_ptr<Tree> m_tree;
};

/// Area-weighted sum Σ_i value_i · |disk ∩ shape_i| / |shape_i| for each centre, in
/// parallel over centres (`threads` ≤ 0: hardware concurrency). Centres with NaN
/// coordinates give NaN. A NaN value in a region that overlaps gives NaN for that centre,
/// and its index is written to `missingRegion` (−1 otherwise) when that is not null.
std::vector<double> areaWeightedSums(const CatchmentIndex& index, const std::vector<double>& values,
                                     const std::vector<double>& xs, const std::vector<double>& ys, double r,
                                     int threads, std::vector<int>* missingRegion = nullptr);

/// Largest tile side (degrees) whose local planes keep a catchment of radius `radiusM` within
/// the ground error budget of 0.1 % (see areaWeightedSumsLocalPlanes): 4° for 50 km, smaller
/// for larger radii, at least 0.25°.
double localPlaneTileDeg(double radiusM);

/// areaWeightedSums() for centres given in lon/lat degrees, each computed in a local Lambert
/// azimuthal equal-area plane: centres are grouped in tiles of `tileDeg` degrees
/// (localPlaneTileDeg()), every tile gets its own plane centred on its centres and the regions
/// its catchments can reach are projected into it. One national plane stretches distances by
/// up to 2 % at 2,500 km from its centre (LAEA scale 1 − (c/a)²/8 along, the inverse across),
/// so a disk in it is an ellipse on the ground; in a tile plane c ≤ 400 km and the catchment
/// is the ground circle within 0.1 % of its area. Areas stay exact (equal-area planes).
/// `lonLatShapes`: the regions as read from lon/lat WKB without projection
/// (planarShapeFromWkb). Parallel over tiles on `threads` threads (≤ 0: hardware
/// concurrency). NaN centres give NaN; `missingRegion` as in areaWeightedSums().
std::vector<double> areaWeightedSumsLocalPlanes(const std::vector<PlanarShape>& lonLatShapes,
                                                const std::vector<double>& values,
                                                const std::vector<double>& lon,
                                                const std::vector<double>& lat, double radiusM,
                                                double tileDeg, int threads,
                                                std::vector<int>* missingRegion = nullptr);

}  // namespace detail
}  // namespace clustershift
