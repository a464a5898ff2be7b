"""Small helpers shared by the browser tests: waiting, reading positions, console and axe."""

from __future__ import annotations

import os
import time
from html.parser import HTMLParser
from pathlib import Path

from selenium.webdriver.support.ui import WebDriverWait

# The first segment still visible below the sticky header (and the side-by-side column labels):
# this is what "the segment at the top of the viewport" means in these tests.
FIRST_VISIBLE_SEG = """
const header = document.querySelector('.site-header');
let top = header ? header.getBoundingClientRect().bottom : 0;
const columns = document.querySelector('.sbs-columns');
if (columns && getComputedStyle(columns).display !== 'none') top = Math.max(top, columns.getBoundingClientRect().bottom);
for (const el of document.querySelectorAll('main .content [data-seg]')) {
  const r = el.getBoundingClientRect();
  if (r.height > 0 && r.bottom > top + 2) return {id: el.getAttribute('data-seg'), top: r.top, headerBottom: top,
    atEnd: Math.ceil(window.scrollY + innerHeight) >= document.documentElement.scrollHeight - 2, scrollY: window.scrollY};
}
return null;
"""

SEG_POSITION = """
const el = [...document.querySelectorAll('main .content [data-seg]')].find(e => e.getAttribute('data-seg') === arguments[0]);
if (!el) return null;
const r = el.getBoundingClientRect();
const header = document.querySelector('.site-header');
let top = header ? header.getBoundingClientRect().bottom : 0;
const columns = document.querySelector('.sbs-columns');
if (columns && getComputedStyle(columns).display !== 'none') top = Math.max(top, columns.getBoundingClientRect().bottom);
return {top: r.top, bottom: r.bottom, headerBottom: top, innerHeight: innerHeight,
  atEnd: Math.ceil(window.scrollY + innerHeight) >= document.documentElement.scrollHeight - 2};
"""

class _SegmentText(HTMLParser):
    """The text of every `[data-seg]` element inside a page's `<article class="content">`."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_article = 0
        self.open: list[tuple[str, int]] = []  # (segment id, element depth where it opened)
        self.depth = 0
        self.texts: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in VOID_TAGS:
            return
        self.depth += 1
        if tag == "article" and "content" in (attrs.get("class") or "").split():
            self.in_article = self.depth
        if self.in_article and attrs.get("data-seg"):
            self.open.append((attrs["data-seg"], self.depth))
            self.texts.setdefault(attrs["data-seg"], "")

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        if self.open and self.open[-1][1] == self.depth:
            self.open.pop()
        if self.in_article == self.depth:
            self.in_article = 0
        self.depth -= 1

    def handle_data(self, data):
        for seg_id, _ in self.open:
            self.texts[seg_id] += data


VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def source_segments(page: Path) -> dict[str, str]:
    """Segment id -> text of the source-language page on disk: what "show the original" and side by
    side read from it (the target page carries no copy of the source text)."""
    parser = _SegmentText()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.texts


def wait(driver, condition, timeout=10, message=""):
    return WebDriverWait(driver, timeout).until(lambda d: condition(d), message)


def loaded(driver):
    wait(driver, lambda d: d.execute_script("return document.readyState") == "complete", message="page load")
    time.sleep(0.4)  # docgen.js keeps the segment pinned while the page settles (load, TOC fetch)


def go(driver, url):
    driver.get(url)
    loaded(driver)


def click_and_follow(driver, element, expect_in_url):
    before = driver.current_url
    element.click()
    wait(driver, lambda d: d.current_url != before and expect_in_url in d.current_url, message=f"navigation to {expect_in_url}")
    loaded(driver)


def scroll_to_fraction(driver, fraction):
    driver.execute_script(
        "window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * arguments[0]);", fraction)
    time.sleep(0.1)


def first_visible_seg(driver):
    return driver.execute_script(FIRST_VISIBLE_SEG)


def seg_position(driver, seg_id):
    return driver.execute_script(SEG_POSITION, seg_id)


def assert_segment_at_top(driver, seg_id, where=""):
    """The segment starts right under the header (several segments can share a line, so its top,
    not "the first segment whose box is visible", is what is checked); on a page too short to bring
    it up (scrolled to the end) it must at least be on screen."""
    pos = seg_position(driver, seg_id)
    assert pos is not None, f"segment {seg_id} is not on the page {where}"
    if pos["atEnd"]:
        assert pos["top"] >= pos["headerBottom"] - 4 and pos["bottom"] <= pos["innerHeight"], (
            f"segment {seg_id} not in view on {where}: {pos}")
        return
    assert -4 <= pos["top"] - pos["headerBottom"] <= 48, f"segment {seg_id} is not at the top of {where}: {pos}"
    first = first_visible_seg(driver)
    if first["id"] != seg_id:  # only a segment ending on the same line may come first
        other = seg_position(driver, first["id"])
        assert other["bottom"] <= pos["top"] + 40, f"{first['id']} is above {seg_id} on {where}: {other} / {pos}"


def console_errors(driver):
    """SEVERE console entries, except 404s of content images (the corpus ships without its images:
    the build warns about each one). A failing docgen asset, script error or exception counts."""
    errors = []
    for entry in driver.get_log("browser"):
        if entry.get("level") != "SEVERE":
            continue
        message = entry.get("message", "")
        if "Failed to load resource" in message and "/assets/" not in message and (
                "/images/" in message or message.split(" ")[0].rsplit(".", 1)[-1].lower() in {"png", "jpg", "jpeg", "gif", "svg"}):
            continue
        errors.append(message)
    return errors


def run_axe(driver):
    """Runs axe-core (from axe-selenium-python, or AXE_SCRIPT) and returns serious or critical violations."""
    from axe_selenium_python import Axe

    script = os.environ.get("AXE_SCRIPT")
    axe = Axe(driver, script) if script else Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    return bad, results


def describe_violations(violations):
    lines = []
    for v in violations:
        nodes = "; ".join(" ".join(n.get("target", [])) + " :: " + (n.get("failureSummary") or "").replace("\n", " ")
                          for n in v["nodes"][:4])
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} -> {nodes}")
    return "\n".join(lines)


def screenshot(driver, folder: Path, name: str):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def active(driver):
    return driver.switch_to.active_element


def tab_until(driver, predicate, limit=80):
    """Presses Tab until the focused element satisfies `predicate` (keyboard only, no clicks)."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        element = active(driver)
        if predicate(element):
            return element
    raise AssertionError(f"no element reached by {limit} Tab presses")


def press(driver, key):
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(key).perform()
    time.sleep(0.1)


def flow_paths(data):
    """Every list of answer indices from a flow's start to a node without answers (no node twice),
    with the node it ends on; `data` is the flow JSON a page embeds."""
    nodes = {node["id"]: node for node in data["nodes"]}
    paths = []

    def walk(node_id, answers, seen):
        node = nodes[node_id]
        if not node["answers"]:
            paths.append((answers, node_id))
            return
        for index, answer in enumerate(node["answers"]):
            if answer["to"] not in seen:
                walk(answer["to"], answers + [index], seen | {answer["to"]})

    walk(data["start"], [], {data["start"]})
    return paths


def flow_nodes_along(data, answers):
    """The node ids visited by following `answers` from the start."""
    nodes = {node["id"]: node for node in data["nodes"]}
    ids = [data["start"]]
    for index in answers:
        ids.append(nodes[ids[-1]]["answers"][index]["to"])
    return ids
