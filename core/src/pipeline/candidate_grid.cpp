// A regular grid of candidate cells over the regions (scenario "candidates": {"grid_km": 1}).
//
// Screening: the grid lives in a Lambert azimuthal equal-area plane centred on the regions'
// extent, so every cell has the same ground area (grid_km², carried as area_ha). Regions are
// burnt into the grid with GDAL (a cell belongs to the region containing its centre); cells a
// region border touches are joined again exactly, point in polygon on lon/lat as parks are
// (spatial_join.h), so a cell and a park at its centre always share a region. Every criterion
// then scores the cells: by its grid path when it has one (Criterion::computeGrid, e.g.
// market_access's interpolated far field), once per region when its value depends only on
// the host region (Criterion::perRegion), else with the cell centres as parks in chunks
// (memory stays bounded at millions of cells); the decision engine's own value functions,
// weights and aggregation then score every cell.
//
// Results: the best `keep` cells, no two closer than `spacing_km` and at most `per_region` in
// one region, are scored once more as parks by the ordinary run (flows,
// explanations, robustness, effects, reports unchanged) with their raw values reused and the
// min–max ranges of the whole grid pinned as linear value functions, so their scores and ranks
// are the grid's.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <numeric>
#include <thread>
#include <unordered_map>

#include <cpl_string.h>
#include <gdal_alg.h>

#include "clustershift/util.h"
#include "clustershift/criterion.h"
#include "clustershift/geo.h"
#include "clustershift/mcda.h"
#include "clustershift/pipeline.h"
#include "io/ogr.h"
#include "pipeline/candidates.h"
#include "pipeline/source_location.h"
#include "spatial/spatial_join.h"

namespace clustershift::detail {
namespace {

constexpr std::size_t kChunkCells = std::size_t{1} << 18;  // cells per criterion call
constexpr long long kWarningsKept = 20;                    // per screening, then a count
constexpr std::size_t kAggregateRows = 65536;

// Forwards the first warnings of the screening and counts the rest: a criterion that warns
// per candidate would otherwise send millions of lines.
class ScreeningFeedback : public Feedback {
 public:
  explicit ScreeningFeedback(Feedback& outer) : m_outer(outer) {}
  void setProgress(double /*fraction*/, const std::string& /*stage*/) override {}
  void warn(const Problem& problem) override {
    if (m_count.fetch_add(1) < kWarningsKept) m_outer.warn(problem);
  }
  bool isCanceled() const override { return m_outer.isCanceled(); }
  long long dropped() const { return std::max(0LL, m_count.load() - kWarningsKept); }

 private:
  Feedback& m_outer;
  std::atomic<long long> m_count{0};
};

// The grid (GridCells): pixels row-major from the north-west corner; cells = pixels inside a
// region.
using Grid = GridCells;

SrsPtr lonLatSrs() {
  SrsPtr srs(OSRNewSpatialReference(nullptr));
  OSRImportFromEPSG(static_cast<OGRSpatialReferenceH>(srs.get()), 4326);
  OSRSetAxisMappingStrategy(static_cast<OGRSpatialReferenceH>(srs.get()), OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

OgrGeometryPtr geometryFromWkb(const std::vector<std::uint8_t>& wkb) {
  OGRGeometryH g = nullptr;
  if (wkb.empty() ||
      OGR_G_CreateFromWkb(wkb.data(), nullptr, &g, static_cast<int>(wkb.size())) != OGRERR_NONE)
    return OgrGeometryPtr(nullptr);
  return OgrGeometryPtr(g);
}

GDALDatasetH memRaster(int width, int height, GDALDataType type, const double* transform) {
  GDALDatasetH ds = GDALCreate(GDALGetDriverByName("MEM"), "", width, height, 1, type, nullptr);
  if (!ds)
    throw Error("candidate grid: cannot allocate a " + std::to_string(width) + " × " +
                std::to_string(height) + " raster");
  GDALSetGeoTransform(ds, const_cast<double*>(transform));
  return ds;
}

// Burns geometries into a one-band MEM raster and reads it back.
template <typename T>
std::vector<T> burn(const std::vector<OGRGeometryH>& geometries, const std::vector<double>& values, int width,
                    int height, const double* transform, GDALDataType type, double fill, bool allTouched) {
  DatasetPtr ds(memRaster(width, height, type, transform));
  GDALRasterBandH band = GDALGetRasterBand(static_cast<GDALDatasetH>(ds.get()), 1);
  GDALFillRaster(band, fill, 0);
  int bands[1] = {1};
  char** options = allTouched ? CSLSetNameValue(nullptr, "ALL_TOUCHED", "TRUE") : nullptr;
  const CPLErr err = GDALRasterizeGeometries(static_cast<GDALDatasetH>(ds.get()), 1, bands,
                                             static_cast<int>(geometries.size()),
                                             const_cast<OGRGeometryH*>(geometries.data()), nullptr, nullptr,
                                             values.data(), options, nullptr, nullptr);
  CSLDestroy(options);
  if (err != CE_None)
    throw Error("candidate grid: rasterising the regions failed: " + std::string(CPLGetLastErrorMsg()));
  std::vector<T> out(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
  if (GDALRasterIO(band, GF_Read, 0, 0, width, height, out.data(), width, height, type, 0, 0) != CE_None)
    throw Error("candidate grid: reading the region raster failed: " + std::string(CPLGetLastErrorMsg()));
  return out;
}

Grid buildGrid(const Inputs& inputs, double cellKm) {
  ensureGdal();
  GdalErrorCapture quiet;
  const std::vector<Region>& regions = inputs.regions;
  std::vector<OgrGeometryPtr> owned;
  std::vector<OGRGeometryH> polygons;
  std::vector<double> burnValues;
  double west = 1e300, east = -1e300, south = 1e300, north = -1e300;
  for (std::size_t r = 0; r < regions.size(); ++r) {
    OgrGeometryPtr g = geometryFromWkb(regions[r].wkb);
    if (!g) continue;
    OGREnvelope env;
    OGR_G_GetEnvelope(static_cast<OGRGeometryH>(g.get()), &env);
    west = std::min(west, env.MinX);
    east = std::max(east, env.MaxX);
    south = std::min(south, env.MinY);
    north = std::max(north, env.MaxY);
    polygons.push_back(static_cast<OGRGeometryH>(g.get()));
    burnValues.push_back(static_cast<double>(r));
    owned.push_back(std::move(g));
  }
  if (polygons.empty())
    throw InputError("candidate grid: " + inputs.regionsLabel + " has no region geometry to lay a grid over");

  Grid grid;
  grid.cellM = cellKm * 1000.0;
  char proj[160];
  std::snprintf(proj, sizeof proj,
                "+proj=laea +lat_0=%.6f +lon_0=%.6f +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs",
                0.5 * (south + north), 0.5 * (west + east));
  SrsPtr lonLat = lonLatSrs(), plane(OSRNewSpatialReference(nullptr));
  OSRImportFromProj4(static_cast<OGRSpatialReferenceH>(plane.get()), proj);
  char* wkt = nullptr;
  OSRExportToWkt(static_cast<OGRSpatialReferenceH>(plane.get()), &wkt);
  grid.planeWkt = wkt ? wkt : "";
  CPLFree(wkt);
  TransformPtr toPlane(OCTNewCoordinateTransformation(static_cast<OGRSpatialReferenceH>(lonLat.get()),
                                                      static_cast<OGRSpatialReferenceH>(plane.get())));
  TransformPtr toLonLat(OCTNewCoordinateTransformation(static_cast<OGRSpatialReferenceH>(plane.get()),
                                                       static_cast<OGRSpatialReferenceH>(lonLat.get())));
  if (!toPlane || !toLonLat) throw GeoError("candidate grid: PROJ cannot build " + std::string(proj));

  // Regions into the plane; the grid snapped to multiples of the cell side.
  double minX = 1e300, maxX = -1e300, minY = 1e300, maxY = -1e300;
  std::vector<OgrGeometryPtr> boundaries;
  std::vector<OGRGeometryH> lines;
  for (std::size_t i = 0; i < polygons.size(); ++i) {
    if (OGR_G_Transform(polygons[i], static_cast<OGRCoordinateTransformationH>(toPlane.get())) != OGRERR_NONE)
      throw GeoError("candidate grid: region '" + regions[static_cast<std::size_t>(burnValues[i])].id +
                     "' cannot be projected to the grid plane");
    OGREnvelope env;
    OGR_G_GetEnvelope(polygons[i], &env);
    minX = std::min(minX, env.MinX);
    maxX = std::max(maxX, env.MaxX);
    minY = std::min(minY, env.MinY);
    maxY = std::max(maxY, env.MaxY);
    boundaries.emplace_back(OGR_G_ForceToMultiLineString(OGR_G_Clone(polygons[i])));
    lines.push_back(static_cast<OGRGeometryH>(boundaries.back().get()));
  }
  grid.originX = std::floor(minX / grid.cellM) * grid.cellM;
  grid.originY = std::ceil(maxY / grid.cellM) * grid.cellM;
  const double columns = std::ceil((maxX - grid.originX) / grid.cellM);
  const double rows = std::ceil((grid.originY - minY) / grid.cellM);
  if (columns * rows > 4.0e9)
    throw InputError("candidates.grid_km: " + util::formatNumber(cellKm) + " km cells make a grid of " +
                     std::to_string(static_cast<long long>(columns)) + " × " +
                     std::to_string(static_cast<long long>(rows)) +
                     " cells over the regions; choose larger cells");
  grid.width = static_cast<int>(columns);
  grid.height = static_cast<int>(rows);
  const double transform[6] = {grid.originX, grid.cellM, 0, grid.originY, 0, -grid.cellM};

  // The region containing each cell centre; cells touched by a border are joined exactly below.
  const std::vector<std::int32_t> burnt =
      burn<std::int32_t>(polygons, burnValues, grid.width, grid.height, transform, GDT_Int32, -1, false);
  const std::vector<std::uint8_t> border = burn<std::uint8_t>(
      lines, std::vector<double>(lines.size(), 1.0), grid.width, grid.height, transform, GDT_Byte, 0, true);
  owned.clear();
  boundaries.clear();

  std::vector<std::uint32_t> pixels;
  for (std::size_t p = 0; p < burnt.size(); ++p)
    if (burnt[p] >= 0 || border[p]) pixels.push_back(static_cast<std::uint32_t>(p));
  std::vector<double> x(pixels.size()), y(pixels.size());
  for (std::size_t i = 0; i < pixels.size(); ++i) {
    x[i] = grid.originX +
           (static_cast<double>(pixels[i] % static_cast<std::uint32_t>(grid.width)) + 0.5) * grid.cellM;
    y[i] = grid.originY -
           (static_cast<double>(pixels[i] / static_cast<std::uint32_t>(grid.width)) + 0.5) * grid.cellM;
  }
  std::vector<int> ok(pixels.size(), 0);
  if (!pixels.empty() &&
      !OCTTransformEx(static_cast<OGRCoordinateTransformationH>(toLonLat.get()),
                      static_cast<int>(pixels.size()), x.data(), y.data(), nullptr, ok.data()))
    throw GeoError("candidate grid: cell centres cannot be transformed to lon/lat");

  // Border cells: the exact join, on two threads (one GEOS context each).
  std::vector<std::size_t> onBorder;
  for (std::size_t i = 0; i < pixels.size(); ++i)
    if (border[pixels[i]] && ok[i]) onBorder.push_back(i);
  std::vector<int> exact(onBorder.size(), -1);
  const std::size_t threads = std::min<std::size_t>(util::threadCount(), onBorder.size() / 1000 + 1);
  util::runOnThreads(static_cast<unsigned>(threads), [&](unsigned t) {
    const std::size_t begin = onBorder.size() * t / threads, end = onBorder.size() * (t + 1) / threads;
    std::vector<double> lon, lat;
    for (std::size_t k = begin; k < end; ++k) {
      lon.push_back(x[onBorder[k]]);
      lat.push_back(y[onBorder[k]]);
    }
    const std::vector<int> located = locatePoints(regions, lon, lat);
    std::copy(located.begin(), located.end(), exact.begin() + static_cast<std::ptrdiff_t>(begin));
  });
  std::vector<int> region(pixels.size());
  for (std::size_t i = 0; i < pixels.size(); ++i) region[i] = ok[i] ? burnt[pixels[i]] : -1;
  for (std::size_t k = 0; k < onBorder.size(); ++k) region[onBorder[k]] = exact[k];

  for (std::size_t i = 0; i < pixels.size(); ++i) {
    if (region[i] < 0) continue;
    grid.pixel.push_back(pixels[i]);
    grid.region.push_back(region[i]);
    grid.lon.push_back(x[i]);
    grid.lat.push_back(y[i]);
  }
  return grid;
}

std::vector<std::uint8_t> pointWkb(double lon, double lat) {
  std::vector<std::uint8_t> wkb(21);
  wkb[0] = 1;  // little endian (NDR)
  const std::uint32_t type = 1;
  std::memcpy(&wkb[1], &type, 4);
  std::memcpy(&wkb[5], &lon, 8);
  std::memcpy(&wkb[13], &lat, 8);
  return wkb;
}

// A cell as a park: id "cell_<row>_<col>", point at the centre, its area as area_ha and
// available_ha, the region of its centre.
Park cellPark(const Grid& grid, std::size_t cell, double areaHa) {
  Park park;
  const std::uint32_t w = static_cast<std::uint32_t>(grid.width);
  const std::string rc = std::to_string(grid.pixel[cell] / w) + "_" + std::to_string(grid.pixel[cell] % w);
  park.id = "cell_" + rc;
  park.fid = park.id;
  park.name = "Cell " + rc;
  park.nameZh = "网格 " + rc;
  park.lon = grid.lon[cell];
  park.lat = grid.lat[cell];
  park.wkb = pointWkb(park.lon, park.lat);
  park.values["area_ha"] = areaHa;
  park.values["available_ha"] = areaHa;
  park.region = grid.region[cell];
  return park;
}

// What the screening supports: settings whose result does not depend on which other
// candidates are in the set beyond a min–max range (pinned for the best cells).
void checkSupported(const Scenario& scenario) {
  std::vector<std::string> problems;
  if (scenario.weighting.method != "direct" && scenario.weighting.method != "ahp")
    problems.push_back("weighting.method '" + scenario.weighting.method + "' (grid: direct or ahp)");
  if (scenario.aggregation != "wlc" && scenario.aggregation != "wpm")
    problems.push_back("aggregation '" + scenario.aggregation + "' (grid: wlc or wpm)");
  if (scenario.missing != "exclude") problems.push_back("missing '" + scenario.missing + "' (grid: exclude)");
  for (std::size_t c = 0; c < scenario.criteria.size(); ++c) {
    const CriterionSpec& spec = scenario.criteria[c];
    if (spec.enabled && spec.valueFunction.type == "vector")
      problems.push_back("criteria[" + std::to_string(c) + "] (" + spec.id +
                         ") value function 'vector' (grid: minmax, none, linear, sigmoid, gaussian)");
  }
  if (problems.empty()) return;
  std::string text = "candidates.grid_km: a candidate grid cannot use ";
  for (std::size_t i = 0; i < problems.size(); ++i) text += (i ? "; " : "") + problems[i];
  throw InputError(text);
}

// The best cells in score order (ties: the more north-western first), at most `keep`, no two
// closer than `spacingKm` (centre to centre in the grid plane), at most `perRegion` (0: any
// number) in one region. Greedy: a cell is taken unless a better cell already taken is too
// close or its region is full.
std::vector<std::size_t> selectBest(const Grid& grid, const std::vector<double>& score, std::size_t keep,
                                    double spacingKm, int perRegion) {
  std::vector<std::size_t> order;
  for (std::size_t k = 0; k < score.size(); ++k)
    if (!isMissing(score[k])) order.push_back(k);
  auto better = [&](std::size_t a, std::size_t b) {
    return score[a] > score[b] || (score[a] == score[b] && a < b);
  };
  const double spacingCells = spacingKm * 1000.0 / grid.cellM;
  const bool spaced = spacingCells > 1.0 || perRegion > 0;
  const std::uint32_t w = static_cast<std::uint32_t>(grid.width);
  // Buckets of spacing × spacing pixels holding the cells taken; a conflict is in the 3 × 3
  // buckets around a cell.
  const double bucket = std::max(spacingCells, 1.0);
  const long long bucketCols = static_cast<long long>(std::ceil(grid.width / bucket)) + 1;
  std::unordered_map<long long, std::vector<std::size_t>> taken;
  std::unordered_map<int, int> perRegionTaken;
  std::vector<std::size_t> best;
  auto tooClose = [&](std::size_t k) {
    if (!(spacingCells > 1.0)) return false;
    const double row = static_cast<double>(grid.pixel[k] / w), col = static_cast<double>(grid.pixel[k] % w);
    const long long br = static_cast<long long>(row / bucket), bc = static_cast<long long>(col / bucket);
    for (long long dr = -1; dr <= 1; ++dr)
      for (long long dc = -1; dc <= 1; ++dc) {
        const auto it = taken.find((br + dr) * bucketCols + bc + dc);
        if (it == taken.end()) continue;
        for (std::size_t t : it->second) {
          const double r2 = static_cast<double>(grid.pixel[t] / w) - row;
          const double c2 = static_cast<double>(grid.pixel[t] % w) - col;
          if (r2 * r2 + c2 * c2 < spacingCells * spacingCells) return true;
        }
      }
    return false;
  };
  // Sorted in growing prefixes: the greedy walk rarely needs more than a few times `keep`.
  std::size_t sorted = 0, next = 0;
  while (best.size() < keep && next < order.size()) {
    if (next == sorted) {
      const std::size_t want = spaced ? std::min(order.size(), std::max<std::size_t>(64, (sorted + keep) * 8))
                                      : std::min(order.size(), keep);
      std::nth_element(order.begin() + static_cast<std::ptrdiff_t>(sorted),
                       order.begin() + static_cast<std::ptrdiff_t>(want - 1), order.end(), better);
      std::sort(order.begin() + static_cast<std::ptrdiff_t>(sorted),
                order.begin() + static_cast<std::ptrdiff_t>(want), better);
      sorted = want;
    }
    const std::size_t k = order[next++];
    if (perRegion > 0 && perRegionTaken[grid.region[k]] >= perRegion) continue;
    if (tooClose(k)) continue;
    best.push_back(k);
    ++perRegionTaken[grid.region[k]];
    if (spacingCells > 1.0) {
      const long long br = static_cast<long long>(static_cast<double>(grid.pixel[k] / w) / bucket);
      const long long bc = static_cast<long long>(static_cast<double>(grid.pixel[k] % w) / bucket);
      taken[br * bucketCols + bc].push_back(k);
    }
  }
  return best;
}

}  // namespace

GridScreening screenGrid(const Scenario& scenario, Inputs& inputs, Feedback& feedback, bool fastPaths) {
  checkSupported(scenario);
  {
    // Joined once, then checked (see scoreCandidates).
    const std::vector<Problem> problems = joinAndValidate(scenario, inputs);
    if (std::any_of(problems.begin(), problems.end(),
                    [](const Problem& p) { return p.severity == Severity::Fatal; }))
      throw ValidationError(problems);
  }
  const SourceLocation source = locateSource(scenario, inputs);

  GridScreening screen;
  screen.sourceRegion = source.region;
  feedback.setProgress(0.02, "grid: cells");
  const double cellKm = scenario.candidates.gridKm;
  screen.cells = buildGrid(inputs, cellKm);
  Grid& grid = screen.cells;
  grid.areaHa = cellKm * cellKm * 100.0;
  const std::size_t nCells = grid.size();
  if (nCells == 0)
    throw InputError("candidates.grid_km: no cell centre of the " + std::to_string(cellKm) +
                     " km grid lies inside a region");
  feedback.checkCanceled();

  for (const CriterionSpec& spec : scenario.criteria) {
    if (!spec.enabled) continue;
    screen.specs.push_back(&spec);
    screen.criteria.push_back(CriterionRegistry::instance().create(spec.id));
    screen.params.push_back(resolveParams(*screen.criteria.back(), spec.params));
  }
  const std::size_t nCriteria = screen.specs.size();
  screen.raw.assign(nCriteria, std::vector<double>());

  // Raw values of every cell: the criterion's grid path, else once per region for
  // region-level criteria, else the cells as parks in chunks (all such criteria per chunk).
  ScreeningFeedback screening(feedback);
  Inputs parks = inputs;  // the candidates a criterion sees: cells posing as parks
  parks.parks.clear();
  CriterionContext context{scenario, parks, source.region, source.lon, source.lat, screening};
  std::vector<std::size_t> chunked;
  auto progress = [&](std::size_t c) {
    feedback.setProgress(
        0.05 + 0.8 * static_cast<double>(c) / static_cast<double>(std::max<std::size_t>(nCriteria, 1)),
        "grid: scoring " + screen.specs[std::min(c, nCriteria - 1)]->id);
  };
  for (std::size_t c = 0; c < nCriteria; ++c) {
    const Criterion& criterion = *screen.criteria[c];
    progress(c);
    if (fastPaths) {
      if (std::optional<std::vector<double>> values =
              criterion.computeGrid(context, screen.params[c], grid)) {
        if (values->size() != nCells)
          throw Error(screen.specs[c]->id + ": returned " + std::to_string(values->size()) + " values for " +
                      std::to_string(nCells) + " cells");
        screen.raw[c] = std::move(*values);
        feedback.checkCanceled();
        continue;
      }
      if (criterion.perRegion()) {
        // One cell per region (its first) stands for the region.
        std::vector<int> slot(inputs.regions.size(), -1);
        parks.parks.clear();
        for (std::size_t k = 0; k < nCells; ++k) {
          int& s = slot[static_cast<std::size_t>(grid.region[k])];
          if (s >= 0) continue;
          s = static_cast<int>(parks.parks.size());
          parks.parks.push_back(cellPark(grid, k, grid.areaHa));
        }
        const std::vector<double> values = criterion.compute(context, screen.params[c]);
        if (values.size() != parks.parks.size())
          throw Error(screen.specs[c]->id + ": returned " + std::to_string(values.size()) + " values for " +
                      std::to_string(parks.parks.size()) + " regions' cells");
        screen.raw[c].resize(nCells);
        for (std::size_t k = 0; k < nCells; ++k)
          screen.raw[c][k] = values[static_cast<std::size_t>(slot[static_cast<std::size_t>(grid.region[k])])];
        parks.parks.clear();
        feedback.checkCanceled();
        continue;
      }
    }
    chunked.push_back(c);
    screen.raw[c].assign(nCells, kNaN);
  }
  for (std::size_t begin = 0; begin < nCells && !chunked.empty(); begin += kChunkCells) {
    const std::size_t end = std::min(nCells, begin + kChunkCells);
    parks.parks.clear();
    for (std::size_t k = begin; k < end; ++k) parks.parks.push_back(cellPark(grid, k, grid.areaHa));
    for (std::size_t c : chunked) {
      progress(c);
      const std::vector<double> values = screen.criteria[c]->compute(context, screen.params[c]);
      if (values.size() != end - begin)
        throw Error(screen.specs[c]->id + ": returned " + std::to_string(values.size()) + " values for " +
                    std::to_string(end - begin) + " cells");
      std::copy(values.begin(), values.end(), screen.raw[c].begin() + static_cast<std::ptrdiff_t>(begin));
      feedback.checkCanceled();
    }
  }
  parks.parks.clear();
  if (screening.dropped() > 0)
    feedback.warn(Problem{Severity::Warning,
                          "candidates",
                          "candidate grid: " + std::to_string(screening.dropped()) +
                              " more warnings about single cells not shown (the first " +
                              std::to_string(kWarningsKept) + " are)",
                          {}});
  return screen;
}

Results runCandidateGrid(const Scenario& scenario, Inputs inputs, Feedback& feedback) {
  GridScreening screen = screenGrid(scenario, inputs, feedback, true);
  Grid& grid = screen.cells;
  const std::size_t nCells = grid.size();
  const std::size_t nCriteria = screen.specs.size();
  const std::vector<const CriterionSpec*>& specs = screen.specs;
  std::vector<std::vector<double>>& raw = screen.raw;

  // Exclusions as run() makes them: the source region, hard constraints, missing values.
  feedback.setProgress(0.86, "grid: weighting");
  std::vector<std::uint8_t> in(nCells, 1);
  for (std::size_t k = 0; k < nCells; ++k) {
    if (grid.region[k] == screen.sourceRegion) in[k] = 0;
    for (std::size_t c = 0; c < nCriteria && in[k]; ++c) {
      const double v = raw[c][k];
      if (isMissing(v) || (specs[c]->min && v < *specs[c]->min) || (specs[c]->max && v > *specs[c]->max))
        in[k] = 0;
    }
  }
  for (std::size_t c = 0; c < nCriteria; ++c) {
    std::size_t candidates = 0, valued = 0;
    for (std::size_t k = 0; k < nCells; ++k) {
      if (grid.region[k] == screen.sourceRegion) continue;
      ++candidates;
      if (!isMissing(raw[c][k])) ++valued;
    }
    if (candidates > 0 && valued == 0)
      throw InputError(specs[c]->id + ": no value for any of the " + std::to_string(candidates) +
                       " candidate grid cells, every one is NULL");
  }

  // Value functions fitted on the cells still in, the weights, the aggregation: the decision
  // engine's own functions (mcda.h), so a cell scores as a park at its centre would.
  std::vector<std::string> ids;
  std::vector<double> directWeights;
  for (const CriterionSpec* spec : specs) {
    ids.push_back(spec->id);
    directWeights.push_back(spec->weight);
  }
  const std::vector<double> weights = scenario.weighting.method == "ahp"
                                          ? mcda::ahpWeights(scenario.weighting.matrix, ids).weights
                                          : mcda::directWeights(directWeights, ids);
  Scenario pinned = scenario;
  pinned.candidates = CandidateOptions{};
  std::vector<std::vector<double>> normalised(nCriteria);
  for (std::size_t c = 0; c < nCriteria; ++c) {
    std::vector<double> column(nCells, kNaN);
    double lo = kInf, hi = -kInf;
    for (std::size_t k = 0; k < nCells; ++k) {
      if (!in[k]) continue;
      column[k] = raw[c][k];
      lo = std::min(lo, column[k]);
      hi = std::max(hi, column[k]);
    }
    const Direction direction = specs[c]->direction.value_or(screen.criteria[c]->defaultDirection());
    normalised[c] = mcda::normalise(column, specs[c]->valueFunction, direction);
    // minmax over the whole grid, pinned for the best cells' run: the same scores there.
    CriterionSpec& spec = pinned.criteria[static_cast<std::size_t>(specs[c] - scenario.criteria.data())];
    if (spec.valueFunction.type == "minmax" && lo <= hi) {
      const bool constant = !(hi > lo);
      spec.valueFunction.type = "linear";
      spec.valueFunction.params = {{"lo", constant && direction == Direction::Benefit ? lo - 1 : lo},
                                   {"hi", constant && direction == Direction::Cost ? hi + 1 : hi}};
    }
  }
  std::vector<double> score(nCells, kNaN);
  std::vector<std::size_t> rows;
  mcda::Matrix block;
  auto flush = [&] {
    const std::vector<double> s = mcda::aggregate(scenario.aggregation, block, weights);
    for (std::size_t i = 0; i < rows.size(); ++i) score[rows[i]] = s[i];
    rows.clear();
    block.clear();
  };
  for (std::size_t k = 0; k < nCells; ++k) {
    if (!in[k]) continue;
    std::vector<double> row(nCriteria);
    for (std::size_t c = 0; c < nCriteria; ++c) row[c] = normalised[c][k];
    rows.push_back(k);
    block.push_back(std::move(row));
    if (rows.size() == kAggregateRows) flush();
  }
  if (!rows.empty()) flush();
  normalised.clear();
  feedback.checkCanceled();

  // The best cells, spaced (selectBest), then the ordinary run on them.
  feedback.setProgress(0.9, "grid: best cells");
  const std::size_t scored = static_cast<std::size_t>(
      std::count_if(score.begin(), score.end(), [](double v) { return !isMissing(v); }));
  if (scored == 0)
    throw InputError("candidate grid: every one of the " + std::to_string(nCells) + " cells is excluded");
  const std::vector<std::size_t> order =
      selectBest(grid, score, static_cast<std::size_t>(scenario.candidates.keep),
                 scenario.candidates.spacingKm, scenario.candidates.perRegion);

  ScoreGrid out;
  static_cast<GridGeometry&>(out) = grid;
  out.cells = static_cast<long long>(nCells);
  out.scored = static_cast<long long>(scored);
  out.score.assign(static_cast<std::size_t>(grid.width) * static_cast<std::size_t>(grid.height),
                   std::numeric_limits<float>::quiet_NaN());
  for (std::size_t k = 0; k < nCells; ++k) out.score[grid.pixel[k]] = static_cast<float>(score[k]);

  std::vector<std::vector<double>> bestRaw(nCriteria);
  inputs.parks.clear();
  for (std::size_t k : order) {
    inputs.parks.push_back(cellPark(grid, k, grid.areaHa));
    for (std::size_t c = 0; c < nCriteria; ++c) bestRaw[c].push_back(raw[c][k]);
  }
  raw.clear();
  screen.cells = Grid{};
  Results results = scoreCandidates(pinned, std::move(inputs), feedback, &bestRaw);
  results.scenario = scenario;
  results.scoreGrid = std::move(out);
  return results;
}

}  // namespace clustershift::detail
