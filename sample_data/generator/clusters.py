"""Cluster presets (value-chain profiles), illustrative. Sizes follow the order of
magnitude reported for the case clusters (Wenzhou footwear, Guangzhou/Shiling leather
goods, Suzhou Industrial Park electronics, Shaoxing/Keqiao textiles & apparel).

Segment tuple: (id, output_share, job_share, va_rate, knowledge_intensity, jobs_per_ha, movable)
The smile curve: R&D, design and marketing have high value-added rates and knowledge
intensity; production and assembly low value added, most jobs, 80-200 jobs per ha.
"""

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
        "segments": [
            ("rd", 0.04, 0.03, 0.45, 0.90, 350, False),
            ("design", 0.06, 0.04, 0.42, 0.80, 300, False),
            ("procurement", 0.08, 0.05, 0.22, 0.30, 250, True),
            ("production", 0.45, 0.55, 0.22, 0.15, 70, True),
            ("assembly", 0.17, 0.21, 0.20, 0.10, 70, True),
            ("logistics", 0.08, 0.05, 0.22, 0.20, 60, True),
            ("marketing", 0.12, 0.07, 0.40, 0.70, 300, False),
        ],
    },
    {
        # Guangzhou (Shiling, Huadu) leather goods; production + assembly = the Lanshan (蓝山)
        # target: 300 亿元 output, 3万 jobs (about 4 亿元 tax, ~600 firms).
        "id": "leather_goods", "name": "Leather goods", "name_zh": "皮具箱包", "industry": "C19",
        "output_yuan100m": 500.0, "jobs": 50000, "rd_yuan100m": 6.0,
        "segments": [
            ("rd", 0.04, 0.03, 0.45, 0.90, 350, False),
            ("design", 0.07, 0.05, 0.42, 0.80, 300, False),
            ("procurement", 0.08, 0.05, 0.20, 0.30, 250, True),
            ("production", 0.45, 0.42, 0.16, 0.15, 100, True),
            ("assembly", 0.15, 0.18, 0.14, 0.10, 100, True),
            ("logistics", 0.06, 0.10, 0.20, 0.20, 60, True),
            ("marketing", 0.15, 0.17, 0.40, 0.70, 300, False),
        ],
    },
    {
        "id": "electronics", "name": "Electronics assembly", "name_zh": "电子信息制造", "industry": "C39",
        # Suzhou Industrial Park electronics: capital-intensive, ~32万 yuan VA per worker.
        "output_yuan100m": 2000.0, "jobs": 150000, "rd_yuan100m": 60.0,
        "segments": [
            ("rd", 0.10, 0.08, 0.50, 0.95, 400, False),
            ("design", 0.06, 0.05, 0.42, 0.85, 300, False),
            ("procurement", 0.06, 0.04, 0.20, 0.35, 250, True),
            ("production", 0.38, 0.35, 0.18, 0.40, 150, True),
            ("assembly", 0.22, 0.33, 0.12, 0.20, 180, True),
            ("logistics", 0.06, 0.06, 0.20, 0.25, 80, True),
            ("marketing", 0.12, 0.09, 0.38, 0.65, 300, False),
        ],
    },
    {
        "id": "textiles_apparel", "name": "Textiles & apparel", "name_zh": "纺织服装", "industry": "C18",
        "output_yuan100m": 1500.0, "jobs": 350000, "rd_yuan100m": 18.0,
        "segments": [
            ("rd", 0.03, 0.02, 0.40, 0.80, 300, False),
            ("design", 0.07, 0.05, 0.45, 0.80, 300, False),
            ("procurement", 0.07, 0.04, 0.18, 0.30, 250, True),
            ("production", 0.45, 0.50, 0.16, 0.15, 120, True),
            ("assembly", 0.18, 0.27, 0.13, 0.10, 200, True),
            ("logistics", 0.07, 0.05, 0.20, 0.20, 80, True),
            ("marketing", 0.13, 0.07, 0.42, 0.70, 300, False),
        ],
    },
]
