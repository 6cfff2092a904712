#pragma once
// Helpers for the layers tests: scratch folders in the build tree and command output.
#include <QCoreApplication>
#include <QDir>
#include <QString>

#include <cstdio>
#include <string>

namespace clustershift::layers::testing {

/// A fresh, empty folder under the test sandbox.
/// A fresh folder per name and process: ctest runs each test in its own process, possibly in
/// parallel, and suites that share a name must not clean each other's outputs away.
inline QString scratchDir(const QString& name) {
  const QString path = QStringLiteral(CLUSTERSHIFT_TEST_SANDBOX "/layers_out/") + name + QLatin1Char('_') +
                       QString::number(QCoreApplication::applicationPid());
  QDir(path).removeRecursively();
  QDir().mkpath(path);
  return path;
}

/// stdout of a shell command (poppler-utils: pdfinfo, pdftotext, pdffonts).
inline std::string commandOutput(const std::string& command) {
  std::string out;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
  }
  return out;
}

/// Text of a PDF (pdftotext), NFKC-normalised: CJK fonts map some ideographs to Kangxi radicals
/// in their ToUnicode tables (示 -> U+2F70); NFKC folds them back.
inline std::string pdfText(const QString& pdf, bool layout = false) {
  const std::string raw = commandOutput(std::string("pdftotext ") + (layout ? "-layout " : "") + "'" + pdf.toStdString() + "' -");
  return QString::fromStdString(raw).normalized(QString::NormalizationForm_KC).toStdString();
}

/// `needle` in NFKC form, to search pdfText() output (fullwidth ： becomes :).
inline std::string nfkc(const char* needle) {
  return QString::fromUtf8(needle).normalized(QString::NormalizationForm_KC).toStdString();
}

inline std::string quoted(const QString& path) { return "'" + path.toStdString() + "'"; }

/// Page count of a PDF (pdfinfo), -1 when pdfinfo reports none.
inline int pdfPages(const QString& pdf) {
  const std::string info = commandOutput("pdfinfo " + quoted(pdf));
  const auto at = info.find("Pages:");
  return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
}

}  // namespace clustershift::layers::testing
