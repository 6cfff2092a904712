// Simple location quotient from a region × industry output table
// (Isard 1960; Miller & Blair 2009, 2nd ed., §8.3).
#include <cmath>

#include "clustershift/indices.h"

namespace clustershift {

Eigen::MatrixXd locationQuotients(const Eigen::MatrixXd& output) {
  // Missing cells count as 0 in the totals (a yearbook blank is usually a suppressed small
  // value) and yield NaN for their own LQ.
  Eigen::MatrixXd filled = output;
  for (Eigen::Index r = 0; r < output.rows(); ++r) {
    for (Eigen::Index c = 0; c < output.cols(); ++c) {
      const double v = output(r, c);
      if (std::isnan(v)) {
        filled(r, c) = 0;
      } else if (v < 0) {
        throw InputError("location quotient: output of row " + std::to_string(r + 1) +
                         ", column " + std::to_string(c + 1) + " is negative (" +
                         std::to_string(v) + ")");
      }
    }
  }
  const double total = filled.sum();
  if (!(total > 0)) throw InputError("location quotient: the output table sums to zero");
  const Eigen::VectorXd rowSum = filled.rowwise().sum();
  const Eigen::RowVectorXd colSum = filled.colwise().sum();
  Eigen::MatrixXd lq(output.rows(), output.cols());
  for (Eigen::Index r = 0; r < output.rows(); ++r) {
    for (Eigen::Index c = 0; c < output.cols(); ++c) {
      if (std::isnan(output(r, c)) || !(rowSum(r) > 0)) {
        lq(r, c) = kNaN;
      } else if (!(colSum(c) > 0)) {
        lq(r, c) = 0;  // industry absent everywhere
      } else {
        // LQ_ri = (x_ri / x_r.) / (x_.i / x_..)
        lq(r, c) = (output(r, c) / rowSum(r)) / (colSum(c) / total);
      }
    }
  }
  return lq;
}

double locationQuotient(const IndustryMatrix& matrix, int region, int industry) {
  const int nRegions = static_cast<int>(matrix.values.size());
  const int nIndustries = static_cast<int>(matrix.industries.size());
  if (region < 0 || region >= nRegions || industry < 0 || industry >= nIndustries) return kNaN;
  double total = 0, regionTotal = 0, industryTotal = 0;
  for (int r = 0; r < nRegions; ++r) {
    const auto& row = matrix.values[r];
    for (int c = 0; c < nIndustries && c < static_cast<int>(row.size()); ++c) {
      const double v = row[c];
      if (std::isnan(v)) continue;
      if (v < 0)
        throw InputError("location quotient: region '" +
                         (r < static_cast<int>(matrix.regionIds.size()) ? matrix.regionIds[r]
                                                                        : std::to_string(r)) +
                         "', industry '" + matrix.industries[c] + "': output is negative (" +
                         std::to_string(v) + ")");
      total += v;
      if (r == region) regionTotal += v;
      if (c == industry) industryTotal += v;
    }
  }
  const auto& row = matrix.values[region];
  const double x = industry < static_cast<int>(row.size()) ? row[industry] : kNaN;
  if (std::isnan(x) || !(regionTotal > 0) || !(total > 0)) return kNaN;
  if (!(industryTotal > 0)) return 0.0;
  return (x / regionTotal) / (industryTotal / total);
}

}  // namespace clustershift
