"""Reading real-world files: encodings, .docx, .pdf, web pages, and bad input."""
import json

import pytest

from baogao.index.reports import parse_report
from baogao.index.sources import SourceError, read_text
from baogao.cli import main

from .conftest import SEEDS, seed_text

SEED = "001_e2fabbbe98248fdd.txt"


def outline(report):
    d = report.to_dict()
    return (d["title"], d["county"], d["town"], d["year"],
            [(s["heading"], s["subsections"]) for s in d["sections"]])


@pytest.fixture(scope="module")
def seed_outline():
    return outline(parse_report(seed_text(SEED)))


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-16", "utf-8-sig"])
def test_encodings_are_detected_from_the_bytes(tmp_path, seed_outline, encoding):
    path = tmp_path / "report.txt"
    path.write_bytes(seed_text(SEED).encode(encoding))
    assert outline(parse_report(read_text(path))) == seed_outline


def test_docx(tmp_path, seed_outline):
    import docx

    document = docx.Document()
    for line in seed_text(SEED).splitlines():
        document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(path)
    assert outline(parse_report(read_text(path))) == seed_outline


def test_pdf_with_wrapped_lines_and_page_numbers(tmp_path, seed_outline):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "report.pdf"
    pdf = canvas.Canvas(str(path))
    y, page = 800, 1
    for line in seed_text(SEED).splitlines():
        for start in range(0, max(len(line), 1), 38):  # wrap like a printed page
            pdf.setFont("STSong-Light", 11)
            pdf.drawString(40, y, line[start:start + 38])
            y -= 16
            if y < 60:
                pdf.drawString(280, 30, f"- {page} -")
                pdf.showPage()
                y, page = 800, page + 1
    pdf.drawString(280, 30, f"- {page} -")
    pdf.save()
    report = parse_report(read_text(path))
    assert outline(report) == seed_outline
    assert not any(t.startswith("- ") for _, _, t, _, _ in report.blocks())


def test_html_page_with_site_boilerplate(tmp_path, seed_outline):
    paragraphs = "".join(f"<p>{line}</p>" for line in seed_text(SEED).splitlines() if line.strip())
    page = f"""<html><head><meta charset="gb2312"><title>双龙镇 - 丰都县人民政府</title>
    <script>var tracker = "浏览次数";</script><style>p {{color: red}}</style></head><body>
    <div class="top-nav"><a href="/">首页</a> <a>政务公开</a> <a>无障碍</a> <a>简体</a> <a>繁体</a></div>
    <div id="content"><div class="toolbar">字号：【大 中 小】 打印 关闭 分享到：</div>
    <div class="info">发布时间：2024-02-05 来源：双龙镇 浏览次数：128</div>
    <div class="TRS_Editor">{paragraphs}</div></div>
    <div class="footer">版权所有：丰都县人民政府 渝ICP备0000号</div></body></html>"""
    path = tmp_path / "report.html"
    path.write_bytes(page.encode("gb18030"))
    text = read_text(path)
    for chrome in ("首页", "无障碍", "字号", "打印", "关闭", "分享", "浏览次数", "版权所有", "tracker", "color"):
        assert chrome not in text
    report = parse_report(text)
    assert outline(report) == seed_outline
    assert report.published.isoformat() == "2024-02-05"


def test_traditional_characters(tmp_path):
    text = ("中共豐都縣雙龍鎮委員會\n關於雙龍鎮2023年法治政府建設情況的報告\n"
            "2023年，雙龍鎮堅持依法行政。\n一、2023年度推進法治政府建設的主要舉措和成效\n"
            "（一）深入學習貫徹習近平法治思想。我鎮通過黨委會學習。\n二、存在的不足和原因\n法治意識有待提高。\n")
    report = parse_report(text)
    assert report.title.startswith("關於雙龍鎮")
    assert (report.province, report.county, report.town, report.year) == ("重庆市", "丰都县", "双龙镇", 2023)
    assert [s.categories for s in report.sections] == [["measures"], ["shortcomings"]]


def test_half_width_punctuation_and_spaces(tmp_path):
    text = ("广州市司法局\n关于2022 年度法治政府建设情况的报告\n市委、市政府:\n"
            "2022 年,我局坚持依法行政.\n1、2022年推进法治政府建设的主要举措和成效\n(一)强化组织领导.要点如下\n"
            "2、存在的不足和原因\n执法不规范.\n3、下一步工作安排\n(一)加强学习,提升能力。内容\n"
            "广州市司法局\n2023 年 1 月 20 日\n")
    report = parse_report(text)
    assert report.title == "关于2022年度法治政府建设情况的报告"
    assert (report.province, report.city, report.county, report.town) == ("广东省", "广州市", None, None)
    assert report.year == 2022 and report.published.isoformat() == "2023-01-20"
    assert [s.categories for s in report.sections] == [["measures"], ["shortcomings"], ["plans"]]
    assert report.sections[2].subsections == ["加强学习,提升能力"]


def test_report_without_title_or_place_has_display_title():
    report = parse_report("一、主要举措和成效\n我们做了很多工作。\n", "somewhere/annual.txt")
    assert report.title is None and report.province is None and report.year is None
    assert report.display_title == "annual"


def test_not_a_report_parses_without_inventing_metadata(tmp_path):
    path = tmp_path / "shopping.txt"
    path.write_text("买菜清单：白菜两斤，鸡蛋一盒。\n记得周末去图书馆还书。\n", encoding="utf-8")
    report = parse_report(read_text(path), str(path))
    assert report.sections == [] and report.title is None
    assert (report.province, report.county, report.town, report.year) == (None, None, None, None)


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x00\x01\x02\x03binary\x00\xff\xfe\x00", "binary"),
])
def test_bad_files_get_a_clear_message(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(SourceError) as info:
        read_text(path)
    assert reason in str(info.value) and str(path) in str(info.value)


def test_corrupt_docx_and_pdf(tmp_path):
    for name in ("broken.docx", "broken.pdf"):
        path = tmp_path / name
        path.write_bytes(b"this is not really a " + name.encode())
        with pytest.raises(SourceError, match="not a valid"):
            read_text(path)


def test_cli_parse_reports_each_bad_file_and_goes_on(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    other = tmp_path / "notes.xyz"
    other.write_text("x")
    result = runner.invoke(main, ["parse", str(empty), str(SEEDS / SEED), str(other), "--json"])
    assert result.exit_code == 1
    assert f"{empty}: the file is empty" in result.stderr
    assert "unsupported file type '.xyz'" in result.stderr
    data, = json.loads(result.stdout)  # several files: one JSON array, here of the one good file
    assert data["doc_number"] == "双龙委文〔2024〕9号"
    assert set(data) >= {"title", "display_title", "issuers", "doc_number", "province", "city", "county",
                         "town", "year", "published", "source", "preamble", "sections"}
    assert set(data["sections"][0]["paragraphs"][0]) == {"n", "text", "subsection"}


def test_cli_parse_json_and_jsonl(runner):
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))[:2]
    one = json.loads(runner.invoke(main, ["parse", seeds[0], "--json"]).stdout)
    assert isinstance(one, dict) and one["title"]
    several = json.loads(runner.invoke(main, ["parse", *seeds, "--json"]).stdout)
    assert [d["source"] for d in several] == seeds
    lines = runner.invoke(main, ["parse", *seeds, "--jsonl"]).stdout.splitlines()
    assert [json.loads(line)["source"] for line in lines] == seeds


def test_cli_parse_outline(runner):
    result = runner.invoke(main, ["parse", str(SEEDS / SEED)])
    assert result.exit_code == 0
    assert "丰都县" in result.stdout and "不足和原因" in result.stdout
