#pragma once
// The geometry of a regular grid in a projected plane, shared by the candidate grid's cells
// (GridCells), the market-access lattice (GridLattice) and the written score raster (ScoreGrid).
#include <string>

namespace clustershift {

/// Pixel (row, col) has its centre at (originX + (col + ½)·cellM, originY − (row + ½)·cellM) in the
/// CRS planeWkt; row 0 is the northernmost.
struct GridGeometry {
  int width = 0, height = 0;        ///< pixels
  double originX = 0, originY = 0;  ///< north-west corner (plane metres)
  double cellM = 0;                 ///< cell side (metres)
  std::string planeWkt;             ///< the plane's CRS (WKT)
};

}  // namespace clustershift
