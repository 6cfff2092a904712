// A report language's layouts handed from the run's child process, which exports that
// language, to the run's project as XML (ReportOptions::layoutsXml): the run no longer builds the
// same layouts a second time only to keep them in its project (0.5 s of the national bench's
// main thread). The child writes its layouts, its report companion layers and which layer is
// which table; the run maps the child's layer ids to its own, loads the companions and keeps
// each layout's XML as the project writes it.
#include "report_detail.h"  // first: see the note in layers.h

#include <qgslayoutmanager.h>
#include <qgspathresolver.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsreadwritecontext.h>
#include <qgsvectorlayer.h>

#include <QDomDocument>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>

#include <algorithm>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "clustershift/error.h"
#include "layers_detail.h"
#include "publish.h"

namespace clustershift::layers::detail {
namespace {

/// The source's tables as (table name, layer), the layers that are not report companions.
std::vector<std::pair<QString, QgsVectorLayer*>> sourceTables(const ReportSource& source) {
  std::vector<std::pair<QString, QgsVectorLayer*>> present;
  for (const auto& [name, member] : reportSourceTables())
    if (source.*member) present.emplace_back(name, source.*member);
  return present;
}

/// The run's project beside the GeoPackage, named like it (writeOutputs: <name>.gpkg and
/// <name>.qgz in one folder).
QString projectBeside(const QString& geopackage) {
  const QFileInfo gpkg(geopackage);
  return gpkg.absoluteDir().absoluteFilePath(gpkg.completeBaseName() + QStringLiteral(".qgz"));
}

/// Paths as the run's project writes them: relative to projectBeside.
QgsReadWriteContext contextBeside(const QString& geopackage) {
  QgsReadWriteContext context;
  context.setPathResolver(QgsPathResolver(projectBeside(geopackage)));
  return context;
}

/// A layout kept as the XML its exporting process wrote: the project writes that XML.
class LayoutFromXml final : public QgsPrintLayout {
 public:
  LayoutFromXml(QgsProject* project, std::shared_ptr<QDomDocument> document, QDomElement element)
      : QgsPrintLayout(project), m_document(std::move(document)), m_element(std::move(element)) {
    setName(m_element.attribute(QStringLiteral("name")));
  }
  QDomElement writeXml(QDomDocument& document, const QgsReadWriteContext&) const override {
    return document.importNode(m_element, true).toElement();
  }
  QDomElement writeLayoutXml(QDomDocument& document, const QgsReadWriteContext& context) const override {
    return writeXml(document, context);
  }

 private:
  std::shared_ptr<QDomDocument> m_document;  // keeps m_element's document
  QDomElement m_element;
};

}  // namespace

void writeReportLayoutsXml(const ReportSource& source, const std::vector<QgsPrintLayout*>& layouts, int pages,
                           const QString& path) {
  QDomDocument doc;
  QDomElement root = doc.createElement(QStringLiteral("clustershift-report-layouts"));
  root.setAttribute(QStringLiteral("pages"), pages);
  doc.appendChild(root);
  const QgsReadWriteContext context = contextBeside(source.geopackage);
  QDomElement tables = doc.createElement(QStringLiteral("tables"));
  std::vector<QgsMapLayer*> sourceLayers;
  for (const auto& [name, layer] : sourceTables(source)) {
    QDomElement table = doc.createElement(QStringLiteral("table"));
    table.setAttribute(QStringLiteral("name"), name);
    table.setAttribute(QStringLiteral("layer"), layer->id());
    tables.appendChild(table);
    sourceLayers.push_back(layer);
  }
  root.appendChild(tables);
  // The report companions: every other layer of the project (openReportSource loads only the
  // tables above; the report adds its companions).
  QDomElement companions = doc.createElement(QStringLiteral("projectlayers"));
  for (QgsMapLayer* layer : source.project->mapLayers()) {
    if (std::find(sourceLayers.begin(), sourceLayers.end(), layer) != sourceLayers.end()) continue;
    QDomElement element = doc.createElement(QStringLiteral("maplayer"));
    if (!layer->writeLayerXml(element, doc, context))
      throw IoError(path.toStdString() + ": cannot write the report layer " + layer->name().toStdString());
    companions.appendChild(element);
  }
  root.appendChild(companions);
  QDomElement list = doc.createElement(QStringLiteral("Layouts"));
  for (QgsPrintLayout* layout : layouts) list.appendChild(layout->writeXml(doc, context));
  root.appendChild(list);
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(doc.toByteArray(1)) < 0 || !file.commit()) {
    addWriteDiagnostic(QStringLiteral("QSaveFile: ") + file.errorString());
    failWrite(path, diagnoseFolder(QFileInfo(path).absolutePath()));
  }
}

int addReportLayoutsXml(const ReportSource& source, const QString& path) {
  // Everything is read and checked before anything is added: a file that does not serve (a
  // report process of another version, a project elsewhere than beside the GeoPackage, a
  // layout name taken) leaves the project as it was, and the caller builds the layouts itself.
  auto unusable = [&](const QString& why) {
    addWriteDiagnostic(QStringLiteral("report layouts %1 not used: %2").arg(path, why));
    return -1;
  };
  QFile file(path);
  if (!file.exists()) return -1;
  if (!file.open(QIODevice::ReadOnly)) return unusable(file.errorString());
  // Paths in it are relative to a project beside the GeoPackage (contextBeside).
  if (QFileInfo(source.project->fileName()).absoluteFilePath() != projectBeside(source.geopackage))
    return unusable(QStringLiteral("the project is not beside the GeoPackage, named like it"));
  QString text = QString::fromUtf8(file.readAll());
  // First the table list, to map the writer's layer ids to this project's in the whole text
  // (layouts, companions' properties): ids are "<table>_<uuid>", none contains another.
  {
    QDomDocument head;
    if (!head.setContent(text)) return unusable(QStringLiteral("not XML"));
    std::map<QString, QgsVectorLayer*> own;
    for (const auto& [name, layer] : sourceTables(source)) own[name] = layer;
    const QDomNodeList tables = head.documentElement()
                                    .firstChildElement(QStringLiteral("tables"))
                                    .elementsByTagName(QStringLiteral("table"));
    for (int i = 0; i < tables.size(); ++i) {
      const QDomElement table = tables.at(i).toElement();
      const QString childId = table.attribute(QStringLiteral("layer"));
      const auto it = own.find(table.attribute(QStringLiteral("name")));
      if (childId.isEmpty() || it == own.end())
        return unusable(QStringLiteral("it names a table this run did not load: ") +
                        table.attribute(QStringLiteral("name")));
      text.replace(childId, it->second->id());
    }
  }
  auto doc = std::make_shared<QDomDocument>();
  if (!doc->setContent(text)) return unusable(QStringLiteral("not XML"));
  const QDomElement root = doc->documentElement();
  bool ok = false;
  const int pages = root.attribute(QStringLiteral("pages")).toInt(&ok);
  if (!ok || pages < 1) return unusable(QStringLiteral("no page count"));
  QgsReadWriteContext context;
  context.setPathResolver(source.project->pathResolver());
  std::vector<std::unique_ptr<QgsVectorLayer>> companions;
  const QDomNodeList layers =
      root.firstChildElement(QStringLiteral("projectlayers")).elementsByTagName(QStringLiteral("maplayer"));
  for (int i = 0; i < layers.size(); ++i) {
    auto layer = std::make_unique<QgsVectorLayer>();
    if (!layer->readLayerXml(layers.at(i).toElement(), context) || !layer->isValid())
      return unusable(QStringLiteral("a report layer does not load"));
    if (source.project->mapLayer(layer->id()))
      return unusable(QStringLiteral("a report layer is loaded already"));
    companions.push_back(std::move(layer));
  }
  std::vector<std::unique_ptr<LayoutFromXml>> layouts;
  QSet<QString> names;
  for (QDomElement l =
           root.firstChildElement(QStringLiteral("Layouts")).firstChildElement(QStringLiteral("Layout"));
       !l.isNull(); l = l.nextSiblingElement(QStringLiteral("Layout"))) {
    auto layout = std::make_unique<LayoutFromXml>(source.project, doc, l);
    if (layout->name().isEmpty() || names.contains(layout->name()) ||
        source.project->layoutManager()->layoutByName(layout->name()))
      return unusable(QStringLiteral("the layout name \"%1\" is empty or taken").arg(layout->name()));
    names.insert(layout->name());
    layouts.push_back(std::move(layout));
  }
  if (layouts.empty()) return unusable(QStringLiteral("no layouts"));
  for (auto& layer : companions) {  // no layer-tree node, as the report adds them
    if (!source.project->addMapLayer(layer.get(), false))
      throw IoError(path.toStdString() + ": a report layer cannot be added to the project");
    static_cast<void>(layer.release());  // the project owns it
  }
  for (auto& layout : layouts) {
    if (!source.project->layoutManager()->addLayout(layout.get()))
      throw IoError(path.toStdString() + ": a layout cannot be added to the project");
    static_cast<void>(layout.release());  // the layout manager owns it
  }
  return pages;
}

}  // namespace clustershift::layers::detail
