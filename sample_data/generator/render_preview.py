#!/usr/bin/python3
"""Renders a quick-look PNG of the sample regions (coloured by province) and parks.

    QT_QPA_PLATFORM=offscreen /usr/bin/python3 render_preview.py SAMPLE_DATA_DIR OUT.png [WIDTH]
"""
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsFillSymbol,  # noqa: E402
                       QgsMapRendererParallelJob, QgsMapSettings, QgsMarkerSymbol,
                       QgsPalLayerSettings, QgsRendererCategory, QgsRuleBasedRenderer,
                       QgsTextFormat, QgsVectorLayer, QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor, QFont  # noqa: E402

PROVINCE_COLOURS = {
    "Zhejiang": "#8dd3c7", "Jiangsu": "#ffffb3", "Anhui": "#bebada", "Jiangxi": "#fb8072",
    "Fujian": "#80b1d3", "Hunan": "#fdb462", "Guangdong": "#b3de69",
}


def main():
    data, out = sys.argv[1], sys.argv[2]
    width = int(sys.argv[3]) if len(sys.argv) > 3 else 1400
    app = QgsApplication([], False)
    QgsApplication.setPrefixPath("/usr", True)
    QgsApplication.initQgis()

    regions = QgsVectorLayer(os.path.join(data, "regions.gpkg") + "|layername=regions", "regions", "ogr")
    parks = QgsVectorLayer(os.path.join(data, "parks.gpkg") + "|layername=parks", "parks", "ogr")
    if not regions.isValid() or not parks.isValid():
        print("render_preview.py: cannot open layers", file=sys.stderr)
        sys.exit(1)

    cats = []
    for prov, col in PROVINCE_COLOURS.items():
        sym = QgsFillSymbol.createSimple({"color": col, "outline_color": "#404040", "outline_width": "0.2"})
        cats.append(QgsRendererCategory(prov, sym, prov))
    regions.setRenderer(QgsCategorizedSymbolRenderer("province", cats))
    lab = QgsPalLayerSettings()
    lab.fieldName = "name"
    fmt = QgsTextFormat()
    fmt.setFont(QFont("DejaVu Sans"))
    fmt.setSize(6)
    lab.setFormat(fmt)
    regions.setLabeling(QgsVectorLayerSimpleLabeling(lab))
    regions.setLabelsEnabled(True)

    root = QgsRuleBasedRenderer.Rule(None)
    for expr, col, size in (
            ("\"id\" IN ('P320500-01','P320600-01','P341300-01','P431100-01')", "#e31a1c", "4"),
            ("\"level\" = 'national'", "#1f1f1f", "2"),
            ("\"level\" = 'provincial'", "#555555", "1.6"),
            ("ELSE", "#999999", "1.2")):
        sym = QgsMarkerSymbol.createSimple({"name": "circle", "color": col, "size": size,
                                            "outline_color": "white", "outline_width": "0.2"})
        rule = QgsRuleBasedRenderer.Rule(sym, 0, 0, "" if expr == "ELSE" else expr)
        if expr == "ELSE":
            rule.setIsElse(True)
        root.appendChild(rule)
    parks.setRenderer(QgsRuleBasedRenderer(root))

    ms = QgsMapSettings()
    ms.setLayers([parks, regions])
    ext = regions.extent()
    ext.grow(0.2)
    ms.setExtent(ext)
    ms.setDestinationCrs(regions.crs())
    h = int(width * ext.height() / ext.width())
    ms.setOutputSize(QSize(width, h))
    ms.setBackgroundColor(QColor("#dfefff"))
    job = QgsMapRendererParallelJob(ms)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(out, "png")
    print(f"render_preview.py: wrote {out} ({width}x{h})", file=sys.stderr)
    # Release every QGIS object before exitQgis(), else the interpreter crashes at exit.
    del job, ms, regions, parks, root, cats
    QgsApplication.exitQgis()
    del app


if __name__ == "__main__":
    main()
