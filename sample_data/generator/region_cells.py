"""Region shapes: the land outline, the Voronoi cells of the city seats clipped to the study area,
and the reassignment of cell parts cut off by the Yangtze (SCHEMATIC shapes)."""

import math
import sys

from osgeo import ogr
from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes
from qgis.PyQt.QtGui import QTransform

from cities import CITIES, NEIGHBOUR_SEATS
from common import fail

HULL_BUFFER_DEG = 0.6       # study area = convex hull of the seats buffered by this (degrees)
MIN_PART_DEG2 = 0.0008      # drop island parts smaller than this (about 8 km2) unless they hold the seat
SIMPLIFY_DEG = 0.004        # simplification of the land outline (about 400 m)
LAT0 = 28.0                 # reference latitude for the Voronoi metric (lon scaled by cos LAT0)


def load_land(path):
    ds = ogr.Open(path)
    if ds is None:
        fail(f"cannot open land outline {path}")
    lyr = ds.GetLayer(0)
    parts = []
    for f in lyr:
        g = QgsGeometry()
        g.fromWkb(bytes(f.GetGeometryRef().ExportToIsoWkb()))
        parts.append(g)
    land = QgsGeometry.unaryUnion(parts)
    land = land.simplify(SIMPLIFY_DEG).makeValid()
    return land


def to_metric(g):
    """lon/lat -> pseudo-metric plane (lon scaled by cos(LAT0)) for the Voronoi bisectors."""
    g = QgsGeometry(g)
    c = math.cos(math.radians(LAT0))
    g.transform(QTransform(c, 0, 0, 1, 0, 0))
    return g


def from_metric(g):
    g = QgsGeometry(g)
    c = math.cos(math.radians(LAT0))
    g.transform(QTransform(1.0 / c, 0, 0, 1, 0, 0))
    return g


def polygon_parts(g):
    """List of single-polygon QgsGeometry parts of a (multi)polygon / collection."""
    out = []
    if g.isEmpty():
        return out
    for part in g.asGeometryCollection():
        if part.type() == QgsWkbTypes.PolygonGeometry:
            if part.isMultipart():
                out.extend(polygon_parts(part))
            else:
                out.append(part)
    return out


def build_cells(land):
    study_seats = [(c[0], c[3], c[4]) for c in CITIES]
    all_seats = study_seats + [(f"ghost:{n}", x, y) for n, x, y in NEIGHBOUR_SEATS]

    hull = QgsGeometry.fromMultiPointXY([QgsPointXY(x, y) for _, x, y in study_seats]).convexHull()
    study = hull.buffer(HULL_BUFFER_DEG, 24).intersection(land).makeValid()

    mp = QgsGeometry.fromMultiPointXY([QgsPointXY(x, y) for _, x, y in all_seats])
    mp_m = to_metric(mp)
    bb = mp_m.boundingBox()
    bb.grow(5.0)
    vor = mp_m.voronoiDiagram(QgsGeometry.fromRect(bb), 0.0, False)
    cells_m = polygon_parts(vor)
    if len(cells_m) != len(all_seats):
        fail(f"voronoi: {len(cells_m)} cells for {len(all_seats)} seats")

    cells = {}
    for code, x, y in study_seats:
        pm = to_metric(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        own = [c for c in cells_m if c.contains(pm)]
        if len(own) != 1:
            fail(f"voronoi: seat of {code} in {len(own)} cells")
        cell = from_metric(own[0]).intersection(study).makeValid()
        seat = QgsGeometry.fromPointXY(QgsPointXY(x, y))
        parts = [p for p in polygon_parts(cell) if p.area() >= MIN_PART_DEG2 or p.contains(seat)]
        if not any(p.contains(seat) for p in parts):
            # Coastal seat just outside the generalised coastline: add a small disc of the
            # Voronoi cell around the seat so the seat lies inside its own region.
            disc = seat.buffer(0.04, 12).intersection(from_metric(own[0]))
            merged = QgsGeometry.unaryUnion(parts + [disc]).makeValid()
            parts = polygon_parts(merged)
            print(f"generate.py: note: seat of {code} was outside the land outline; kept a 0.04 deg disc",
                  file=sys.stderr)
        geom = QgsGeometry.collectGeometry(parts)
        geom.convertToMultiType()
        if not geom.isGeosValid():
            geom = geom.makeValid()
            geom.convertToMultiType()
        if not geom.isGeosValid() or geom.isEmpty():
            fail(f"cell of {code} invalid or empty")
        if not geom.contains(seat):
            fail(f"seat of {code} not inside its cell")
        cells[code] = geom
    reassign_detached_parts(cells, {c: (x, y) for c, x, y in study_seats})
    return cells, study


# Lower-Yangtze prefectures whose real boundaries follow the river: a part of their cell on
# the other bank goes to the neighbour there. Elsewhere (Xiamen, Zhuhai, Pearl River delta...)
# the real units span the water, so their detached parts stay.
YANGTZE_BANKS = {"320200", "320400", "320500", "320600", "321000", "321100", "321200"}


def reassign_detached_parts(cells, seats):
    """A part of a Yangtze-bank cell cut off from its seat by the river (e.g. the north bank
    in the cell of a south-bank city) goes to the neighbouring bank cell it shares the longest
    border with. Parts touching no other cell (islands) stay. Sorted order: deterministic."""
    for code in sorted(cells):
        if code not in YANGTZE_BANKS:
            continue
        seat = QgsGeometry.fromPointXY(QgsPointXY(*seats[code]))
        parts = polygon_parts(cells[code])
        keep = []
        for part in sorted(parts, key=lambda p: (p.centroid().asPoint().x(), p.centroid().asPoint().y())):
            if part.contains(seat):
                keep.append(part)
                continue
            probe = part.buffer(0.002, 4)
            best, best_len = None, 0.0
            for other in sorted(YANGTZE_BANKS):
                if other == code or not cells[other].boundingBox().intersects(probe.boundingBox()):
                    continue
                shared = probe.intersection(cells[other]).area()
                if shared > best_len + 1e-12:
                    best, best_len = other, shared
            if best is None or best_len < 1e-6:
                keep.append(part)
                continue
            merged = QgsGeometry.unaryUnion(polygon_parts(cells[best]) + [part]).makeValid()
            merged = QgsGeometry.collectGeometry(polygon_parts(merged))
            merged.convertToMultiType()
            cells[best] = merged
            print(f"generate.py: note: detached part of {code} ({part.area():.4f} deg2) joined to {best}",
                  file=sys.stderr)
        g = QgsGeometry.collectGeometry(keep)
        g.convertToMultiType()
        cells[code] = g
    for code in sorted(cells):
        g = cells[code]
        seat = QgsGeometry.fromPointXY(QgsPointXY(*seats[code]))
        if not g.isGeosValid() or g.isEmpty() or not g.contains(seat):
            fail(f"cell of {code} invalid, empty or without its seat after reassigning detached parts")
