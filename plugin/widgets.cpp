#include "widgets.h"

#include <qgsapplication.h>

#include <QFormLayout>
#include <QFrame>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <QWidget>

namespace clustershift::plugin {

QVBoxLayout* scrollTabLayout(QScrollArea* tab, const QString& objectName) {
  tab->setObjectName(objectName);
  tab->setWidgetResizable(true);
  tab->setFrameShape(QFrame::NoFrame);
  auto* content = new QWidget(tab);
  auto* layout = new QVBoxLayout(content);
  tab->setWidget(content);  // after its layout: QScrollArea shows what the layout holds when shown
  return layout;
}

QFormLayout* growingForm(QWidget* parent) {
  auto* form = new QFormLayout(parent);
  form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
  return form;
}

QPushButton* pickButton(const QString& text, const QString& objectName, const QString& toolTip,
                        QWidget* parent) {
  auto* button =
      new QPushButton(QgsApplication::getThemeIcon(QStringLiteral("/mActionIdentify.svg")), text, parent);
  button->setObjectName(objectName);
  button->setToolTip(toolTip);
  return button;
}

}  // namespace clustershift::plugin
