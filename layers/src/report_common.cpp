// Page furniture shared by every report section: layout and page creation, header band and
// footer, word-wrapping labels, manual tables and embedded SVG pictures.
#include "report_detail.h"  // first: see the note in layers.h

#include <qgslayoutframe.h>
#include <qgslayoutitemlabel.h>
#include <qgslayoutitemmanualtable.h>
#include <qgslayoutitempage.h>
#include <qgslayoutitempicture.h>
#include <qgslayoutitemshape.h>
#include <qgslayoutmeasurement.h>
#include <qgslayoutpagecollection.h>
#include <qgslayoutsize.h>
#include <qgslayouttablecolumn.h>
#include <qgsprintlayout.h>
#include <qgsproject.h>
#include <qgsexpression.h>
#include <qgsexpressioncontextutils.h>
#include <qgsfillsymbol.h>
#include <qgslayoutatlas.h>
#include <qgslayoutreportcontext.h>
#include <qgsvectorlayer.h>
#include <qgstablecell.h>
#include <qgstextformat.h>

#include <QDateTime>

#include <algorithm>
#include <cmath>

#include "clustershift/criterion.h"
#include "clustershift/error.h"
#include "clustershift/pipeline.h"
#include "layers_detail.h"
#include "clustershift_layers/labels.h"

namespace clustershift::layers::detail {
namespace {

constexpr double kMarginMm = 10;       // page margin on every side
constexpr double kCellMarginMm = 0.9;  // table cell padding

/// Page offset (mm) of page `page` in layout coordinates.
QPointF pageOrigin(QgsPrintLayout* layout, int page) {
  return layout->pageCollection()->pagePositionToLayoutPosition(page, QgsLayoutPoint(0, 0, QgsUnitTypes::LayoutMillimeters));
}

QRectF onPage(QgsPrintLayout* layout, int page, const QRectF& rectMm) {
  return rectMm.translated(pageOrigin(layout, page));
}

bool isWide(QChar c) { return c.unicode() >= 0x2E80; }

/// Inserts line breaks into text with CJK characters so that no line exceeds widthMm at sizePt
/// (estimated with textEms); breaks at a space when the line has one, else between characters.
QString wrapCjk(const QString& text, double sizePt, double widthMm) {
  if (widthMm <= 0 || std::none_of(text.begin(), text.end(), isWide)) return text;
  const double emMm = sizePt * 25.4 / 72;
  const double maxEms = widthMm / emMm;
  QString out, line;
  double ems = 0;
  for (const QChar c : text) {
    const double w = isWide(c) ? 1.0 : 0.55;
    if (c == QLatin1Char('\n')) {
      out += line + c;
      line.clear();
      ems = 0;
      continue;
    }
    if (ems + w > maxEms && !line.isEmpty()) {
      const int space = line.lastIndexOf(QLatin1Char(' '));
      if (space > 0 && !isWide(c)) {
        out += line.left(space) + QLatin1Char('\n');
        line = line.mid(space + 1);
      } else {
        out += line + QLatin1Char('\n');
        line.clear();
      }
      ems = textEms(line);
    }
    line += c;
    ems += w;
  }
  return out + line;
}

}  // namespace

double scaleOf(const ReportContext& ctx) { return ctx.pageMm.width() > 300 ? 1.25 : 1.0; }

std::string jsonText(const nlohmann::json& j, const char* key) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return {};
  return j[key].get<std::string>();
}

QgsVectorLayer* reportCompanion(const ReportContext& ctx, const QgsVectorLayer& layer, const QString& role,
                                const QString& nameSuffix,
                                const std::function<bool(QgsVectorLayer&)>& setUp) {
  const QString property = QStringLiteral("clustershift/") + role;
  const QString key = layer.id() + QLatin1Char('/') + ctx.options.language;
  for (QgsMapLayer* existing : ctx.source.project->mapLayers())
    if (existing->customProperty(property).toString() == key)
      if (auto* vector = qobject_cast<QgsVectorLayer*>(existing)) return vector;
  QgsVectorLayer::LayerOptions options;
  options.loadDefaultStyle = false;
  auto companion =
      std::make_unique<QgsVectorLayer>(layer.source(), layer.name(), layer.providerType(), options);
  if (!companion->isValid() || !setUp(*companion)) return nullptr;
  companion->setCustomProperty(property, key);
  companion->setName(layer.name() + QStringLiteral(" (") + nameSuffix + QLatin1Char(')'));
  QgsVectorLayer* added = companion.release();
  ctx.source.project->addMapLayer(added, false);
  return added;
}

QString idInExpression(const QStringList& ids) {
  QStringList quoted;
  for (const QString& id : ids) quoted << QgsExpression::quotedValue(id);
  return QStringLiteral("\"id\" IN (%1)").arg(quoted.join(QStringLiteral(", ")));
}

QgsTextFormat reportTextFormat(double sizePt, bool bold, const QColor& color) {
  QgsTextFormat format;
  QFont f = font(sizePt, bold);
  f.setStyleStrategy(QFont::PreferNoShaping);  // keeps digits in mixed runs extractable (pdftotext)
  format.setFont(f);
  format.setSize(sizePt);
  format.setSizeUnit(QgsUnitTypes::RenderPoints);
  format.setColor(color);
  return format;
}

namespace {

thread_local const QgsExpressionContextScope* t_sharedGlobalScope = nullptr;
thread_local unsigned t_sharedGlobalScopeGeneration = 0;  // counts the outermost guards

/// SharedGlobalScope::projectScope's copy, for one project and layer count, while a guard lives.
struct SharedProjectScope {
  const QgsProject* project = nullptr;
  int layers = -1;
  std::unique_ptr<QgsExpressionContextScope> scope;
};
thread_local SharedProjectScope t_sharedProjectScope;

/// A print layout whose expression contexts take the shared global scope while a
/// SharedGlobalScope lives: the scopes of QgsPrintLayout::createExpressionContext() in QGIS 3.22
/// (global, project, the report context's layer when set, layout, an enabled atlas), the first
/// one copied.
class ReportLayout final : public QgsPrintLayout {
 public:
  using QgsPrintLayout::QgsPrintLayout;

  QgsExpressionContext createExpressionContext() const override {
    const QgsExpressionContextScope* global = SharedGlobalScope::current();
    if (!global) return QgsPrintLayout::createExpressionContext();
    QgsExpressionContext context;
    context.appendScope(new QgsExpressionContextScope(*global));
    context.appendScope(SharedGlobalScope::projectScope(project()));
    if (QgsVectorLayer* layer = reportContext().layer())
      context.appendScope(QgsExpressionContextUtils::layerScope(layer));
    context.appendScope(QgsExpressionContextUtils::layoutScope(this));
    // atlas() is not const in QGIS 3.22; the scope only reads it. A disabled atlas adds no
    // scope (its @atlas_featurenumber would be 0, not NULL).
    QgsLayoutAtlas* atlas = const_cast<ReportLayout*>(this)->atlas();
    if (atlas->enabled()) context.appendScope(QgsExpressionContextUtils::atlasScope(atlas));
    return context;
  }
};

}  // namespace

SharedGlobalScope::SharedGlobalScope() {
  if (t_sharedGlobalScope) return;  // nested: the outer copy serves
  m_scope.reset(QgsExpressionContextUtils::globalScope());
  t_sharedGlobalScope = m_scope.get();
  ++t_sharedGlobalScopeGeneration;
}

SharedGlobalScope::~SharedGlobalScope() {
  if (!m_scope) return;
  t_sharedGlobalScope = nullptr;
  t_sharedProjectScope = SharedProjectScope();
}

QgsExpressionContextScope* SharedGlobalScope::projectScope(const QgsProject* project) {
  if (!t_sharedGlobalScope || !project) return QgsExpressionContextUtils::projectScope(project);
  SharedProjectScope& shared = t_sharedProjectScope;
  const int layers = project->count();
  if (shared.project != project || shared.layers != layers || !shared.scope) {
    shared.project = project;
    shared.layers = layers;
    shared.scope.reset(QgsExpressionContextUtils::projectScope(project));
  }
  return new QgsExpressionContextScope(*shared.scope);
}

const QgsExpressionContextScope* SharedGlobalScope::current() { return t_sharedGlobalScope; }

unsigned SharedGlobalScope::generation() { return t_sharedGlobalScopeGeneration; }

std::unique_ptr<QgsPrintLayout> newReportLayout(const ReportContext& ctx, const QString& section) {
  std::unique_ptr<QgsPrintLayout> layout = std::make_unique<ReportLayout>(ctx.source.project);
  layout->initializeDefaults();
  QgsLayoutItemPage* page = layout->pageCollection()->page(0);
  page->setPageSize(QgsLayoutSize(ctx.pageMm.width(), ctx.pageMm.height(), QgsUnitTypes::LayoutMillimeters));
  layout->setName(QStringLiteral("ClusterShift – %1 – %2 (%3)").arg(ctx.title, section, ctx.options.language));
  return layout;
}

int addReportPage(QgsPrintLayout* layout, const ReportContext& ctx) {
  auto* page = new QgsLayoutItemPage(layout);
  page->setPageSize(QgsLayoutSize(ctx.pageMm.width(), ctx.pageMm.height(), QgsUnitTypes::LayoutMillimeters));
  layout->pageCollection()->addPage(page);
  return layout->pageCollection()->pageCount() - 1;
}

QRectF addPageFrame(QgsPrintLayout* layout, const ReportContext& ctx, int page, const QString& heading,
                    double headingScale) {
  const double s = scaleOf(ctx);
  const double w = ctx.pageMm.width(), h = ctx.pageMm.height();
  const double inner = w - 2 * kMarginMm;

  // Header: report title left, section heading below it, thin rule underneath.
  addLabel(layout, page, ctx.title, 9 * s, false, QRectF(kMarginMm, 6, inner * 0.7, 5 * s), QColor(90, 90, 90));
  addLabel(layout, page, heading, 15 * s * std::clamp(headingScale, 0.5, 1.0), true, QRectF(kMarginMm, 6 + 5 * s, inner, 8 * s));
  const double ruleY = 6 + 13.5 * s;
  auto* rule = new QgsLayoutItemShape(layout);
  rule->setShapeType(QgsLayoutItemShape::Rectangle);
  QVariantMap props;
  props.insert(QStringLiteral("color"), QStringLiteral("31,95,140,255"));
  props.insert(QStringLiteral("outline_style"), QStringLiteral("no"));
  rule->setSymbol(QgsFillSymbol::createSimple(props));
  layout->addLayoutItem(rule);
  rule->attemptSetSceneRect(onPage(layout, page, QRectF(kMarginMm, ruleY, inner, 0.6)));

  // Footer: date and version, data caveat, page label right.
  const QString runTime = QString::fromStdString(ctx.source.runInfo.value("run_time", std::string()));
  const QString date = runTime.size() >= 10 ? runTime.left(10) : QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
  const QString footer =
      ctx.tx.t("Date: %1 · ClusterShift %2 · Illustrative statistics (yearbook order of magnitude), schematic "
               "boundaries: not a basis for decisions.",
               "日期：%1 · ClusterShift %2 · 示意性数据：统计数据为示意值（年鉴量级），行政区边界为示意性边界，不作决策依据。")
          .arg(date, QString::fromUtf8(clustershift::version()));
  const double footH = 5 * s;
  addLabel(layout, page, footer, 6.5 * s, false, QRectF(kMarginMm, h - 5 - footH, inner - 25, footH), QColor(110, 110, 110));
  // Page number in the whole document: buildReportLayouts sets @clustershift_page_offset (pages
  // of the layouts before this one); an atlas layout adds its earlier features' pages.
  const QString pageExpr = QStringLiteral(
      "[% coalesce(@clustershift_page_offset, 0) + (coalesce(@atlas_featurenumber, 1) - 1) * @layout_numpages + @layout_page %]");
  addLabel(layout, page, ctx.tx.t("Page %1", "第 %1 页").arg(pageExpr), 6.5 * s, false,
           QRectF(w - kMarginMm - 25, h - 5 - footH, 25, footH), QColor(110, 110, 110), Qt::AlignRight);

  const double top = ruleY + 4;
  return QRectF(kMarginMm, top, inner, h - 5 - footH - 3 - top);
}

QgsLayoutItemLabel* addLabel(QgsPrintLayout* layout, int page, const QString& text, double sizePt, bool bold,
                             const QRectF& rectMm, const QColor& color, Qt::AlignmentFlag hAlign) {
  auto* label = new QgsLayoutItemLabel(layout);
  label->setText(text);
  QFont f = font(sizePt, bold);
  f.setStyleStrategy(QFont::PreferNoShaping);
  label->setFont(f);
  label->setFontColor(color);
  label->setHAlign(hAlign);
  label->setVAlign(Qt::AlignTop);
  label->setMarginX(0);
  label->setMarginY(0);
  layout->addLayoutItem(label);
  label->attemptSetSceneRect(onPage(layout, page, rectMm));
  return label;
}

QgsLayoutItemManualTable* addTable(QgsPrintLayout* layout, int page, const QStringList& headers,
                                   const std::vector<QStringList>& rows, const QRectF& rectMm, double sizePt,
                                   const std::vector<double>& columnWidthsMm) {
  QgsTableContents contents;
  for (const QStringList& r : rows) {
    QgsTableRow row;
    for (int c = 0; c < headers.size(); ++c) {
      const double columnMm = c < static_cast<int>(columnWidthsMm.size()) ? columnWidthsMm[static_cast<size_t>(c)] : 0.0;
      QgsTableCell cell(c < r.size() ? wrapCjk(r[c], sizePt, columnMm - 2 * kCellMarginMm - 0.5) : QString());
      // Numbers right-aligned: a cell that parses as a number (or is the NaN dash).
      bool numeric = false;
      if (c < r.size()) {
        QString v = r[c];
        v.remove(QLatin1Char('%'));
        v.toDouble(&numeric);
        numeric = numeric || r[c] == QStringLiteral("–");
      }
      cell.setHorizontalAlignment(numeric ? Qt::AlignRight : Qt::AlignLeft);
      row << cell;
    }
    contents << row;
  }
  return addTable(layout, page, headers, contents, rectMm, sizePt, columnWidthsMm);
}

QgsLayoutItemManualTable* addTable(QgsPrintLayout* layout, int page, const QStringList& headers,
                                   const QgsTableContents& contents, const QRectF& rectMm, double sizePt,
                                   const std::vector<double>& columnWidthsMm) {
  auto* table = new QgsLayoutItemManualTable(layout);
  layout->addMultiFrame(table);
  QgsLayoutTableColumns columns;
  QList<double> widths;
  for (int c = 0; c < headers.size(); ++c) {
    QgsLayoutTableColumn col(headers[c]);
    const double width =
        c < static_cast<int>(columnWidthsMm.size()) ? columnWidthsMm[static_cast<size_t>(c)] : 0.0;
    col.setWidth(width);
    widths << width;
    columns << col;
  }
  table->setHeaders(columns);
  table->setIncludeTableHeader(true);
  table->setTableContents(contents);
  table->setColumnWidths(widths);
  table->setHeaderTextFormat(reportTextFormat(sizePt, true));
  table->setContentTextFormat(reportTextFormat(sizePt, false));
  table->setHeaderHAlignment(QgsLayoutTable::FollowColumn);
  table->setCellMargin(kCellMarginMm);
  table->setWrapBehavior(QgsLayoutTable::WrapText);
  table->setShowGrid(true);
  table->setVerticalGrid(false);
  table->setHorizontalGrid(true);
  table->setGridStrokeWidth(0.1);
  table->setGridColor(QColor(170, 170, 170));
  table->setResizeMode(QgsLayoutMultiFrame::UseExistingFrames);
  QgsLayoutTableStyle header;
  header.enabled = true;
  header.cellBackgroundColor = QColor(QStringLiteral("#e3eef6"));
  table->setCellStyle(QgsLayoutTable::HeaderRow, header);
  QgsLayoutTableStyle odd;
  odd.enabled = true;
  odd.cellBackgroundColor = QColor(QStringLiteral("#f6f6f6"));
  table->setCellStyle(QgsLayoutTable::OddRows, odd);
  auto* frame = new QgsLayoutFrame(layout, table);
  frame->attemptSetSceneRect(onPage(layout, page, rectMm));
  frame->setHidePageIfEmpty(false);
  table->addFrame(frame);
  table->recalculateFrameSizes();
  return table;
}

QgsLayoutItemPicture* addSvg(QgsPrintLayout* layout, int page, const QByteArray& svg, const QRectF& rectMm) {
  auto* picture = new QgsLayoutItemPicture(layout);
  // QgsSvgCache (3.22) resolves "base64:" paths itself: the SVG lives in the layout, not a file.
  picture->setPicturePath(QStringLiteral("base64:") + QString::fromLatin1(svg.toBase64()), QgsLayoutItemPicture::FormatSVG);
  picture->setResizeMode(QgsLayoutItemPicture::Zoom);
  picture->setPictureAnchor(QgsLayoutItem::UpperLeft);
  picture->setBackgroundEnabled(false);
  picture->setFrameEnabled(false);
  layout->addLayoutItem(picture);
  picture->attemptSetSceneRect(onPage(layout, page, rectMm));
  return picture;
}

double textEms(const QString& text) {
  double ems = 0;
  for (const QChar c : text) ems += isWide(c) ? 1.0 : 0.55;
  return ems;
}

QString formatNumber(double value, int decimals) { return numberText(value, decimals); }

double catchmentKm(const nlohmann::json& runInfo) {
  if (runInfo.is_object() && runInfo.contains("catchment_km") && runInfo["catchment_km"].is_number() &&
      runInfo["catchment_km"].get<double>() > 0)
    return runInfo["catchment_km"].get<double>();
  // Results written before run_info carried the radius: the scenario's labour_pool params.
  nlohmann::json params;  // null: the declared default
  if (runInfo.is_object() && runInfo.contains("scenario") && runInfo["scenario"].is_object() &&
      runInfo["scenario"].contains("criteria") && runInfo["scenario"]["criteria"].is_array())
    for (const nlohmann::json& c : runInfo["scenario"]["criteria"])
      if (c.is_object() && jsonText(c, "id") == "labour_pool" && c.contains("params")) params = c["params"];
  const auto criterion = CriterionRegistry::instance().create("labour_pool");
  try {
    return resolveParams(*criterion, params).at("radius_km").get<double>();
  } catch (const InputError&) {
    return resolveParams(*criterion, nullptr).at("radius_km").get<double>();
  }
}

}  // namespace clustershift::layers::detail
