// market_access: potential market of the park, Σ_r GDP_r · exp(−d_pr / δ) over all regions
// (Harris 1954 market potential with an exponential distance decay; δ default 150 km,
// params.delta_km). d_pr: ellipsoidal km (WGS84, Andoyer–Lambert, within 2e−5 of the exact
// geodesic; spatial/decay_sum.h) from the park to region r's seat
// (extra fields seat_lon/seat_lat when present, else the region's point-on-surface).
// The host region itself is included (its seat is typically a few km away).
// On the candidate grid (computeGrid) the far seats' sum is interpolated from a coarser
// lattice and the near seats are summed exactly, within 6.5e−5 of the per-cell sums
// (spatial/decay_grid.h; docs/model.md "Candidate sites").
#include <algorithm>
#include <cmath>
#include <optional>

#include "clustershift/criterion.h"
#include "clustershift/geo.h"
#include "criteria/criterion_util.h"
#include "criteria/economic_util.h"
#include "spatial/decay_grid.h"
#include "spatial/decay_sum.h"

namespace clustershift {
namespace {

constexpr const char* kMarketAccessId = "market_access";
constexpr double kDefaultDeltaKm = 150.0;

struct Seat {
  double lon = kNaN, lat = kNaN, gdp = kNaN;
};

double extraValue(const Region& r, const std::string& key) {
  const auto it = r.extra.find(key);
  if (it != r.extra.end()) return it->second;
  return r.value(key);
}

class MarketAccess : public DescribedCriterion {
 public:
  MarketAccess()
      : DescribedCriterion({kMarketAccessId, "Market access (GDP potential)", "市场可达性（GDP潜力）",
                            "亿元 (distance-weighted GDP)", Direction::Benefit}) {}

  std::vector<Problem> check(const CriterionContext& context,
                             const nlohmann::json& /*params*/) const override {
    std::vector<Problem> problems;
    detail::requireRegionColumn(context, kMarketAccessId, "gdp", false, problems);
    return problems;
  }

  std::vector<double> compute(const CriterionContext& context, const nlohmann::json& params) const override {
    const double deltaKm = delta(params);
    const Inputs& inputs = context.inputs;
    std::vector<double> gdp;
    const detail::ReducedPoints seats = seatPoints(context, gdp);
    std::vector<double> parkLon, parkLat;
    for (const Park& park : inputs.parks) {
      parkLon.push_back(park.lon);
      parkLat.push_back(park.lat);
    }
    // Every park × region pair, Andoyer–Lambert distances on precomputed reduced latitudes in
    // a vectorised loop, parallel over parks (spatial/decay_sum.h; error budget in docs/model.md).
    const detail::ReducedPoints parks = detail::reducePoints(parkLon, parkLat);
    const std::vector<double> raw =
        detail::decaySums(parks, seats, gdp, deltaKm, 0, [&] { return context.feedback.isCanceled(); });
    context.feedback.checkCanceled();
    for (std::size_t p = 0; p < parks.size(); ++p)
      if (!parks.valid[p])
        detail::warnPark(context, static_cast<int>(p),
                         std::string(kMarketAccessId) + ": park has no location", "park_without_location",
                         {{"criterion", kMarketAccessId}, {"id", inputs.parks[p].id}});
    return raw;
  }

  std::optional<std::vector<double>> computeGrid(const CriterionContext& context,
                                                 const nlohmann::json& params,
                                                 const GridCells& cells) const override {
    const double deltaKm = delta(params);
    std::vector<double> gdp;
    const detail::ReducedPoints seats = seatPoints(context, gdp);
    detail::GridLattice lattice;
    static_cast<GridGeometry&>(lattice) = cells;
    lattice.pixel = &cells.pixel;
    lattice.lon = &cells.lon;
    lattice.lat = &cells.lat;
    std::vector<double> raw = detail::decaySumsOnGrid(lattice, seats, gdp, deltaKm, 0,
                                                      [&] { return context.feedback.isCanceled(); });
    context.feedback.checkCanceled();
    return raw;
  }

 private:
  std::vector<ParamSpec> parameters() const override {
    return {ParamSpec::positive("delta_km", "km", kDefaultDeltaKm,
                                "Distance decay δ: a region's GDP counts with weight exp(−d/δ) at d km.")
                .words("Distance decay δ", "距离衰减参数 δ",
                       "距离衰减 δ：距离 d 公里处地区的 GDP 以权重 e^(−d/δ) 计入。")};
  }

  double delta(const nlohmann::json& params) const {
    return resolveParams(*this, params).at("delta_km").get<double>();
  }

  // The regions' seats prepared for distances, their GDP in `gdp` (NaN for seats left out).
  static detail::ReducedPoints seatPoints(const CriterionContext& context, std::vector<double>& gdp) {
    const Inputs& inputs = context.inputs;
    detail::requireRegionColumns(inputs, kMarketAccessId, {"gdp"});
    std::vector<double> seatLon, seatLat;
    gdp.clear();
    for (const Seat& s : regionSeats(context)) {
      seatLon.push_back(s.lon);
      seatLat.push_back(s.lat);
      gdp.push_back(s.gdp);  // NaN for the seats left out
    }
    return detail::reducePoints(seatLon, seatLat);
  }

  // One seat per region; regions without GDP or location are skipped with one warning.
  static std::vector<Seat> regionSeats(const CriterionContext& context) {
    const Inputs& inputs = context.inputs;
    std::vector<Seat> seats(inputs.regions.size());
    int skipped = 0;
    std::string firstSkipped;
    for (std::size_t r = 0; r < inputs.regions.size(); ++r) {
      const Region& region = inputs.regions[r];
      Seat s;
      s.lon = extraValue(region, "seat_lon");
      s.lat = extraValue(region, "seat_lat");
      if ((isMissing(s.lon) || isMissing(s.lat)) && !region.wkb.empty()) {
        try {
          pointOnSurface(region, s.lon, s.lat);
        } catch (const Error&) {
          s.lon = s.lat = kNaN;
        }
      }
      const double gdp = region.value("gdp");
      if (isMissing(s.lon) || isMissing(s.lat) || isMissing(gdp) || gdp < 0) {
        if (skipped++ == 0) firstSkipped = region.id;
        continue;
      }
      s.gdp = gdp;
      seats[r] = s;
    }
    if (skipped > 0)
      context.feedback.warn(codedProblem(
          Severity::Warning, inputs.regionsLabel,
          std::string(kMarketAccessId) + ": " + std::to_string(skipped) +
              " region(s) without gdp >= 0 or a seat location left out (first: '" + firstSkipped + "')",
          {}, "regions_left_out",
          {{"criterion", kMarketAccessId}, {"count", std::to_string(skipped)}, {"first", firstSkipped}}));
    return seats;
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("market_access", MarketAccess)

}  // namespace clustershift
