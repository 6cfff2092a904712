#pragma once
// Economic indices: relatedness (RCA, presence, proximity, density), location quotients,
// regional structure indices (TS, ISU, Theil), input–output (Leontief inverse, output
// multipliers, FLQ regionalisation) and a small labelled-CSV reader/writer for planners'
// own yearbook tables. Pure functions over Eigen matrices; no GIS.
//
// Conventions: matrices are Eigen::MatrixXd; region × industry tables have regions as rows.
// An input–output coefficient a(i, j) is the input from sector i per unit of output of
// sector j (columns are buying sectors), as in Miller & Blair (2009), ch. 2.
#include <array>
#include <string>
#include <vector>

#include <Eigen/Dense>

#include "clustershift/data.h"
#include "clustershift/error.h"

namespace clustershift {

// ---------------------------------------------------------------------------------------
// Labelled CSV tables
// ---------------------------------------------------------------------------------------

/// A numeric table with row labels (first column) and column labels (header row).
struct CsvTable {
  std::string path;                  ///< file it came from (for messages); may be empty
  std::string idColumn = "id";       ///< header of the label column
  std::vector<std::string> columns;  ///< headers of the value columns
  std::vector<std::string> rowIds;   ///< first-column labels, in file order
  std::vector<std::vector<double>> values;  ///< [row][column]; NaN for an empty cell
  std::vector<int> lines;            ///< file line (1 = header) of each row, for messages

  /// Index of a value column by exact name, -1 when absent.
  int columnIndex(const std::string& name) const;
  /// Index of a row by label, -1 when absent.
  int rowIndex(const std::string& id) const;
  /// "file.csv row 3 (line 4, id '330300'), column 'C19'" — for error messages.
  std::string where(int row, int column) const;
  /// The values as a matrix; throws InputError naming file, row, column on an empty cell.
  Eigen::MatrixXd matrix() const;
};

/// Which columns of a CSV file to read.
struct CsvReadOptions {
  /// Label column by name; empty: the first column.
  std::string idColumn;
  /// Value columns to read, in this order; empty: every column but the label column. Other
  /// columns are skipped unparsed (they may hold text).
  std::vector<std::string> columns;
};

/// Reads a comma-separated table with a header row; the label column holds row ids, every
/// value cell a number (empty = NaN). Accepts a UTF-8 BOM, CRLF line ends, double-quoted
/// cells and blank trailing lines. Throws IoError when the file cannot be read, InputError
/// naming file, row, column and value for a non-numeric cell, a ragged row, a duplicate
/// label, a requested column that is absent or an empty table.
CsvTable readCsvTable(const std::string& path, const CsvReadOptions& options = {});
/// Parses CSV text (as readCsvTable); label is used as the file name in messages.
CsvTable parseCsvTable(const std::string& text, const std::string& label,
                       const CsvReadOptions& options = {});
/// Writes a table (label column header = table.idColumn) with up to 10 significant digits;
/// writes to a temporary name and renames on success. Throws IoError.
void writeCsvTable(const std::string& path, const CsvTable& table);
/// Builds a CsvTable from a matrix and labels (sizes must match; throws InputError).
CsvTable makeCsvTable(const std::string& idColumn, const std::vector<std::string>& rowIds,
                      const std::vector<std::string>& columns, const Eigen::MatrixXd& values);

/// A region × industry matrix from a CsvTable (first column region id). Empty cells stay NaN.
IndustryMatrix industryMatrixFromCsv(const CsvTable& table);
/// A technical-coefficient table from a CsvTable: square, same labels in the same order on
/// both axes, no empty cells. Throws InputError naming the file and the offending label;
/// `what` names the table in messages ("technical-coefficient table", "transactions table").
IoTable ioTableFromCsv(const CsvTable& table,
                       const std::string& what = "technical-coefficient table");

/// Region × industry values as a matrix (NaN kept).
Eigen::MatrixXd toMatrix(const IndustryMatrix& matrix);
/// Technical coefficients as a matrix.
Eigen::MatrixXd toMatrix(const IoTable& table);

// ---------------------------------------------------------------------------------------
// Relatedness (Hidalgo, Klinger, Barabási & Hausmann 2007, Science 317:482)
// ---------------------------------------------------------------------------------------

/// Revealed comparative advantage (Balassa 1965) of each region in each industry:
///   RCA_rp = (x_rp / Σ_p x_rp) / (Σ_r x_rp / Σ_rp x_rp).
/// output: regions × industries, non-negative (亿元 or any common unit). Rows or columns
/// summing to zero get RCA 0. Throws InputError (naming row and column) on a negative or
/// missing (NaN) value or an all-zero table.
Eigen::MatrixXd revealedComparativeAdvantage(const Eigen::MatrixXd& output);

/// Presence M_rp = 1 when RCA_rp ≥ threshold (default 1), else 0.
Eigen::MatrixXd presenceMatrix(const Eigen::MatrixXd& rca, double threshold = 1.0);

/// Proximity φ_pq = min(P(M_p | M_q), P(M_q | M_p)) = Σ_r M_rp M_rq / max(k_p, k_q),
/// k_p = Σ_r M_rp (ubiquity). Symmetric, industries × industries; φ_pp = 1 for an industry
/// present somewhere, 0 for one present nowhere (as is φ_pq when both are absent).
Eigen::MatrixXd proximityMatrix(const Eigen::MatrixXd& presence);

/// Relatedness density ω_rp = Σ_{q≠p} M_rq φ_pq / Σ_{q≠p} φ_pq. The industry itself is left
/// out of both sums, so ω_rp measures the related capabilities around p, not whether r
/// already specialises in p (that is the location quotient / industrial_base). An industry
/// with no proximity to any other (denominator 0) gets density 0.
Eigen::MatrixXd relatednessDensity(const Eigen::MatrixXd& presence,
                                   const Eigen::MatrixXd& proximity);

/// All four relatedness matrices.
struct Relatedness {
  Eigen::MatrixXd rca;        ///< regions × industries
  Eigen::MatrixXd presence;   ///< regions × industries, 0/1
  Eigen::MatrixXd proximity;  ///< industries × industries
  Eigen::MatrixXd density;    ///< regions × industries, [0,1]
};
/// RCA → presence → proximity → density in one call (throws as revealedComparativeAdvantage).
Relatedness computeRelatedness(const Eigen::MatrixXd& output, double rcaThreshold = 1.0);

// ---------------------------------------------------------------------------------------
// Location quotient
// ---------------------------------------------------------------------------------------

/// Simple location quotient of every region and industry, from the region × industry output
/// table: LQ_ri = (x_ri / Σ_j x_rj) / (Σ_s x_si / Σ_sj x_sj) (Isard 1960; Miller & Blair
/// 2009, §8.3). Numerically the same as RCA; missing (NaN) cells count as 0 in the totals
/// and give NaN for their own LQ. Throws InputError on a negative value or an all-zero table.
Eigen::MatrixXd locationQuotients(const Eigen::MatrixXd& output);
/// LQ of one region and industry (indices into the matrix). NaN when the cell is missing
/// or the region's total is zero.
double locationQuotient(const IndustryMatrix& matrix, int region, int industry);

// ---------------------------------------------------------------------------------------
// Structure indices (Gan, Zheng & Yu 2011, 经济研究 46(5):4–16)
// ---------------------------------------------------------------------------------------

/// Structure indices of one region from sector value added Y1..Y3 (亿元) and employment
/// L1..L3 (10k persons).
struct StructureIndices {
  double ts = kNaN;     ///< advancement TS = Y3 / Y2
  double isu = kNaN;    ///< upgrading ISU = Σ_s s · Y_s / Y, in [1, 3]
  double theil = kNaN;  ///< rationalisation Theil TL = Σ_s (Y_s/Y) ln((Y_s/L_s)/(Y/L)); 0 = balanced
  std::vector<std::string> warnings;  ///< zero sectors etc. (English, without location)
};

/// Computes TS, ISU and Theil. A sector with zero output or zero jobs contributes a Theil
/// term of 0 (warning); Y2 = 0 gives TS = 0 (warning); Y = 0 or L = 0 gives 0 for the
/// affected indices (warning) — never NaN from zeros. A missing (NaN) input gives NaN for
/// the indices that need it (warning). Throws InputError on a negative value.
StructureIndices structureIndices(const std::array<double, 3>& y, const std::array<double, 3>& l);

/// Structure indices of a region from its core columns y1..y3, l1..l3.
StructureIndices structureIndices(const Region& region);

// ---------------------------------------------------------------------------------------
// Input–output (Miller & Blair 2009, 2nd ed., ch. 2)
// ---------------------------------------------------------------------------------------

/// Technical coefficients a_ij = z_ij / x_j from the transactions matrix Z (n × n) and
/// total outputs x (n). labels (optional, size n) name sectors in messages. Throws
/// InputError on a size mismatch, a negative or NaN entry, or x_j ≤ 0 with a non-zero
/// column j of Z (a column with x_j = 0 and no inputs gives zero coefficients).
Eigen::MatrixXd technicalCoefficients(const Eigen::MatrixXd& z, const Eigen::VectorXd& x,
                                      const std::vector<std::string>& labels = {});

/// Spectral radius (largest |eigenvalue|) of a square matrix.
double spectralRadius(const Eigen::MatrixXd& a);

/// Leontief inverse L = (I − A)^-1. Throws InputError when A is not square, has a negative
/// or NaN entry, is non-productive (spectral radius ≥ 1: the economy cannot satisfy any
/// positive final demand, Hawkins–Simon), I − A is singular, or L has a negative entry.
/// Messages name the offending sector from labels when given.
Eigen::MatrixXd leontiefInverse(const Eigen::MatrixXd& a,
                                const std::vector<std::string>& labels = {});

/// Simple output multipliers m_j = Σ_i L_ij (column sums of the Leontief inverse).
Eigen::VectorXd outputMultipliers(const Eigen::MatrixXd& leontief);

// ---------------------------------------------------------------------------------------
// FLQ regionalisation (Flegg, Webber & Elliott 1995; Flegg & Webber 1997, Regional
// Studies 31(8):795–805)
// ---------------------------------------------------------------------------------------

constexpr double kFlqDelta = 0.3;  ///< δ, Flegg & Webber (1997) recommend ≈ 0.3

/// λ* = [log2(1 + TRE/TNE)]^δ: the regional size adjustment (TRE, TNE: regional and
/// national totals in the same unit, employment or output). Throws InputError unless
/// 0 < TRE ≤ TNE and 0 ≤ δ < 1.
double flqLambda(double regionalTotal, double nationalTotal, double delta = kFlqDelta);

/// FLQ_ij = CILQ_ij · λ* for i ≠ j, SLQ_i · λ* on the diagonal, with SLQ_i = (RE_i/TRE) /
/// (NE_i/TNE) and CILQ_ij = SLQ_i / SLQ_j. regional, national: sector sizes (employment or
/// output), same order as the rows/columns of the coefficients. Sector absent in the
/// region (RE_j = 0): FLQ column j is 0.
Eigen::MatrixXd flqQuotients(const Eigen::VectorXd& regional, const Eigen::VectorXd& national,
                             double delta = kFlqDelta);

/// Regional coefficients r_ij = a_ij · min(FLQ_ij, 1) from national coefficients a.
/// Throws InputError on mismatched sizes or negative/NaN sizes.
Eigen::MatrixXd flqRegionalise(const Eigen::MatrixXd& nationalA, const Eigen::VectorXd& regional,
                               const Eigen::VectorXd& national, double delta = kFlqDelta);

}  // namespace clustershift
