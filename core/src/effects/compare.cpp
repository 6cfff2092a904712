// Mode comparison: the same cluster, source and host choice under complete, partial and
// replication transfer, side by side (CSV and a text table).
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <utility>

#include "clustershift/effects.h"
#include "clustershift/results.h"
#include "clustershift/util.h"

namespace clustershift {
namespace {

std::string num(double v, int precision) { return std::isfinite(v) ? util::formatFixed(v, precision) : ""; }

/// Display width: CJK and other wide code points count 2 (enough for our labels).
std::size_t displayWidth(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
    unsigned cp = 0;
    if (len == 1)
      cp = c;
    else if (len == 3 && i + 2 < text.size())
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(text[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(text[i + 2]) & 0x3Fu);
    width += (cp >= 0x1100 && len >= 3) ? 2 : 1;
    i += len;
  }
  return width;
}

std::string pad(const std::string& text, std::size_t width, bool right) {
  const std::size_t w = displayWidth(text);
  const std::string fill(w < width ? width - w : 0, ' ');
  return right ? fill + text : text + fill;
}

}  // namespace

ModeComparison compareModes(const Scenario& scenario, const Inputs& inputs, const Results& ranking,
                            Feedback& feedback) {
  ModeComparison comparison;
  for (TransferMode mode : {TransferMode::Complete, TransferMode::Partial, TransferMode::Replication}) {
    Scenario s = scenario;
    s.mode = mode;
    comparison.modes.push_back(projectEffects(s, inputs, ranking, feedback));
  }
  return comparison;
}

namespace {

/// The signed mechanism/U/D columns with their intervals, in output order.
std::vector<std::string> withIntervals(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const std::string& n : names) {
    out.push_back(n);
    out.push_back(n + "_p05");
    out.push_back(n + "_p95");
  }
  return out;
}

}  // namespace

const std::vector<std::string>& comparisonColumns() {
  static const std::vector<std::string> kColumns = [] {
    std::vector<std::string> c = {"mode",
                                  "host_park",
                                  "host_region",
                                  "moved_segments",
                                  "moved_output_yuan100m",
                                  "moved_va_yuan100m",
                                  "moved_jobs",
                                  "indirect_va_yuan100m",
                                  "indirect_jobs",
                                  "output_multiplier",
                                  "knowledge_flow_yuan100m",
                                  "reverse_flow_yuan100m",
                                  "spillover_va_yuan100m",
                                  "source_supplier_va_loss_yuan100m",
                                  "source_supplier_jobs_loss",
                                  "shared_va_yuan100m",
                                  "shared_tax_yuan100m",
                                  "source_gdp_change_yuan100m",
                                  "host_gdp_change_yuan100m",
                                  "source_isu_before",
                                  "source_isu_after",
                                  "host_isu_before",
                                  "host_isu_after",
                                  "source_h_before",
                                  "source_h_after",
                                  "host_h_before",
                                  "host_h_after",
                                  "source_lp2_before",
                                  "source_lp2_after",
                                  "host_lp2_before",
                                  "host_lp2_after",
                                  "source_ts_change",
                                  "host_ts_change",
                                  "source_theil_change",
                                  "host_theil_change",
                                  "source_rd_intensity_change",
                                  "host_rd_intensity_change",
                                  "source_jobs_change_10k",
                                  "host_jobs_change_10k"};
    for (const std::string& n : withIntervals({"vc_source", "inn_source", "str_source", "vc_host", "inn_host",
                                               "str_host", "u_source", "u_host", "c", "t", "d"}))
      c.push_back(n);
    for (const char* n : {"class_zh", "class_en", "p_class", "draws"}) c.push_back(n);
    return c;
  }();
  return kColumns;
}

std::vector<std::vector<std::string>> comparisonRows(const ModeComparison& comparison) {
  std::vector<std::vector<std::string>> rows;
  for (const EffectsResult& r : comparison.modes) {
    std::string parks, segments;
    double va = 0, jobs = 0, ivaSum = 0, ijobs = 0, k = 0, out = 0, rev = 0, spill = 0, sharedVa = 0,
           sharedTax = 0;
    for (const HostEffect& h : r.hosts) {
      parks += (parks.empty() ? "" : ";") + h.parkId;
      out += h.direct.outputYuan100m;
      va += h.direct.vaYuan100m;
      jobs += h.direct.jobs;
      ivaSum += h.indirectVaYuan100m;
      ijobs += h.indirectJobs;
      k += h.knowledgeFlowYuan100m;
      rev += h.reverseFlowYuan100m;
      spill += h.spilloverVaYuan100m;
      sharedVa += h.sharedVaYuan100m;
      sharedTax += h.sharedTaxYuan100m;
    }
    for (const std::string& s : r.moved.segmentIds) segments += (segments.empty() ? "" : ";") + s;
    const RegionEffect& src = r.regions.front();
    // The first host region (the best host, or the largest share's region in an allocation).
    const RegionEffect& host = r.regions.size() > 1 ? r.regions[1] : r.regions.front();
    const Coupling& c = r.coupling.front();
    const CouplingUncertainty* cu = r.couplingUncertainty.empty() ? nullptr : &r.couplingUncertainty.front();
    const double mult = r.hosts.empty() ? kNaN : r.hosts.front().multipliers.outputMultiplier;
    std::vector<std::string> row = {toString(r.mode),
                                    parks,
                                    host.regionId,
                                    segments,
                                    num(out, 2),
                                    num(va, 2),
                                    num(jobs, 0),
                                    num(ivaSum, 2),
                                    num(ijobs, 0),
                                    num(mult, 4),
                                    num(k, 4),
                                    num(rev, 4),
                                    num(spill, 4),
                                    num(r.source.supplierVaLossYuan100m, 2),
                                    num(r.source.supplierJobsLoss, 0),
                                    num(sharedVa, 2),
                                    num(sharedTax, 3),
                                    num(src.after.gdp - src.before.gdp, 2),
                                    num(host.after.gdp - host.before.gdp, 2)};
    // Levels before and after (source, then host), then changes (source, then host); the
    // column order of comparisonColumns().
    using Field = std::pair<double RegionIndicators::*, int>;  // indicator, decimals
    for (const auto& [field, decimals] :
         {Field{&RegionIndicators::isu, 4}, Field{&RegionIndicators::h, 5}, Field{&RegionIndicators::lp2, 3}})
      for (const RegionEffect* e : {&src, &host}) {
        row.push_back(num(e->before.*field, decimals));
        row.push_back(num(e->after.*field, decimals));
      }
    for (const auto& [field, decimals] :
         {Field{&RegionIndicators::ts, 4}, Field{&RegionIndicators::theil, 4},
          Field{&RegionIndicators::rdIntensity, 5}, Field{&RegionIndicators::jobs, 3}})
      for (const RegionEffect* e : {&src, &host})
        row.push_back(num(e->after.*field - e->before.*field, decimals));
    auto withInterval = [&](double v, const RegionEffect& e, const std::string& key, int precision) {
      row.push_back(num(v, precision));
      const auto it = e.intervals.find(key);
      row.push_back(it == e.intervals.end() ? "" : num(it->second.p05, precision));
      row.push_back(it == e.intervals.end() ? "" : num(it->second.p95, precision));
    };
    for (const RegionEffect* e : {&src, &host}) {
      withInterval(e->mechanisms.vc, *e, "vc", 5);
      withInterval(e->mechanisms.inn, *e, "inn", 5);
      withInterval(e->mechanisms.str, *e, "str", 6);
    }
    withInterval(c.uSource, src, "u", 4);
    withInterval(c.uHost, host, "u", 4);
    for (const auto& [value, interval] : {std::pair<double, const Interval*>{c.c, cu ? &cu->c : nullptr},
                                          std::pair<double, const Interval*>{c.t, cu ? &cu->t : nullptr},
                                          std::pair<double, const Interval*>{c.d, cu ? &cu->d : nullptr}}) {
      row.push_back(num(value, 4));
      row.push_back(interval ? num(interval->p05, 4) : "");
      row.push_back(interval ? num(interval->p95, 4) : "");
    }
    row.push_back(c.cls.labelZh);
    row.push_back(c.cls.labelEn);
    nlohmann::json pClass = nlohmann::json::object();
    if (cu)
      for (std::size_t i = 0; i < cu->pClass.size(); ++i)
        if (cu->pClass[i] > 0) pClass[std::to_string(i)] = std::round(cu->pClass[i] * 1e4) / 1e4;
    row.push_back(cu ? pClass.dump() : "");
    row.push_back(std::to_string(r.draws));
    rows.push_back(std::move(row));
  }
  return rows;
}

void writeComparisonCsv(const std::string& path, const ModeComparison& comparison) {
  util::writeFileAtomically(path, [&](std::ostream& out) {
    const auto& columns = comparisonColumns();
    for (std::size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << columns[i];
    out << "\n";
    for (const auto& row : comparisonRows(comparison)) {
      for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << util::csvQuote(row[i]);
      out << "\n";
    }
  });
}

std::string comparisonTable(const ModeComparison& comparison) {
  const auto& columns = comparisonColumns();
  const auto rows = comparisonRows(comparison);
  std::size_t labelWidth = 0;
  for (const std::string& c : columns) labelWidth = std::max(labelWidth, displayWidth(c));
  std::vector<std::size_t> widths(rows.size(), 0);
  for (std::size_t m = 0; m < rows.size(); ++m)
    for (const std::string& cell : rows[m]) widths[m] = std::max(widths[m], displayWidth(cell));
  std::ostringstream s;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    s << pad(columns[i], labelWidth, false);
    for (std::size_t m = 0; m < rows.size(); ++m) s << "  " << pad(rows[m][i], widths[m], i != 0);
    s << "\n";
  }
  return s.str();
}

}  // namespace clustershift
