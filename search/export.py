"""Hits as rows a researcher can cite: CSV (opens in Excel), JSON lines, XLSX.

One row per matching block, with the report's title, kind, place, year, section, block
number, text, a permalink and a ready citation 《title》（place，year）第n段. Rows are
written as they come, so an export of many hits never sits whole in memory (XLSX goes
through openpyxl's write-only mode, which streams rows to a temporary file).
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from baogao.index.report_fields import CATEGORY_LABELS, PLACE_FIELDS, REPORT_KINDS

FORMATS = ("csv", "jsonl", "xlsx")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
# (key, column heading) in the order of the columns.
COLUMNS = (("title", "报告标题"), ("kind", "报告类型"), ("province", "省"), ("city", "市"), ("county", "区县"),
           ("town", "乡镇（街道）"), ("year", "年度"), ("section", "部分"), ("section_heading", "所在章节"),
           ("paragraph", "段落编号"), ("text", "原文"), ("permalink", "链接"), ("citation", "引用"))


def place_name(entry: dict) -> str:
    """The reporting body's place as one name: 重庆市丰都县双龙镇."""
    return "".join(entry[name] for name in PLACE_FIELDS if entry.get(name))


def citation(title: str, place: str, year: int | None, n: int) -> str:
    """《title》（place，year）第n段: how a block of a report is cited."""
    where = "，".join(str(part) for part in (place, year) if part)
    return f"《{title}》（{where}）第{n}段" if where else f"《{title}》第{n}段"


def export_rows(hits: Iterable[dict], base_url: str = "") -> Iterator[dict]:
    """Each hit as an export row; permalinks are `base_url` + /reports/<id>#p<n>."""
    for hit in hits:
        yield {
            "title": hit["title"], "kind": REPORT_KINDS.get(hit["kind"], hit["kind"]),
            **{name: hit[name] or "" for name in PLACE_FIELDS},
            "year": hit["year"] or "",
            "section": "、".join(CATEGORY_LABELS[c] for c in hit["categories"]),
            "section_heading": hit["section_heading"] or "",
            "paragraph": hit["paragraph"], "text": hit["text"],
            "permalink": f"{base_url.rstrip('/')}/reports/{hit['report_id']}#p{hit['paragraph']}",
            "citation": citation(hit["title"], place_name(hit), hit["year"], hit["paragraph"]),
        }


def csv_chunks(rows: Iterable[dict]) -> Iterator[str]:
    """CSV text, header first, in chunks; it starts with a byte-order mark so that Excel
    reads it as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow([heading for _, heading in COLUMNS])
    for row in rows:
        writer.writerow([row[key] for key, _ in COLUMNS])
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_chunks(rows: Iterable[dict]) -> Iterator[str]:
    """One JSON object a line."""
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def write_xlsx(rows: Iterable[dict], target) -> None:
    """An .xlsx workbook of the rows (one sheet, a header row) written to `target`, a path
    or a binary file."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("检索结果")
    sheet.append([heading for _, heading in COLUMNS])
    for row in rows:
        sheet.append([row[key] for key, _ in COLUMNS])
    workbook.save(target)
