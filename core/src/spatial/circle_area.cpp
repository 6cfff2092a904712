// Exact area of a disk ∩ polygon in a plane (Green's theorem over the triangle fan), and the
// bbox, area and edge chunks of a PlanarShape. Pure geometry: no GEOS, no PROJ.
#include <algorithm>
#include <cmath>
#include <limits>

#include "clustershift/data.h"
#include "spatial/planar_shape.h"

namespace clustershift {
namespace detail {
namespace {

constexpr double kTwoPi = 2.0 * kPi;

double ringSignedArea(const std::vector<double>& ring) {
  const std::size_t n = ring.size() / 2;
  double twice = 0;
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    twice += ring[2 * j] * ring[2 * i + 1] - ring[2 * i] * ring[2 * j + 1];
  }
  return 0.5 * twice;
}

// Angle of a point on the circle, in (−π, π]; "+ 0.0" turns −0 into +0 so a point on the
// negative x axis always gets +π, matching isUpper() below.
inline double angleOf(double x, double y) { return std::atan2(y + 0.0, x); }
inline bool isUpper(double y) { return y >= 0.0; }

// Net number of times the segment P→Q (outside the disk, so it never passes near the
// centre) crosses the branch cut of atan2 (the negative x axis), counted +1 when it goes
// from the upper to the lower half: Σ principal swept angle = θ(Q) − θ(P) + 2π·k.
inline int cutCrossings(double px, double py, double qx, double qy) {
  const bool pu = isUpper(py);
  const bool qu = isUpper(qy);
  if (pu == qu) return 0;
  // x where the segment meets y = 0; |x| ≥ r for a piece outside the disk.
  const double xc = px + (qx - px) * (0.0 - py) / (qy - py);
  if (xc >= 0.0) return 0;
  return pu ? 1 : -1;
}

constexpr std::uint32_t kChunkEdges = 8;

// Accumulates the disk ∩ triangle(centre, P, Q) contributions of edges [begin, end) of a
// ring of n vertices: straight pieces inside the disk into `twiceTriangles` (Σ cross), the
// angles where outside pieces start and end into `angle`, and their crossings of atan2's
// branch cut into `crossings` (so Σ swept angles = angle + 2π·crossings).
void accumulateEdges(const double* xy, std::size_t n, std::size_t begin, std::size_t end, double cx,
                     double cy, double r2, double& twiceTriangles, double& angle, int& crossings) {
  double px = xy[2 * begin] - cx;
  double py = xy[2 * begin + 1] - cy;
  double pd = px * px + py * py;
  for (std::size_t j = begin; j < end; ++j) {
    const std::size_t qi = j + 1 == n ? 0 : j + 1;
    const double qx = xy[2 * qi] - cx;
    const double qy = xy[2 * qi + 1] - cy;
    const double qd = qx * qx + qy * qy;
    const bool pin = pd <= r2;
    const bool qin = qd <= r2;
    if (pin && qin) {
      twiceTriangles += px * qy - qx * py;
    } else {
      // |P + t·D|² = r²  →  a t² + 2 b t + c = 0
      const double dx = qx - px;
      const double dy = qy - py;
      const double a = dx * dx + dy * dy;
      const double b = px * dx + py * dy;
      const double c = pd - r2;
      const double disc = b * b - a * c;
      if (pin) {  // leaves the disk at t2
        const double t = std::clamp((-b + std::sqrt(std::max(disc, 0.0))) / a, 0.0, 1.0);
        const double ex = px + t * dx;
        const double ey = py + t * dy;
        twiceTriangles += px * ey - ex * py;
        angle -= angleOf(ex, ey);
        crossings += cutCrossings(ex, ey, qx, qy);
      } else if (qin) {  // enters the disk at t1
        const double t = std::clamp((-b - std::sqrt(std::max(disc, 0.0))) / a, 0.0, 1.0);
        const double ex = px + t * dx;
        const double ey = py + t * dy;
        crossings += cutCrossings(px, py, ex, ey);
        angle += angleOf(ex, ey);
        twiceTriangles += ex * qy - qx * ey;
      } else if (a > 0 && disc > 0 && -b > 0 && -b < a) {
        // Both ends outside and the closest point (t = −b/a) strictly inside: a chord.
        const double s = std::sqrt(disc);
        const double t1 = (-b - s) / a;
        const double t2 = (-b + s) / a;
        const double x1 = px + t1 * dx, y1 = py + t1 * dy;
        const double x2 = px + t2 * dx, y2 = py + t2 * dy;
        crossings += cutCrossings(px, py, x1, y1);
        angle += angleOf(x1, y1);
        twiceTriangles += x1 * y2 - x2 * y1;
        angle -= angleOf(x2, y2);
        crossings += cutCrossings(x2, y2, qx, qy);
      } else {
        crossings += cutCrossings(px, py, qx, qy);
      }
    }
    px = qx;
    py = qy;
    pd = qd;
  }
}

double finishSum(double twiceTriangles, double angle, int crossings, double r2) {
  const double sweep = angle + kTwoPi * crossings;
  return std::fabs(0.5 * twiceTriangles + 0.5 * r2 * sweep);
}

// Same as circleRingArea, settling whole chunks from their bbox where possible: a chunk
// farther than r contributes only branch-cut crossings (none unless it straddles the
// horizontal line through the centre on its left); a chunk within r contributes its
// triangle fan, Σ (P−c)×(Q−c) = Σ (P−P0)×(Q−P0) + (P_first − Q_last)×(P0 − c).
double circleRingAreaChunked(const std::vector<double>& ring, const std::vector<PlanarPolygon::Chunk>& chunks,
                             double cx, double cy, double r) {
  const std::size_t n = ring.size() / 2;
  const double r2 = r * r;
  double twiceTriangles = 0;
  double angle = 0;
  int crossings = 0;
  const double* xy = ring.data();
  for (const auto& ch : chunks) {
    const double nx = std::max({ch.minX - cx, 0.0, cx - ch.maxX});
    const double ny = std::max({ch.minY - cy, 0.0, cy - ch.maxY});
    if (nx * nx + ny * ny > r2) {
      if (ch.minX >= cx || ch.minY - cy >= 0.0 || ch.maxY - cy < 0.0) continue;
      for (std::size_t j = ch.begin; j < ch.end; ++j) {
        const std::size_t qi = j + 1 == n ? 0 : j + 1;
        crossings += cutCrossings(xy[2 * j] - cx, xy[2 * j + 1] - cy, xy[2 * qi] - cx, xy[2 * qi + 1] - cy);
      }
      continue;
    }
    const double fx = std::max(std::fabs(ch.minX - cx), std::fabs(ch.maxX - cx));
    const double fy = std::max(std::fabs(ch.minY - cy), std::fabs(ch.maxY - cy));
    if (fx * fx + fy * fy <= r2) {
      const std::size_t last = ch.end == n ? 0 : ch.end;
      const double x0 = xy[2 * ch.begin], y0 = xy[2 * ch.begin + 1];
      const double lx = xy[2 * last] - x0, ly = xy[2 * last + 1] - y0;  // Q_last − P0 (P_first − P0 = 0)
      const double dx = x0 - cx, dy = y0 - cy;
      twiceTriangles += ch.twice + (0.0 - lx) * dy - (0.0 - ly) * dx;
      continue;
    }
    accumulateEdges(xy, n, ch.begin, ch.end, cx, cy, r2, twiceTriangles, angle, crossings);
  }
  return finishSum(twiceTriangles, angle, crossings, r2);
}

}  // namespace

double circleRingArea(const double* xy, std::size_t n, double cx, double cy, double r) {
  if (n < 3 || !(r > 0)) return 0.0;
  double twiceTriangles = 0;
  double angle = 0;
  int crossings = 0;
  accumulateEdges(xy, n, 0, n, cx, cy, r * r, twiceTriangles, angle, crossings);
  return finishSum(twiceTriangles, angle, crossings, r * r);
}

double circleShapeArea(const PlanarShape& shape, double cx, double cy, double r) {
  if (!(r > 0)) return 0.0;
  double total = 0;
  for (const PlanarPolygon& polygon : shape.polygons) {
    const bool chunked = polygon.chunks.size() == polygon.rings.size();
    double part = 0;
    for (std::size_t k = 0; k < polygon.rings.size(); ++k) {
      const auto& ring = polygon.rings[k];
      if (ring.size() < 6) continue;
      const double a = chunked ? circleRingAreaChunked(ring, polygon.chunks[k], cx, cy, r)
                               : circleRingArea(ring.data(), ring.size() / 2, cx, cy, r);
      part += k == 0 ? a : -a;
    }
    total += std::max(part, 0.0);
  }
  return total;
}

void PlanarShape::finish() {
  minX = minY = std::numeric_limits<double>::infinity();
  maxX = maxY = -std::numeric_limits<double>::infinity();
  area = 0;
  for (PlanarPolygon& polygon : polygons) {
    double part = 0;
    polygon.chunks.assign(polygon.rings.size(), {});
    for (std::size_t k = 0; k < polygon.rings.size(); ++k) {
      const auto& ring = polygon.rings[k];
      const std::size_t n = ring.size() / 2;
      for (std::size_t i = 0; i < n; ++i) {
        minX = std::min(minX, ring[2 * i]);
        maxX = std::max(maxX, ring[2 * i]);
        minY = std::min(minY, ring[2 * i + 1]);
        maxY = std::max(maxY, ring[2 * i + 1]);
      }
      const double a = n >= 3 ? std::fabs(ringSignedArea(ring)) : 0.0;
      part += k == 0 ? a : -a;
      for (std::size_t begin = 0; begin < n; begin += kChunkEdges) {
        PlanarPolygon::Chunk ch;
        ch.begin = static_cast<std::uint32_t>(begin);
        ch.end = static_cast<std::uint32_t>(std::min(n, begin + kChunkEdges));
        const double x0 = ring[2 * begin], y0 = ring[2 * begin + 1];
        ch.minX = ch.maxX = x0;
        ch.minY = ch.maxY = y0;
        for (std::size_t j = begin; j < ch.end; ++j) {
          const std::size_t q = j + 1 == n ? 0 : j + 1;
          const double qx = ring[2 * q], qy = ring[2 * q + 1];
          ch.minX = std::min(ch.minX, qx);
          ch.maxX = std::max(ch.maxX, qx);
          ch.minY = std::min(ch.minY, qy);
          ch.maxY = std::max(ch.maxY, qy);
          const double ax = ring[2 * j] - x0, ay = ring[2 * j + 1] - y0;
          ch.twice += ax * (qy - y0) - (qx - x0) * ay;
        }
        polygon.chunks[k].push_back(ch);
      }
    }
    area += std::max(part, 0.0);
  }
  if (polygons.empty()) minX = minY = maxX = maxY = 0;
}

}  // namespace detail
}  // namespace clustershift
