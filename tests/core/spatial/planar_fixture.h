#pragma once
// Small planar shapes for the spatial tests (metres in a projected plane).
#include <utility>
#include <vector>

#include "spatial/planar_shape.h"

namespace clustershift::test {

constexpr double kPi = 3.14159265358979323846;

/// Counter-clockwise square ring with its lower-left corner at (x0, y0).
inline std::vector<double> square(double x0, double y0, double side) {
  return {x0, y0, x0 + side, y0, x0 + side, y0 + side, x0, y0 + side};
}

/// One polygon of the given rings (shell first), finished.
inline detail::PlanarShape shapeOf(std::vector<std::vector<double>> rings) {
  detail::PlanarShape s;
  detail::PlanarPolygon p;
  p.rings = std::move(rings);
  s.polygons.push_back(std::move(p));
  s.finish();
  return s;
}

}  // namespace clustershift::test
