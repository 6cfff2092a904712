#pragma once
// Write, check, then publish: the pieces writeOutputs and the report export use so that a
// result set is complete or absent, never half written, and a failure names its plain reason.
#include <QDir>
#include <QString>
#include <QStringList>

#include <string>

#include "clustershift/util.h"

namespace clustershift::layers::detail {

/// Exclusive lock on an output folder (flock on the folder itself), held until destruction.
/// A second run into the same folder fails at once with IoError naming the folder.
class FolderLock {
 public:
  explicit FolderLock(const QString& dir);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;

 private:
  int m_fd = -1;
};

/// Removes ".<name>.tmp-XXXXXX" folders left in `out` by killed runs (call with the lock held).
/// Returns how many were removed.
int removeStaleTemporaries(const QDir& out);

/// The plain words for a write failure (clustershift/util.h).
using util::writeFailureReason;

/// Why writing into `dir` may have failed when the writer (QGIS, Qt) does not say: the file
/// system is read-only or full, the folder not writable, a file size limit set; else "write error".
std::string diagnoseFolder(const QString& dir);

/// Throws IoError "<reason> while writing <path>; earlier outputs kept".
[[noreturn]] void failWrite(const QString& path, const std::string& reason);

/// Keeps a line of detail (GDAL's own words) for writeDiagnostics() (`--verbose`).
void addWriteDiagnostic(const QString& line);

/// `shown`: the path named in messages (the final name of a file still in a temporary place).
/// Flushes a written file to disk (fsync). Throws IoError "<reason> while writing <path>".
void syncFile(const QString& path, const QString& shown = {});

/// "ok", or SQLite's first complaint about a GeoPackage (PRAGMA integrity_check or quick_check),
/// or "cannot be opened".
std::string sqliteVerdict(const QString& path, const char* pragma);

/// Checks a written GeoPackage with SQLite's PRAGMA integrity_check. Throws IoError naming the
/// file and SQLite's first complaint.
void verifyGeoPackage(const QString& path, const QString& shown = {});
/// verifyGeoPackage's second half, for a verdict of PRAGMA integrity_check reached elsewhere
/// (e.g. on another thread: sqliteVerdict reports nothing itself). Throws as verifyGeoPackage.
void requireIntact(const std::string& verdict, const QString& path, const QString& shown = {});

/// Checks a written PDF: it parses (GDAL's PDF driver, poppler) and has `pages` pages.
/// Throws IoError naming the file.
void verifyPdf(const QString& path, int pages, const QString& shown = {});

/// Name of the manifest of a scenario's result set: "<name>.manifest.json".
QString manifestName(const QString& name);
/// Name of the style file of one table of a result set: "<name>_<table>.qml".
QString styleFileName(const QString& name, const QString& table);

/// Moves `files` (names relative to `work`) into `out` as one set, the manifest
/// (<name>.manifest.json: run id, size and SHA-256 of every file; of a GeoPackage also
/// "content_sha256", the SHA-256 with the SQLite header's bookkeeping zeroed) last. Earlier files of the same
/// names are set aside first; when a move fails, every file already moved is taken back and the
/// earlier ones restored, so the folder holds the earlier set or the new one. A run killed
/// between two moves leaves a manifest that does not match: checkResultSet() reports it.
/// Test hook: CLUSTERSHIFT_TEST_FAIL_RENAME=k makes the k-th move fail (1 = first file).
void publishSet(const QDir& work, const QDir& out, const QStringList& files, const QString& name,
                const std::string& runId);

/// When a manifest sits next to `geopackage`, checks that the GeoPackage is the one it lists
/// (by its content hash where the manifest has one: QGIS, reading the file, changes its header's
/// journal mode and change counter). Throws InputError naming the file and the manifest when it
/// is not (an interrupted publish).
void checkResultSet(const QString& geopackage);

/// A fresh run id: UTC time and a random suffix ("20261204T140312Z-3f9a1c").
std::string newRunId();

}  // namespace clustershift::layers::detail
