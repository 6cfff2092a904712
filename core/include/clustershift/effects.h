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
/// ts, isu, theil (structure indices, reported), h (productivity-weighted advancement H,
/// the structure mechanism), lp2 (secondary-sector VA per worker, 万元/person, the value-chain
/// mechanism), va_rate (value-added rate of the cluster segments present), rd_intensity
/// (R&D / GDP, the innovation mechanism), gdp (亿元), jobs (10k persons).
const std::vector<std::string>& effectIndicators();

/// The three upgrading mechanisms, in output order: vc (value chain), inn (innovation),
/// str (industrial structure).
const std::vector<std::string>& mechanismNames();

/// One key of the scenario's "effects" block in words, as docs/model.md ("Parameters") and the
/// report's methods appendix give it: its symbol, what it means and where its value comes from.
struct EffectParamDoc {
  const char* key;        ///< "theta"
  const char* symbol;     ///< "θ"
  const char* meaning;    ///< English
  const char* meaningZh;  ///< Chinese
  const char* source;     ///< "planning assumption", a citation, …
  const char* sourceZh;
};
/// Every key parseEffectsParams() reads, in the order of toJson(EffectsParams); the parser's
/// "unknown key" problem lists them.
const std::vector<EffectParamDoc>& effectParamDocs();

/// A coefficient per mode (knowledge flows).
struct PhiByMode {
  double complete = 0.2;
  double partial = 0.6;
  double replication = 0.4;
  double of(TransferMode mode) const;
};

/// Ranges of the Monte Carlo over the effect parameters (docs/model.md "Uncertainty of the
/// effects").
struct EffectsUncertaintySettings {
  int draws = 1000;         ///< 0: no Monte Carlo
  unsigned seed = 42;       ///< std::mt19937_64 seed
  double spread = 0.5;      ///< each parameter uniform on default·[1 − spread, 1 + spread] ∩ its valid range
  double lambdaSpread = 0.2;  ///< λ uniform on λ·[1 − s, 1 + s] ∩ (0, 1]
};

/// Parameters of the effects model; every member has its documented default
/// (PA = planning assumption, see docs/model.md).
struct EffectsParams {
  bool enabled = true;        ///< false: the run ranks only (no effects tables, no effects pages)
  std::string host = "best";  ///< best | allocate | a park id
  int hostCount = 3;          ///< allocate: top-N feasible parks
  /// θ: share of new host jobs drawn from agriculture while the host has surplus farm labour
  /// (PA); scaled by max(0, 1 − s1*/S1) and capped at the surplus L1 − s1*·L.
  double theta = 0.6;
  /// s1*: agricultural employment share of a developed economy; farm labour above it is
  /// surplus (Lewis 1954) (PA).
  double agricultureBenchmark = 0.05;
  /// ρ: share of the freed source workers not re-hired on the re-let land who take service jobs
  /// locally; the others (largely migrant workers) follow the plant or return home (PA)
  double rho = 0.3;
  /// π: productivity of the re-employed as a share of the source's average service
  /// productivity Y3/L3 (low-end services)
  double reemploymentProductivity = 0.35;
  /// κ: share of the freed cluster jobs' land re-let to new manufacturing firms at the
  /// source's average manufacturing productivity (腾笼换鸟) (PA)
  double reuse = 0.5;
  double mu = 0.05;         ///< μ: share of freed source VA reinvested in R&D/brand
  PhiByMode phi;            ///< φ_mode: source → host knowledge flow
  PhiByMode phiReverse{0.1, 0.3, 0.3};  ///< φ_rev: host plants → source (reverse) flow
  double decayKm = 300;     ///< δ_k: distance decay of knowledge flows (km)
  /// r: VA gained by host local manufacturing per 亿元 of knowledge flow, scaled by the
  /// productivity gap (Hall, Mairesse & Mohnen 2010 rates of return to R&D)
  double spilloverReturn = 0.3;
  double lambda = 0.5;      ///< λ: replication scale (default: scenario replication.scale)
  double hubGrowth = 0.5;   ///< η: replication: the source's non-movable segments grow by η·λ (PA)
  double tau = 0.5;         ///< τ: replication: source's share of the replica's VA and tax (PA)
  double taxRate = 0.08;    ///< tax / VA of the moved segments (PA)
  double beta = 2;          ///< β: allocation exponent on the score
  int horizonYears = 10;    ///< T: years of the ramp
  double midpointYear = 3;  ///< year of the ramp's inflection
  double steepness = 1.0;   ///< k of the logistic ramp (1/year)
  double flqDelta = 0.3;    ///< δ of Flegg's FLQ (Flegg & Webber 1997)
  double couplingA = 0.5;   ///< a in T = a·Ũ_source + b·Ũ_host
  double couplingB = 0.5;   ///< b
  /// Benchmarks of H (万元 VA per worker, sectors 1..3): pre-industrial LP_b and developed LP_f (PA).
  std::array<double, 3> lpPreIndustrial{0.5, 1.0, 1.0};
  std::array<double, 3> lpDeveloped{15.0, 35.0, 35.0};
  /// mechanism (vc, inn, str) -> weight in U (normalised).
  std::map<std::string, double> mechanismWeights;
  /// mechanism -> change counting as one full unit of U (vc: relative change of lp2; inn:
  /// relative change of R&D intensity; str: absolute change of H).
  std::map<std::string, double> mechanismScale;
  EffectsUncertaintySettings uncertainty;
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
  double rdYuan100m = 0;      ///< cluster R&D moving with (replication: built with) the segments
  bool sourceLoses = true;    ///< false in replication (the source keeps everything)
  /// Replication hub: the segments not replicated (R&D, design, brand) and their share of
  /// the cluster's R&D; they grow at the source to serve both plants.
  double hubVaPerScale = 0;    ///< Σ_{k∉K} v_k α_k X (亿元 at growth 1)
  double hubJobsPerScale = 0;  ///< Σ_{k∉K} β_k E (persons at growth 1)
  double hubRdShare = 0;       ///< share of the cluster R&D attached to the segments not in K
};

/// Moved set by mode: complete = every segment; partial = the listed segment ids (empty:
/// the profile's movable ones); replication = the same choice as partial (the replica is
/// built from the movable segments) at scale lambda, while the source keeps everything.
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
/// regionIndex −1 gives the "national" totals: the IO table's `national_output` column when
/// present, else the sum over the study area's regions.
std::vector<double> ioSectorSizes(const Inputs& inputs, int regionIndex);

/// Multipliers of the cluster's industry in region regionIndex (FLQ with delta).
/// Warns through feedback (and returns available = false) when the IO table or the sector
/// is missing, and once when the FLQ falls back to study-area totals.
/// addedOutputYuan100m: direct output added to the cluster's sector before regionalising,
/// so a host's table describes its economy with the new plant (a sector absent before
/// would otherwise buy nothing locally). The source uses 0.
/// nationalSizes: ioSectorSizes(inputs, -1) when the caller has it already (the Monte Carlo).
IoMultipliers regionMultipliers(const Inputs& inputs, int regionIndex, const std::string& industry,
                                double flqDelta, Feedback& feedback, double addedOutputYuan100m = 0,
                                const std::vector<double>* nationalSizes = nullptr);

// ---------------------------------------------------------------------------------------
// Accounts, innovation, indices
// ---------------------------------------------------------------------------------------

/// Sector accounts of a region: value added Y1..Y3 (亿元), employment L1..L3 (10k persons),
/// R&D expenditure (亿元) and value added credited from (+) or to (−) a co-building partner
/// (replication's GDP sharing, 亿元). GDP = Y1 + Y2 + Y3 + shared, jobs = L1 + L2 + L3.
struct SectorAccounts {
  std::array<double, 3> y{};
  std::array<double, 3> l{};
  double rd = 0;
  double sharedVa = 0;
  double gdp() const { return y[0] + y[1] + y[2] + sharedVa; }
  double production() const { return y[0] + y[1] + y[2]; }
  /// 10k persons, like l (ClusterProfile::jobs, MovedSet::jobs, DirectEffect::jobs: persons).
  double jobs() const { return l[0] + l[1] + l[2]; }
};

/// Relative tolerance of the accounts after a transfer (settleResidues).
constexpr double kAccountResidue = 1e-9;

/// Sets to 0 what is below zero only by a floating-point residue of subtractions that cancel
/// (a sector drained to nothing can come out as −8.9e−16 亿元): y_s within kAccountResidue ×
/// Σ|y| of zero, l_s within kAccountResidue × Σ|l|, rd within kAccountResidue × (Σ|y| + |rd|).
/// Real negatives stay (and are rejected with the region named when the effects are projected).
void settleResidues(SectorAccounts& accounts);

/// Accounts from a region's core columns (y1..y3, l1..l3, rd). Throws InputError naming
/// the region and column when one is missing or negative.
SectorAccounts accountsOf(const Region& region, const std::string& label = "regions");

/// What arrives at one host (all flows per year; jobs in persons).
struct HostInflow {
  DirectEffect direct;           ///< the plant (secondary sector)
  IoMultipliers multipliers;     ///< the host's regionalised multipliers
  double knowledgeFlowYuan100m = 0;  ///< K: source → host, R&D-equivalent
  double spilloverVaYuan100m = 0;    ///< VA gained by host local manufacturing (no new jobs)
  double sharedVaYuan100m = 0;       ///< replication: VA credited to the source (leaves host GDP)
};

/// Host after the transfer: direct VA/jobs into the secondary sector plus indirect VA/jobs by
/// sector; of all new jobs N a share θ_h = θ·max(0, 1 − s1*/S1) comes from agriculture,
/// capped at the surplus L1 − s1*·L (agricultural VA leaves in proportion, so no account turns
/// negative), the rest from outside the accounts (in-migration); local firms' VA rises by the
/// spill-over; R&D gains the moved R&D and K; the shared VA is credited away.
/// drawnFromAgriculture (optional) receives the workers drawn (10k persons).
SectorAccounts hostAfter(const SectorAccounts& before, const HostInflow& inflow, double theta,
                         double agricultureBenchmark, double* drawnFromAgriculture = nullptr);

/// What leaves (or, in replication, grows at) the source (per year; jobs in persons).
struct SourceChange {
  bool sourceLoses = true;          ///< complete/partial: the moved segments leave
  DirectEffect leaving;             ///< moved VA, jobs, R&D (all hosts together)
  IoMultipliers multipliers;        ///< the source's own multipliers (supplier losses)
  double hubVaYuan100m = 0;         ///< replication: growth of the hub segments
  double hubJobs = 0;               ///< persons
  double hubRdYuan100m = 0;
  double reverseFlowYuan100m = 0;   ///< knowledge flowing back from the host plants
  double sharedVaYuan100m = 0;      ///< replication: VA credited from the replica
};

/// Source after the transfer. Complete/partial: the moved VA and jobs leave the secondary
/// sector, and with them the source's suppliers' VA and jobs (its own type-I multipliers);
/// κ of the freed cluster jobs are re-hired on the re-let land at the source's average
/// manufacturing productivity (Y2/L2); ρ of the other freed workers find service jobs at π ×
/// Y3/L3; the moved R&D leaves and μ of the freed VA is reinvested in R&D. Replication: the
/// hub segments grow. Both: the reverse knowledge flow adds to R&D, the shared VA to GDP.
SectorAccounts sourceAfter(const SectorAccounts& before, const SourceChange& change, const EffectsParams& params);

/// Host absorptive capacity: the host's R&D intensity relative to the source's (Cohen &
/// Levinthal 1990 idea; ratio form PA), not capped: a host that researches more than the
/// source absorbs more. 0 when the host has no GDP; 1 when the source has no R&D.
double absorptiveCapacity(const SectorAccounts& host, const SectorAccounts& source);

/// Knowledge flow from a pool of R&D (亿元/yr, R&D-equivalent):
/// K = min(pool, φ · pool · absorptive · exp(−d/δ_k)). The min is conservation: no more
/// knowledge flows than the R&D where it flows from. Throws InputError on negative inputs or
/// δ_k ≤ 0.
double knowledgeFlow(double phi, double poolYuan100m, double absorptive, double distanceKm, double decayKm);

/// The indicators of one region state.
struct RegionIndicators {
  double ts = kNaN;           ///< advancement TS = Y3 / Y2 (ratio)
  double isu = kNaN;          ///< upgrading ISU = Σ_s s · Y_s / Y, 1–3 (dimensionless)
  double theil = kNaN;        ///< Theil index of structural rationality (dimensionless, 0 = balanced)
  double h = kNaN;            ///< productivity-weighted advancement H (刘伟, 张辉 & 黄泽华 2008)
  double lp2 = kNaN;          ///< secondary-sector VA per worker (万元/person)
  double vaRate = kNaN;       ///< NaN when no cluster segment is present
  double rdIntensity = kNaN;  ///< R&D / GDP
  double gdp = kNaN;          ///< 亿元 (incl. shared VA)
  double jobs = kNaN;         ///< 10k persons
  double get(const std::string& indicator) const;  ///< by effectIndicators() name
};

/// H = Σ_s (Y_s/Y)·(LP_s − LP_b,s)/(LP_f,s − LP_b,s) with LP_s = Y_s/L_s (万元/person), Y the
/// production VA (刘伟, 张辉 & 黄泽华 2008). A sector without workers contributes its VA share
/// at LP_f (NaN when Y = 0).
double advancementIndex(const SectorAccounts& accounts, const std::array<double, 3>& lpPreIndustrial,
                        const std::array<double, 3>& lpDeveloped);

/// TS, ISU, Theil (structureIndices from indices.h), H, lp2, R&D intensity, GDP and jobs of
/// the accounts; vaRate as given.
RegionIndicators indicatorsOf(const SectorAccounts& accounts, double vaRate, const EffectsParams& params);

/// The signed mechanism changes of one region (each can be negative).
struct Mechanisms {
  double vc = 0;   ///< lp2_after / lp2_before − 1
  double inn = 0;  ///< (RI_after − RI_before) / max(RI_before, 0.001), RI = R&D intensity
  double str = 0;  ///< H_after − H_before
  double get(const std::string& name) const;  ///< by mechanismNames()
};
Mechanisms mechanismsOf(const RegionIndicators& before, const RegionIndicators& after);

/// Signed upgrading U = Σ_m w_m·(m / s_m) / Σ_m w_m (no clamping; 0 = no change).
double signedUpgrading(const Mechanisms& m, const EffectsParams& params);
/// The map of U into [0, 1] used by the coupling: Ũ = (1 + tanh U)/2 — no change 0.5, a loss
/// below it, strictly increasing.
double couplingScale(double signedU);

// ---------------------------------------------------------------------------------------
// Coupling coordination (廖重斌 1999 classes)
// ---------------------------------------------------------------------------------------

struct CouplingClass {
  int index = 0;  ///< 0 (极度失调, D < 0.1) … 9 (优质协调, D ≥ 0.9)
  std::string labelZh;
  std::string labelEn;
};
/// Class of a coordination degree D in [0, 1] (ten classes of width 0.1; a tolerance of
/// 1e-9 puts values a rounding error below a boundary into the upper class).
CouplingClass couplingClass(double d);

struct Coupling {
  std::string sourceId;
  std::string hostId;
  double uSource = kNaN;  ///< Ũ of the source, [0, 1]
  double uHost = kNaN;    ///< Ũ of the host, [0, 1]
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
  double lon = kNaN, lat = kNaN;  ///< degrees (WGS84)
  DirectEffect direct;
  IoMultipliers multipliers;
  double indirectOutputYuan100m = 0;
  double indirectVaYuan100m = 0;
  double indirectJobs = 0;  ///< persons
  double absorptive = kNaN;           ///< host R&D / GDP (absorptive capacity)
  double knowledgeFlowYuan100m = 0;   ///< K: source → host
  double reverseFlowYuan100m = 0;     ///< host plant → source
  double spilloverVaYuan100m = 0;     ///< VA gained by host local firms
  double sharedVaYuan100m = 0;        ///< replication: replica VA credited to the source
  double sharedTaxYuan100m = 0;       ///< replication: replica tax credited to the source
  double drawnFromAgriculture = 0;    ///< persons drawn from the host's agriculture
};

/// A 5–95 % interval from the Monte Carlo (NaN when no draws were made).
struct Interval {
  double p05 = kNaN;
  double p95 = kNaN;
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
  Mechanisms mechanisms;      ///< signed vc, inn, str
  double upgradingSigned = kNaN;  ///< U (signed, 0 = no change)
  double upgrading = kNaN;    ///< Ũ = couplingScale(U) ∈ [0, 1]
  std::map<std::string, Interval> intervals;  ///< vc, inn, str, u (Ũ): 5–95 % over the draws
};

/// Source-side totals of the projection (per year).
struct SourceEffect {
  double supplierVaLossYuan100m = 0;  ///< suppliers' VA lost with the moved output
  double supplierJobsLoss = 0;        ///< persons
  double reusedJobs = 0;              ///< persons re-hired on the re-let land (腾笼换鸟)
  double reemployedJobs = 0;          ///< persons re-employed in services
  double hubVaYuan100m = 0;           ///< replication: hub growth
  double hubJobs = 0;                 ///< persons
  double reverseFlowYuan100m = 0;     ///< all hosts together
  double sharedVaYuan100m = 0;        ///< replication: credited from the replica(s)
  double sharedTaxYuan100m = 0;
  IoMultipliers multipliers;          ///< the source's own (supplier losses)
};

/// One value of the yearly time path.
struct TimelineRow {
  int year = 0;
  double ramp = 0;  ///< cumulative share R(t)
  std::string regionId;
  std::string indicator;  ///< effectIndicators() names, vc, inn, str, "u" and "coupling_d" (host rows)
  double value = kNaN;    ///< in the indicator's unit (jobs: 10k persons, gdp: 亿元)
};

/// Monte Carlo summary of one coupling (source, host region).
struct CouplingUncertainty {
  Interval c;
  Interval t;
  Interval d;
  std::array<double, 10> pClass{};  ///< probability of each class 0..9 over the draws
};

struct EffectsResult {
  TransferMode mode = TransferMode::Complete;
  EffectsParams params;
  MovedSet moved;
  std::string sourceRegionId;
  double sourceLon = kNaN, sourceLat = kNaN;  ///< degrees (WGS84)
  std::vector<HostEffect> hosts;
  double unallocatedShare = 0;  ///< share (0–1) of the moved capacity no host's land can take
  SourceEffect source;
  std::vector<RegionEffect> regions;  ///< source first, then host regions
  std::vector<Coupling> coupling;     ///< one per host region
  std::vector<CouplingUncertainty> couplingUncertainty;  ///< parallel to coupling (empty: no draws)
  int draws = 0;                      ///< Monte Carlo draws made
  std::vector<double> ramp;           ///< R(t), t = 0..T
  std::vector<TimelineRow> timeline;

  const RegionEffect* regionEffect(const std::string& regionId) const;
};

/// Projects the effects of the scenario's transfer onto the host(s) chosen from the
/// ranking (EffectsParams::host), then the Monte Carlo over the effect parameters
/// (EffectsParams::uncertainty). Throws InputError when the source region is missing,
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
