"""The page `minutes report` writes, opened from file:// in headless
Debian Chromium driven by Playwright: a row per action, the filters by
owner, status and meeting, the links into the minutes beside the table,
the keyboard. Saves the screenshot the README shows (docs/report.png)."""

import pathlib
import subprocess

import pytest
from playwright.sync_api import sync_playwright

from conftest import SERIES, TODAY, register
from minutes_binary import ROOT, minutes_bin

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def page(tmp_path: pathlib.Path):
    out = tmp_path / "report"
    subprocess.run([minutes_bin(), "report", "--today", TODAY, "--out", str(out), SERIES], cwd=ROOT, check=True)
    with sync_playwright() as p:
        # a fresh profile (--user-data-dir) for each run
        context = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=CHROMIUM, headless=True, args=FLAGS, viewport={"width": 1400, "height": 1000}
        )
        page = context.new_page()
        page.goto((out / "index.html").as_uri())
        yield page
        context.close()


def visible_rows(page) -> list:
    return page.locator("#register tbody tr:visible").all()


def test_rows_and_filters(page):
    actions = register()
    rows = page.locator("#register tbody tr")
    assert rows.count() == len(actions) == 7
    assert page.locator("#shown").inner_text() == "7 actions shown"
    # the table says what the register says, row for row
    for row, action in zip(rows.all(), actions):
        cells = row.locator("td").all_inner_texts()
        assert cells[0] == (action["reference"] or "")
        assert cells[2].startswith(action["task"])
        assert cells[4] == action["status"].replace("_", " ")
    # overdue is marked by more than colour
    overdue = page.locator("#register tbody tr.overdue")
    assert overdue.count() == 1 and overdue.locator("td.status").inner_text() == "overdue"

    page.select_option("select[name=owner]", "Tom Reed")
    texts = [r.locator("td").nth(2).inner_text() for r in visible_rows(page)]
    assert len(texts) == 2 and all(("swing chains" in t) for t in texts), texts
    assert page.locator("#shown").inner_text() == "2 actions shown"

    page.select_option("select[name=status]", "overdue")
    assert [r.locator("td").first.inner_text() for r in visible_rows(page)] == ["A4"]

    page.click("button[type=reset]")
    page.wait_for_function("document.querySelector('#shown').textContent === '7 actions shown'")
    page.select_option("select[name=status]", "open-any")
    assert len(visible_rows(page)) == 4
    page.select_option("select[name=status]", "")
    page.select_option("select[name=meeting]", "2026-09-10")
    assert len(visible_rows(page)) == 5
    page.select_option("select[name=meeting]", "2026-11-12")
    assert [r.locator("td").first.inner_text() for r in visible_rows(page)] == ["A5"]


def test_links_open_the_minute_beside_the_table(page):
    link = page.locator("#register tbody tr", has_text="order the swing chains").locator("a[href='#m2-L31']")
    link.click()
    target = page.locator(":target")
    assert target.get_attribute("id") == "m2-L31"
    assert "ACTION: [A4] Tom Reed" in target.inner_text()
    assert target.is_visible()


def test_keyboard_and_structure(page):
    # the first Tab reaches the skip link, which leads to the register
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#register"
    # the filters are reachable from the keyboard and work from it
    page.focus("select[name=owner]")
    page.keyboard.press("ArrowDown")  # the first owner
    assert page.locator("#shown").inner_text() != "7 actions shown"
    assert page.locator("h1").inner_text() == "Action register"
    assert page.locator("#register caption").count() == 1
    assert page.locator("#register thead th[scope=col]").count() == 7
    assert page.locator("svg[role=img] title").first.text_content() == "Actions per meeting by status"


def test_screenshot_for_the_readme(page):
    shot = ROOT / "docs" / "report.png"
    shot.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 10_000
