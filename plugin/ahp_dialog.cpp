// AhpDialog: Saaty pairwise comparison of the enabled criteria (declared in criteria_panel.h).
#include "criteria_panel.h"  // first: brings nlohmann/json before QGIS (see run_task.h)

#include <qgsapplication.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <exception>

#include "clustershift/criterion.h"
#include "clustershift/error.h"
#include "clustershift/mcda.h"
#include "clustershift/methods.h"
#include "clustershift_layers/labels.h"
#include "criterion_options_dialog.h"
#include "sample_data.h"

namespace clustershift::plugin {

namespace {

/// Saaty's fundamental scale 1/9..9 (Saaty 1980, "The Analytic Hierarchy Process", table 1.1).
std::vector<double> saatyScale() {
  std::vector<double> values;
  for (int d = 9; d >= 2; --d) values.push_back(1.0 / d);
  for (int v = 1; v <= 9; ++v) values.push_back(v);
  return values;
}

QString saatyText(double v) {
  if (v >= 1) return QString::number(std::lround(v));
  return QStringLiteral("1/%1").arg(std::lround(1 / v));
}

int nearestSaaty(double v) {
  const std::vector<double> scale = saatyScale();
  int best = 8;
  double bestDiff = 1e300;
  for (int i = 0; i < static_cast<int>(scale.size()); ++i) {
    const double diff = std::fabs(std::log(scale[static_cast<size_t>(i)]) - std::log(v > 0 ? v : 1));
    if (diff < bestDiff) {
      bestDiff = diff;
      best = i;
    }
  }
  return best;
}

/// A criterion id as the dialog shows it: its label in the UI language.
QString shown(const QString& id) {
  return layers::criterionLabel(id.toStdString(), uiLanguage() == QLatin1String("zh_CN"));
}

}  // namespace

// ---- AhpDialog ---------------------------------------------------------------------------

AhpDialog::AhpDialog(const QStringList& names, const std::vector<std::vector<double>>& matrix,
                     QWidget* parent)
    : QDialog(parent), m_names(names) {
  setObjectName(QStringLiteral("ahpDialog"));
  setWindowTitle(tr("AHP pairwise comparison"));
  const int n = static_cast<int>(names.size());
  auto* main = new QVBoxLayout(this);
  auto* intro = new QLabel(
      tr("How much more important is the row criterion than the column criterion? "
         "Saaty's scale: 1 equal, 3 moderate, 5 strong, 7 very strong, 9 extreme; 1/x the reverse."),
      this);
  intro->setWordWrap(true);
  main->addWidget(intro);
  auto* grid = new QGridLayout();
  grid->setHorizontalSpacing(8);
  const std::vector<double> scale = saatyScale();
  m_upper.assign(static_cast<size_t>(n), std::vector<QComboBox*>(static_cast<size_t>(n), nullptr));
  m_lower.assign(static_cast<size_t>(n), std::vector<QLabel*>(static_cast<size_t>(n), nullptr));
  for (int j = 0; j < n; ++j) {
    auto* head = new QLabel(QStringLiteral("<b>%1</b>").arg(shown(names[j]).toHtmlEscaped()), this);
    head->setToolTip(names[j]);
    head->setAlignment(Qt::AlignCenter);
    grid->addWidget(head, 0, j + 1);
  }
  for (int i = 0; i < n; ++i) {
    grid->addWidget(new QLabel(QStringLiteral("<b>%1</b>").arg(shown(names[i]).toHtmlEscaped()), this), i + 1,
                    0);
    for (int j = 0; j < n; ++j) {
      if (i == j) {
        auto* one = new QLabel(QStringLiteral("1"), this);
        one->setAlignment(Qt::AlignCenter);
        grid->addWidget(one, i + 1, j + 1);
      } else if (i < j) {
        auto* combo = new QComboBox(this);
        combo->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        combo->setObjectName(QStringLiteral("ahpCell_%1_%2").arg(i).arg(j));
        for (double v : scale) combo->addItem(saatyText(v), v);
        double v = 1;
        if (static_cast<int>(matrix.size()) == n &&
            static_cast<int>(matrix[static_cast<size_t>(i)].size()) == n) {
          v = matrix[static_cast<size_t>(i)][static_cast<size_t>(j)];
        }
        combo->setCurrentIndex(nearestSaaty(v));
        connect(combo, qOverload<int>(&QComboBox::currentIndexChanged), this, &AhpDialog::recompute);
        m_upper[static_cast<size_t>(i)][static_cast<size_t>(j)] = combo;
        grid->addWidget(combo, i + 1, j + 1);
      } else {
        auto* label = new QLabel(this);
        label->setAlignment(Qt::AlignCenter);
        label->setEnabled(false);  // read-only reciprocal
        label->setToolTip(tr("Reciprocal of the cell above the diagonal"));
        m_lower[static_cast<size_t>(i)][static_cast<size_t>(j)] = label;
        grid->addWidget(label, i + 1, j + 1);
      }
    }
  }
  // Equal columns: as wide as the widest header or cell.
  int columnWidth = 0;
  for (int r = 0; r <= n; ++r) {
    for (int c = 1; c <= n; ++c) {
      if (QLayoutItem* item = grid->itemAtPosition(r, c))
        columnWidth = std::max(columnWidth, item->sizeHint().width());
    }
  }
  for (int j = 1; j <= n; ++j) {
    grid->setColumnStretch(j, 1);
    grid->setColumnMinimumWidth(j, columnWidth);
  }
  main->addLayout(grid);
  auto* stats = new QFormLayout();
  m_lambda = new QLabel(this);
  m_lambda->setObjectName(QStringLiteral("ahpLambdaLabel"));
  m_ci = new QLabel(this);
  m_ci->setObjectName(QStringLiteral("ahpCiLabel"));
  m_cr = new QLabel(this);
  m_cr->setObjectName(QStringLiteral("ahpCrLabel"));
  m_weights = new QLabel(this);
  m_weights->setObjectName(QStringLiteral("ahpWeightsLabel"));
  m_weights->setWordWrap(true);
  m_hint = new QLabel(this);
  m_hint->setObjectName(QStringLiteral("ahpHintLabel"));
  m_hint->setWordWrap(true);
  stats->addRow(tr("λmax"), m_lambda);
  stats->addRow(tr("CI"), m_ci);
  stats->addRow(tr("CR"), m_cr);
  stats->addRow(tr("Weights"), m_weights);
  main->addLayout(stats);
  main->addWidget(m_hint);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  main->addWidget(buttons);
  recompute();
}

std::vector<std::vector<double>> AhpDialog::matrix() const {
  const size_t n = static_cast<size_t>(m_names.size());
  std::vector<std::vector<double>> m(n, std::vector<double>(n, 1.0));
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      const double v = m_upper[i][j]->currentData().toDouble();
      m[i][j] = v;
      m[j][i] = 1.0 / v;
    }
  }
  return m;
}

void AhpDialog::recompute() {
  const std::vector<std::vector<double>> m = matrix();
  const size_t n = m.size();
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = 0; j < i; ++j) m_lower[i][j]->setText(saatyText(m[i][j]));
  }
  std::vector<std::string> names;
  for (const QString& name : m_names) names.push_back(name.toStdString());
  try {
    const mcda::AhpResult r = mcda::ahpWeights(m, names);
    m_lambda->setText(QString::number(r.lambdaMax, 'f', 3));
    m_ci->setText(QString::number(r.ci, 'f', 3));
    m_cr->setText(tr("%1 (%2)").arg(QString::number(r.cr, 'f', 3),
                                    r.consistent ? tr("consistent, < 0.10") : tr("inconsistent, ≥ 0.10")));
    m_cr->setStyleSheet(r.consistent ? QStringLiteral("color: #1a7f37; font-weight: bold;")
                                     : QStringLiteral("color: #c62828; font-weight: bold;"));
    QStringList w;
    for (size_t i = 0; i < r.weights.size(); ++i) {
      w << QStringLiteral("%1 %2").arg(m_names[static_cast<int>(i)]).arg(r.weights[i], 0, 'f', 3);
    }
    m_weights->setText(w.join(QStringLiteral(", ")));
    m_hint->setText(r.consistent || r.hint.text.empty()
                        ? QString()
                        : tr("Hint: %1").arg(QString::fromStdString(r.hint.text)));
    m_hint->setVisible(!r.consistent && !r.hint.text.empty());
  } catch (const std::exception& e) {
    m_cr->setText(tr("error"));
    m_cr->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_hint->setText(QString::fromStdString(e.what()));
    m_hint->setVisible(true);
  }
}

}  // namespace clustershift::plugin
