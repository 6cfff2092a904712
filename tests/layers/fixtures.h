#pragma once
// Hand-built Inputs/Results for the layers tests: a 3 x 2 grid of square regions around
// Wenzhou-like coordinates and eight parks, two of them excluded.
#include "clustershift/data.h"
#include "clustershift/effects.h"
#include "clustershift/results.h"

#include <qgsgeometry.h>

#include <QByteArray>
#include <QString>

#include <string>
#include <utility>
#include <vector>

namespace clustershift::layers::testing {

inline std::vector<std::uint8_t> wkbFromWkt(const QString& wkt) {
  const QByteArray bytes = QgsGeometry::fromWkt(wkt).asWkb();
  return std::vector<std::uint8_t>(bytes.begin(), bytes.end());
}

inline Inputs sampleInputs() {
  Inputs in;
  const char* names[] = {"Wenzhou", "Taizhou", "Lishui", "Ningde", "Nanping", "Fuzhou"};
  const char* namesZh[] = {"温州市", "台州市", "丽水市", "宁德市", "南平市", "福州市"};
  for (int k = 0; k < 6; ++k) {
    const double x0 = 118.0 + (k % 3), y0 = 26.0 + (k / 3);
    Region r;
    r.id = std::to_string(330300 + k * 100);
    r.name = names[k];
    r.nameZh = namesZh[k];
    r.province = k < 3 ? "Zhejiang" : "Fujian";
    r.fid = std::to_string(k + 1);
    r.wkb = wkbFromWkt(QStringLiteral("POLYGON((%1 %2,%3 %2,%3 %4,%1 %4,%1 %2))").arg(x0).arg(y0).arg(x0 + 1).arg(y0 + 1));
    r.values["wage"] = 60000 + 2000 * k;
    r.values["population"] = 500 + 10 * k;
    in.regions.push_back(r);
  }
  for (int i = 0; i < 8; ++i) {
    Park p;
    p.id = "P" + std::to_string(i + 1);
    p.name = "Park " + std::to_string(i + 1) + " Economic Development Zone";
    p.nameZh = "第" + std::to_string(i + 1) + "经济开发区";
    p.level = i % 3 == 0 ? "national" : "provincial";
    p.lon = 118.2 + 0.33 * i;
    p.lat = 26.2 + 0.2 * (i % 4);
    p.region = i % 6;
    p.values["area_ha"] = 1000;
    p.values["available_ha"] = 100.0 * i;
    in.parks.push_back(p);
  }
  return in;
}

inline Results sampleResults(const Inputs& in) {
  Results res;
  res.scenario.name = "test_scenario";
  res.scenario.title = {{"zh_CN", "测试情景：温州鞋业转移"}, {"en", "Test scenario: Wenzhou footwear"}};
  res.scenario.cluster.name = "Footwear";
  res.scenario.cluster.nameZh = "鞋业";
  res.sourceRegionId = in.regions[0].id;
  res.sourceRegionName = in.regions[0].name;
  res.sourceLon = 118.5;
  res.sourceLat = 26.5;
  res.runTime = "2026-11-27T01:00:00Z";
  res.criteria = {{"labour_cost", "Labour cost", "劳动力成本", "ratio", Direction::Benefit, "minmax", 0.6},
                  {"field:land_price", "Land price", "地价", "yuan/m2", Direction::Cost, "minmax", 0.4}};
  const double scores[] = {0.91, 0.35, 0.62, kNaN, 0.12, 0.77, kNaN, 0.48};
  const int ranks[] = {1, 5, 3, 0, 6, 2, 0, 4};
  for (size_t i = 0; i < in.parks.size(); ++i) {
    const Park& p = in.parks[i];
    ParkResult r;
    r.park = static_cast<int>(i);
    r.id = p.id;
    r.name = p.name;
    r.nameZh = p.nameZh;
    r.regionId = in.regions[static_cast<size_t>(p.region)].id;
    r.regionName = in.regions[static_cast<size_t>(p.region)].name;
    r.lon = p.lon;
    r.lat = p.lat;
    r.score = scores[i];
    r.rank = ranks[i];
    if (ranks[i] == 0) {
      r.status = "excluded";
      r.reason = "land: available 100.0 ha < needed 180.5 ha";
    }
    r.criteria = {{1.0 + 0.1 * static_cast<double>(i), 0.5, 0.3}, {300.0, kNaN, kNaN}};
    res.parks.push_back(r);
  }
  for (int rank = 1; rank <= 5; ++rank) {
    for (size_t i = 0; i < res.parks.size(); ++i) {
      if (res.parks[i].rank != rank) continue;
      Flow f;
      f.park = static_cast<int>(i);
      f.parkId = res.parks[i].id;
      f.rank = rank;
      f.score = res.parks[i].score;
      f.fromLon = res.sourceLon;
      f.fromLat = res.sourceLat;
      f.toLon = res.parks[i].lon;
      f.toLat = res.parks[i].lat;
      f.distanceKm = 100.0 * rank;
      f.movedOutputYuan100m = 50.0 / rank;
      res.flows.push_back(f);
    }
  }
  return res;
}

/// sampleResults grown to `parks` parks by unranked, excluded copies spread around the sample's
/// parks: a run above the report's 1,000-feature threshold for dense overview layers.
inline Results denseResults(const Inputs& in, int parks) {
  Results dense = sampleResults(in);
  const std::vector<ParkResult> base = dense.parks;
  for (int i = 0; static_cast<int>(dense.parks.size()) < parks; ++i) {
    ParkResult copy = base[static_cast<std::size_t>(i) % base.size()];
    copy.id = "X" + std::to_string(i);
    copy.rank = 0;
    copy.score = kNaN;
    copy.status = "excluded";
    copy.reason = "test copy";
    copy.lon += 0.001 * (i % 97);
    copy.lat += 0.001 * (i % 89);
    dense.parks.push_back(copy);
  }
  return dense;
}

inline RegionIndicators indicators(double ts, double isu, double theil, double vaRate, double rd, double gdp,
                                   double jobs) {
  RegionIndicators r;
  r.ts = ts, r.isu = isu, r.theil = theil, r.vaRate = vaRate, r.rdIntensity = rd, r.gdp = gdp, r.jobs = jobs;
  r.h = 0.1 * isu, r.lp2 = gdp / jobs;
  return r;
}

/// Hand-made effects for sampleInputs: source = region 0 (ISU up, U = 0.42), host = region 5
/// (ISU down: the moved manufacturing raises its secondary share; U = 0.27), their coupling
/// (D = 0.581, 勉强协调 / barely coordinated, 廖重斌 1999). No ramp or timeline.
inline EffectsResult sampleEffects(const Inputs& in) {
  EffectsResult e;
  e.sourceRegionId = in.regions[0].id;
  RegionEffect source;
  source.region = 0;
  source.regionId = in.regions[0].id;
  source.regionName = in.regions[0].name;
  source.regionNameZh = in.regions[0].nameZh;
  source.role = "source";
  source.before = indicators(1.10, 2.30, 0.20, 0.18, 0.030, 8000, 600);
  source.after = indicators(1.25, 2.36, 0.17, 0.25, 0.032, 7900, 595);
  source.upgrading = 0.42;
  source.accountsBefore.y = {100, 450, 450};
  source.accountsAfter.y = {100, 400, 500};
  RegionEffect host;
  host.region = 5;
  host.regionId = in.regions[5].id;
  host.regionName = in.regions[5].name;
  host.regionNameZh = in.regions[5].nameZh;
  host.role = "host";
  host.before = indicators(0.90, 2.20, 0.30, kNaN, 0.015, 3000, 300);
  host.after = indicators(0.85, 2.15, 0.28, 0.16, 0.016, 3100, 303);
  host.upgrading = 0.27;
  e.regions = {source, host};
  e.coupling = {couplingCoordination(0.42, 0.27)};
  e.coupling[0].sourceId = source.regionId;
  e.coupling[0].hostId = host.regionId;
  return e;
}

/// sampleResults with sampleEffects on the given ramp; no timeline rows (each test adds its own).
inline Results sampleResultsWithEffects(const Inputs& in, std::vector<double> ramp) {
  Results res = sampleResults(in);
  res.effects = sampleEffects(in);
  res.effects->ramp = std::move(ramp);
  return res;
}

}  // namespace clustershift::layers::testing
