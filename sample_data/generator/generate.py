#!/usr/bin/python3
"""ClusterShift sample data generator (deterministic).

Run through generate.sh (which first extracts the Natural Earth land outline with node).
Needs Debian's python3 with python3-qgis (QgsGeometry/GEOS for Voronoi and clipping) and
python3-gdal (osgeo.ogr for writing GeoPackages).

    /usr/bin/python3 generate.py --land LAND.geojson --out SAMPLE_DATA_DIR

Everything random comes from string-seeded random.Random instances ("20261127:<purpose>:<id>"),
so adding a city or a park does not change the values of the others. Outputs are sorted by id.
Statistics are ILLUSTRATIVE (yearbook order of magnitude); shapes are SCHEMATIC (Voronoi cells).
"""

import argparse
import csv
import json
import math
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Fixed timestamp inside the GeoPackages (gpkg_contents.last_change) for reproducible bytes.
os.environ.setdefault("OGR_CURRENT_DATE", "2026-11-27T00:00:00.000Z")

from osgeo import ogr, osr  # noqa: E402
from qgis.core import QgsGeometry, QgsPointXY  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cities import CAPITALS, CITIES, COASTAL, PROVINCES, SECONDARY_SHARE  # noqa: E402
from clusters import PRESETS, SEGMENT_NAMES  # noqa: E402
from common import fail, rng  # noqa: E402
from parks import CASE_PARKS, park_specs, place_case, place_point  # noqa: E402
from region_cells import build_cells, load_land  # noqa: E402
from schematic_layers import roads as schematic_roads, zones as schematic_zones  # noqa: E402
from industries import (BASE_WEIGHT, CODES, GENERIC, GENERIC_OVERRIDE,  # noqa: E402
                        INLAND_PROFILE, INLAND_PROVINCES, MAIN_INPUTS, SECTORS, SPECIALISATION)

# R&D intensity above the generic rule (innovation hubs), illustrative.
RD_FACTOR = {"440300": 1.4, "340100": 1.2, "320500": 1.1, "330100": 1.1}
ogr.UseExceptions()
osr.UseExceptions()


# --------------------------------------------------------------------------- statistics

def clamp(v, lo, hi):
    return max(lo, min(hi, v))


def region_stats(city):
    code, name, name_zh, lon, lat, gdp, pop = city
    r = rng("stats", code)
    prov, prov_zh = PROVINCES[code[:2]]
    gdppc = gdp / pop  # 10k yuan per person
    capital = code in CAPITALS
    coastal = code in COASTAL

    s1 = clamp(0.30 * math.exp(-gdppc / 5.0) * (1 + r.gauss(0, 0.1)), 0.001, 0.22)
    if code in SECONDARY_SHARE:
        s2 = SECONDARY_SHARE[code]
    else:
        s2 = clamp(0.44 + (0.03 if coastal else 0.0) + r.gauss(0, 0.03), 0.32, 0.55)
    y1 = round(gdp * s1, 1)
    y2 = round(gdp * s2, 1)
    y3 = round(gdp - y1 - y2, 1)
    gdp = round(y1 + y2 + y3, 1)

    population = float(pop)
    working_age = round(population * r.uniform(0.65, 0.72), 1)
    employed = population * r.uniform(0.54, 0.60)
    # Employment shares by stage: farm labour falls with income (surplus labour in poorer
    # prefectures, so agricultural productivity is a fraction of the average, as in the
    # yearbooks); industry's employment share rises toward its VA share as a region develops.
    e1 = clamp(0.60 * math.exp(-gdppc / 7.0) * (1 + r.gauss(0, 0.08)), 0.01, 0.45)
    e2 = clamp(s2 * (0.55 + 0.5 * (1 - math.exp(-gdppc / 8.0))) * (1 + r.gauss(0, 0.06)) +
               (0.02 if coastal else 0.0), 0.15, 0.60)
    if e1 + e2 > 0.9:
        e2 = 0.9 - e1
    l1 = round(employed * e1, 1)
    l2 = round(employed * e2, 1)
    l3 = round(employed - l1 - l2, 1)

    wage = (52000 + 4200 * gdppc) * (1.06 if capital else 1.0) * (1.04 if coastal else 1.0)
    wage = round(clamp(wage * (1 + r.gauss(0, 0.03)), 60000, 150000), -2)
    rd_int = (0.004 + 0.0020 * gdppc) * (1.15 if capital else 1.0) * RD_FACTOR.get(code, 1.0)
    rd_int = clamp(rd_int * (1 + r.gauss(0, 0.08)), 0.005, 0.06)
    rd = round(gdp * rd_int, 1)
    land_price = 170 * math.exp(0.10 * gdppc) * (1.25 if coastal else 1.0) * (1 + r.gauss(0, 0.08))
    land_price = round(clamp(land_price, 180, 2500), 0)

    return {
        "id": code, "name": name, "name_zh": name_zh, "province": prov, "province_zh": prov_zh,
        "population": population, "working_age": working_age, "gdp": gdp,
        "y1": y1, "y2": y2, "y3": y3, "l1": l1, "l2": l2, "l3": l3,
        "wage": wage, "rd": rd, "land_price": land_price, "seat_lon": lon, "seat_lat": lat,
    }


def industry_row(st):
    code = st["id"]
    r = rng("industry", code)
    total = st["y2"] * r.uniform(2.2, 3.2)
    w = {}
    for c in CODES:
        v = BASE_WEIGHT[c]
        if code[:2] in INLAND_PROVINCES and code not in CAPITALS:
            v *= INLAND_PROFILE.get(c, 1.0)
        v *= SPECIALISATION.get(code, {}).get(c, 1.0)
        v *= math.exp(r.gauss(0, 0.25))
        w[c] = v
    s = sum(w.values())
    return {c: round(total * w[c] / s, 1) for c in CODES}


def national_output(stats, rows, codes):
    """Illustrative national gross output per IO sector (亿元) for the FLQ: the study area's
    sector sizes (as the effects model approximates them) divided by the study area's share of
    the nation, about 40 % for manufacturing and 35 % for the rest, with a little noise."""
    out = {}
    for i in SECTORS:
        r = rng("national", i)
        if i in CODES:
            area = sum(rows[c][i] for c in codes)
            share = 0.40
        elif i == "A":
            area, share = sum(stats[c]["y1"] for c in codes), 0.35
        elif i == "S":
            area, share = sum(stats[c]["y3"] for c in codes), 0.35
        else:
            area, share = sum(stats[c]["y2"] for c in codes) / 3.0, 0.35
        out[i] = area / (share * math.exp(r.gauss(0, 0.15)))
    return out


def io_table():
    a = {i: {j: 0.0 for j in SECTORS} for i in SECTORS}
    for j in SECTORS:
        for i, v in MAIN_INPUTS[j].items():
            a[i][j] = v
        generic = dict(GENERIC)
        generic.update(GENERIC_OVERRIDE.get(j, {}))
        for i, v in generic.items():
            if i not in MAIN_INPUTS[j]:
                a[i][j] = v
    # Fill the remaining cells with small deterministic inter-industry purchases.
    for j in SECTORS:
        r = rng("io", j)
        for i in SECTORS:
            if a[i][j] == 0.0 and r.random() < 0.35:
                a[i][j] = round(r.uniform(0.001, 0.006), 4)
    for j in SECTORS:
        col = sum(a[i][j] for i in SECTORS)
        if col >= 0.85:
            fail(f"io_table: column {j} sums to {col:.3f} (>= 0.85)")
    # (I - A) must be invertible with a non-negative inverse: column sums < 1 guarantee it
    # (Hawkins-Simon); check numerically anyway when numpy is present.
    try:
        import numpy as np
        m = np.array([[a[i][j] for j in SECTORS] for i in SECTORS])
        inv = np.linalg.inv(np.eye(len(SECTORS)) - m)
        if (inv < -1e-12).any():
            fail("io_table: Leontief inverse has negative entries")
    except ImportError:
        pass
    return a


# --------------------------------------------------------------------------- writers

def write_gpkg(path, layer_name, geom_type, fields, rows):
    if os.path.exists(path):
        os.remove(path)
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lyr = ds.CreateLayer(layer_name, srs, geom_type, options=["FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES"])
    for name, ftype in fields:
        lyr.CreateField(ogr.FieldDefn(name, ftype))
    ds.StartTransaction()
    for geom_wkb, attrs in rows:
        f = ogr.Feature(lyr.GetLayerDefn())
        for name, _ in fields:
            f.SetField(name, attrs[name])
        g = ogr.CreateGeometryFromWkb(geom_wkb)
        g.FlattenTo2D()
        f.SetGeometry(g)
        lyr.CreateFeature(f)
    ds.CommitTransaction()
    ds = None


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(obj, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def land_need(preset, moved, scale=1.0):
    segs = {s[0]: s for s in preset["segments"]}
    return scale * sum(segs[k][2] * preset["jobs"] / segs[k][5] for k in moved)


# --------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--land", required=True, help="GeoJSON land outline written by land.js")
    ap.add_argument("--out", required=True, help="sample_data directory")
    args = ap.parse_args()
    out = args.out

    if len(CITIES) != len({c[0] for c in CITIES}):
        fail("duplicate region codes in cities.py")
    land = load_land(args.land)
    cells, _study = build_cells(land)

    stats = {c[0]: region_stats(c) for c in CITIES}
    codes = sorted(stats)

    # regions.gpkg
    reg_fields = [("id", ogr.OFTString), ("name", ogr.OFTString), ("name_zh", ogr.OFTString),
                  ("province", ogr.OFTString), ("province_zh", ogr.OFTString)] + \
                 [(n, ogr.OFTReal) for n in ("population", "working_age", "gdp", "y1", "y2", "y3",
                                             "l1", "l2", "l3", "wage", "rd", "land_price",
                                             "seat_lon", "seat_lat")]
    write_gpkg(os.path.join(out, "regions.gpkg"), "regions", ogr.wkbMultiPolygon, reg_fields,
               [(bytes(cells[c].asWkb()), stats[c]) for c in codes])

    # industry_output.csv
    rows = {c: industry_row(stats[c]) for c in codes}
    with open(os.path.join(out, "industry_output.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["region_id"] + CODES)
        for c in codes:
            w.writerow([c] + [f"{rows[c][i]:.1f}" for i in CODES])

    # io_table.csv
    a = io_table()
    national = national_output(stats, rows, codes)
    with open(os.path.join(out, "io_table.csv"), "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["sector"] + SECTORS + ["national_output"])
        for i in SECTORS:
            w.writerow([i] + [f"{a[i][j]:.4f}" for j in SECTORS] + [f"{national[i]:.0f}"])

    # parks.gpkg
    totals = {i: sum(rows[c][i] for c in codes) for i in CODES}
    grand = sum(totals.values())
    parks = []
    for c in codes:
        st = stats[c]
        cell = cells[c]
        seat = (st["seat_lon"], st["seat_lat"])
        cell_r = math.sqrt(cell.area()) / 2.0
        n = 0
        for case in CASE_PARKS:
            if case["region"] == c:
                n += 1
                pt, t = place_case(cell, seat, case["lon"], case["lat"])
                if t > 0:
                    print(f"generate.py: note: case park {case['id']} moved {t:.0%} toward the seat "
                          f"to lie inside the schematic cell of {c}", file=sys.stderr)
                parks.append((pt, {"id": case["id"], "name": case["name"], "name_zh": case["name_zh"],
                                   "level": case["level"], "area_ha": case["area_ha"],
                                   "available_ha": case["available_ha"], "lead_industries": case["lead"],
                                   "region_id": c}))
        for spec in park_specs(st, rows[c], totals, grand):
            n += 1
            pid = f"P{c}-{n:02d}"
            pt = place_point(cell, seat, pid, max(0.08, min(0.45, cell_r)))
            parks.append((QgsPointXY(pt.x(), pt.y()), {
                "id": pid, "name": spec["name"], "name_zh": spec["name_zh"], "level": spec["level"],
                "area_ha": spec["area_ha"], "available_ha": spec["available_ha"],
                "lead_industries": spec["lead"], "region_id": c}))
    parks.sort(key=lambda p: p[1]["id"])
    for pt, attrs in parks:
        g = QgsGeometry.fromPointXY(pt)
        if not cells[attrs["region_id"]].contains(g):
            fail(f"park {attrs['id']} not inside region {attrs['region_id']}")
        attrs["lon"], attrs["lat"] = round(pt.x(), 5), round(pt.y(), 5)
    park_fields = [("id", ogr.OFTString), ("name", ogr.OFTString), ("name_zh", ogr.OFTString),
                   ("level", ogr.OFTString), ("area_ha", ogr.OFTReal), ("available_ha", ogr.OFTReal),
                   ("lead_industries", ogr.OFTString), ("region_id", ogr.OFTString)]
    write_gpkg(os.path.join(out, "parks.gpkg"), "parks", ogr.wkbPoint, park_fields,
               [(bytes(QgsGeometry.fromPointXY(QgsPointXY(a["lon"], a["lat"])).asWkb()), a) for _, a in parks])

    # roads.gpkg and sensitive_zones.gpkg (SCHEMATIC, see schematic_layers.py)
    road_rows = schematic_roads(stats, cells, CAPITALS, COASTAL)
    write_gpkg(os.path.join(out, "roads.gpkg"), "roads", ogr.wkbLineString,
               [("id", ogr.OFTString), ("class", ogr.OFTString), ("speed_kmh", ogr.OFTReal),
                ("from_region", ogr.OFTString), ("to_region", ogr.OFTString), ("length_km", ogr.OFTReal)],
               [(bytes(g.asWkb()), a) for g, a in road_rows])
    zone_rows = schematic_zones()
    write_gpkg(os.path.join(out, "sensitive_zones.gpkg"), "sensitive_zones", ogr.wkbPolygon,
               [("id", ogr.OFTString), ("name", ogr.OFTString), ("name_zh", ogr.OFTString)],
               [(bytes(g.asWkb()), a) for g, a in zone_rows])

    # clusters/*.json
    os.makedirs(os.path.join(out, "clusters"), exist_ok=True)
    presets = {}
    for p in PRESETS:
        segs = p["segments"]
        if abs(sum(s[1] for s in segs) - 1) > 1e-9 or abs(sum(s[2] for s in segs) - 1) > 1e-9:
            fail(f"cluster {p['id']}: segment shares do not sum to 1")
        obj = {k: p[k] for k in ("id", "name", "name_zh", "industry", "output_yuan100m", "jobs", "rd_yuan100m")}
        obj["segments"] = [{"id": s[0], "name": SEGMENT_NAMES[s[0]][0], "name_zh": SEGMENT_NAMES[s[0]][1],
                            "output_share": s[1], "job_share": s[2], "va_rate": s[3],
                            "knowledge_intensity": s[4], "jobs_per_ha": s[5], "movable": s[6]} for s in segs]
        write_json(os.path.join(out, "clusters", f"{p['id']}.json"), obj)
        presets[p["id"]] = p

    # scenarios/*.json
    os.makedirs(os.path.join(out, "scenarios"), exist_ok=True)
    data = {
        "regions": {"path": "../regions.gpkg", "layer": "regions", "fields": {"id": "id"}},
        "parks": {"path": "../parks.gpkg", "layer": "parks", "coordinates": "wgs84"},
        "industry_output": {"path": "../industry_output.csv"},
        "io_table": {"path": "../io_table.csv"},
        "roads": {"path": "../roads.gpkg", "layer": "roads"},
        "exclusions": {"path": "../sensitive_zones.gpkg", "layer": "sensitive_zones"},
    }
    # Schematic roads join the city seats only: parks up to ~50 km off the network reach it at
    # the access speed (travel_time_source params).
    travel = {"id": "travel_time_source", "weight": 0.05, "direction": "cost",
              "params": {"max_snap_km": 60, "access_speed_kmh": 40}}
    # More than a quarter of the 1 km disk around the park in a sensitive zone excludes it.
    environment = {"id": "environment", "weight": 0.05, "direction": "cost", "max": 0.25}

    # Economic fit (criteria library): relatedness, supplier base, own-industry base, labour
    # catchment and absorptive capacity next to cost, land and distance.
    def crit(labour, land, dist, policy, price, related, supply, base, pool):
        return [
            {"id": "labour_cost", "weight": labour},
            {"id": "land", "weight": land, "min": 1.0},
            {"id": "distance_source", "weight": dist, "direction": "cost"},
            {"id": "policy_level", "weight": policy},
            {"id": "field:land_price", "weight": price, "direction": "cost",
             "value_function": {"type": "minmax"}},
            {"id": "relatedness", "weight": related},
            {"id": "supply_chain", "weight": supply},
            {"id": "industrial_base", "weight": base},
            {"id": "labour_pool", "weight": pool},
            dict(travel), dict(environment),
        ]

    def scenario(name, title_zh, title_en, description, preset, source, mode, criteria, effects, **mode_params):
        """One scenarios/*.json, keys in the files' order: mode_params (moved_segments,
        replication) after mode. `description` is prose: its line breaks become spaces."""
        region, lon, lat = source
        sc = {"version": 1, "name": name, "title": {"zh_CN": title_zh, "en": title_en},
              "description": " ".join(description.split()), "data": data, "cluster": {"preset": preset},
              "source": {"region": region, "lon": lon, "lat": lat}, "mode": mode, **mode_params,
              "criteria": criteria, "effects": effects,
              "weighting": {"method": "direct"}, "aggregation": "wlc", "missing": "exclude",
              "uncertainty": {"draws": 2000, "seed": 42, "concentration": 50, "k": 5},
              "report": {"language": "zh_CN", "top_n": 10, "author": ""}}
        if abs(sum(c["weight"] for c in criteria) - 1.0) > 1e-9:
            fail(f"scenario {name}: weights do not sum to 1")
        return sc

    scenarios = [
        scenario("wenzhou_footwear_complete", "温州鞋业完全转移", "Wenzhou footwear: complete transfer", """
                 Complete transfer (完全转移) of a group of Wenzhou footwear firms, sized like the Suzhou
                 (宿州, Anhui) shoe city they built (about 5.6万 jobs, 1,913 firms, 6.8 km²); every
                 value-chain segment moves. Sample data: illustrative statistics, schematic region shapes.""",
                 "footwear", ("330300", 120.65, 28.0), "complete",
                 crit(0.20, 0.10, 0.06, 0.05, 0.12, 0.08, 0.07, 0.12, 0.10), {"host": "P341300-01"}),
        scenario("guangzhou_leather_partial", "广州皮具产业不完全转移", "Guangzhou leather goods: partial transfer", """
                 Partial transfer (不完全转移) of the Guangzhou (Shiling, Huadu) leather goods cluster:
                 production and assembly move (about 300 亿元 output and 3万 jobs, the Lanshan 蓝山
                 target), R&D, design and brand stay. Case host: Lanshan county (蓝山, Yongzhou, Hunan).
                 Sample data: illustrative.""",
                 "leather_goods", ("440100", 113.16, 23.45), "partial",
                 crit(0.20, 0.08, 0.10, 0.05, 0.12, 0.08, 0.07, 0.10, 0.10), {"host": "P431100-01"},
                 moved_segments=["production", "assembly"]),
        scenario("suzhou_electronics_replication", "苏州工业园区电子信息产业复制式转移",
                 "Suzhou Industrial Park electronics: replication", """
                 Replication (复制式转移) of the Suzhou Industrial Park electronics cluster at half scale
                 into a designated partner region (南北挂钩: Suzhou pairs with Suqian, as in the real
                 Suzhou–Suqian Industrial Park 苏宿工业园区); the source keeps everything, grows its R&D,
                 design and brand to serve both plants and shares the replica's GDP and tax. Su-Tong park
                 (P320600-01) is the other case park for comparison. Sample data: illustrative.""",
                 "electronics", ("320500", 120.72, 31.32), "replication",
                 # A replica goes to a designated partner (policy), near its parent, similar to the
                 # template park, with suppliers and workers.
                 [{"id": "pairing", "weight": 0.20, "params": {"partners": ["321300"]}},
                  {"id": "template_similarity", "weight": 0.15},
                  {"id": "distance_source", "weight": 0.10, "direction": "cost"},
                  {"id": "market_access", "weight": 0.08},
                  {"id": "supply_chain", "weight": 0.08},
                  {"id": "relatedness", "weight": 0.06},
                  {"id": "absorptive_capacity", "weight": 0.05},
                  {"id": "labour_pool", "weight": 0.06},
                  {"id": "labour_cost", "weight": 0.06},
                  {"id": "land", "weight": 0.06, "min": 1.0},
                  dict(travel), dict(environment)],
                 {}, replication={"scale": 0.5, "template_park": "P320500-01"}),
    ]
    for sc in scenarios:
        write_json(os.path.join(out, "scenarios", f"{sc['name']}.json"), sc)

    # ----------------------------------------------------------------- summary
    park_ids = {a["id"] for _, a in parks}
    for sc in scenarios:
        tp = sc.get("replication", {}).get("template_park")
        if tp and tp not in park_ids:
            fail(f"scenario {sc['name']}: template park {tp} missing")
    print(f"generate.py: {len(codes)} regions, {len(parks)} parks, {len(CODES)} industries, "
          f"{len(SECTORS)} IO sectors, {len(PRESETS)} cluster presets, {len(scenarios)} scenarios",
          file=sys.stderr)
    for sc in scenarios:
        p = presets[sc["cluster"]["preset"]]
        moved = sc.get("moved_segments") or [s[0] for s in p["segments"]]
        scale = sc.get("replication", {}).get("scale", 1.0)
        need = land_need(p, moved, scale)
        ok = sum(1 for _, a in parks if a["available_ha"] >= need)
        print(f"generate.py: {sc['name']}: land need {need:.1f} ha; {ok}/{len(parks)} parks have enough land",
              file=sys.stderr)


if __name__ == "__main__":
    main()
