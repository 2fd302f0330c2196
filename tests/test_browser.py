"""The whole flow in a real browser (Debian's chromium via Playwright) against `baogao serve`."""
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import free_port

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`baogao serve` on a fresh index directory: it builds the seeds first, then serves."""
    index_dir = tmp_path_factory.mktemp("serve") / "ix"
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "baogao.cli", "serve", "--index", str(index_dir), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=Path(__file__).parent.parent)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url + "/", timeout=1)
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail("baogao serve exited: " + process.stdout.read())
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("baogao serve did not answer within 60 s")
    yield url
    process.terminate()
    output, _ = process.communicate(timeout=10)
    assert "building it from the bundled seeds" in output and "serving 5 reports" in output


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium fonts-wqy-zenhei (see README)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(params=list(WIDTHS))
def page(browser, request, tmp_path):
    """A fresh page at desktop (1280 px) and phone (390 px) width; a failing test leaves a
    screenshot, and BAOGAO_SCREENSHOTS=DIR keeps the screenshots `shot` takes."""
    context = browser.new_context(viewport={"width": WIDTHS[request.param], "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.width_name = request.param
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is None or report.failed:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
    context.close()


def shot(page, name: str):
    """Keep a screenshot for a person to look at (only when BAOGAO_SCREENSHOTS is set)."""
    folder = os.environ.get("BAOGAO_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}-{page.width_name}.png"), full_page=True)


def open_facets(page):
    """On a phone the facets sit behind the 筛选 button."""
    if page.width_name == "phone":
        page.click(".facets-toggle")
        page.wait_for_selector("#facets.open")


def total(page) -> int:
    return int(page.inner_text("#total"))


def test_per_report_view_typed_with_chinese_quotes(server, page):
    page.goto(server + "/")
    # The search box has the focus (autofocus may land a moment after the load event on a busy machine).
    page.wait_for_function("() => document.activeElement && document.activeElement.name === 'q'", timeout=5000)
    page.keyboard.type("“枫桥经验”")
    page.keyboard.press("Enter")
    page.wait_for_selector(".report-hit")
    assert page.inner_text("#reports-total") == "2" and total(page) == 2
    assert page.locator(".report-hit").count() == 2
    marks = page.locator(".report-hit .snippet mark")
    assert marks.count() == 2 and marks.first.inner_text() == "枫桥经验"
    assert "本报告全部 1 处" in page.inner_text(".report-hit >> nth=0")
    shot(page, "1-grouped")
    page.click("text=按段落")
    page.wait_for_selector("ol.hits .hit")
    assert page.locator("ol.hits .hit").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[page.width_name]


def test_multi_select_facets_keep_other_values_and_survive_a_new_query(server, page):
    page.goto(server + "/search?q=法治")
    everything = total(page)
    open_facets(page)
    page.click("[data-facet=year] a:has-text('2023')")
    page.wait_for_selector(".chip")
    open_facets(page)
    one_year = total(page)
    year_2024 = page.locator("[data-facet=year] li:has-text('2024') .count").inner_text()
    page.click("[data-facet=year] a:has-text('2024')")  # a second value of the same field: OR
    page.wait_for_function("() => document.querySelectorAll('.chip').length === 2")
    assert total(page) == one_year + int(year_2024) <= everything
    assert page.locator("[data-facet=year] li.selected").count() == 2
    assert page.locator("[data-facet=year] a[aria-checked=true]").count() == 2
    shot(page, "2-facets")
    # a new query keeps the filters ("在结果中检索" is ticked)
    page.fill(".searchbox input[name=q]", "宣传")
    page.press(".searchbox input[name=q]", "Enter")
    page.wait_for_url("**q=%E5%AE%A3%E4%BC%A0**")
    assert page.locator(".chip").count() == 2 and "year=2023" in page.url and "year=2024" in page.url
    page.click("text=清除全部")
    page.wait_for_function("() => document.querySelectorAll('.chip').length === 0")
    assert "year=" not in page.url


def test_reading_a_report_hit_by_hit_and_back(server, page):
    page.goto(server + "/search?q=法治&county=丰都县&page=1")
    page.click(".all-hits >> nth=0")
    page.wait_for_selector(".hit-nav")
    page.wait_for_load_state()  # (the n / p keys are bound by the page's deferred script)
    count = int(page.inner_text("#hit-count"))
    assert count > 2
    first = page.inner_text("#hit-current")
    page.keyboard.press("n")
    second = page.inner_text("#hit-current")
    assert int(second) == int(first) % count + 1
    current = page.locator(".current-hit")
    assert current.count() == 1 and current.locator("mark").count() >= 1
    assert page.url.endswith("#" + current.get_attribute("id"))
    page.click("#hit-next")
    page.keyboard.press("p")
    assert page.inner_text("#hit-current") == second
    shot(page, "3-report")
    current.locator("button.cite").click()
    cited = page.evaluate("navigator.clipboard.readText()")
    assert cited.startswith("《") and "丰都县" in cited and "第" in cited and "/reports/" in cited
    page.click("#back")
    page.wait_for_selector(".report-hit")
    assert "county=%E4%B8%B0%E9%83%BD%E5%8E%BF" in page.url and "page=1" in page.url
    assert page.locator(".chip").count() == 1


def test_browse_by_place_without_a_query_and_keyboard_focus(server, page):
    page.goto(server + "/")
    page.click(".browse a:text-is('重庆市')")
    page.wait_for_selector(".report-hit")
    page.wait_for_load_state()  # the page's deferred script, which binds "/", runs after the hits are parsed
    years = [int(t.rstrip("年")) for t in page.locator(".report-hit .hit-meta span:has-text('年')").all_inner_texts()
             if t.rstrip("年").isdigit()]
    assert len(years) == 4 and years == sorted(years, reverse=True)  # newest first
    assert "最新" in page.inner_text(".sort strong")
    shot(page, "4-browse")
    # Nothing focused (clicking the page could follow whatever link lies under the click).
    page.evaluate("document.activeElement && document.activeElement.blur()")
    assert page.evaluate("document.activeElement.name") != "q"
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.name") == "q"


def test_phone_filter_button_opens_the_facets_at_the_top(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(server + "/search?q=矛盾纠纷")
    toggle = page.locator(".facets-toggle")
    assert toggle.is_visible() and not page.locator("#facets").is_visible()
    assert toggle.bounding_box()["y"] < page.locator(".results").bounding_box()["y"]
    toggle.click()
    assert page.locator("#facets").is_visible()
    assert page.locator("#facets").bounding_box()["y"] < page.locator(".results").bounding_box()["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_chinese_renders_with_a_cjk_font_and_no_outside_requests(server, page):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(server + "/search?q=法律明白人")
    page.wait_for_selector(".hit")
    width = page.evaluate("""() => { const c = document.createElement('canvas').getContext('2d');
        c.font = '20px WenQuanYi Zen Hei'; return c.measureText('枫桥经验').width; }""")
    assert width > 60  # four real glyphs, not boxes of zero width
    assert all(u.startswith(server) for u in requested)


def test_malformed_query_and_a_page_past_the_end(server, page):
    page.goto(server + "/search?q=%22unclosed")
    assert "查询有误" in page.inner_text(".error")
    page.goto(server + "/search?q=法治&page=50")
    assert "超出了结果范围" in page.inner_text(".empty")
    page.click("text=转到最后一页")
    page.wait_for_selector(".report-hit")


def test_compare_table_and_trend_chart(server, page):
    page.goto(server + "/search?q=法律顾问")
    page.click("text=按地区、年份比较")
    page.wait_for_selector("#compare-table")
    assert page.locator("#compare-table tbody tr").count() >= 1
    page.select_option("select[name=rows]", "county")
    page.fill("input[name=t] >> nth=0", "枫桥经验")
    page.click(".compare-form button[type=submit]")
    page.wait_for_selector("#compare-table")
    rows = page.locator("#compare-table tbody th").all_inner_texts()
    assert "丰都县" in rows and len(rows) >= 5
    chart = page.locator("img.chart")
    chart.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('img.chart').complete")
    assert chart.evaluate("img => img.naturalWidth") > 0  # the SVG loaded and rendered
    assert "枫桥经验" in page.inner_text(".trend-table")
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[page.width_name]
    shot(page, "5-compare")
    page.click("#compare-table a.hit-cell >> nth=0")
    page.wait_for_selector(".report-hit")
    assert page.locator(".chip").count() == 2  # the cell's row and column became filters
