"""Deterministic synthetic reports for benchmarks, made from the seeds.

Each report has the seeds' structure (issuers, title, addressee, preamble, four categorised
sections with （一） subsections, signature and date). Sentences are recombined across the
five seeds at sentence level, per section category, so paragraphs are not copies of each
other; places come from the gazetteer (a county, plus a made-up town), years 2019-2025.

    python -m benchmarks.corpus --reports 1000 --out bench-data/corpus-1000
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from baogao.index.places import COUNTY, gazetteer
from baogao.index.reports import parse_report
from baogao.index.sources import read_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
HEADINGS = {
    "measures": "{n}、{y}年推进法治政府建设的主要举措和成效",
    "leadership": "{n}、{y}年党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况",
    "shortcomings": "{n}、{y}年推进法治政府建设存在的不足和原因",
    "plans": "{n}、{next}年推进法治政府建设的工作思路、目标举措",
}
NUMERALS = "一二三四五六七八九十"
TOWN_CHARS = "安平新兴和丰龙泉石桥河山青东西南北清水江湖花园金银云阳明光长宁华福寿德永盛"


def sentence_pools() -> tuple[dict[str, list[str]], dict[str, list[str]], list[str]]:
    """Sentences and subsection titles of the seeds, by section category; preamble sentences."""
    sentences: dict[str, list[str]] = {k: [] for k in HEADINGS}
    subtitles: dict[str, list[str]] = {k: [] for k in HEADINGS}
    preamble: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        report = parse_report(read_text(path), str(path))
        for p in report.preamble:
            preamble.extend(_sentences(p.text))
        for section in report.sections:
            for category in section.categories:
                subtitles[category].extend(section.subsections)
                for p in section.paragraphs:
                    body = re.sub(r"^[（(][一二三四五六七八九十]+[)）][^。]*。", "", p.text)
                    sentences[category].extend(_sentences(body))
    return sentences, subtitles, preamble


def _sentences(text: str) -> list[str]:
    return [s + "。" for s in re.split(r"。", text) if len(s) >= 8]


def generate(count: int, out: Path, seed: int = 20241) -> int:
    """Write `count` reports to `out` (report-00000.txt …); return the bytes written."""
    out.mkdir(parents=True, exist_ok=True)
    sentences, subtitles, preamble = sentence_pools()
    counties = sorted((p for p in gazetteer().by_code.values() if p.level == COUNTY), key=lambda p: p.code)
    total = 0
    for i in range(count):
        rng = random.Random(seed * 1_000_003 + i)
        county = rng.choice(counties).name
        town = "".join(rng.sample(TOWN_CHARS, 2)) + rng.choice("镇镇镇乡")
        year = rng.randint(2019, 2025)
        lines = [f"中共{county}{town}委员会", f"{county}{town}人民政府",
                 f"关于{town}{year}年法治政府建设情况的报告", "县委、县政府："]
        lines.append(f"{year}年，{town}" + "".join(rng.sample(preamble, min(3, len(preamble)))))
        for n, category in enumerate(HEADINGS):
            lines.append(HEADINGS[category].format(n=NUMERALS[n], y=year, next=year + 1))
            for k in range(rng.randint(2, 4)):
                pool = sentences[category]
                title = rng.choice(subtitles[category] or ["加强法治建设"])
                body = "".join(rng.choice(pool) for _ in range(rng.randint(3, 7)))
                lines.append(f"（{NUMERALS[k]}）{title}。{body}")
        lines += [f"{county}{town}人民政府", f"{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日"]
        text = "\n".join(lines) + "\n"
        (out / f"report-{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=10000)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    size = generate(args.reports, args.out)
    print(f"wrote {args.reports} reports, {size / 1e6:.1f} MB, to {args.out}")


if __name__ == "__main__":
    main()
