#pragma once
// Small widget-building helpers of the dock's tabs and panels: one place for the conventions they
// share (a tab is a frameless scroll area, a form's fields take the width, a map pick is a "Pick"
// button with the identify icon). Texts come translated from the caller, so tr() keeps each
// class's translation context.
class QFormLayout;
class QPushButton;
class QScrollArea;
class QString;
class QVBoxLayout;
class QWidget;

namespace clustershift::plugin {

/// Makes `tab` a frameless scroll area named `objectName` whose content widget takes its width,
/// and returns the content's vertical layout (the content is layout->parentWidget(), the parent
/// of the tab's group boxes).
QVBoxLayout* scrollTabLayout(QScrollArea* tab, const QString& objectName);

/// A form layout on `parent` (none: to be added to another layout) whose fields take the width.
QFormLayout* growingForm(QWidget* parent = nullptr);

/// A button with the identify icon that arms a map pick: `text` (tr("Pick")), its object name and
/// its tool tip (what to click on the map).
QPushButton* pickButton(const QString& text, const QString& objectName, const QString& toolTip,
                        QWidget* parent);

}  // namespace clustershift::plugin
