// Distance-decay sums on a regular grid by a near/far split with the far field interpolated
// from a coarser lattice (decay_grid.h: method and error bound).
#include "spatial/decay_grid.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <exception>
#include <memory>
#include <thread>

#include <ogr_srs_api.h>

#include "clustershift/data.h"
#include "clustershift/error.h"
#include "clustershift/util.h"

namespace clustershift::detail {
namespace {

constexpr double kAKm = 6378.137;                            // WGS84 semi-major axis
constexpr double kBKm = kAKm * (1.0 - 1.0 / 298.257223563);  // semi-minor axis
constexpr double kLatticePerDelta = 16.0;                    // h ≤ δ/16
constexpr double kFarPerDelta = 0.5;                         // D = δ/2
constexpr double kStencilMargin = 1.02;                      // on the stencil's corner distances
constexpr std::size_t kExactChunk = std::size_t{1} << 18;    // cells per exact decaySums call

// Cubic Lagrange weights at t ∈ [0, 1) for nodes at −1, 0, 1, 2.
std::array<double, 4> cubicWeights(double t) {
  return {-t * (t - 1) * (t - 2) / 6.0, (t + 1) * (t - 1) * (t - 2) / 2.0, -(t + 1) * t * (t - 2) / 2.0,
          (t + 1) * t * (t - 1) / 6.0};
}

ReducedPoints subset(const ReducedPoints& from, const std::vector<std::size_t>& index) {
  ReducedPoints r;
  for (std::size_t i : index) {
    r.lon.push_back(from.lon[i]);
    r.lat.push_back(from.lat[i]);
    r.x.push_back(from.x[i]);
    r.y.push_back(from.y[i]);
    r.z.push_back(from.z[i]);
    r.sinBeta.push_back(from.sinBeta[i]);
    r.valid.push_back(from.valid[i]);
  }
  return r;
}

struct SrsDeleter {
  void operator()(void* p) const { OSRDestroySpatialReference(static_cast<OGRSpatialReferenceH>(p)); }
};
struct TransformDeleter {
  void operator()(void* p) const {
    OCTDestroyCoordinateTransformation(static_cast<OGRCoordinateTransformationH>(p));
  }
};

// Plane coordinates to lon/lat (degrees), in place.
void planeToLonLat(const std::string& planeWkt, std::vector<double>& x, std::vector<double>& y) {
  std::unique_ptr<void, SrsDeleter> plane(OSRNewSpatialReference(planeWkt.c_str()));
  std::unique_ptr<void, SrsDeleter> lonLat(OSRNewSpatialReference(nullptr));
  if (!plane || OSRImportFromEPSG(static_cast<OGRSpatialReferenceH>(lonLat.get()), 4326) != OGRERR_NONE)
    throw GeoError("decay sums on a grid: cannot read the grid's plane");
  OSRSetAxisMappingStrategy(static_cast<OGRSpatialReferenceH>(lonLat.get()), OAMS_TRADITIONAL_GIS_ORDER);
  OSRSetAxisMappingStrategy(static_cast<OGRSpatialReferenceH>(plane.get()), OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<void, TransformDeleter> toLonLat(OCTNewCoordinateTransformation(
      static_cast<OGRSpatialReferenceH>(plane.get()), static_cast<OGRSpatialReferenceH>(lonLat.get())));
  if (!toLonLat) throw GeoError("decay sums on a grid: PROJ cannot transform the grid's plane to lon/lat");
  std::vector<int> ok(x.size(), 0);
  if (!x.empty() && !OCTTransformEx(static_cast<OGRCoordinateTransformationH>(toLonLat.get()),
                                    static_cast<int>(x.size()), x.data(), y.data(), nullptr, ok.data()))
    throw GeoError("decay sums on a grid: lattice nodes cannot be transformed to lon/lat");
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!ok[i]) x[i] = y[i] = kNaN;
}

std::vector<double> exactOnCells(const GridLattice& grid, const ReducedPoints& sources,
                                 const std::vector<double>& weights, double deltaKm, int threads,
                                 const std::function<bool()>& isCanceled) {
  const std::size_t n = grid.pixel->size();
  std::vector<double> out(n, kNaN);
  for (std::size_t begin = 0; begin < n; begin += kExactChunk) {
    const std::size_t end = std::min(n, begin + kExactChunk);
    const ReducedPoints cells =
        reducePoints(std::vector<double>(grid.lon->begin() + static_cast<std::ptrdiff_t>(begin),
                                         grid.lon->begin() + static_cast<std::ptrdiff_t>(end)),
                     std::vector<double>(grid.lat->begin() + static_cast<std::ptrdiff_t>(begin),
                                         grid.lat->begin() + static_cast<std::ptrdiff_t>(end)));
    const std::vector<double> sums = decaySums(cells, sources, weights, deltaKm, threads, isCanceled);
    std::copy(sums.begin(), sums.end(), out.begin() + static_cast<std::ptrdiff_t>(begin));
    if (isCanceled && isCanceled()) break;
  }
  return out;
}

}  // namespace

std::vector<double> decaySumsOnGrid(const GridLattice& grid, const ReducedPoints& sources,
                                    const std::vector<double>& weights, double deltaKm, int threads,
                                    const std::function<bool()>& isCanceled, DecayGridStats* stats) {
  const std::vector<std::uint32_t>& pixel = *grid.pixel;
  const std::size_t nCells = pixel.size();
  const int k = static_cast<int>(std::floor(deltaKm * 1000.0 / kLatticePerDelta / grid.cellM + 1e-9));
  DecayGridStats local;
  DecayGridStats& st = stats ? *stats : local;
  st = DecayGridStats{};
  if (k < 2 || nCells == 0) {
    st.cellsPerNode = 1;
    st.nearPairs = static_cast<long long>(nCells) * static_cast<long long>(sources.size());
    return exactOnCells(grid, sources, weights, deltaKm, threads, isCanceled);
  }
  st.cellsPerNode = k;
  const double h = k * grid.cellM;  // lattice spacing (m)
  const int tileRows = (grid.height + k - 1) / k, tileCols = (grid.width + k - 1) / k;
  const int nodeCols = tileCols + 3;
  auto nodeIndex = [&](int I, int J) {
    return static_cast<std::size_t>(I + 1) * static_cast<std::size_t>(nodeCols) +
           static_cast<std::size_t>(J + 1);
  };
  const std::size_t nNodes = static_cast<std::size_t>(tileRows + 3) * static_cast<std::size_t>(nodeCols);
  const std::uint32_t width = static_cast<std::uint32_t>(grid.width);

  // Tiles holding cells, the nodes their stencils need.
  std::vector<char> tileUsed(static_cast<std::size_t>(tileRows) * static_cast<std::size_t>(tileCols), 0);
  for (std::uint32_t p : pixel)
    tileUsed[static_cast<std::size_t>(p / width / static_cast<std::uint32_t>(k)) *
                 static_cast<std::size_t>(tileCols) +
             p % width / static_cast<std::uint32_t>(k)] = 1;
  std::vector<int> nodeSlot(nNodes, -1);
  std::vector<int> tileSlot(tileUsed.size(), -1);
  std::vector<double> x, y;  // needed nodes, then tile centres (plane m)
  for (int I = 0; I < tileRows; ++I)
    for (int J = 0; J < tileCols; ++J) {
      if (!tileUsed[static_cast<std::size_t>(I) * static_cast<std::size_t>(tileCols) +
                    static_cast<std::size_t>(J)])
        continue;
      for (int a = -1; a <= 2; ++a)
        for (int b = -1; b <= 2; ++b) {
          int& slot = nodeSlot[nodeIndex(I + a, J + b)];
          if (slot >= 0) continue;
          slot = static_cast<int>(x.size());
          x.push_back(grid.originX + ((J + b) * k + 0.5) * grid.cellM);
          y.push_back(grid.originY - ((I + a) * k + 0.5) * grid.cellM);
        }
    }
  const std::size_t usedNodes = x.size();
  for (int I = 0; I < tileRows; ++I)
    for (int J = 0; J < tileCols; ++J) {
      const std::size_t t =
          static_cast<std::size_t>(I) * static_cast<std::size_t>(tileCols) + static_cast<std::size_t>(J);
      if (!tileUsed[t]) continue;
      tileSlot[t] = static_cast<int>(x.size() - usedNodes);
      x.push_back(grid.originX + (J * k + 0.5) * grid.cellM + 0.5 * h);
      y.push_back(grid.originY - (I * k + 0.5) * grid.cellM - 0.5 * h);
    }
  planeToLonLat(grid.planeWkt, x, y);
  const ReducedPoints nodes =
      reducePoints(std::vector<double>(x.begin(), x.begin() + static_cast<std::ptrdiff_t>(usedNodes)),
                   std::vector<double>(y.begin(), y.begin() + static_cast<std::ptrdiff_t>(usedNodes)));
  const ReducedPoints centres =
      reducePoints(std::vector<double>(x.begin() + static_cast<std::ptrdiff_t>(usedNodes), x.end()),
                   std::vector<double>(y.begin() + static_cast<std::ptrdiff_t>(usedNodes), y.end()));
  x.clear();
  y.clear();
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (!nodes.valid[i]) {
      st = DecayGridStats{1, 0, 0, static_cast<long long>(nCells) * static_cast<long long>(sources.size())};
      return exactOnCells(grid, sources, weights, deltaKm, threads, isCanceled);
    }
  st.nodes = static_cast<long long>(usedNodes);
  st.tiles = static_cast<long long>(centres.size());

  // Every source at every needed node, once.
  const std::vector<double> nodeSums = decaySums(nodes, sources, weights, deltaKm, threads, isCanceled);
  if (isCanceled && isCanceled()) return std::vector<double>(nCells, kNaN);

  // The valid weighted sources in earth-centred coordinates (km) for the near/far test:
  // the straight chord never exceeds the geodesic, and chords obey the triangle inequality.
  std::vector<std::size_t> sourceIndex;
  std::vector<double> ex, ey, ez;
  for (std::size_t j = 0; j < sources.size() && j < weights.size(); ++j) {
    if (!sources.valid[j] || isMissing(weights[j])) continue;
    sourceIndex.push_back(j);
    ex.push_back(kAKm * sources.x[j]);
    ey.push_back(kAKm * sources.y[j]);
    ez.push_back(kBKm * sources.z[j]);
  }
  const double farKm = kFarPerDelta * deltaKm;

  std::vector<double> out(nCells, kNaN);
  std::atomic<int> nextRow{0};
  std::atomic<bool> stop{false};
  std::atomic<long long> nearPairs{0};
  const unsigned count = util::threadCount(threads);
  auto worker = [&](unsigned) {
    try {
      std::vector<std::vector<std::size_t>> byTile(static_cast<std::size_t>(tileCols));
      std::vector<std::size_t> near, stencil(16);
      std::vector<double> nearW, lon, lat;
      long long pairs = 0;
      for (int I = nextRow.fetch_add(1); I < tileRows && !stop; I = nextRow.fetch_add(1)) {
        if (isCanceled && isCanceled()) {
          stop = true;
          break;
        }
        const auto first =
            std::lower_bound(pixel.begin(), pixel.end(),
                             static_cast<std::uint32_t>(I) * static_cast<std::uint32_t>(k) * width);
        const auto last = std::lower_bound(
            first, pixel.end(), static_cast<std::uint32_t>(std::min(grid.height, (I + 1) * k)) * width);
        for (auto& cells : byTile) cells.clear();
        for (auto it = first; it != last; ++it)
          byTile[*it % width / static_cast<std::uint32_t>(k)].push_back(
              static_cast<std::size_t>(it - pixel.begin()));
        for (int J = 0; J < tileCols; ++J) {
          const std::vector<std::size_t>& cells = byTile[static_cast<std::size_t>(J)];
          if (cells.empty()) continue;
          const std::size_t c = static_cast<std::size_t>(
              tileSlot[static_cast<std::size_t>(I) * static_cast<std::size_t>(tileCols) +
                       static_cast<std::size_t>(J)]);
          for (int a = -1; a <= 2; ++a)
            for (int b = -1; b <= 2; ++b)
              stencil[static_cast<std::size_t>((a + 1) * 4 + b + 1)] =
                  static_cast<std::size_t>(nodeSlot[nodeIndex(I + a, J + b)]);
          // Radius of the stencil around the tile centre (its corners are nodes).
          double radius = 0;
          for (std::size_t corner : {stencil[0], stencil[3], stencil[12], stencil[15]})
            radius = std::max(radius, andoyerLambertKm(centres, c, nodes, corner));
          radius *= kStencilMargin;
          const double reach = farKm + radius;
          const double cx = kAKm * centres.x[c], cy = kAKm * centres.y[c], cz = kBKm * centres.z[c];
          near.clear();
          nearW.clear();
          for (std::size_t s = 0; s < sourceIndex.size(); ++s) {
            const double dx = ex[s] - cx, dy = ey[s] - cy, dz = ez[s] - cz;
            if (dx * dx + dy * dy + dz * dz < reach * reach) {
              near.push_back(sourceIndex[s]);
              nearW.push_back(weights[sourceIndex[s]]);
            }
          }
          const ReducedPoints nearSources = subset(sources, near);
          // Far sums at the stencil's nodes: all sources minus the near ones.
          const std::vector<double> nodeNear =
              decaySums(subset(nodes, stencil), nearSources, nearW, deltaKm, 1);
          std::array<double, 16> far{};
          for (std::size_t s = 0; s < 16; ++s) far[s] = nodeSums[stencil[s]] - nodeNear[s];
          // Near sums at the cells, exactly.
          lon.clear();
          lat.clear();
          for (std::size_t cell : cells) {
            lon.push_back((*grid.lon)[cell]);
            lat.push_back((*grid.lat)[cell]);
          }
          const std::vector<double> cellNear =
              decaySums(reducePoints(lon, lat), nearSources, nearW, deltaKm, 1);
          pairs += static_cast<long long>(cells.size() * near.size());
          for (std::size_t i = 0; i < cells.size(); ++i) {
            const std::uint32_t p = pixel[cells[i]];
            const std::array<double, 4> wr =
                cubicWeights(static_cast<double>(p / width - static_cast<std::uint32_t>(I * k)) / k);
            const std::array<double, 4> wc =
                cubicWeights(static_cast<double>(p % width - static_cast<std::uint32_t>(J * k)) / k);
            double interpolated = 0;
            for (std::size_t a = 0; a < 4; ++a) {
              double row = 0;
              for (std::size_t b = 0; b < 4; ++b) row += wc[b] * far[a * 4 + b];
              interpolated += wr[a] * row;
            }
            out[cells[i]] = interpolated + cellNear[i];
          }
        }
      }
      nearPairs += pairs;
    } catch (...) {
      stop = true;  // the other workers stop at their next row
      throw;
    }
  };
  util::runOnThreads(count, worker);
  st.nearPairs = nearPairs;
  return out;
}

}  // namespace clustershift::detail
