#include "clustershift/output_guard.h"

#include <cstdio>
#include <filesystem>

#include "clustershift/error.h"

namespace clustershift {
namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

fs::path resolved(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) p = fs::absolute(path, ec).lexically_normal();
  return p;
}

}  // namespace

bool samePlace(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  std::error_code ea, eb;
  if (fs::exists(a, ea) && fs::exists(b, eb)) {
    std::error_code ec;
    const bool same = fs::equivalent(a, b, ec);
    if (!ec) return same;
  }
  return resolved(a) == resolved(b);
}

std::vector<std::string> inputFamily(const std::string& path) {
  std::vector<std::string> family{path};
  // GDAL virtual files (/vsizip/...) and database connections (PG:...) have no sidecars here.
  if (path.rfind("/vsi", 0) == 0 || path.find(':') != std::string::npos) return family;
  const fs::path p(path);
  const std::string ext = lower(p.extension().string());
  fs::path stem = p;
  stem.replace_extension();
  auto add = [&](const char* suffix) { family.push_back(stem.string() + suffix); };
  if (ext == ".shp" || ext == ".dbf" || ext == ".shx") {
    for (const char* s : {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qpj", ".shp.xml",
                          ".SHP", ".SHX", ".DBF", ".PRJ", ".CPG"})
      add(s);
  } else if (ext == ".csv") {
    add(".csvt");
    add(".prj");
  }
  for (const char* s : {"-wal", "-shm", "-journal", ".aux.xml"}) family.push_back(path + s);
  return family;
}

std::vector<NamedInput> scenarioInputs(const Scenario& scenario, const std::string& scenarioFile) {
  std::vector<NamedInput> inputs;
  if (!scenarioFile.empty()) inputs.push_back({"scenario", scenarioFile});
  const DataSources& d = scenario.data;
  inputs.push_back({"data.regions", d.regions.path});
  inputs.push_back({"data.parks", d.parks.path});
  if (d.industryOutput) inputs.push_back({"data.industry_output", d.industryOutput->path});
  if (d.ioTable) inputs.push_back({"data.io_table", d.ioTable->path});
  if (d.exclusions) inputs.push_back({"data.exclusions", d.exclusions->path});
  if (d.roads) inputs.push_back({"data.roads", d.roads->path});
  return inputs;
}

void checkOutputsAgainstInputs(const std::vector<std::string>& outputs,
                               const std::vector<NamedInput>& inputs) {
  std::string message;
  for (const std::string& out : outputs) {
    for (const NamedInput& in : inputs) {
      if (in.path.empty()) continue;
      for (const std::string& member : inputFamily(in.path)) {
        if (!samePlace(out, member)) continue;
        if (!message.empty()) message += "; ";
        message += out + ": would overwrite the input " + in.role + " " + in.path +
                   (member == in.path ? " (same file)" : " (its file " + member + ")");
        break;
      }
    }
  }
  if (!message.empty()) throw InputError(message + "; choose another output");
}

}  // namespace clustershift

namespace clustershift {

void checkReplaceable(const std::string& path, const std::string& magic, const std::string& what) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return;
  if (fs::is_directory(path, ec)) throw InputError(path + ": is a folder, not " + what);
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return;  // unreadable: the write itself will report it
  std::string head(16, '\0');
  head.resize(std::fread(head.data(), 1, head.size(), f));
  std::fclose(f);
  if (head.empty() || head.compare(0, magic.size(), magic) == 0) return;
  std::string kind = "another file";
  if (head.rfind("SQLite format 3", 0) == 0)
    kind = "a GeoPackage/SQLite database";
  else if (head.size() >= 4 && static_cast<unsigned char>(head[0]) == 0 && head[2] == '\x27' &&
           head[3] == '\x0a')
    kind = "a shapefile";
  else if (head.rfind("PK", 0) == 0)
    kind = "a zip archive";
  throw InputError(path + ": exists and is " + kind + ", not " + what +
                   "; not overwritten (choose another output)");
}

}  // namespace clustershift
