#pragma once
// Distance-decay sums S(p) = Σ_j w_j · exp(−d(p, s_j) / δ) at every cell centre p of a regular
// grid (the candidate grid's market_access at millions of cells), by a near/far split:
//
// - a lattice of nodes every k cells (k·cell ≤ δ/16) cuts the grid into tiles of k × k cells;
// - for each tile, the sources at least D = δ/2 from every point of its interpolation stencil
//   (the 3 × 3 lattice squares around it; tested conservatively with chords, below) are "far":
//   their sum is smooth there and is interpolated (bicubic Lagrange, 4 × 4 nodes) from its
//   values at the nodes, where it is the sum over every source (once per node) minus the
//   tile's near sources; the near sources are summed exactly at each cell.
//
// Error (docs/model.md, "Candidate sites"): per far source, the fourth derivative of
// exp(−ρ/δ) along an axis at ρ ≥ D is at most g·(1/δ⁴ + 6/(δ³ρ) + 7.62/(δ²ρ²) + 3/(δρ³))
// = 67.5 g/δ⁴ at ρ = δ/2; tensor cubic Lagrange interpolation on the central square errs by at
// most (1 + 1.25) · (9/16)/4! · h⁴ · that (Lebesgue constant 1.25), and g varies by at most
// e^(2√2 h/δ) over the stencil: with h ≤ δ/16 the far sum is off by ≤ 6.5e−5 of itself, so
// the whole sum (terms ≥ 0) by ≤ 6.5e−5 of the exact one with the same distance (flat-plane
// analysis; the grid plane's scale varies by a few % over thousands of km, which changes the
// derivatives by as much). Measured (tests/core/spatial/decay_grid_test.cpp): ≤ 1e−6 on
// random cases. Distances are Andoyer–Lambert's, as decaySums' (decay_sum.h).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "clustershift/grid_geometry.h"
#include "spatial/decay_sum.h"

namespace clustershift::detail {

/// Cell centres of a regular grid in a projected plane: pixel (row, col) has its centre at
/// (originX + (col + ½)·cellM, originY − (row + ½)·cellM) in the CRS `planeWkt`.
struct GridLattice : GridGeometry {
  const std::vector<std::uint32_t>* pixel = nullptr;  ///< cells: row-major pixel index, ascending
  const std::vector<double>* lon = nullptr;           ///< per cell, centre (degrees)
  const std::vector<double>* lat = nullptr;
};

/// What decaySumsOnGrid did (for benchmarks and tests).
struct DecayGridStats {
  int cellsPerNode = 0;     ///< k; 1 means every cell was summed exactly (no lattice)
  long long nodes = 0;      ///< lattice nodes summed over every source
  long long tiles = 0;      ///< tiles with cells
  long long nearPairs = 0;  ///< cell × near-source pairs summed exactly
};

/// Σ_j weights[j] · exp(−d / deltaKm) over the valid sources with a weight (NaN skipped), for
/// every cell of `grid`, within 6.5e−5 relative of decaySums() on the same points (above);
/// weights must be ≥ 0 (a sum of non-negative terms). Grids too coarse for a lattice
/// (δ/16 < 2 cells) are summed exactly. Parallel on `threads` threads (≤ 0: hardware
/// concurrency); `isCanceled` polled between tile rows.
std::vector<double> decaySumsOnGrid(const GridLattice& grid, const ReducedPoints& sources,
                                    const std::vector<double>& weights, double deltaKm, int threads,
                                    const std::function<bool()>& isCanceled = {},
                                    DecayGridStats* stats = nullptr);

}  // namespace clustershift::detail
