#include "clustershift_layers/layers.h"  // first: see the note in layers.h

#include "publish.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cpl_error.h>
#include <gdal.h>
#include <openssl/evp.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "clustershift/error.h"

namespace clustershift::layers {

namespace {
QStringList& diagnostics() {
  static QStringList lines;
  return lines;
}
}  // namespace

QStringList writeDiagnostics() { return diagnostics(); }

namespace detail {

void addWriteDiagnostic(const QString& line) {
  QStringList& d = diagnostics();
  if (d.size() < 200) d << line;
}

namespace {

std::string plain(const QString& s) { return QFile::encodeName(s).toStdString(); }

}  // namespace

std::string diagnoseFolder(const QString& dir) {
  struct statvfs fs {};
  const QByteArray d = QFile::encodeName(dir);
  const bool known = statvfs(d.constData(), &fs) == 0;
  if (known && (fs.f_flag & ST_RDONLY)) return writeFailureReason(EROFS);
  if (access(d.constData(), W_OK) != 0) return writeFailureReason(errno);
  // The writers' own words, when they said it (SQLite: "database or disk is full").
  for (const QString& line : diagnostics())
    if (line.contains(QLatin1String("disk is full")) || line.contains(QLatin1String("No space left")))
      return writeFailureReason(ENOSPC);
  // A failed write with (almost) nothing left: the rest did not fit.
  if (known) {
    const unsigned long long freeBytes = static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize;
    if (freeBytes < 4ull * 1024 * 1024 || fs.f_favail == 0) return writeFailureReason(ENOSPC);
  }
  struct rlimit limit {};
  if (getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    return writeFailureReason(EFBIG);
  return "write error";
}

void failWrite(const QString& path, const std::string& reason) {
  throw IoError(reason + " while writing " + plain(path) + "; earlier outputs kept");
}

namespace {

int failingRename() {
  const char* v = std::getenv("CLUSTERSHIFT_TEST_FAIL_RENAME");
  return v ? std::atoi(v) : 0;
}

bool renameFile(const QString& from, const QString& to) {
  return std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

// OpenSSL's SHA-256 (SHA-NI/AVX2 where the CPU has them): QCryptographicHash took 0.45 s for a
// 36 MB national GeoPackage, 8.8 % of a report's CPU (perf, bench/national); OpenSSL 0.03 s.
/// SHA-256 digests (hex) of a file, read once: of its bytes, and of an SQLite file's content (the
/// same bytes with the header's bookkeeping zeroed; the bytes' digest for another file).
struct Digests {
  QByteArray bytes, content;
};
enum Want { kBytes = 1, kContent = 2 };

Digests sha256(const QString& path, int want) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  using Context = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;
  Context bytes(EVP_MD_CTX_new(), EVP_MD_CTX_free), content(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  for (EVP_MD_CTX* ctx : {bytes.get(), content.get()})
    if (!ctx || EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) != 1) return {};
  QByteArray buffer(1 << 20, Qt::Uninitialized);
  for (bool first = true;; first = false) {
    const qint64 n = f.read(buffer.data(), buffer.size());
    if (n < 0) return {};
    if (n == 0) break;
    if ((want & kBytes) &&
        EVP_DigestUpdate(bytes.get(), buffer.constData(), static_cast<std::size_t>(n)) != 1)
      return {};
    if (!(want & kContent)) continue;
    // The SQLite header's bookkeeping (https://www.sqlite.org/fileformat2.html#the_database_header):
    // bytes 18-19 journal mode (1 rollback, 2 WAL), 24-27 file change counter, 92-95 version-valid-for,
    // 96-99 the SQLite version that wrote it last.
    if (first && n >= 100 && buffer.startsWith(QByteArray("SQLite format 3", 16))) {
      for (int i : {18, 19, 24, 25, 26, 27, 92, 93, 94, 95, 96, 97, 98, 99}) buffer[i] = 0;
    }
    if (EVP_DigestUpdate(content.get(), buffer.constData(), static_cast<std::size_t>(n)) != 1) return {};
  }
  auto hex = [](EVP_MD_CTX* ctx) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(ctx, digest, &length) != 1) return QByteArray();
    return QByteArray(reinterpret_cast<const char*>(digest), static_cast<int>(length)).toHex();
  };
  Digests d;
  if (want & kBytes) d.bytes = hex(bytes.get());
  if (want & kContent) d.content = hex(content.get());
  return d;
}

void syncFolder(const QString& dir) {
  const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

FolderLock::FolderLock(const QString& dir) {
  // The folder itself is locked (flock on its descriptor): no lock file is left behind.
  m_fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (m_fd < 0) {
    const int e = errno;
    throw IoError(plain(dir) + ": cannot lock the output folder (" + writeFailureReason(e) + ")");
  }
  if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(m_fd);
    m_fd = -1;
    throw IoError(plain(dir) +
                  ": another ClusterShift run is writing into this folder; wait for it to finish "
                  "or choose another output folder");
  }
}

FolderLock::~FolderLock() {
  if (m_fd >= 0) {
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
  }
}

int removeStaleTemporaries(const QDir& out) {
  int removed = 0;
  const QStringList stale = out.entryList(QStringList{QStringLiteral(".*.tmp-*")},
                                          QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot);
  for (const QString& s : stale)
    if (QDir(out.absoluteFilePath(s)).removeRecursively()) ++removed;
  return removed;
}

void syncFile(const QString& path, const QString& shown) {
  const QString name = shown.isEmpty() ? path : shown;
  const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
  if (fd < 0) failWrite(name, writeFailureReason(errno));
  if (::fsync(fd) != 0) {
    const int e = errno;
    ::close(fd);
    failWrite(name, writeFailureReason(e));
  }
  ::close(fd);
}

std::string sqliteVerdict(const QString& path, const char* pragma) {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  GDALDatasetH ds = GDALOpenEx(QFile::encodeName(path).constData(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                               nullptr, nullptr, nullptr);
  std::string verdict = "cannot be opened";
  if (ds) {
    verdict = std::string(pragma) + " returned nothing";
    if (OGRLayerH result =
            GDALDatasetExecuteSQL(ds, (std::string("PRAGMA ") + pragma).c_str(), nullptr, nullptr)) {
      if (OGRFeatureH f = OGR_L_GetNextFeature(result)) {
        verdict = OGR_F_GetFieldAsString(f, 0);
        OGR_F_Destroy(f);
      }
      GDALDatasetReleaseResultSet(ds, result);
    }
    GDALClose(ds);
  }
  CPLPopErrorHandler();
  return verdict;
}

void verifyGeoPackage(const QString& path, const QString& shown) {
  requireIntact(sqliteVerdict(path, "integrity_check"), path, shown);
}

void requireIntact(const std::string& verdict, const QString& path, const QString& shown) {
  if (verdict != "ok") {
    addWriteDiagnostic(QStringLiteral("PRAGMA integrity_check: ") + QString::fromStdString(verdict));
    failWrite(shown.isEmpty() ? path : shown, diagnoseFolder(QFileInfo(path).absolutePath()) +
                                                  " (the written GeoPackage is damaged: " + verdict + ")");
  }
}

void verifyPdf(const QString& path, int pages, const QString& shown) {
  const QFileInfo info(path);
  const QString name = shown.isEmpty() ? path : shown;
  if (!info.exists() || info.size() == 0) failWrite(name, diagnoseFolder(info.absolutePath()));
  CPLPushErrorHandler(CPLQuietErrorHandler);
  GDALDatasetH ds = GDALOpenEx(QFile::encodeName(path).constData(), GDAL_OF_RASTER | GDAL_OF_READONLY,
                               nullptr, nullptr, nullptr);
  int found = -1;
  std::string gdalMessage = CPLGetLastErrorMsg();
  if (ds) {
    int names = 0;
    if (char** sub = GDALGetMetadata(ds, "SUBDATASETS"))
      for (char** s = sub; *s; ++s)
        if (std::strstr(*s, "_NAME=")) ++names;
    found = names == 0 ? 1 : names;
    GDALClose(ds);
  }
  CPLPopErrorHandler();
  if (found < 0) {
    addWriteDiagnostic(QStringLiteral("PDF check: ") + QString::fromStdString(gdalMessage));
    failWrite(name, diagnoseFolder(info.absolutePath()) + " (the written PDF does not parse)");
  }
  if (pages > 0 && found != pages)
    failWrite(name, diagnoseFolder(info.absolutePath()) + " (the written PDF has " + std::to_string(found) +
                        " pages, " + std::to_string(pages) + " expected)");
}

QString manifestName(const QString& name) { return name + QStringLiteral(".manifest.json"); }

QString styleFileName(const QString& name, const QString& table) {
  return name + QLatin1Char('_') + table + QStringLiteral(".qml");
}

std::string newRunId() {
  return QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toStdString() +
         "-" +
         QString::number(QRandomGenerator::global()->generate() & 0xffffff, 16)
             .rightJustified(6, QLatin1Char('0'))
             .toStdString();
}

void publishSet(const QDir& work, const QDir& out, const QStringList& files, const QString& name,
                const std::string& runId) {
  // 1. Manifest: what the set is, written and flushed in the work folder like every other file.
  nlohmann::ordered_json manifest{
      {"format", 1}, {"run_id", runId}, {"files", nlohmann::ordered_json::array()}};
  for (const QString& f : files) {
    const QString path = work.absoluteFilePath(f);
    syncFile(path, out.absoluteFilePath(f));
    const bool gpkg = f.endsWith(QLatin1String(".gpkg"), Qt::CaseInsensitive);
    const Digests digests = sha256(path, gpkg ? kBytes | kContent : kBytes);  // one read of the file
    nlohmann::ordered_json entry{
        {"name", f.toStdString()}, {"size", QFileInfo(path).size()}, {"sha256", digests.bytes.toStdString()}};
    if (gpkg) entry["content_sha256"] = digests.content.toStdString();
    manifest["files"].push_back(std::move(entry));
  }
  const QString manifestFile = manifestName(name);
  {
    const QString path = work.absoluteFilePath(manifestFile);
    QFile m(path);
    const QByteArray text = QByteArray::fromStdString(manifest.dump(2) + "\n");
    if (!m.open(QIODevice::WriteOnly | QIODevice::Truncate) || m.write(text) != text.size() || !m.flush()) {
      m.close();
      failWrite(out.absoluteFilePath(manifestFile), diagnoseFolder(out.absolutePath()));
    }
    m.close();
    syncFile(path);
  }
  syncFolder(work.absolutePath());

  // 2. Move: earlier files set aside, new ones in, manifest last; on failure, undo.
  QStringList order = files;
  order << manifestFile;
  const QString aside = work.absoluteFilePath(QStringLiteral(".earlier"));
  if (!QDir().mkpath(aside)) failWrite(aside, diagnoseFolder(work.absolutePath()));
  QStringList moved, setAside;
  const int failAt = failingRename();
  auto undo = [&] {
    for (const QString& f : moved) renameFile(out.absoluteFilePath(f), work.absoluteFilePath(f));
    for (const QString& f : setAside) renameFile(QDir(aside).absoluteFilePath(f), out.absoluteFilePath(f));
  };
  int step = 0;
  for (const QString& f : order) {
    ++step;
    const QString target = out.absoluteFilePath(f);
    if (QFileInfo::exists(target)) {
      if (!renameFile(target, QDir(aside).absoluteFilePath(f))) {
        const int e = errno;
        undo();
        failWrite(target, writeFailureReason(e));
      }
      setAside << f;
    }
    if (step == failAt || !renameFile(work.absoluteFilePath(f), target)) {
      const int e = step == failAt ? EIO : errno;
      undo();
      failWrite(target, writeFailureReason(e) +
                            (step == failAt ? " (injected by CLUSTERSHIFT_TEST_FAIL_RENAME)" : ""));
    }
    moved << f;
  }
  syncFolder(out.absolutePath());
}

void checkResultSet(const QString& geopackage) {
  const QFileInfo gpkg(geopackage);
  const QString base = gpkg.completeBaseName();
  const QString manifestPath = gpkg.absoluteDir().absoluteFilePath(manifestName(base));
  QFile m(manifestPath);
  if (!m.exists()) return;  // results written before manifests, or a GeoPackage copied alone
  if (!m.open(QIODevice::ReadOnly))
    throw IoError(plain(manifestPath) + ": cannot read the result manifest (" + plain(m.errorString()) + ")");
  nlohmann::json manifest;
  try {
    manifest = nlohmann::json::parse(m.readAll().toStdString());
  } catch (const nlohmann::json::exception&) {
    throw InputError(plain(manifestPath) + ": the result manifest is damaged; run the scenario again");
  }
  const std::string fileName = gpkg.fileName().toStdString();
  for (const auto& f : manifest.value("files", nlohmann::json::array())) {
    if (!f.is_object() || f.value("name", std::string()) != fileName) continue;
    // The content hash where the manifest has one (written since 2026-12): QGIS switches a
    // GeoPackage it reads through a filtered layer to WAL mode and counts a change in the header,
    // though no table changed. Older manifests: the bytes.
    const bool content = f.contains("content_sha256");
    const std::string expected = f.value(content ? "content_sha256" : "sha256", std::string());
    const Digests digests = sha256(gpkg.absoluteFilePath(), content ? kContent : kBytes);
    if (expected != (content ? digests.content : digests.bytes).toStdString())
      throw InputError(
          plain(geopackage) + ": is not the GeoPackage of run " + manifest.value("run_id", std::string("?")) +
          " listed in " + plain(manifestPath) +
          " (a run was interrupted while publishing, or the file was replaced); run the scenario again");
    return;
  }
}

}  // namespace detail
}  // namespace clustershift::layers
