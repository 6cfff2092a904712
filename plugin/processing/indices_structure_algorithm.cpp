#include "processing/indices_structure_algorithm.h"

#include "clustershift/indices.h"

#include <qgsfeaturesink.h>
#include <qgsprocessingparameters.h>

#include <array>
#include <memory>

namespace clustershift::processing {

namespace {
const QString kInput = QStringLiteral("INPUT");
const QString kOutput = QStringLiteral("OUTPUT");
const QStringList kColumns = {QStringLiteral("y1"), QStringLiteral("y2"), QStringLiteral("y3"),
                              QStringLiteral("l1"), QStringLiteral("l2"), QStringLiteral("l3")};
QString fieldParam(const QString& key) { return QStringLiteral("FIELD_") + key.toUpper(); }
}  // namespace

QString IndicesStructureAlgorithm::displayName() const { return tr("Structure indices (TS, ISU, Theil)"); }

QString IndicesStructureAlgorithm::group() const { return tr("Economic indices"); }

QString IndicesStructureAlgorithm::shortHelpString() const {
  return tr(
      "Industrial-structure indices per region (Gan, Zheng & Yu 2011, 经济研究 46(5)): advancement "
      "TS = Y3/Y2, upgrading ISU = Σ s·Ys/Y (1–3) and rationalisation Theil = Σ (Ys/Y) ln((Ys/Ls)/(Y/L)) "
      "(0 = balanced), from sector value added Y1..Y3 (亿元) and employment L1..L3 (10k persons). "
      "INPUT may be the region layer or any table, e.g. a CSV.");
}

void IndicesStructureAlgorithm::initAlgorithm(const QVariantMap&) {
  addParameter(new QgsProcessingParameterFeatureSource(kInput, tr("Regions or table"),
                                                       QList<int>{QgsProcessing::TypeVector}));
  // Optional with the column name as default: a field parameter without a value is not
  // acceptable otherwise, even with a default (QGIS 3.22).
  addParameter(new QgsProcessingParameterField(fieldParam(QStringLiteral("id")), tr("Region id field"),
                                               QStringLiteral("id"), kInput, QgsProcessingParameterField::Any,
                                               false, true));
  for (const QString& c : kColumns)
    addParameter(new QgsProcessingParameterField(fieldParam(c), tr("Field for %1").arg(c.toUpper()), c,
                                                 kInput, QgsProcessingParameterField::Any, false, true));
  addParameter(new QgsProcessingParameterFeatureSink(kOutput, tr("Structure indices"),
                                                     QgsProcessing::TypeVectorAnyGeometry));
}

QVariantMap IndicesStructureAlgorithm::processAlgorithm(const QVariantMap& parameters,
                                                        QgsProcessingContext& context,
                                                        QgsProcessingFeedback* feedback) {
  return guarded([&] {
    std::unique_ptr<QgsProcessingFeatureSource> source(parameterAsSource(parameters, kInput, context));
    if (!source) throw QgsProcessingException(invalidSourceError(parameters, kInput));
    const QgsFields inFields = source->fields();
    auto indexOf = [&](const QString& key) {
      QString name = parameterAsString(parameters, fieldParam(key), context).trimmed();
      if (name.isEmpty()) name = key;
      const int i = inFields.lookupField(name);
      if (i < 0)
        fail(fieldParam(key),
             tr("no field '%1' in '%2' (fields: %3)")
                 .arg(name, source->sourceName(), inFields.names().join(QStringLiteral(", "))));
      return i;
    };
    const int idIndex = indexOf(QStringLiteral("id"));
    std::array<int, 6> columns{};
    for (int c = 0; c < 6; ++c) columns[static_cast<std::size_t>(c)] = indexOf(kColumns[c]);

    QgsFields fields;
    fields.append(QgsField(QStringLiteral("id"), QVariant::String));
    for (const char* name : {"ts", "isu", "theil"})
      fields.append(QgsField(QString::fromLatin1(name), QVariant::Double));
    QString destination;
    std::unique_ptr<QgsFeatureSink> sink(parameterAsSink(parameters, kOutput, context, destination, fields,
                                                         source->wkbType(), source->sourceCrs()));
    if (!sink) throw QgsProcessingException(invalidSinkError(parameters, kOutput));

    const long long total = std::max<long long>(1, source->featureCount());
    long long done = 0;
    QgsFeatureIterator it = source->getFeatures();
    QgsFeature in;
    while (it.nextFeature(in)) {
      if (feedback->isCanceled()) throw Cancelled();
      const QString id = in.attribute(idIndex).toString();
      std::array<double, 6> v{};
      for (int c = 0; c < 6; ++c) {
        const QVariant value = in.attribute(columns[static_cast<std::size_t>(c)]);
        bool ok = !value.isNull();
        const double number = ok ? value.toDouble(&ok) : kNaN;
        if (!value.isNull() && !ok)
          fail(fieldParam(kColumns[c]),
               tr("%1 fid=%2 (id '%3'): field '%4' is not a number ('%5')")
                   .arg(source->sourceName())
                   .arg(in.id())
                   .arg(id, inFields.at(columns[static_cast<std::size_t>(c)]).name(), value.toString()));
        if (ok && number < 0)
          fail(fieldParam(kColumns[c]), tr("%1 fid=%2 (id '%3'): field '%4' is negative (%5)")
                                            .arg(source->sourceName())
                                            .arg(in.id())
                                            .arg(id, inFields.at(columns[static_cast<std::size_t>(c)]).name())
                                            .arg(number));
        v[static_cast<std::size_t>(c)] = ok ? number : kNaN;
      }
      const StructureIndices s = structureIndices({v[0], v[1], v[2]}, {v[3], v[4], v[5]});
      for (const std::string& w : s.warnings)
        feedback->pushWarning(tr("%1 fid=%2 (id '%3'): %4")
                                  .arg(source->sourceName())
                                  .arg(in.id())
                                  .arg(id, QString::fromStdString(w)));
      auto value = [](double d) { return std::isnan(d) ? QVariant() : QVariant(d); };
      QgsFeature out(fields);
      out.setGeometry(in.geometry());
      QgsAttributes a;
      a << id << value(s.ts) << value(s.isu) << value(s.theil);
      out.setAttributes(a);
      if (!sink->addFeature(out, QgsFeatureSink::FastInsert))
        throw QgsProcessingException(qualifiedName() + QStringLiteral(": ") + kOutput + QStringLiteral(": ") +
                                     tr("cannot write feature %1 (%2)").arg(in.id()).arg(sink->lastError()));
      feedback->setProgress(100.0 * static_cast<double>(++done) / static_cast<double>(total));
    }
    QVariantMap outputs;
    outputs.insert(kOutput, destination);
    return outputs;
  });
}

}  // namespace clustershift::processing
