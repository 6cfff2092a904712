#include "processing/indices_relatedness_algorithm.h"

#include "clustershift/indices.h"

#include <qgsfeaturesink.h>
#include <qgsprocessingparameters.h>

#include <QDir>

#include <memory>

namespace clustershift::processing {

namespace {
const QString kMatrix = QStringLiteral("MATRIX");
const QString kThreshold = QStringLiteral("THRESHOLD");
const QString kRca = QStringLiteral("RCA");
const QString kDensity = QStringLiteral("DENSITY");
const QString kProximity = QStringLiteral("PROXIMITY");
const QString kOutputFolder = QStringLiteral("OUTPUT_FOLDER");
}  // namespace

QString IndicesRelatednessAlgorithm::displayName() const {
  return tr("Relatedness indices (RCA, proximity, density)");
}

QString IndicesRelatednessAlgorithm::group() const { return tr("Economic indices"); }

QString IndicesRelatednessAlgorithm::shortHelpString() const {
  return tr(
      "From a region × industry output table (CSV: first column the region id, one column per "
      "industry): revealed comparative advantage RCA (Balassa 1965), presence RCA ≥ threshold, "
      "proximity between industries and relatedness density (Hidalgo et al. 2007, Science 317:482).");
}

void IndicesRelatednessAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterFile(kMatrix, tr("Region × industry output table (CSV)"),
                                              QgsProcessingParameterFile::File, QStringLiteral("csv"),
                                              QVariant(), false, tr("CSV files (*.csv)")));
  addParameter(new QgsProcessingParameterNumber(kThreshold, tr("RCA threshold for presence"),
                                                QgsProcessingParameterNumber::Double, 1.0, false, 1e-9));
  addParameter(new QgsProcessingParameterFeatureSink(kRca, tr("RCA"), QgsProcessing::TypeVector));
  addParameter(
      new QgsProcessingParameterFeatureSink(kDensity, tr("Relatedness density"), QgsProcessing::TypeVector));
  addParameter(new QgsProcessingParameterFeatureSink(kProximity, tr("Proximity"), QgsProcessing::TypeVector));
  addParameter(
      new QgsProcessingParameterFolderDestination(kOutputFolder, tr("CSV folder"), QVariant(), true, false));
}

QVariantMap IndicesRelatednessAlgorithm::processAlgorithm(const QVariantMap& parameters,
                                                          QgsProcessingContext& context,
                                                          QgsProcessingFeedback* feedback) {
  return guarded([&] {
    const QString path = parameterAsFile(parameters, kMatrix, context);
    if (path.isEmpty()) fail(kMatrix, tr("no table given"));
    const CsvTable table = readCsvTable(path.toUtf8().toStdString());
    const Eigen::MatrixXd x = table.matrix();
    for (Eigen::Index r = 0; r < x.rows(); ++r)
      for (Eigen::Index c = 0; c < x.cols(); ++c)
        if (x(r, c) < 0)
          fail(kMatrix, QString::fromStdString(table.where(static_cast<int>(r), static_cast<int>(c))) +
                            tr(": value is negative (%1)").arg(x(r, c)));
    if (!(x.sum() > 0)) fail(kMatrix, tr("'%1': all values are zero").arg(path));
    const double threshold = parameterAsDouble(parameters, kThreshold, context);
    feedback->setProgress(20);
    const Relatedness rel = computeRelatedness(x, threshold);
    feedback->setProgress(60);

    QVariantMap outputs;
    auto writeTable = [&](const QString& name, const std::string& idColumn,
                          const std::vector<std::string>& rowIds, const std::vector<std::string>& columns,
                          const Eigen::MatrixXd& m) {
      QgsFields fields;
      fields.append(QgsField(QString::fromStdString(idColumn), QVariant::String));
      for (const std::string& c : columns)
        fields.append(QgsField(QString::fromStdString(c), QVariant::Double));
      QString destination;
      std::unique_ptr<QgsFeatureSink> sink(parameterAsSink(parameters, name, context, destination, fields,
                                                           QgsWkbTypes::NoGeometry,
                                                           QgsCoordinateReferenceSystem()));
      if (!sink) throw QgsProcessingException(invalidSinkError(parameters, name));
      for (std::size_t r = 0; r < rowIds.size(); ++r) {
        if (feedback->isCanceled()) throw Cancelled();
        QgsFeature f(fields);
        QgsAttributes a;
        a << QString::fromStdString(rowIds[r]);
        for (std::size_t c = 0; c < columns.size(); ++c)
          a << m(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c));
        f.setAttributes(a);
        if (!sink->addFeature(f, QgsFeatureSink::FastInsert))
          throw QgsProcessingException(qualifiedName() + QStringLiteral(": ") + name + QStringLiteral(": ") +
                                       tr("cannot write a row (%1)").arg(sink->lastError()));
      }
      outputs.insert(name, destination);
    };
    writeTable(kRca, table.idColumn, table.rowIds, table.columns, rel.rca);
    writeTable(kDensity, table.idColumn, table.rowIds, table.columns, rel.density);
    writeTable(kProximity, "industry", table.columns, table.columns, rel.proximity);

    const QString folder = parameterAsString(parameters, kOutputFolder, context).trimmed();
    if (!folder.isEmpty()) {
      if (!QDir().mkpath(folder)) fail(kOutputFolder, tr("cannot create the folder '%1'").arg(folder));
      const QDir dir(folder);
      auto csv = [&](const char* file) {
        return dir.filePath(QString::fromLatin1(file)).toUtf8().toStdString();
      };
      writeCsvTable(csv("rca.csv"), makeCsvTable(table.idColumn, table.rowIds, table.columns, rel.rca));
      writeCsvTable(csv("presence.csv"),
                    makeCsvTable(table.idColumn, table.rowIds, table.columns, rel.presence));
      writeCsvTable(csv("proximity.csv"),
                    makeCsvTable("industry", table.columns, table.columns, rel.proximity));
      writeCsvTable(csv("density.csv"),
                    makeCsvTable(table.idColumn, table.rowIds, table.columns, rel.density));
      outputs.insert(kOutputFolder, folder);
    }
    feedback->pushInfo(tr("%1 regions × %2 industries, RCA threshold %3")
                           .arg(table.rowIds.size())
                           .arg(table.columns.size())
                           .arg(threshold));
    return outputs;
  });
}

}  // namespace clustershift::processing
