"""Industrial parks: the case parks, the generic parks of each prefecture (names, levels, areas,
lead industries) and their deterministic placement inside the region cells."""

import math

from qgis.core import QgsGeometry, QgsPointXY

from cities import CAPITALS
from common import rng
from industries import CODES

PARK_INDUSTRY_NAMES = {
    "C13": ("Agri-food Processing", "农产品加工"), "C14": ("Food", "食品"),
    "C15": ("Food and Beverage", "食品饮料"), "C17": ("Textile", "纺织"),
    "C18": ("Apparel", "服装"), "C19": ("Footwear and Leather", "鞋业皮具"),
    "C20": ("Wood Products", "木竹制品"), "C21": ("Home Furnishing", "家居"),
    "C22": ("Paper and Packaging", "造纸包装"), "C26": ("Chemical", "化工"),
    "C27": ("Biomedicine", "生物医药"), "C29": ("Plastics and Rubber", "塑料橡胶"),
    "C30": ("Building Materials", "新型建材"), "C31": ("Steel", "钢铁"),
    "C33": ("Hardware", "五金"), "C34": ("Machinery", "机械"),
    "C35": ("Equipment Manufacturing", "装备制造"), "C36": ("Automotive", "汽车"),
    "C38": ("Electrical Equipment", "电气装备"), "C39": ("Electronic Information", "电子信息"),
}
HIGH_TECH = ["C39", "C38", "C27", "C35", "C36", "C34"]
LIGHT = ["C13", "C14", "C15", "C17", "C18", "C19", "C20", "C21", "C29", "C30", "C33"]

# The case parks of the three sample scenarios plus the template park of the replication case. Coordinates:
# approximate real location; if it falls outside the schematic Voronoi cell of its
# prefecture, the point is moved toward the city seat until it lies inside.
CASE_PARKS = [
    {"id": "P320500-01", "region": "320500", "name": "Suzhou Industrial Park", "name_zh": "苏州工业园区",
     "level": "national", "area_ha": 27800.0, "available_ha": 2300.0, "lead": "C39;C38;C27",
     "lon": 120.72, "lat": 31.32},
    {"id": "P320600-01", "region": "320600", "name": "Su-Tong Science and Technology Park",
     "name_zh": "苏通科技产业园", "level": "provincial", "area_ha": 5000.0, "available_ha": 1800.0,
     "lead": "C39;C38;C35", "lon": 120.99, "lat": 31.85},
    {"id": "P341300-01", "region": "341300", "name": "Suzhou (Anhui) Shoe Industry City",
     "name_zh": "宿州鞋城", "level": "provincial", "area_ha": 8000.0, "available_ha": 3200.0,
     "lead": "C19;C18;C29", "lon": 117.01, "lat": 33.60},
    {"id": "P431100-01", "region": "431100", "name": "Lanshan Leather Goods Industrial Park",
     "name_zh": "蓝山皮具产业园", "level": "provincial", "area_ha": 3000.0, "available_ha": 1200.0,
     "lead": "C19;C18", "lon": 112.19, "lat": 25.37},
]


def zh_prefix(st):
    z = st["name_zh"]
    if st["id"] == "433100":
        return "湘西"
    return z[:-1] if z.endswith("市") else z


def lq_ranking(row, totals, grand):
    x = sum(row.values())
    lq = {c: (row[c] / x) / (totals[c] / grand) for c in CODES}
    return sorted(CODES, key=lambda c: (-lq[c], c))


def park_specs(st, row, totals, grand):
    """Generic parks of one prefecture (name, level, area, availability, lead industries)."""
    code, gdp, prefix, zpre = st["id"], st["gdp"], st["name"], zh_prefix(st)
    r = rng("parks", code)
    by_lq = lq_ranking(row, totals, grand)
    by_out = sorted(CODES, key=lambda c: (-row[c], c))
    capital = code in CAPITALS
    specs = []

    def area(level):
        # Mature national zones are large but mostly built up; provincial and county zones
        # are smaller with a larger share of land still available (illustrative).
        lo, hi, f0, f1 = {"national": (8000, 30000, 0.05, 0.25), "provincial": (2500, 15000, 0.10, 0.40),
                          "county": (300, 4000, 0.10, 0.40)}[level]
        a = math.exp(r.uniform(math.log(lo), math.log(hi)))
        frac = r.uniform(f0, f1)
        return round(a, -1), round(a * frac, 1)

    # 1. economic (and technological) development zone
    if gdp >= 3000 or capital:
        lvl, nm, zn = "national", f"{prefix} Economic and Technological Development Zone", f"{zpre}经济技术开发区"
    else:
        lvl, nm, zn = "provincial", f"{prefix} Economic Development Zone", f"{zpre}经济开发区"
    specs.append((nm, zn, lvl, by_out[:3]))
    # 2. high-tech zone
    if gdp >= 3000:
        lvl = "national" if gdp >= 6000 else "provincial"
        ht = [c for c in by_lq if c in HIGH_TECH][:2]
        specs.append((f"{prefix} High-tech Industrial Development Zone", f"{zpre}高新技术产业开发区", lvl, ht))
    # 3./4. specialised parks of the strongest local industries
    spec_inds = [c for c in by_lq if c not in ("C31",)]
    if gdp >= 8000:
        c = spec_inds[0]
        specs.append((f"{prefix} {PARK_INDUSTRY_NAMES[c][0]} Industrial Park",
                      f"{zpre}{PARK_INDUSTRY_NAMES[c][1]}产业园", "provincial", [c, spec_inds[1]]))
    if gdp >= 15000:
        c = spec_inds[1]
        specs.append((f"{prefix} {PARK_INDUSTRY_NAMES[c][0]} Industrial Park",
                      f"{zpre}{PARK_INDUSTRY_NAMES[c][1]}产业园", "county", [c]))
    # 5. county-level industrial concentration zone in the smaller prefectures
    if gdp < 3000:
        light = [c for c in by_lq if c in LIGHT][:2]
        specs.append((f"{prefix} County Industrial Concentration Zone", f"{zpre}县域工业集中区", "county", light))

    out = []
    for nm, zn, lvl, lead in specs:
        a, av = area(lvl)
        out.append({"name": nm, "name_zh": zn, "level": lvl, "area_ha": a, "available_ha": av,
                    "lead": ";".join(lead)})
    return out


def place_point(cell, seat, key, max_r):
    """Deterministic jittered point inside the cell (not too close to its boundary)."""
    r = rng("place", key)
    inner = cell.buffer(-0.03, 8)
    target = inner if not inner.isEmpty() else cell
    for _ in range(500):
        ang = r.uniform(0, 2 * math.pi)
        rad = max_r * math.sqrt(r.uniform(0.04, 1.0))
        p = QgsGeometry.fromPointXY(QgsPointXY(seat[0] + rad * math.cos(ang) / math.cos(math.radians(seat[1])),
                                               seat[1] + rad * math.sin(ang)))
        if target.contains(p):
            return p.asPoint()
    return cell.pointOnSurface().asPoint()


def place_case(cell, seat, lon, lat):
    if cell.buffer(-0.01, 8).contains(QgsGeometry.fromPointXY(QgsPointXY(lon, lat))):
        return QgsPointXY(lon, lat), 0.0
    inner = cell.buffer(-0.05, 8)  # keep moved case parks visibly inside their cell
    for k in range(0, 101):
        t = k / 100.0
        x, y = lon + (seat[0] - lon) * t, lat + (seat[1] - lat) * t
        if inner.contains(QgsGeometry.fromPointXY(QgsPointXY(x, y))):
            return QgsPointXY(x, y), t
    return QgsPointXY(*seat), 1.0
