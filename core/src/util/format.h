#pragma once
// Number text for messages, logs and CSV cells: the one place core formats numbers.
#include <string>

namespace clustershift::util {

/// `value` with at most `significant` significant digits, like printf "%.*g" and like
/// `std::ostream << value` at that precision: 0.1 -> "0.1", 150 -> "150", 1e-7 -> "1e-07",
/// NaN -> "nan". The default (6) is what `std::ostream` prints by default.
std::string formatNumber(double value, int significant = 6);

/// `value` with exactly `decimals` digits after the point ("120.0" for 120, 1).
std::string formatFixed(double value, int decimals);

}  // namespace clustershift::util
