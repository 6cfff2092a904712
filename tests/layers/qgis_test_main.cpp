// gtest main that boots QGIS once, offscreen. One QgsApplication per process.
#include <gtest/gtest.h>

#include <qgsapplication.h>

#include <QByteArray>
#include <QDir>
#include <QTemporaryDir>

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (::testing::GTEST_FLAG(list_tests)) return RUN_ALL_TESTS();  // test discovery: no QGIS boot
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  // QGIS and Qt write into $HOME/.cache, $HOME/.config, $TMPDIR and $XDG_RUNTIME_DIR: keep them in
  // the build tree. (gtest_discover_tests passes only the first ENVIRONMENT entry, so set them here.)
  const QByteArray sandbox(CLUSTERSHIFT_TEST_SANDBOX);
  qputenv("HOME", sandbox + "/home");
  qputenv("TMPDIR", sandbox + "/tmp");
  qputenv("XDG_RUNTIME_DIR", sandbox + "/xdg");
  // A profile of this process alone: its user database (user CRSs a test registers) is not seen
  // by the tests running beside it, and is gone afterwards.
  QDir().mkpath(QString::fromUtf8(sandbox) + QStringLiteral("/profiles"));
  QTemporaryDir profileDir(QString::fromUtf8(sandbox) + QStringLiteral("/profiles/qgis_profile_XXXXXX"));
  const QString profile = profileDir.path();
  QgsApplication app(argc, argv, false, profile);
  QgsApplication::setPrefixPath(QStringLiteral("/usr"), true);
  QgsApplication::initQgis();
  // The profile's user database (qgis.db, user CRSs), as the desktop creates it at start-up.
  QgsApplication::createDatabase();
  const int rc = RUN_ALL_TESTS();
  QgsApplication::exitQgis();
  return rc;
}
