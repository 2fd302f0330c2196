"""Server-rendered SVG charts (pygal): no JavaScript, no outside requests."""
from __future__ import annotations

# The browser renders the SVG's text with its own fonts; these hold Chinese glyphs.
FONTS = '"WenQuanYi Zen Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif'
# An SVG image carries pygal's inline stylesheet and nothing else.
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def trend_svg(trend: dict, width: int = 760, height: int = 340) -> str:
    """A line chart of each series' share of reports per year."""
    import pygal
    from pygal.style import Style

    style = Style(font_family=FONTS, background="white", plot_background="white",
                  colors=("#b3261e", "#0b57d0", "#1e8e3e", "#a142f4", "#e37400"),
                  label_font_size=13, major_label_font_size=13, legend_font_size=14, title_font_size=15)
    chart = pygal.Line(js=[], style=style, width=width, height=height, range=(0, 1), show_legend=True,
                       legend_at_bottom=True, title="匹配报告占当年报告的比例", x_title="年份",
                       value_formatter=lambda v: f"{v:.0%}", allow_interruptions=True)
    years = sorted({p["year"] for s in trend["series"] for p in s["points"]})
    chart.x_labels = [str(y) for y in years]
    chart.y_labels = [i / 4 for i in range(5)]
    for series in trend["series"]:
        shares = {p["year"]: p["share"] for p in series["points"]}
        chart.add(series["query"], [shares.get(y) for y in years])
    return chart.render(is_unicode=True)
