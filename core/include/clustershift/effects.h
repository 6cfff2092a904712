#pragma once
// Transfer effects: what moving (part of) a cluster does to the source region and to the
// host region(s) — value chain, innovation and industrial-structure upgrading — and how
// well the two upgrade together (coupling coordination, 区域间产业协同升级).
// Every formula, parameter, default and source is written out in docs/model.md,
// section "Transfer effects". Units: output, value added and R&D in 亿元 (100 million yuan);
// sector employment L in 10k persons; cluster jobs in persons; distances in km.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clustershift/data.h"
#include "clustershift/error.h"
#include "clustershift/feedback.h"
#include "clustershift/scenario.h"

namespace clustershift {

struct Results;

// ---------------------------------------------------------------------------------------
// Parameters (scenario "effects" block)
// ---------------------------------------------------------------------------------------

/// The indicators computed before and after for every affected region, in output order.
/// ts, isu, theil (structure indices), va_rate (value-added rate of the cluster segments
/// present), rd_intensity (R&D / GDP), gdp (亿元), jobs (10k persons).
const std::vector<std::string>& effectIndicators();

/// Knowledge-flow coefficient φ per mode (partial > replication > complete by default).
struct PhiByMode {
  double complete = 0.2;
  double partial = 0.6;
  double replication = 0.4;
  double of(TransferMode mode) const;
};

/// Parameters of the effects model; every member has its documented default.
struct EffectsParams {
  std::string host = "best";  ///< best | allocate | a park id
  int hostCount = 3;          ///< allocate: top-N feasible parks
  double theta = 0.3;         ///< θ: share of new host jobs drawn from agriculture
  double rho = 0.5;           ///< ρ: share of freed source jobs re-employed in services
  /// π: productivity of the re-employed as a share of the source's average service
  /// productivity Y3/L3 (low-end services)
  double reemploymentProductivity = 0.35;
  double mu = 0.05;         ///< μ: share of freed source VA reinvested in R&D/brand
  PhiByMode phi;            ///< φ_mode
  double decayKm = 300;     ///< δ_k: distance decay of the knowledge flow (km)
  double lambda = 0.5;      ///< λ: replication scale (default: scenario replication.scale)
  double beta = 2;          ///< β: allocation exponent on the score
  int horizonYears = 10;    ///< T: years of the ramp
  double midpointYear = 3;  ///< year of the ramp's inflection
  double steepness = 1.0;   ///< k of the logistic ramp (1/year)
  double flqDelta = 0.3;    ///< δ of Flegg's FLQ (Flegg & Webber 1997)
  double couplingA = 0.5;   ///< a in T = a·U_source + b·U_host
  double couplingB = 0.5;   ///< b
  /// indicator -> weight in U (normalised over the indicators defined before and after).
  std::map<std::string, double> uWeights;
  /// indicator -> change giving the full normalised score 1 (absolute change for ts, isu,
  /// theil, va_rate, rd_intensity; relative change for gdp and jobs).
  std::map<std::string, double> uScale;
  EffectsParams();
};

/// Parses the scenario's "effects" JSON block (may be empty: all defaults).
/// replicationScale: the default of λ (Scenario::replicationScale).
/// Throws ValidationError listing every problem with its JSON path, e.g.
/// "effects.theta: expected a share in [0,1], got 1.4".
EffectsParams parseEffectsParams(const nlohmann::json& effects, double replicationScale = 0.5);
/// The parameters as an effects block (round-trips through parseEffectsParams).
nlohmann::json toJson(const EffectsParams& params);

// ---------------------------------------------------------------------------------------
// Moved set and direct effects
// ---------------------------------------------------------------------------------------

/// The segments a mode moves and their totals at the host (before any multi-host split).
struct MovedSet {
  TransferMode mode = TransferMode::Complete;
  double scale = 1;           ///< λ in replication, 1 otherwise
  std::vector<int> segments;  ///< indices into ClusterProfile::segments
  std::vector<std::string> segmentIds;
  double outputYuan100m = 0;  ///< ΔX = λ Σ_K α_k X
  double vaYuan100m = 0;      ///< ΔVA = λ Σ_K v_k α_k X
  double jobs = 0;            ///< ΔE = λ Σ_K β_k E (persons)
  double landHa = 0;          ///< λ Σ_K β_k E / jobsPerHa_k
  double rdYuan100m = 0;      ///< cluster R&D moving with the segments
  bool sourceLoses = true;    ///< false in replication (the source keeps everything)
};

/// Moved set by mode: complete = every segment; partial = the listed segment ids (empty:
/// the profile's movable ones); replication = every segment at scale lambda.
/// Throws InputError for an unknown listed id ("moved_segments[1]: unknown segment 'x'
/// (known: ...)"), an empty partial set, or lambda outside (0, 1].
MovedSet movedSet(const ClusterProfile& cluster, TransferMode mode, const std::vector<std::string>& listed,
                  double lambda);

/// The part of a moved set one host receives (share of the moved capacity in [0, 1]).
struct DirectEffect {
  double outputYuan100m = 0;
  double vaYuan100m = 0;
  double jobs = 0;  ///< persons
  double landHa = 0;
  double rdYuan100m = 0;
};
DirectEffect directEffect(const MovedSet& moved, double share);

// ---------------------------------------------------------------------------------------
// Indirect effects: type-I multipliers of the FLQ-regionalised national table
// ---------------------------------------------------------------------------------------

/// Indirect effects per 亿元 of direct output in the cluster's IO sector, for one region.
struct IoMultipliers {
  bool available = false;           ///< false when no IO table or the sector is absent
  std::string sector;               ///< IO sector of the cluster industry
  double outputMultiplier = 1;      ///< type I: Σ_i L_ij
  double employmentMultiplier = 1;  ///< type I: Σ_i e_i L_ij / e_j
  double flqLambda = kNaN;          ///< λ* of the region
  /// indirect (total − direct) per unit of direct output, by broad sector 1..3:
  std::array<double, 3> indirectOutput{};  ///< 亿元 output per 亿元
  std::array<double, 3> indirectVa{};      ///< 亿元 VA per 亿元
  std::array<double, 3> indirectJobs{};    ///< 10k persons per 亿元
};

/// Broad sector (1, 2, 3) of an IO sector label: A → 1, S → 3, B..E and C## → 2.
int broadSectorOf(const std::string& ioSector);

/// Regional sector sizes for the FLQ: manufacturing C## from the industry-output table,
/// A from y1, B, D, E from y2 (a third each), S from y3 (documented approximation).
/// regionIndex −1 gives the study-area ("national") totals over all regions.
std::vector<double> ioSectorSizes(const Inputs& inputs, int regionIndex);

/// Multipliers of the cluster's industry in region regionIndex (FLQ with delta).
/// Warns through feedback (and returns available = false) when the IO table or the sector
/// is missing.
/// addedOutputYuan100m: direct output added to the cluster's sector before regionalising,
/// so the host's table describes its economy with the new plant (a sector absent before
/// would otherwise buy nothing locally).
IoMultipliers hostMultipliers(const Inputs& inputs, int regionIndex, const std::string& industry,
                              double flqDelta, Feedback& feedback, double addedOutputYuan100m = 0);

// ---------------------------------------------------------------------------------------
// Accounts, innovation, indices
// ---------------------------------------------------------------------------------------

/// Sector accounts of a region: value added Y1..Y3 (亿元), employment L1..L3 (10k persons),
/// R&D expenditure (亿元). GDP = Y1 + Y2 + Y3, jobs = L1 + L2 + L3.
struct SectorAccounts {
  std::array<double, 3> y{};
  std::array<double, 3> l{};
  double rd = 0;
  double gdp() const { return y[0] + y[1] + y[2]; }
  /// 10k persons, like l (ClusterProfile::jobs, MovedSet::jobs, DirectEffect::jobs: persons).
  double jobs() const { return l[0] + l[1] + l[2]; }
};

/// Accounts from a region's core columns (y1..y3, l1..l3, rd). Throws InputError naming
/// the region and column when one is missing or negative.
SectorAccounts accountsOf(const Region& region, const std::string& label = "regions");

/// Host: adds direct VA/jobs to the secondary sector plus indirect VA/jobs by sector, draws
/// θ of all new jobs out of agriculture at agricultural productivity (Y1/L1), adds moved
/// R&D and the knowledge flow (R&D-equivalent). Returns the after-accounts.
SectorAccounts hostAfter(const SectorAccounts& before, const DirectEffect& direct,
                         const IoMultipliers& multipliers, double theta, double knowledgeFlowYuan100m);

/// Source: removes the moved VA and jobs from the secondary sector (unless replication),
/// re-employs ρ of the freed jobs in services at π × the average service productivity
/// (Y3/L3), moves out the cluster R&D that leaves and adds μ of the freed VA to R&D.
SectorAccounts sourceAfter(const SectorAccounts& before, const DirectEffect& moved, bool sourceLoses,
                           double rho, double mu, double productivityFactor = 1.0);

/// Host absorptive capacity in [0, 1]: host R&D intensity relative to the source's, capped at 1
/// (Cohen & Levinthal 1990 idea; the ratio form is a planning assumption).
double absorptiveCapacity(const SectorAccounts& host, const SectorAccounts& source);

/// Knowledge flow source → host (亿元 R&D-equivalent per year):
/// K = φ · RD · absorptive · exp(−d/δ_k). Throws InputError on negative inputs or δ_k ≤ 0.
double knowledgeFlow(double phi, double rdYuan100m, double absorptive, double distanceKm, double decayKm);

/// The indicators of one region state.
struct RegionIndicators {
  double ts = kNaN;
  double isu = kNaN;
  double theil = kNaN;
  double vaRate = kNaN;       ///< NaN when no cluster segment is present
  double rdIntensity = kNaN;  ///< R&D / GDP
  double gdp = kNaN;
  double jobs = kNaN;
  double get(const std::string& indicator) const;  ///< by effectIndicators() name
};

/// TS, ISU, Theil (structureIndices from indices.h), R&D intensity, GDP and jobs of the
/// accounts; vaRate as given.
RegionIndicators indicatorsOf(const SectorAccounts& accounts, double vaRate);

/// Upgrading index U in [0, 1]: Σ w_i u_i / Σ w_i with u_i = clamp(sign_i · Δ_i / scale_i, 0, 1),
/// Δ_i the absolute (ratios) or relative (gdp, jobs) change, sign −1 for theil (lower =
/// more rational). Indicators undefined before or after are left out. parts (optional)
/// receives u_i per indicator.
double upgradingIndex(const RegionIndicators& before, const RegionIndicators& after,
                      const EffectsParams& params, std::map<std::string, double>* parts = nullptr);

// ---------------------------------------------------------------------------------------
// Coupling coordination (廖重斌 1999 classes)
// ---------------------------------------------------------------------------------------

struct CouplingClass {
  int index = 0;  ///< 0 (极度失调, D < 0.1) … 9 (优质协调, D ≥ 0.9); -1 not applicable (replication)
  std::string labelZh;
  std::string labelEn;
};
/// Class of a coordination degree D in [0, 1] (ten classes of width 0.1; a tolerance of
/// 1e-9 puts values a rounding error below a boundary into the upper class).
CouplingClass couplingClass(double d);
/// Index -1, 不适用 / "not applicable": replication, whose source does not change (U_source = 0).
CouplingClass notApplicableCouplingClass();

struct Coupling {
  std::string sourceId;
  std::string hostId;
  double uSource = kNaN;
  double uHost = kNaN;
  double c = kNaN;  ///< C = 2√(U1·U2)/(U1+U2); 0 when U1 + U2 = 0
  double t = kNaN;  ///< T = a·U1 + b·U2
  double d = kNaN;  ///< D = √(C·T)
  CouplingClass cls;
};
/// Throws InputError when a U is outside [0, 1].
Coupling couplingCoordination(double uSource, double uHost, double a = 0.5, double b = 0.5);

// ---------------------------------------------------------------------------------------
// Time path and allocation
// ---------------------------------------------------------------------------------------

/// Cumulative share of the transfer done by year t = 0..T: R(t) = (σ(t) − σ(0))/(σ(T) − σ(0)),
/// σ(t) = 1/(1 + exp(−k(t − m))). R(0) = 0, R(T) = 1; the yearly increments sum to 1.
/// Throws InputError for T < 1 or k ≤ 0.
std::vector<double> logisticRamp(int horizonYears, double midpointYear, double steepness);

/// Multi-host split of the moved capacity (total 1) ∝ score^β, each host capped at its
/// capacity (share of the moved capacity its land can carry), the excess passed on to the
/// others (water-filling).
struct Allocation {
  std::vector<double> shares;  ///< per host, Σ ≤ 1
  double unallocated = 0;      ///< 1 − Σ shares (> 0 when all capacities are exhausted)
};
/// capacities: share of the moved capacity each host can take (∞ allowed). Non-positive
/// scores weigh 0 unless all are non-positive (then equal weights). Throws InputError on
/// size mismatch, negative capacity or β < 0.
Allocation waterFill(const std::vector<double>& scores, const std::vector<double>& capacities, double beta);

// ---------------------------------------------------------------------------------------
// The projection
// ---------------------------------------------------------------------------------------

struct HostEffect {
  int park = -1;  ///< index into Inputs::parks
  std::string parkId;
  std::string parkName;
  int region = -1;  ///< index into Inputs::regions
  std::string regionId;
  int rank = 0;
  double score = kNaN;
  double share = 1;             ///< share of the moved capacity
  double capacityShare = kNaN;  ///< land capacity as share of the moved capacity (∞ if unknown)
  double distanceKm = kNaN;
  double lon = kNaN, lat = kNaN;
  DirectEffect direct;
  IoMultipliers multipliers;
  double indirectOutputYuan100m = 0;
  double indirectVaYuan100m = 0;
  double indirectJobs = 0;  ///< persons
  double absorptive = kNaN;
  double knowledgeFlowYuan100m = 0;
};

/// Before/after of one affected region (the source and each distinct host region).
struct RegionEffect {
  int region = -1;
  std::string regionId;
  std::string regionName;
  std::string regionNameZh;
  std::string role;  ///< source | host | source+host
  SectorAccounts accountsBefore, accountsAfter;
  RegionIndicators before, after;
  double upgrading = kNaN;               ///< U
  std::map<std::string, double> uParts;  ///< u_i per indicator
};

/// One value of the yearly time path.
struct TimelineRow {
  int year = 0;
  double ramp = 0;  ///< cumulative share R(t)
  std::string regionId;
  std::string indicator;  ///< effectIndicators() names, "u" and "coupling_d" (host rows)
  double value = kNaN;
};

struct EffectsResult {
  TransferMode mode = TransferMode::Complete;
  EffectsParams params;
  MovedSet moved;
  std::string sourceRegionId;
  double sourceLon = kNaN, sourceLat = kNaN;
  std::vector<HostEffect> hosts;
  double unallocatedShare = 0;
  std::vector<RegionEffect> regions;  ///< source first, then host regions
  std::vector<Coupling> coupling;     ///< one per host region
  std::vector<double> ramp;           ///< R(t), t = 0..T
  std::vector<TimelineRow> timeline;

  const RegionEffect* regionEffect(const std::string& regionId) const;
};

/// Projects the effects of the scenario's transfer onto the host(s) chosen from the
/// ranking (EffectsParams::host). Throws InputError when the source region is missing,
/// no feasible host exists, a named host park is unknown, or region columns are missing;
/// ValidationError for invalid effect parameters.
EffectsResult projectEffects(const Scenario& scenario, const Inputs& inputs, const Results& ranking,
                             Feedback& feedback);

/// Runs projectEffects on a finished ranking and stores the result in results.effects; the
/// host flows in results.flows (added when missing) get moved output, VA, jobs and the
/// knowledge flow. For core::run and the CLI. Throws as projectEffects.
void attachEffects(Results& results, const Scenario& scenario, const Inputs& inputs, Feedback& feedback);

/// The same cluster, source and host choice under all three modes.
struct ModeComparison {
  std::vector<EffectsResult> modes;  ///< complete, partial, replication
};
ModeComparison compareModes(const Scenario& scenario, const Inputs& inputs, const Results& ranking,
                            Feedback& feedback);

/// Column names of the comparison table.
const std::vector<std::string>& comparisonColumns();
/// One row of text cells per mode (same order as comparisonColumns()).
std::vector<std::vector<std::string>> comparisonRows(const ModeComparison& comparison);
/// Writes the comparison as CSV (UTF-8; temporary name, renamed on success). Throws IoError.
void writeComparisonCsv(const std::string& path, const ModeComparison& comparison);
/// The comparison as a fixed-width text table (modes as columns, indicators as rows).
std::string comparisonTable(const ModeComparison& comparison);

}  // namespace clustershift
