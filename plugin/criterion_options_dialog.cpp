#include "criterion_options_dialog.h"  // first: nlohmann/json before Qt

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>
#include <climits>
#include <cmath>

#include "clustershift/error.h"
#include "clustershift_layers/labels.h"
#include "sample_data.h"

namespace clustershift::plugin {

namespace {

// A spin box bound: the declared one, or a wide finite one (Qt spin boxes need finite bounds).
double bound(double v, double fallback) { return std::isfinite(v) ? v : fallback; }

}  // namespace

CriterionOptionsDialog::CriterionOptionsDialog(const Criterion& criterion, const nlohmann::json& params,
                                               QWidget* parent)
    : QDialog(parent), m_specs(criterion.parameters()), m_id(QString::fromStdString(criterion.id())) {
  setObjectName(QStringLiteral("criterionOptionsDialog"));
  setWindowTitle(tr("Options of %1")
                     .arg(layers::criterionLabel(criterion.id(), uiLanguage() == QLatin1String("zh_CN"))));
  auto* main = new QVBoxLayout(this);
  auto* form = new QFormLayout();
  main->addLayout(form);
  nlohmann::json current = nlohmann::json::object();
  try {
    current = resolveParams(criterion, params);
  } catch (const InputError& e) {
    // Show the defaults; the refused values are named so the planner sees what was wrong.
    auto* warning = new QLabel(QString::fromStdString(e.what()), this);
    warning->setWordWrap(true);
    warning->setStyleSheet(QStringLiteral("color: #c62828;"));
    main->insertWidget(0, warning);
    current = resolveParams(criterion, nullptr);
  }
  const bool zh = uiLanguage() == QLatin1String("zh_CN");
  for (const ParamSpec& spec : m_specs) {
    const nlohmann::json value = current.value(spec.name, nlohmann::json());
    const QString unit =
        spec.unit.empty() ? QString() : QStringLiteral(" ") + layers::unitLabel(spec.unit, zh);
    QWidget* editor = nullptr;
    switch (spec.type) {
      case ParamType::Number: {
        auto* box = new QDoubleSpinBox(this);
        box->setDecimals(3);
        // An exclusive lower bound: the smallest step above it.
        box->setRange(bound(spec.min, -1e9) + (spec.minExclusive ? 0.001 : 0.0), bound(spec.max, 1e9));
        box->setSuffix(unit);
        box->setValue(value.is_number() ? value.get<double>() : box->minimum());
        editor = box;
        break;
      }
      case ParamType::Integer: {
        auto* box = new QSpinBox(this);
        box->setRange(static_cast<int>(bound(spec.min, INT_MIN)) + (spec.minExclusive ? 1 : 0),
                      static_cast<int>(bound(spec.max, INT_MAX)));
        box->setSuffix(unit);
        box->setValue(value.is_number() ? static_cast<int>(value.get<double>()) : box->minimum());
        editor = box;
        break;
      }
      case ParamType::Boolean: {
        auto* box = new QCheckBox(this);
        box->setChecked(value.is_boolean() && value.get<bool>());
        editor = box;
        break;
      }
      case ParamType::NumberMap: {
        QStringList pairs;
        if (value.is_object()) {
          for (auto it = value.begin(); it != value.end(); ++it)
            pairs << QStringLiteral("%1=%2")
                         .arg(QString::fromStdString(it.key()))
                         .arg(it.value().get<double>(), 0, 'g', 12);
        }
        auto* line = new QLineEdit(pairs.join(QStringLiteral(", ")), this);
        line->setPlaceholderText(tr("name=number, … (%1)").arg(layers::unitLabel(spec.unit, zh)));
        editor = line;
        break;
      }
      case ParamType::TextList: {
        QStringList items;
        if (value.is_array()) {
          for (const nlohmann::json& e : value)
            if (e.is_string()) items << QString::fromStdString(e.get<std::string>());
        }
        auto* line = new QLineEdit(items.join(QStringLiteral(", ")), this);
        line->setPlaceholderText(tr("id, id, …"));
        editor = line;
        break;
      }
    }
    editor->setObjectName(QString::fromStdString(spec.name));
    // Label and description in the UI language, the option's key for the scenario file in the tip.
    const QString description = layers::paramDescription(spec, zh);
    const bool ranged = spec.type == ParamType::Number || spec.type == ParamType::Integer;
    const QString tip =
        description +
        (ranged ? QStringLiteral("\n") + tr("Range: %1").arg(layers::paramRange(spec, zh)) : QString()) +
        QStringLiteral("\n") + tr("Key in the scenario file: %1").arg(QString::fromStdString(spec.name));
    editor->setToolTip(tip);
    auto* label =
        new QLabel(layers::paramLabel(spec, zh) +
                       (spec.unit.empty() ? QString()
                                          : (zh ? QStringLiteral("（%1）") : QStringLiteral(" (%1)"))
                                                .arg(layers::unitLabel(spec.unit, zh))),
                   this);
    label->setToolTip(tip);
    auto* cell = new QWidget(this);
    auto* cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(1);
    cellLayout->addWidget(editor);
    auto* note = new QLabel(description, cell);
    note->setObjectName(QString::fromStdString(spec.name) + QStringLiteral("_description"));
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: palette(mid);"));
    cellLayout->addWidget(note);
    form->addRow(label, cell);
    m_editors.push_back(editor);
  }
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  main->addWidget(buttons);
}

nlohmann::json CriterionOptionsDialog::params() const {
  nlohmann::json out = nlohmann::json::object();
  for (std::size_t i = 0; i < m_specs.size(); ++i) {
    const ParamSpec& spec = m_specs[i];
    nlohmann::json value;
    switch (spec.type) {
      case ParamType::Number:
        value = qobject_cast<QDoubleSpinBox*>(m_editors[i])->value();
        break;
      case ParamType::Integer:
        value = qobject_cast<QSpinBox*>(m_editors[i])->value();
        break;
      case ParamType::Boolean:
        value = qobject_cast<QCheckBox*>(m_editors[i])->isChecked();
        break;
      case ParamType::NumberMap: {
        value = nlohmann::json::object();
        const QString text = qobject_cast<QLineEdit*>(m_editors[i])->text().trimmed();
        for (const QString& pair :
             text.split(QRegularExpression(QStringLiteral("[,;]+")), Qt::SkipEmptyParts)) {
          const int eq = pair.indexOf(QLatin1Char('='));
          bool ok = false;
          const double v = eq > 0 ? pair.mid(eq + 1).trimmed().toDouble(&ok) : 0.0;
          if (!ok)
            throw InputError(QStringLiteral("criteria table: %1 option %2: \"%3\" is not name=number")
                                 .arg(m_id, QString::fromStdString(spec.name), pair.trimmed())
                                 .toStdString());
          value[pair.left(eq).trimmed().toStdString()] = v;
        }
        break;
      }
      case ParamType::TextList: {
        value = nlohmann::json::array();
        const QString text = qobject_cast<QLineEdit*>(m_editors[i])->text();
        for (const QString& item :
             text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts))
          value.push_back(item.toStdString());
        if (value.empty()) value = nlohmann::json();  // none given: validate names a required list
        break;
      }
    }
    const bool isDefault = value.is_number() && spec.defaultValue.is_number()
                               ? std::fabs(value.get<double>() - spec.defaultValue.get<double>()) < 1e-9
                               : value == spec.defaultValue;
    if (!isDefault) out[spec.name] = value;
  }
  return out;
}

}  // namespace clustershift::plugin
