"""Cluster presets (value-chain profiles), illustrative. Sizes follow the order of
magnitude reported for the case clusters (Wenzhou footwear, Guangzhou/Shiling leather
goods, Suzhou Industrial Park electronics, Shaoxing/Keqiao textiles & apparel).

Each preset's value chain is a table, value_chains.csv (one row per preset and segment: output
and job shares, value-added rate, knowledge intensity, jobs per ha, movable), read into
preset["segments"] as tuples (id, output_share, job_share, va_rate, knowledge_intensity,
jobs_per_ha, movable) in the file's order. The smile curve: R&D, design and marketing have
high value-added rates and knowledge intensity; production and assembly low value added,
most jobs, 80-200 jobs per ha.
"""

import csv
import os

SEGMENT_NAMES = {
    "rd": ("R&D", "研发"),
    "design": ("Design", "设计"),
    "procurement": ("Procurement", "采购"),
    "production": ("Production", "生产制造"),
    "assembly": ("Assembly", "组装"),
    "logistics": ("Logistics", "物流"),
    "marketing": ("Marketing & brand", "营销与品牌"),
}

PRESETS = [
    {
        # The Wenzhou footwear firms that built the Suzhou (宿州, Anhui) shoe city: about 5.6万
        # jobs, 1,913 firms, 6.8 km² (the research's case); ~11万 yuan VA per worker.
        "id": "footwear", "name": "Footwear", "name_zh": "鞋业", "industry": "C19",
        "output_yuan100m": 240.0, "jobs": 56000, "rd_yuan100m": 2.4,
    },
    {
        # Guangzhou (Shiling, Huadu) leather goods; production + assembly = the Lanshan (蓝山)
        # target: 300 亿元 output, 3万 jobs (about 4 亿元 tax, ~600 firms).
        "id": "leather_goods", "name": "Leather goods", "name_zh": "皮具箱包", "industry": "C19",
        "output_yuan100m": 500.0, "jobs": 50000, "rd_yuan100m": 6.0,
    },
    {
        "id": "electronics", "name": "Electronics assembly", "name_zh": "电子信息制造", "industry": "C39",
        # Suzhou Industrial Park electronics: capital-intensive, ~32万 yuan VA per worker.
        "output_yuan100m": 2000.0, "jobs": 150000, "rd_yuan100m": 60.0,
    },
    {
        "id": "textiles_apparel", "name": "Textiles & apparel", "name_zh": "纺织服装", "industry": "C18",
        "output_yuan100m": 1500.0, "jobs": 350000, "rd_yuan100m": 18.0,
    },
]


def _read_value_chains():
    by_preset = {p["id"]: p for p in PRESETS}
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "value_chains.csv"), newline="",
              encoding="utf-8") as f:
        for row in csv.DictReader(f):
            by_preset[row["preset"]].setdefault("segments", []).append(
                (row["segment"], float(row["output_share"]), float(row["job_share"]), float(row["va_rate"]),
                 float(row["knowledge_intensity"]), int(row["jobs_per_ha"]), row["movable"] == "yes"))


_read_value_chains()
