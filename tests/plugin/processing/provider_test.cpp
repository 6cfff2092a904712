// The provider: id, name, icon and the six algorithms in the registry; the C entry point the
// qgis_process shim calls.
#include "processing_test_util.h"

#include <qgsprocessingparameters.h>

namespace clustershift::processing::testing {
namespace {

TEST(Provider, RegistersTheSixAlgorithmsUnderItsId) {
  ensureProvider();
  QgsProcessingProvider* provider =
      QgsApplication::processingRegistry()->providerById(QStringLiteral("clustershift"));
  ASSERT_NE(provider, nullptr);
  EXPECT_EQ(provider->name(), QStringLiteral("ClusterShift"));
  EXPECT_FALSE(provider->icon().isNull());
  for (const char* id : {"scoresites", "projecteffects", "comparemodes", "printreport", "indices_relatedness",
                         "indices_structure"}) {
    const QString full = QStringLiteral("clustershift:") + QString::fromLatin1(id);
    const QgsProcessingAlgorithm* alg = QgsApplication::processingRegistry()->algorithmById(full);
    ASSERT_NE(alg, nullptr) << full.toStdString();
    EXPECT_FALSE(alg->displayName().isEmpty()) << full.toStdString();
    EXPECT_FALSE(alg->shortHelpString().isEmpty()) << full.toStdString();
    EXPECT_TRUE(alg->flags() & QgsProcessingAlgorithm::FlagSupportsBatch) << full.toStdString();
    EXPECT_TRUE(alg->flags() & QgsProcessingAlgorithm::FlagCanCancel) << full.toStdString();
  }
  EXPECT_EQ(provider->algorithms().size(), 6);
}

TEST(Provider, ShimEntryPointIsIdempotentAndRemovable) {
  ensureProvider();
  EXPECT_EQ(clustershiftRegisterProcessingProvider(), 1);  // already there: no second copy
  int count = 0;
  for (QgsProcessingProvider* p : QgsApplication::processingRegistry()->providers())
    count += p->id() == QStringLiteral("clustershift") ? 1 : 0;
  EXPECT_EQ(count, 1);
  clustershiftUnregisterProcessingProvider();
  EXPECT_EQ(QgsApplication::processingRegistry()->providerById(QStringLiteral("clustershift")), nullptr);
  EXPECT_EQ(clustershiftRegisterProcessingProvider(), 1);
  EXPECT_NE(QgsApplication::processingRegistry()->algorithmById(QStringLiteral("clustershift:scoresites")),
            nullptr);
}

TEST(Provider, ScenarioAlgorithmsUseTypedParameters) {
  ensureProvider();
  const QgsProcessingAlgorithm* alg =
      QgsApplication::processingRegistry()->algorithmById(QStringLiteral("clustershift:scoresites"));
  ASSERT_NE(alg, nullptr);
  auto type = [&](const char* name) {
    const QgsProcessingParameterDefinition* d = alg->parameterDefinition(QString::fromLatin1(name));
    return d ? d->type() : QStringLiteral("(missing)");
  };
  EXPECT_EQ(type("REGIONS"), QgsProcessingParameterFeatureSource::typeName());
  EXPECT_EQ(type("PARKS"), QgsProcessingParameterFeatureSource::typeName());
  EXPECT_EQ(type("SCENARIO"), QgsProcessingParameterFile::typeName());
  EXPECT_EQ(type("PRESET"), QgsProcessingParameterEnum::typeName());
  EXPECT_EQ(type("MODE"), QgsProcessingParameterEnum::typeName());
  EXPECT_EQ(type("REGIONS_FIELD_WAGE"), QgsProcessingParameterField::typeName());
  EXPECT_EQ(type("PARKS_FIELD_AVAILABLE_HA"), QgsProcessingParameterField::typeName());
  EXPECT_EQ(type("OUTPUT"), QgsProcessingParameterFeatureSink::typeName());
  EXPECT_EQ(type("OUTPUT_FOLDER"), QgsProcessingParameterFolderDestination::typeName());
  const auto* preset =
      dynamic_cast<const QgsProcessingParameterEnum*>(alg->parameterDefinition(QStringLiteral("PRESET")));
  ASSERT_NE(preset, nullptr);
  for (const char* p : {"footwear", "leather_goods", "electronics", "textiles_apparel"})
    EXPECT_TRUE(preset->options().contains(QString::fromLatin1(p))) << p;
}

/// The provider as QGIS in Chinese would load it (no settings touched: other test processes
/// share the profile).
class ChineseProvider : public Provider {
 protected:
  QString uiLocale() const override { return QStringLiteral("zh_CN"); }
};

TEST(Provider, ChineseLocaleTranslatesTheAlgorithms) {
  {
    ChineseProvider chinese;  // standalone: not in the registry
    ASSERT_TRUE(chinese.load());
    const QgsProcessingAlgorithm* alg = chinese.algorithm(QStringLiteral("scoresites"));
    ASSERT_NE(alg, nullptr);
    EXPECT_EQ(alg->displayName(), QStringLiteral("候选园区评分"));
    EXPECT_EQ(alg->parameterDefinition(QStringLiteral("MODE"))->description(), QStringLiteral("转移模式"));
  }
  // The translator went with the provider: English again.
  ensureProvider();
  EXPECT_EQ(QgsApplication::processingRegistry()
                ->algorithmById(QStringLiteral("clustershift:scoresites"))
                ->displayName(),
            QStringLiteral("Score candidate sites"));
}

}  // namespace
}  // namespace clustershift::processing::testing
