// warmUpReportEngine (layers/src/report_warm_up.cpp): QGIS's one-time set-up for reports, run
// by the command line while the core computes.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h

#include <gtest/gtest.h>

#include <qgslayoutitemlabel.h>
#include <qgslayoutmanager.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>

namespace clustershift::layers {
namespace {

TEST(WarmUpReportEngine, LeavesTheProjectAsItWasAndLabelsStillMeasureTheirText) {
  QgsProject* project = QgsProject::instance();
  const int layers = project->count();
  const int layouts = project->layoutManager()->layouts().size();
  const bool dirty = project->isDirty();
  warmUpReportEngine();
  warmUpReportEngine();  // a second call is harmless
  EXPECT_EQ(project->count(), layers);
  EXPECT_EQ(project->layoutManager()->layouts().size(), layouts);
  EXPECT_EQ(project->isDirty(), dirty);
  // A label made afterwards lays out its text as before: wider for the longer text.
  QgsPrintLayout layout(project);
  layout.initializeDefaults();
  auto* shortLabel = new QgsLayoutItemLabel(&layout);
  shortLabel->setText(QStringLiteral("温州"));
  layout.addLayoutItem(shortLabel);
  shortLabel->adjustSizeToText();
  auto* longLabel = new QgsLayoutItemLabel(&layout);
  longLabel->setText(QStringLiteral("温州鞋业集群转移 Wenzhou footwear"));
  layout.addLayoutItem(longLabel);
  longLabel->adjustSizeToText();
  EXPECT_GT(shortLabel->rect().width(), 0.0);
  EXPECT_GT(longLabel->rect().width(), 2 * shortLabel->rect().width());
}

}  // namespace
}  // namespace clustershift::layers
