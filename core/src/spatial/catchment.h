#pragma once
// Catchments: an index over region polygons answering "which regions does this circle
// overlap, by how much" (exact circle ∩ polygon areas in a local equal-area plane), and
// area-weighted sums over circles. Used by labour_pool (area-weighted working-age
// population) and environment (share of a buffer inside sensitive zones).
#include <memory>
#include <vector>

#include "spatial/equal_area_plane.h"
#include "spatial/planar_shape.h"

namespace clustershift {
namespace detail {

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
