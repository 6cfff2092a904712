#pragma once
// Distance-decay sums Σ_j w_j · exp(−d_ij / δ) over many points × many weighted points, with
// ellipsoidal distances by Andoyer–Lambert's formula on precomputed reduced-latitude unit
// vectors (Lambert 1942, "The distance between two widely separated points on the surface
// of the earth", J. Washington Acad. Sci. 32(5):125–130; the form of Thomas 1970, NOSC TR
// AD-A090 093, eq. (6)). Used by market_access (Harris 1954 market potential).
//
// Accuracy (tests/core/spatial/decay_sum_test.cpp measures it against PROJ's exact geodesic,
// Karney 2013): distances within 2e−5 relative for any pair up to 6,600 km (farther pairs fall
// back to PROJ's exact geodesic), decay sums within 1e−5 relative; the documented budget of
// market_access is 1e−3 (docs/model.md).
#include <functional>
#include <vector>

namespace clustershift::detail {

/// Points on the WGS84 ellipsoid prepared for many distance evaluations: unit vectors on the
/// auxiliary sphere of reduced latitude β (tan β = (1 − f) tan φ) and sin β. Points with a
/// NaN coordinate are kept (their index stays valid) and marked invalid.
struct ReducedPoints {
  std::vector<double> lon, lat;  ///< degrees, as given
  std::vector<double> x, y, z;   ///< (cos β cos λ, cos β sin λ, sin β)
  std::vector<double> sinBeta;
  std::vector<char> valid;
  std::size_t size() const { return x.size(); }
};

/// Prepares points from lon/lat vectors (degrees, same length).
ReducedPoints reducePoints(const std::vector<double>& lon, const std::vector<double>& lat);

/// Andoyer–Lambert distance (km) between point i of `a` and point j of `b`; NaN when either
/// point is invalid. Scalar reference of what decaySums() evaluates in bulk.
double andoyerLambertKm(const ReducedPoints& a, std::size_t i, const ReducedPoints& b, std::size_t j);

/// For each point i of `centres`: Σ_j weights[j] · exp(−d_ij / deltaKm) over the valid points j
/// of `sources` (weights NaN are skipped), d by Andoyer–Lambert. NaN for invalid centres.
/// Parallel over centres on `threads` threads (≤ 0: hardware concurrency); `isCanceled` is
/// polled between blocks of centres when set (the result is then incomplete).
std::vector<double> decaySums(const ReducedPoints& centres, const ReducedPoints& sources,
                              const std::vector<double>& weights, double deltaKm, int threads,
                              const std::function<bool()>& isCanceled = {});

}  // namespace clustershift::detail
