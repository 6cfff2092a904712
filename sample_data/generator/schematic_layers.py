"""SCHEMATIC road and sensitive-zone layers of the sample data (illustrative, not surveyed).

roads: one straight link (densified every ~3 km) between the city seats of every pair of
neighbouring regions (Delaunay edge of the seats whose schematic cells touch), plus the
minimum-spanning-tree Delaunay edges so the network is connected. Class `expressway`
(100 km/h) when both ends are coastal, or an end is a provincial capital, or both ends have a
GDP of 5 000 亿元 or more; `national` (80 km/h) otherwise.

sensitive_zones: smoothed ellipses of plausible size around the real centres of well-known
protected areas / water-source areas. Shapes and sizes are schematic.
"""
import math

from qgis.core import QgsGeometry, QgsPointXY

EARTH_KM = 6371.0088
DENSIFY_KM = 3.0

# (id, name, name_zh, lon, lat, semi-axis east-west km, semi-axis north-south km, rotation deg)
SENSITIVE_ZONES = [
    ("SZ01", "Mount Wuyi", "武夷山", 117.68, 27.72, 20.0, 26.0, 20.0),
    ("SZ02", "Mount Huangshan", "黄山风景区", 118.17, 30.13, 11.0, 9.0, 0.0),
    ("SZ03", "Poyang Lake", "鄱阳湖", 116.28, 29.05, 30.0, 55.0, -15.0),
    ("SZ04", "Dongting Lake", "洞庭湖", 112.85, 29.12, 40.0, 30.0, 10.0),
    ("SZ05", "Qiandao Lake", "千岛湖", 118.92, 29.60, 24.0, 15.0, 25.0),
    ("SZ06", "Zhangjiajie (Wulingyuan)", "张家界武陵源", 110.48, 29.35, 14.0, 10.0, 0.0),
    ("SZ07", "Mount Danxia", "丹霞山", 113.73, 25.03, 9.0, 11.0, 0.0),
    ("SZ08", "Taihu Lake water-source area", "太湖水源保护区", 120.20, 31.20, 33.0, 30.0, 0.0),
    ("SZ09", "Mount Lushan", "庐山", 115.98, 29.55, 9.0, 11.0, 30.0),
    ("SZ10", "Chaohu Lake", "巢湖", 117.55, 31.58, 24.0, 12.0, 15.0),
    ("SZ11", "Hongze Lake", "洪泽湖", 118.55, 33.30, 28.0, 24.0, 0.0),
    ("SZ12", "Yancheng coastal wetlands", "盐城湿地珍禽保护区", 120.55, 33.55, 12.0, 40.0, -25.0),
    ("SZ13", "West Lake (Hangzhou)", "杭州西湖", 120.13, 30.24, 5.0, 5.0, 0.0),
    ("SZ14", "Mount Dinghu", "鼎湖山", 112.54, 23.17, 5.0, 5.0, 0.0),
]


def haversine_km(lon1, lat1, lon2, lat2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dl, dp = math.radians(lon2 - lon1), p2 - p1
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(a))


def zone_geometry(lon, lat, ax_km, ay_km, rot_deg, n=64):
    """Ellipse (semi-axes in km, rotated counter-clockwise) as a lon/lat polygon."""
    kx = 180.0 / (math.pi * EARTH_KM * math.cos(math.radians(lat)))
    ky = 180.0 / (math.pi * EARTH_KM)
    rot = math.radians(rot_deg)
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x, y = ax_km * math.cos(t), ay_km * math.sin(t)
        xr, yr = x * math.cos(rot) - y * math.sin(rot), x * math.sin(rot) + y * math.cos(rot)
        pts.append(QgsPointXY(round(lon + xr * kx, 5), round(lat + yr * ky, 5)))
    pts.append(pts[0])
    return QgsGeometry.fromPolygonXY([pts])


def zones():
    out = []
    for zid, name, name_zh, lon, lat, ax, ay, rot in SENSITIVE_ZONES:
        g = zone_geometry(lon, lat, ax, ay, rot)
        if not g.isGeosValid():
            raise ValueError(f"zone {zid} invalid")
        out.append((g, {"id": zid, "name": name, "name_zh": name_zh}))
    return out


def road_links(stats, cells, capitals, coastal):
    """[(code_a, code_b)] sorted: touching-cell Delaunay edges + MST edges (connectivity)."""
    codes = sorted(stats)
    seat = {c: (stats[c]["seat_lon"], stats[c]["seat_lat"]) for c in codes}
    by_xy = {(round(x, 6), round(y, 6)): c for c, (x, y) in seat.items()}
    mp = QgsGeometry.fromMultiPointXY([QgsPointXY(*seat[c]) for c in codes])
    tri = mp.delaunayTriangulation(0.0, True)
    edges = set()
    for part in tri.asGeometryCollection():
        line = part.asPolyline()
        for a, b in zip(line[:-1], line[1:]):
            ca = by_xy.get((round(a.x(), 6), round(a.y(), 6)))
            cb = by_xy.get((round(b.x(), 6), round(b.y(), 6)))
            if ca and cb and ca != cb:
                edges.add(tuple(sorted((ca, cb))))
    length = {e: haversine_km(*seat[e[0]], *seat[e[1]]) for e in edges}
    keep = set()
    for e in sorted(edges):
        if cells[e[0]].buffer(0.01, 4).intersects(cells[e[1]]):
            keep.add(e)
    # Kruskal minimum spanning tree over the Delaunay edges: guarantees one component.
    parent = {c: c for c in codes}

    def find(c):
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    for e in sorted(keep):
        parent[find(e[0])] = find(e[1])
    for e in sorted(edges, key=lambda e: (length[e], e)):
        ra, rb = find(e[0]), find(e[1])
        if ra != rb:
            parent[ra] = rb
            keep.add(e)
    return sorted(keep), seat, length


def road_class(a, b, stats, capitals, coastal):
    if (a in coastal and b in coastal) or a in capitals or b in capitals or \
            (stats[a]["gdp"] >= 5000 and stats[b]["gdp"] >= 5000):
        return "expressway", 100.0
    return "national", 80.0


def roads(stats, cells, capitals, coastal):
    links, seat, length = road_links(stats, cells, capitals, coastal)
    out = []
    for i, (a, b) in enumerate(links, start=1):
        (x0, y0), (x1, y1) = seat[a], seat[b]
        n = max(1, int(math.ceil(length[(a, b)] / DENSIFY_KM)))
        pts = [QgsPointXY(round(x0 + (x1 - x0) * k / n, 5), round(y0 + (y1 - y0) * k / n, 5)) for k in range(n + 1)]
        cls, speed = road_class(a, b, stats, capitals, coastal)
        out.append((QgsGeometry.fromPolylineXY(pts), {
            "id": f"R{i:03d}", "class": cls, "speed_kmh": speed, "from_region": a, "to_region": b,
            "length_km": round(length[(a, b)], 1)}))
    return out
