// Input–output: Miller & Blair (2009), Input-Output Analysis, 2nd ed., ch. 2 (two-sector example).
#include <gtest/gtest.h>

#include <cmath>

#include "clustershift/indices.h"

namespace cs = clustershift;

TEST(Leontief, MillerBlairTwoSectorExample) {
  Eigen::MatrixXd z(2, 2);
  z << 150, 500, 200, 100;
  Eigen::VectorXd x(2);
  x << 1000, 2000;
  const Eigen::MatrixXd a = cs::technicalCoefficients(z, x);
  EXPECT_NEAR(a(0, 0), 0.15, 1e-12);
  EXPECT_NEAR(a(0, 1), 0.25, 1e-12);
  EXPECT_NEAR(a(1, 0), 0.20, 1e-12);
  EXPECT_NEAR(a(1, 1), 0.05, 1e-12);
  const Eigen::MatrixXd l = cs::leontiefInverse(a);
  // Published to 4 decimals: L = [[1.2541, 0.3300], [0.2640, 1.1221]].
  EXPECT_NEAR(l(0, 0), 1.2541, 5e-5);
  EXPECT_NEAR(l(0, 1), 0.3300, 5e-5);
  EXPECT_NEAR(l(1, 0), 0.2640, 5e-5);
  EXPECT_NEAR(l(1, 1), 1.1221, 5e-5);
  const Eigen::VectorXd m = cs::outputMultipliers(l);
  EXPECT_NEAR(m(0), 1.5182, 5e-5);
  EXPECT_NEAR(m(1), 1.4521, 5e-5);
  // L·f reproduces x for final demand f = x − Z·1 = (350, 1700).
  Eigen::VectorXd f(2);
  f << 350, 1700;
  EXPECT_TRUE((l * f).isApprox(x, 1e-12));
}

TEST(Leontief, NonProductiveTableIsAClearError) {
  Eigen::MatrixXd a(2, 2);
  a << 0.6, 0.5, 0.5, 0.6;  // spectral radius 1.1
  EXPECT_NEAR(cs::spectralRadius(a), 1.1, 1e-12);
  try {
    cs::leontiefInverse(a, {"C19", "S"});
    FAIL();
  } catch (const cs::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("not productive (spectral radius 1.1 >= 1)"),
              std::string::npos)
        << e.what();
  }
}

// A productive table whose largest column sum and row sum are both above 1, so the norm bound
// does not settle it and the eigenvalues do: A = [[0, 2], [0.1, 0]] has eigenvalues ±√0.2, and
// (I − A)^-1 = [[1, 2], [0.1, 1]] / (1 − 0.2) by the 2×2 inverse.
TEST(Leontief, ProductiveTableBeyondTheNormBound) {
  Eigen::MatrixXd a(2, 2);
  a << 0, 2, 0.1, 0;
  EXPECT_NEAR(cs::spectralRadius(a), std::sqrt(0.2), 1e-12);
  const Eigen::MatrixXd l = cs::leontiefInverse(a);
  EXPECT_NEAR(l(0, 0), 1.25, 1e-12);
  EXPECT_NEAR(l(0, 1), 2.5, 1e-12);
  EXPECT_NEAR(l(1, 0), 0.125, 1e-12);
  EXPECT_NEAR(l(1, 1), 1.25, 1e-12);
}

// Column sums below 1 but a row sum above: the column norm alone settles it.
TEST(Leontief, ColumnSumsBelowOneAreProductive) {
  Eigen::MatrixXd a(2, 2);
  a << 0.6, 0.6, 0.3, 0.3;  // row 0 sums to 1.2, columns to 0.9
  const Eigen::MatrixXd l = cs::leontiefInverse(a);
  const Eigen::MatrixXd identity = Eigen::MatrixXd::Identity(2, 2);
  EXPECT_TRUE(((identity - a) * l).isApprox(identity, 1e-12));
}

TEST(Leontief, SingularTableIsAClearError) {
  Eigen::MatrixXd a(2, 2);
  a << 0.5, 0.5, 0.5, 0.5;  // I − A singular (eigenvalue 1)
  EXPECT_THROW(cs::leontiefInverse(a), cs::InputError);
}

TEST(Leontief, NegativeCoefficientNamesTheSectors) {
  Eigen::MatrixXd a(2, 2);
  a << 0.1, -0.2, 0.1, 0.1;
  try {
    cs::leontiefInverse(a, {"C19", "S"});
    FAIL();
  } catch (const cs::InputError& e) {
    EXPECT_STREQ(e.what(), "Leontief inverse: coefficient a('C19', 'S') is negative (-0.2)");
  }
}

TEST(Leontief, ZeroOutputSectorWithInputsIsAnError) {
  Eigen::MatrixXd z(2, 2);
  z << 1, 2, 3, 4;
  Eigen::VectorXd x(2);
  x << 10, 0;
  EXPECT_THROW(cs::technicalCoefficients(z, x, {"A", "B"}), cs::InputError);
}
