#pragma once
// Small shared infrastructure used by core, layers, the CLI and the plugin: number text, text
// trimming, CSV cells, SQL literals and identifiers, atomic file writes, nearest-rank quantiles,
// progress ranges. One copy each; do not write another.
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace clustershift::util {

/// `value` with at most `significant` significant digits, like printf "%.*g" and like
/// `std::ostream << value` at that precision: 0.1 -> "0.1", 150 -> "150", 1e-7 -> "1e-07",
/// NaN -> "nan". The default (6) is what `std::ostream` prints by default.
std::string formatNumber(double value, int significant = 6);

/// `value` with exactly `decimals` digits after the point ("120.0" for 120, 1).
std::string formatFixed(double value, int decimals);

/// `text` without leading and trailing blanks (space, tab, CR, LF).
std::string trim(const std::string& text);

/// One CSV cell: quoted (RFC 4180: inner quotes doubled) when it holds the separator, a quote,
/// a carriage return or a line feed; otherwise unchanged.
std::string csvQuote(const std::string& cell, char separator = ',');

/// An SQL string literal: 'text' with inner single quotes doubled.
std::string sqlLiteral(const std::string& text);

/// An SQL identifier: "name" with inner double quotes doubled (SQLite, PostgreSQL).
std::string sqlIdentifier(const std::string& name);

/// The plain words for a write failure (an errno value): "disk full", "read-only file system",
/// "disk quota exceeded", "permission denied", "file size limit reached", else strerror.
std::string writeFailureReason(int errorNumber);

/// Writes a file atomically: `write` fills a temporary file in the same folder
/// (".<name>.tmp-XXXXXX"), which is flushed to disk (fsync), checked and renamed onto `path`.
/// On any failure (including an exception thrown by `write`) the temporary file is removed and
/// an earlier file at `path` is left as it was. Throws IoError
/// "<path>: cannot write (<reason>); the earlier file is kept", or rethrows what `write` threw.
void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write);

/// 0-based index of the nearest-rank `q`-quantile (q in [0, 1]) of `count` ≥ 1 sorted values:
/// ⌈q·count⌉ − 1, at least 0 (Hyndman & Fan 1996, definition 1). 5 % of 200 -> 9.
std::size_t nearestRankIndex(double q, std::size_t count);

/// The nearest-rank `q`-quantile of `values` (reordered in place), NaN when empty.
double nearestRankQuantile(std::vector<double>& values, double q);

/// Maps the progress `fraction` (clamped to [0, 1]) of one phase onto [from, to] of the whole.
double scaleProgress(double fraction, double from, double to);

/// Worker threads to use: `requested` when > 0, else one per processor core (at least 1).
unsigned threadCount(int requested = 0);

/// Runs work(t) for t = 0 … count − 1 at the same time, t = 0 on the calling thread; waits for
/// all of them, then rethrows the exception of the lowest t that threw (an exception never
/// leaves a std::thread). A worker that should stop early when another one fails watches a
/// shared flag of its own.
void runOnThreads(unsigned count, const std::function<void(unsigned t)>& work);

}  // namespace clustershift::util
