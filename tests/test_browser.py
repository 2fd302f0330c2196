"""The whole flow in a real browser (Debian's chromium via Playwright) against `baogao serve`."""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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


@pytest.fixture
def page(browser, request, tmp_path):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is None or report.failed:
        page.screenshot(path=str(tmp_path / "failure.png"), full_page=True)
    context.close()


def test_search_highlight_facet_and_follow_a_hit(server, page):
    page.goto(server + "/")
    page.fill("input[name=q]", '"枫桥经验"')
    page.press("input[name=q]", "Enter")
    page.wait_for_selector(".hit")
    assert page.inner_text("#total") == "2"
    marks = page.locator(".hit .snippet mark")
    assert marks.count() == 2 and marks.first.inner_text() == "枫桥经验"
    towns = page.locator(".hit-meta").all_inner_texts()
    assert any("双龙镇" in t for t in towns) and any("大进镇" in t for t in towns)

    page.click("[data-facet=year] a:text('2023')")
    page.wait_for_selector(".chip")
    assert page.inner_text("#total") == "1" and "年份：2023" in page.inner_text(".active-filters")
    page.click(".chip")  # remove the filter again
    page.wait_for_function("document.querySelector('#total').innerText === '2'")

    page.click(".hit-title >> nth=0")
    page.wait_for_url("**/reports/**#p*")
    target = page.url.rsplit("#", 1)[1]
    paragraph = page.locator(f"#{target}")
    assert "枫桥经验" in paragraph.inner_text()
    assert paragraph.locator("mark").first.inner_text() == "枫桥经验"
    background = paragraph.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")  # the linked paragraph stands out


def test_chinese_renders_with_a_cjk_font_and_no_outside_requests(server, page):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(server + "/search?q=法律明白人")
    page.wait_for_selector(".hit")
    width = page.evaluate("""() => { const c = document.createElement('canvas').getContext('2d');
        c.font = '20px WenQuanYi Zen Hei'; return c.measureText('枫桥经验').width; }""")
    assert width > 60  # four real glyphs, not boxes of zero width
    assert all(u.startswith(server) for u in requested)


def test_phone_width_and_malformed_query(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(server + "/search?q=%22unclosed")
    assert "查询有误" in page.inner_text(".error")
    page.goto(server + "/search?q=矛盾纠纷")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
