// Mode comparison: the same cluster, source and host choice under complete, partial and
// replication transfer, side by side (CSV and a text table).
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "clustershift/effects.h"
#include "clustershift/results.h"

namespace clustershift {
namespace {

std::string num(double v, int precision) {
  if (!std::isfinite(v)) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", precision, v);
  return buf;
}

std::string csvCell(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

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

const std::vector<std::string>& comparisonColumns() {
  static const std::vector<std::string> kColumns = {"mode",
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
                                                    "source_gdp_change_yuan100m",
                                                    "host_gdp_change_yuan100m",
                                                    "source_isu_before",
                                                    "source_isu_after",
                                                    "host_isu_before",
                                                    "host_isu_after",
                                                    "source_ts_change",
                                                    "host_ts_change",
                                                    "source_theil_change",
                                                    "host_theil_change",
                                                    "source_rd_intensity_change",
                                                    "host_rd_intensity_change",
                                                    "source_jobs_change_10k",
                                                    "host_jobs_change_10k",
                                                    "u_source",
                                                    "u_host",
                                                    "coupling_c",
                                                    "coupling_t",
                                                    "coupling_d",
                                                    "class_zh",
                                                    "class_en"};
  return kColumns;
}

std::vector<std::vector<std::string>> comparisonRows(const ModeComparison& comparison) {
  std::vector<std::vector<std::string>> rows;
  for (const EffectsResult& r : comparison.modes) {
    std::string parks, segments;
    double va = 0, jobs = 0, ivaSum = 0, ijobs = 0, k = 0, out = 0;
    for (const HostEffect& h : r.hosts) {
      parks += (parks.empty() ? "" : ";") + h.parkId;
      out += h.direct.outputYuan100m;
      va += h.direct.vaYuan100m;
      jobs += h.direct.jobs;
      ivaSum += h.indirectVaYuan100m;
      ijobs += h.indirectJobs;
      k += h.knowledgeFlowYuan100m;
    }
    for (const std::string& s : r.moved.segmentIds) segments += (segments.empty() ? "" : ";") + s;
    const RegionEffect& src = r.regions.front();
    // The first host region (the best host, or the largest share's region in an allocation).
    const RegionEffect& host = r.regions.size() > 1 ? r.regions[1] : r.regions.front();
    const Coupling& c = r.coupling.front();
    const double mult = r.hosts.empty() ? kNaN : r.hosts.front().multipliers.outputMultiplier;
    rows.push_back({toString(r.mode),
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
                    num(src.after.gdp - src.before.gdp, 2),
                    num(host.after.gdp - host.before.gdp, 2),
                    num(src.before.isu, 4),
                    num(src.after.isu, 4),
                    num(host.before.isu, 4),
                    num(host.after.isu, 4),
                    num(src.after.ts - src.before.ts, 4),
                    num(host.after.ts - host.before.ts, 4),
                    num(src.after.theil - src.before.theil, 4),
                    num(host.after.theil - host.before.theil, 4),
                    num(src.after.rdIntensity - src.before.rdIntensity, 5),
                    num(host.after.rdIntensity - host.before.rdIntensity, 5),
                    num(src.after.jobs - src.before.jobs, 3),
                    num(host.after.jobs - host.before.jobs, 3),
                    num(c.uSource, 4),
                    num(c.uHost, 4),
                    num(c.c, 4),
                    num(c.t, 4),
                    num(c.d, 4),
                    c.cls.labelZh,
                    c.cls.labelEn});
  }
  return rows;
}

void writeComparisonCsv(const std::string& path, const ModeComparison& comparison) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw IoError(path + ": cannot open for writing");
    const auto& columns = comparisonColumns();
    for (std::size_t i = 0; i < columns.size(); ++i) out << (i ? "," : "") << columns[i];
    out << "\n";
    for (const auto& row : comparisonRows(comparison)) {
      for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csvCell(row[i]);
      out << "\n";
    }
    out.flush();
    if (!out) {
      out.close();
      std::remove(tmp.c_str());
      throw IoError(path + ": write failed");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw IoError(path + ": cannot rename the temporary file into place");
  }
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
