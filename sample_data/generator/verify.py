#!/usr/bin/python3
"""Independent read-back checks of the generated sample data (osgeo.ogr + numpy only).

    /usr/bin/python3 verify.py SAMPLE_DATA_DIR [--ranking]

Exits 1 listing every problem. With --ranking it also prints a rough preview of the three
scenarios (the first site criteria, min-max + weighted sum) to see where the case parks land.
"""
import csv
import glob
import json
import math
import os
import sys

import numpy as np
from osgeo import ogr

ogr.UseExceptions()
problems = []


def check(cond, msg):
    if not cond:
        problems.append(msg)


def read_layer(path, layer):
    ds = ogr.Open(path)
    lyr = ds.GetLayerByName(layer)
    check(lyr is not None, f"{path}: no layer {layer}")
    srs = lyr.GetSpatialRef()
    check(srs is not None and srs.GetAuthorityCode(None) == "4326", f"{path}: CRS is not EPSG:4326")
    feats = []
    for f in lyr:
        attrs = {lyr.GetLayerDefn().GetFieldDefn(i).GetName(): f.GetField(i) for i in range(f.GetFieldCount())}
        feats.append((attrs, f.GetGeometryRef().Clone()))
    return ds, lyr, feats


def geodesic_km(lon1, lat1, lon2, lat2):
    # haversine on the mean Earth radius; good enough for a preview
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl, dp = math.radians(lon2 - lon1), p2 - p1
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def main():
    d = sys.argv[1]
    rds, rl, regions = read_layer(os.path.join(d, "regions.gpkg"), "regions")
    pds, pl, parks = read_layer(os.path.join(d, "parks.gpkg"), "parks")
    check(rl.GetGeomType() == ogr.wkbMultiPolygon, "regions: geometry type is not MultiPolygon")
    check(pl.GetGeomType() == ogr.wkbPoint, "parks: geometry type is not Point")

    reg = {a["id"]: (a, g) for a, g in regions}
    check(len(reg) == len(regions), "regions: duplicate ids")
    check(len(regions) >= 95, f"regions: only {len(regions)}")
    for rid, (a, g) in reg.items():
        check(len(rid) == 6 and rid.isdigit(), f"regions {rid}: id is not a 6-digit code")
        check(g.IsValid() and not g.IsEmpty(), f"regions {rid}: invalid or empty geometry")
        check(g.GetGeometryType() == ogr.wkbMultiPolygon, f"regions {rid}: not MultiPolygon")
        seat = ogr.CreateGeometryFromWkt(f"POINT ({a['seat_lon']} {a['seat_lat']})")
        check(g.Contains(seat), f"regions {rid}: seat not inside its cell")
        check(abs(a["y1"] + a["y2"] + a["y3"] - a["gdp"]) < 0.051, f"regions {rid}: y1+y2+y3 != gdp")
        check(a["l1"] + a["l2"] + a["l3"] <= a["population"], f"regions {rid}: employment > population")
        check(min(a["l1"], a["l2"], a["l3"], a["y1"], a["y2"], a["y3"]) > 0, f"regions {rid}: non-positive sector value")
        check(0.65 <= a["working_age"] / a["population"] <= 0.72 + 1e-3, f"regions {rid}: working_age ratio")
        check(60000 <= a["wage"] <= 150000, f"regions {rid}: wage {a['wage']}")
        check(0 < a["rd"] <= 0.0601 * a["gdp"], f"regions {rid}: rd {a['rd']}")
        for k in ("name", "name_zh", "province", "province_zh"):
            check(bool(a[k]), f"regions {rid}: empty {k}")
    # Cells must not overlap (Voronoi) — pairwise on envelopes first.
    ids = sorted(reg)
    for i, r1 in enumerate(ids):
        g1 = reg[r1][1]
        e1 = g1.GetEnvelope()
        for r2 in ids[i + 1:]:
            g2 = reg[r2][1]
            e2 = g2.GetEnvelope()
            if e1[0] > e2[1] or e2[0] > e1[1] or e1[2] > e2[3] or e2[2] > e1[3]:
                continue
            if g1.Intersects(g2):
                inter = g1.Intersection(g2)
                ov = inter.GetArea() if inter.GetDimension() == 2 else 0.0
                check(ov < 1e-8, f"regions {r1}/{r2} overlap by {ov:.2e} deg2")

    pk = {a["id"]: (a, g) for a, g in parks}
    check(len(pk) == len(parks), "parks: duplicate ids")
    check(len(parks) >= 150, f"parks: only {len(parks)}")
    per_region = {r: 0 for r in reg}
    for pid, (a, g) in pk.items():
        rid = a["region_id"]
        check(rid in reg, f"parks {pid}: unknown region_id {rid}")
        if rid in reg:
            per_region[rid] += 1
            check(reg[rid][1].Contains(g), f"parks {pid}: not inside region {rid}")
        check(a["level"] in ("national", "provincial", "county"), f"parks {pid}: level {a['level']}")
        check(200 <= a["area_ha"] <= 30000, f"parks {pid}: area_ha {a['area_ha']}")
        check(0 < a["available_ha"] <= 0.42 * a["area_ha"], f"parks {pid}: available_ha {a['available_ha']}")
        check(pid.startswith(f"P{rid}-"), f"parks {pid}: id does not match region")
        check(all(c.startswith("C") and len(c) == 3 for c in a["lead_industries"].split(";")),
              f"parks {pid}: lead_industries {a['lead_industries']}")
    for rid, n in per_region.items():
        check(n >= 1, f"regions {rid}: no park")
    for cid in ("P320500-01", "P320600-01", "P341300-01", "P431100-01"):
        check(cid in pk, f"parks: case park {cid} missing")

    check_schematic_layers(d, reg, pk)

    with open(os.path.join(d, "industry_output.csv"), encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    head = rows[0]
    check(head[0] == "region_id" and len(head) == 21, "industry_output.csv: header")
    ind = {r[0]: dict(zip(head[1:], map(float, r[1:]))) for r in rows[1:]}
    check(sorted(ind) == sorted(reg), "industry_output.csv: region ids differ from regions.gpkg")
    ratios = []
    for rid, row in ind.items():
        if rid in reg:
            ratios.append(sum(row.values()) / reg[rid][0]["y2"])
    check(1.8 <= min(ratios) and max(ratios) <= 3.6, f"industry_output.csv: output/y2 in [{min(ratios):.2f}, {max(ratios):.2f}]")

    with open(os.path.join(d, "io_table.csv"), encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    check(rows[0][-1] == "national_output", "io_table.csv: last column is not national_output")
    national = [float(r[-1]) for r in rows[1:]]
    check(all(x > 0 for x in national), "io_table.csv: national_output not positive")
    rows = [r[:-1] for r in rows]
    labels = rows[0][1:]
    check(rows[0][0] == "sector" and [r[0] for r in rows[1:]] == labels, "io_table.csv: row/column labels differ")
    check(set(head[1:]) | {"A", "B", "D", "E", "S"} == set(labels), "io_table.csv: sectors differ from industry codes + A B D E S")
    a = np.array([[float(x) for x in r[1:]] for r in rows[1:]])
    check((a >= 0).all(), "io_table.csv: negative coefficient")
    check((a.sum(axis=0) < 0.85).all(), "io_table.csv: a column sum >= 0.85")
    leontief = np.linalg.inv(np.eye(len(labels)) - a)
    check((leontief >= 0).all(), "io_table.csv: Leontief inverse not non-negative")

    presets = {}
    for path in sorted(glob.glob(os.path.join(d, "clusters", "*.json"))):
        c = json.load(open(path, encoding="utf-8"))
        presets[c["id"]] = c
        check(os.path.basename(path) == c["id"] + ".json", f"{path}: id {c['id']} != file name")
        s = c["segments"]
        check(abs(sum(x["output_share"] for x in s) - 1) < 1e-9, f"{path}: output shares")
        check(abs(sum(x["job_share"] for x in s) - 1) < 1e-9, f"{path}: job shares")
        check(c["industry"] in head[1:], f"{path}: industry {c['industry']}")
    check({"footwear", "leather_goods", "electronics", "textiles_apparel"} <= set(presets), "clusters: preset missing")

    scen = {}
    for path in sorted(glob.glob(os.path.join(d, "scenarios", "*.json"))):
        s = json.load(open(path, encoding="utf-8"))
        scen[s["name"]] = s
        check(abs(sum(c["weight"] for c in s["criteria"]) - 1) < 1e-9, f"{path}: weights")
        check(s["source"]["region"] in reg, f"{path}: source region")
        check(s["cluster"]["preset"] in presets, f"{path}: preset")
        for k, v in s["data"].items():
            check(os.path.exists(os.path.join(d, "scenarios", v["path"])), f"{path}: data.{k}.path")
        if s["mode"] == "replication":
            check(s["replication"]["template_park"] in pk, f"{path}: template park")

        names = {c["id"] for c in s["criteria"]}
        check({"travel_time_source", "environment"} <= names, f"{path}: travel_time_source/environment missing")
        check({"roads", "exclusions"} <= set(s["data"]), f"{path}: data.roads/data.exclusions missing")

    if "--ranking" in sys.argv:
        ranking_preview(reg, pk, presets, scen)

    if problems:
        print("verify.py: %d problem(s):" % len(problems))
        for p in problems:
            print("  " + p)
        sys.exit(1)
    print(f"verify.py: OK — {len(reg)} regions, {len(pk)} parks, {len(ind)} industry rows, "
          f"{len(labels)} IO sectors, {len(presets)} presets, {len(scen)} scenarios")


def check_schematic_layers(d, reg, pk):
    """roads.gpkg: connected line network joining every city seat; sensitive_zones.gpkg:
    8-15 valid polygons with id/name/name_zh, a few (non-case) parks inside or within 1 km."""
    rds, rdl, roads = read_layer(os.path.join(d, "roads.gpkg"), "roads")
    check(rdl.GetGeomType() == ogr.wkbLineString, "roads: geometry type is not LineString")
    check(len(roads) >= len(reg) - 1, f"roads: only {len(roads)} links for {len(reg)} seats")
    parent = {rid: rid for rid in reg}

    def find(c):
        while parent[c] != c:
            c = parent[c]
        return c

    for a, g in roads:
        check(a["class"] in ("expressway", "national"), f"roads {a['id']}: class {a['class']}")
        check({"expressway": 100.0, "national": 80.0}.get(a["class"]) == a["speed_kmh"],
              f"roads {a['id']}: speed_kmh {a['speed_kmh']} for class {a['class']}")
        check(a["from_region"] in reg and a["to_region"] in reg, f"roads {a['id']}: unknown region")
        if a["from_region"] in reg and a["to_region"] in reg:
            parent[find(a["from_region"])] = find(a["to_region"])
            s0, s1 = reg[a["from_region"]][0], reg[a["to_region"]][0]
            p0, p1 = g.GetPoint_2D(0), g.GetPoint_2D(g.GetPointCount() - 1)
            check(abs(p0[0] - s0["seat_lon"]) < 1e-4 and abs(p0[1] - s0["seat_lat"]) < 1e-4 and
                  abs(p1[0] - s1["seat_lon"]) < 1e-4 and abs(p1[1] - s1["seat_lat"]) < 1e-4,
                  f"roads {a['id']}: ends are not the seats of {a['from_region']} and {a['to_region']}")
    check(len({find(r) for r in reg}) == 1, "roads: network not connected over all seats")

    zds, zl, zones = read_layer(os.path.join(d, "sensitive_zones.gpkg"), "sensitive_zones")
    check(zl.GetGeomType() == ogr.wkbPolygon, "sensitive_zones: geometry type is not Polygon")
    check(8 <= len(zones) <= 15, f"sensitive_zones: {len(zones)} zones (expected 8-15)")
    near = set()
    for a, g in zones:
        check(g.IsValid() and a["id"] and a["name"] and a["name_zh"], f"sensitive_zones {a['id']}: invalid")
        for pid, (pa, pg) in pk.items():
            if g.Distance(pg) * 111.0 < 1.0:  # degrees -> km, rough
                near.add(pid)
    case = {"P320500-01", "P320600-01", "P341300-01", "P431100-01"}
    check(len(near - case) >= 3, f"sensitive_zones: only {len(near - case)} non-case parks inside/within 1 km")
    check(not (near & case), f"sensitive_zones: case park(s) {sorted(near & case)} inside a zone")


def ranking_preview(reg, pk, presets, scen):
    policy = {"national": 1.0, "provincial": 0.6, "county": 0.3}
    for name, s in sorted(scen.items()):
        p = presets[s["cluster"]["preset"]]
        segs = {x["id"]: x for x in p["segments"]}
        moved = s.get("moved_segments") or ([k for k, x in segs.items() if x["movable"]]
                                            if s["mode"] == "partial" else list(segs))
        lam = s.get("replication", {}).get("scale", 1.0) if s["mode"] == "replication" else 1.0
        need = lam * sum(segs[k]["job_share"] * p["jobs"] / segs[k]["jobs_per_ha"] for k in moved)
        src = reg[s["source"]["region"]][0]
        slon, slat = s["source"]["lon"], s["source"]["lat"]
        raw = {}
        for pid, (a, g) in pk.items():
            r = reg[a["region_id"]][0]
            if a["region_id"] == s["source"]["region"]:
                continue  # a host is another region (preview only)
            raw[pid] = {"labour_cost": src["wage"] / r["wage"], "land": a["available_ha"] / need,
                        "distance_source": geodesic_km(g.GetX(), g.GetY(), slon, slat),
                        "policy_level": policy[a["level"]], "field:land_price": r["land_price"]}
        ok = {pid: v for pid, v in raw.items() if v["land"] >= 1.0}
        score = {pid: 0.0 for pid in ok}
        for c in s["criteria"]:
            if not ok or c["id"] not in next(iter(ok.values())):
                continue  # the preview knows only the first site criteria
            vals = [v[c["id"]] for v in ok.values()]
            lo, hi = min(vals), max(vals)
            for pid, v in ok.items():
                x = (v[c["id"]] - lo) / (hi - lo) if hi > lo else 1.0
                if c.get("direction") == "cost":
                    x = 1 - x
                score[pid] += c["weight"] * x
        order = sorted(score, key=lambda k: -score[k])
        print(f"\n{name}: need {need:.0f} ha, {len(ok)}/{len(raw)} parks feasible")
        for i, pid in enumerate(order[:12]):
            a = pk[pid][0]
            print(f"  {i + 1:2d} {pid} {score[pid]:.3f} {a['name_zh']} ({a['level']}, {a['available_ha']:.0f} ha, "
                  f"{raw[pid]['distance_source']:.0f} km)")
        for cid in ("P341300-01", "P431100-01", "P320600-01"):
            if cid in order:
                print(f"  case {cid}: rank {order.index(cid) + 1}")
            elif cid in raw:
                print(f"  case {cid}: excluded (land {raw[cid]['land']:.2f})")


if __name__ == "__main__":
    main()
