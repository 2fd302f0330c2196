"""The parser on real web copies of reports, against fields checked by hand.

benchmarks/data/web-reports/*.json hold hand-checked labels of real report pages (the
beginning of each page as a search engine stored it, site chrome included): each entry's
file name, the page's URL and the fields a reader expects (kind, title, year, place, first
section heading; for 政府工作报告 also the delivery date, meeting and speaker). The page texts
are third-party material and are not in the repository: save each page's text (from its URL)
as PAGES/<file> to measure.

    python -m benchmarks.parse_accuracy --labels benchmarks/data/web-reports/heldout-c.json --pages DIR

prints, per kind and field, how many reports the parser gets right, then every miss.
Titles, headings, meetings and speakers are compared without spaces (a letter-spaced
政 府 工 作 报 告 is the title 政府工作报告, 县长 王 利 is 王利) and without a mirror site's pinyin
annotations, which the parser drops as debris (政府工作報(bào)告 is 政府工作報告), and a heading
without the full stop some print after it (labellers differ on keeping it); a place is
right when all four levels are. A township's county that the parser reads from the documents
the township follows (《城口县人民政府办公室关于印发…》, as seed 004's specification requires) where
the label, by the labellers' convention, leaves the township alone, is counted as a miss and
also listed on its own line ("town's county from cited documents"), so both readings show.
So is a first heading labelled as the first numbered part (一、…) of the unnumbered top-level
heading the parser reads as the report's first section (2023年工作回顾), the convention of
the later sets (AG on) that the earlier labels do not follow; and a body that calls itself
only 我县 or 我区, which the parser places by the one county its own documents name
(《兴国县…》) where earlier labels leave it empty.

Documents that are no report (`kind: other`: resolutions, plans, notices, other bodies' work
reports) are labelled with the year and place they state as their own; the script lists apart
those given a year or a place level that is not their own, the invented fields the parser must
never give (a field left empty is only a miss).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from baogao.index.cleaning import PINYIN_ANNOTATION
from baogao.index.reports import parse_report

FIELDS = {"fazhi": ("kind", "title", "year", "place", "first_heading"),
          "gongzuo": ("kind", "title", "year", "place", "first_heading", "published", "meeting", "speaker"),
          "other": ("kind", "title", "year", "place", "categories")}


def _squashed(text: str | None) -> str | None:
    return PINYIN_ANNOTATION.sub("", re.sub(r"\s+", "", text)) if text else text


def compared(report: dict) -> dict:
    """The compared values of a parse or of a label."""
    return {"kind": report["kind"], "title": _squashed(report["title"]), "year": report["year"],
            "place": (report["province"], report["city"], report["county"], report["town"]),
            "first_heading": (_squashed(report.get("first_heading")) or "").rstrip("。．.") or None,
            "published": report.get("published"),
            "meeting": _squashed(report.get("meeting")), "speaker": _squashed(report.get("speaker")),
            "categories": report.get("categories", [])}


# The convention disagreements listed on lines of their own, by what each is
CITED_COUNTY = "place misses that are a town's county from cited documents or superior bodies"
NUMBERED_PART = "first_heading misses that are the first numbered part of the unnumbered heading read"
OWN_DOCUMENTS = "place misses that are a body named by its level (我县) placed by its own documents"
TITLE_ROW = "title misses that are a title printed only in a metadata table's 标题 row, which the label leaves out"
DATED_HEADLINE = "title misses that are a headline's bracketed day (…工作报告(2024年12月27日)), which the label cuts off"
ISSUER_ROW = "place misses that are a town's county from a 发布机构 row, which the label leaves out"
INVENTED_YEAR = "other documents given a year that is not their own"
INVENTED_PLACE = "other documents given a place level that is not their own"


def measure(labels: Path, pages: Path) -> tuple[dict, dict, list, dict]:
    """(right, total) counts per (kind, field), the misses as (file, field, got, wanted), and
    the files of each convention disagreement (CITED_COUNTY, NUMBERED_PART, OWN_DOCUMENTS, TITLE_ROW,
    DATED_HEADLINE, ISSUER_ROW) and of each invented field of an `other` document (INVENTED_YEAR,
    INVENTED_PLACE: a value the parser gives that differs from the document's own, where a value
    left empty is a miss but no invention)."""
    right: dict = {}
    total: dict = {}
    misses = []
    disagreements: dict = {CITED_COUNTY: [], NUMBERED_PART: [], OWN_DOCUMENTS: [], TITLE_ROW: [], DATED_HEADLINE: [],
                           ISSUER_ROW: [], INVENTED_YEAR: [], INVENTED_PLACE: []}
    for entry in json.loads(labels.read_text(encoding="utf-8"))["reports"]:
        text = (pages / entry["file"]).read_text(encoding="utf-8")
        got = parse_report(text, "web/" + entry["file"]).to_dict()
        got["first_heading"] = got["sections"][0]["heading"] if got["sections"] else None
        got["categories"] = sorted({c for s in got["sections"] for c in s["categories"]})
        have, want = compared(got), compared({**entry, "categories": []})
        for field in FIELDS[entry["kind"]]:
            key = (entry["kind"], field)
            total[key] = total.get(key, 0) + 1
            if have[field] == want[field]:
                right[key] = right.get(key, 0) + 1
                continue
            misses.append((entry["file"], field, have[field], want[field]))
            if entry["kind"] == "other" and field == "year" and have["year"] is not None:
                disagreements[INVENTED_YEAR].append(entry["file"])
            if entry["kind"] == "other" and field == "place" and any(
                    level is not None and level != own for level, own in zip(have["place"], want["place"])):
                disagreements[INVENTED_PLACE].append(entry["file"])
            if (field == "place" and want["place"][:3] == (None, None, None) and want["place"][3]
                    and have["place"][3] == want["place"][3] and got["provenance"].get("place") in ("superior document", "superior body")):
                disagreements[CITED_COUNTY].append(entry["file"])
            if (field == "place" and want["place"][:3] == (None, None, None) and want["place"][3]
                    and have["place"][3] == want["place"][3] and got["provenance"].get("place") == "issuers"
                    and _in_issuer_row(text, have["place"][2])):
                disagreements[ISSUER_ROW].append(entry["file"])
            if field == "place" and want["place"] == (None,) * 4 and got["provenance"].get("place") == "own documents":
                disagreements[OWN_DOCUMENTS].append(entry["file"])
            if field == "title" and want[field] is None and _in_title_row(text, have[field]):
                disagreements[TITLE_ROW].append(entry["file"])
            if field == "title" and want[field] and have[field] and have[field].startswith(want[field]) and (
                    _BRACKETED_DAY.fullmatch(have[field][len(want[field]):])):
                disagreements[DATED_HEADLINE].append(entry["file"])
            if field == "first_heading" and want[field] and got["sections"] and _first_part(got) == _unnumbered(want[field]):
                disagreements[NUMBERED_PART].append(entry["file"])
    return right, total, misses, disagreements


# (labels are compared without spaces: 濮阳市政府工作报告(2025年2月8日朱良才))
_BRACKETED_DAY = re.compile(r"[（(]\d{4}年\d{1,2}月\d{1,2}日[\u4e00-\u9fff·]{0,4}[)）]")


def _in_title_row(text: str, title: str | None) -> bool:
    """Whether `title` is the value of a 标 题 row of the page's metadata."""
    return bool(title) and any(re.search(r"标\s*[题題]", line) and title in _squashed(line) for line in text.splitlines())


def _in_issuer_row(text: str, county: str | None) -> bool:
    """Whether a 发布机构 (or 发文机关) row of the page's metadata names `county`."""
    return bool(county) and any(re.search(r"(?:发布|发文)\s*(?:机\s*[构关]|单\s*位)", line) and county in line
                                for line in text.splitlines())


def _unnumbered(heading: str) -> str:
    return re.sub(r"^[一二三四五六七八九十]{1,3}[、.．]", "", heading).rstrip("。．.")


def _first_part(report: dict) -> str | None:
    """The first subsection of the report's first section, compared as a label is."""
    parts = report["sections"][0]["subsections"]
    return _squashed(parts[0]).rstrip("。．.") if parts else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", type=Path, required=True, help="a JSON file of benchmarks/data/web-reports")
    parser.add_argument("--pages", type=Path, required=True, help="the directory holding the saved page texts")
    args = parser.parse_args(argv)
    missing = [e["file"] for e in json.loads(args.labels.read_text(encoding="utf-8"))["reports"]
               if not (args.pages / e["file"]).is_file()]
    if missing:
        print(f"error: {len(missing)} page(s) not saved in {args.pages}, e.g. {missing[0]}", file=sys.stderr)
        return 2
    right, total, misses, disagreements = measure(args.labels, args.pages)
    print(f"{'kind':8} {'field':14} right")
    for kind, field in total:
        n, of = right.get((kind, field), 0), total[(kind, field)]
        print(f"{kind:8} {field:14} {n}/{of} ({n / of:.0%})")
    for what, files in disagreements.items():
        if files:
            print(f"{what}: {len(files)} ({', '.join(files)})")
    for miss in misses:
        print("miss:", *miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
