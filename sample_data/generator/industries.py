"""Industry classification, national base structure, regional specialisations and the
input-output structure used by the sample data generator. All numbers are illustrative
(order of magnitude of the China Statistical Yearbook / national IO tables), not official.
"""

import csv
import os

# GB/T 4754 manufacturing divisions used by ClusterShift (code, English, Chinese).
INDUSTRIES = [
    ("C13", "Agri-food processing", "农副食品加工业"),
    ("C14", "Food manufacturing", "食品制造业"),
    ("C15", "Beverages", "酒、饮料和精制茶制造业"),
    ("C17", "Textiles", "纺织业"),
    ("C18", "Apparel", "纺织服装、服饰业"),
    ("C19", "Leather, fur and footwear", "皮革、毛皮、羽毛及其制品和制鞋业"),
    ("C20", "Wood processing", "木材加工和木、竹、藤、棕、草制品业"),
    ("C21", "Furniture", "家具制造业"),
    ("C22", "Paper", "造纸和纸制品业"),
    ("C26", "Chemicals", "化学原料和化学制品制造业"),
    ("C27", "Pharmaceuticals", "医药制造业"),
    ("C29", "Rubber and plastics", "橡胶和塑料制品业"),
    ("C30", "Non-metallic minerals", "非金属矿物制品业"),
    ("C31", "Ferrous metals", "黑色金属冶炼和压延加工业"),
    ("C33", "Metal products", "金属制品业"),
    ("C34", "General machinery", "通用设备制造业"),
    ("C35", "Special machinery", "专用设备制造业"),
    ("C36", "Automobiles", "汽车制造业"),
    ("C38", "Electrical machinery", "电气机械和器材制造业"),
    ("C39", "Computers, communication and electronics", "计算机、通信和其他电子设备制造业"),
]
CODES = [c for c, _, _ in INDUSTRIES]
OTHER_SECTORS = ["A", "B", "D", "E", "S"]  # agriculture, mining, utilities, construction, services

# National structure of gross output (relative weights, illustrative).
BASE_WEIGHT = {
    "C13": 5.0, "C14": 1.8, "C15": 1.4, "C17": 2.4, "C18": 1.3, "C19": 1.0, "C20": 0.8,
    "C21": 0.6, "C22": 1.2, "C26": 6.5, "C27": 2.2, "C29": 2.5, "C30": 5.0, "C31": 3.5,
    "C33": 3.5, "C34": 4.0, "C35": 3.0, "C36": 7.5, "C38": 6.5, "C39": 11.0,
}

# Inland agricultural provinces lean on agri-food, building materials and some light
# industry moved in from the coast.
INLAND_PROFILE = {"C13": 2.2, "C14": 1.5, "C30": 1.8, "C19": 1.5, "C18": 1.3, "C39": 0.6, "C36": 0.7}
INLAND_PROVINCES = {"34", "36", "43"}

# Regional specialisation multipliers on top of the base weight (illustrative, after the
# well-known clusters: Wenzhou/Quanzhou/Putian shoes, Shiling leather goods, Suzhou/Shenzhen
# electronics, Shaoxing textiles, Foshan appliances ...).
SPECIALISATION = {}  # region id -> {industry code: multiplier}, from specialisation.csv
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "specialisation.csv"), newline="",
          encoding="utf-8") as f:
    for row in csv.DictReader(f):
        SPECIALISATION.setdefault(row["region_id"], {})[row["industry"]] = float(row["multiplier"])

SECTORS = CODES + OTHER_SECTORS

# Technical coefficients a_ij (input of row sector i per unit of gross output of column
# sector j), illustrative, shaped after the 2017/2020 national IO tables. Columns list
# their main purchases; every column additionally buys from D (utilities) and S
# (services) as given in GENERIC below.
MAIN_INPUTS = {
    "C13": {"A": 0.45, "C13": 0.10, "C29": 0.02, "C22": 0.01},
    "C14": {"A": 0.18, "C13": 0.22, "C14": 0.06, "C22": 0.03, "C29": 0.03},
    "C15": {"A": 0.12, "C13": 0.15, "C15": 0.06, "C30": 0.04, "C22": 0.03},
    "C17": {"A": 0.10, "C17": 0.32, "C26": 0.10},
    "C18": {"C17": 0.38, "C18": 0.08, "C26": 0.02, "C29": 0.02},
    "C19": {"C19": 0.22, "C17": 0.08, "C18": 0.04, "C26": 0.07, "C29": 0.10, "A": 0.03},
    "C20": {"A": 0.25, "C20": 0.15, "C26": 0.04},
    "C21": {"C20": 0.18, "C21": 0.06, "C33": 0.06, "C17": 0.04, "C29": 0.04, "C26": 0.03},
    "C22": {"C22": 0.22, "C20": 0.08, "C26": 0.10, "A": 0.04},
    "C26": {"C26": 0.40, "B": 0.10},
    "C27": {"C27": 0.15, "C26": 0.18, "A": 0.05, "C29": 0.02, "C22": 0.02},
    "C29": {"C26": 0.35, "C29": 0.12},
    "C30": {"B": 0.12, "C30": 0.18, "C26": 0.04},
    "C31": {"B": 0.25, "C31": 0.30},
    "C33": {"C31": 0.35, "C33": 0.10, "C26": 0.03},
    "C34": {"C31": 0.15, "C33": 0.08, "C34": 0.18, "C38": 0.06},
    "C35": {"C31": 0.12, "C33": 0.07, "C34": 0.12, "C35": 0.10, "C38": 0.06, "C39": 0.03},
    "C36": {"C36": 0.40, "C29": 0.05, "C31": 0.05, "C33": 0.03, "C38": 0.04, "C39": 0.03},
    "C38": {"C31": 0.08, "C33": 0.05, "C38": 0.22, "C26": 0.06, "C29": 0.04, "C39": 0.05},
    "C39": {"C39": 0.45, "C38": 0.06, "C29": 0.03, "C33": 0.02, "C26": 0.02},
    "A": {"A": 0.12, "C13": 0.05, "C26": 0.07},
    "B": {"B": 0.10, "C31": 0.03, "C34": 0.04, "C35": 0.04, "C26": 0.03},
    "D": {"B": 0.20, "D": 0.25, "C38": 0.03, "C26": 0.02},
    "E": {"C30": 0.18, "C31": 0.10, "C33": 0.06, "E": 0.04, "C38": 0.03, "C29": 0.02, "C26": 0.02},
    "S": {"S": 0.22, "C39": 0.02, "C36": 0.01, "C13": 0.01, "C14": 0.01, "C26": 0.01, "E": 0.01},
}
# (D, S) purchases of every column, unless set in MAIN_INPUTS.
GENERIC = {"D": 0.025, "S": 0.10}
GENERIC_OVERRIDE = {
    "C31": {"D": 0.06}, "C26": {"D": 0.05}, "C30": {"D": 0.06}, "C22": {"D": 0.04},
    "C17": {"D": 0.03}, "C39": {"S": 0.12}, "C19": {"S": 0.12}, "C27": {"S": 0.16},
    "A": {"D": 0.01, "S": 0.06}, "E": {"D": 0.01, "S": 0.12}, "B": {"D": 0.06, "S": 0.10},
    "S": {"D": 0.02},
}
