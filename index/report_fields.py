"""The fields of a parsed report that the index, searches and pages share (place levels,
kinds, section categories, the paragraphs of a stored report), apart from the parser:
a search process imports these and not the parser's patterns and gazetteer."""
from __future__ import annotations

PLACE_FIELDS = ("province", "city", "county", "town")  # the reporting body's place, largest first
# What a document is: a 法治政府建设 report, a 政府工作报告, or anything else (决议, 工作要点, laws …).
REPORT_KINDS = {"fazhi": "法治政府建设报告", "gongzuo": "政府工作报告", "other": "其他"}
CATEGORY_LABELS = {
    "measures": "主要举措和成效",
    "leadership": "第一责任人履职",
    "shortcomings": "不足和原因",
    "plans": "下一步工作安排",
    "review": "工作回顾",  # 政府工作报告: the year reviewed
    "self": "政府自身建设",  # 政府工作报告: the government's own conduct
}


def paragraphs_of(data: dict) -> list[dict]:
    """Every paragraph entry ({"n", "text", …}) of a report in the `to_dict` format."""
    return [*data["front"], *data["preamble"], *data["closing"],
            *(p for section in data["sections"] for p in section["paragraphs"])]
