"""Browser tests of the seed flow (Content/flows/onboardingAADFlow.yml) inside the built site.

The default site is built once for this module (`docgen build --content Content --templates
Templates`) and served by `python3 -m http.server` under a sub-path (`/docs/`), so relative links
and assets are exercised as they are deployed. In headless Chromium:

- on the French article that embeds the flow, and on its English page (a French-only article that
  still embeds the flow in English), every path of the flow is walked to its outcome by mouse and
  by keyboard alone; after each answer the diagram highlight (current node, visited nodes, answers
  taken), the panel and the URL hash must follow, and the console must stay free of errors;
- with JavaScript disabled, every node page of the flow is reached from the start node's page by
  clicking answer links only;
- axe finds no serious or critical violation on the article page with the flow.

Run from the repository root: `DOCGEN_BIN=.build/debug/docgen python3 -m pytest Tests/browser/test_flow_site.py -q`.
Skipped (not failed) without chromium and chromium-driver; uses the `browser` fixture of conftest.py.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

from conftest import static_server  # noqa: E402
from browser_helpers import console_errors, describe_violations, flow_nodes_along, flow_paths, run_axe, wait  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
FLOW_FILE = REPO / "Content" / "flows" / "onboardingAADFlow.yml"
NAME = "onboardingAADFlow"
ARTICLE = "work-account-and-partner-center.html"
SUBPATH = "docs"


def _docgen() -> Path:
    binary = Path(os.environ.get("DOCGEN_BIN", ".build/debug/docgen"))
    if not binary.is_absolute():
        binary = (Path.cwd() / binary) if (Path.cwd() / binary).exists() else REPO / binary
    return binary


@pytest.fixture(scope="module")
def site(tmp_path_factory, chromium_paths):
    """Builds the default site and serves it; yields (base URL ending in `/docs/`, output folder)."""
    binary = _docgen()
    if not binary.exists():
        pytest.fail(f"docgen binary not found at {binary}: build it or set DOCGEN_BIN")
    serve = tmp_path_factory.mktemp("flow-site")
    output = serve / SUBPATH
    result = subprocess.run(
        [str(binary), "build", "--content", "Content", "--output", str(output), "--templates", "Templates"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, f"docgen build failed:\n{result.stdout}\n{result.stderr}"
    with static_server(serve, f"{SUBPATH}/index.html") as root:
        yield f"{root}{SUBPATH}/", output


# --- the flow's data and its paths ------------------------------------------------------------


def flow_data(driver, figure):
    return driver.execute_script("return JSON.parse(arguments[0].querySelector('script.docgen-flow-data').textContent)",
                                 figure)


# --- the embedded, interactive flow -----------------------------------------------------------


def open_article(driver, url):
    driver.get(url)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "figure.docgen-flow.is-interactive"),
         message="the flow on the article page becomes interactive")
    return driver.find_element(By.CSS_SELECTOR, "figure.docgen-flow")


def check_state(driver, figure, data, answers):
    """The stepper panel, the diagram highlight and the hash all show the walk `answers`."""
    ids = flow_nodes_along(data, answers)
    state = driver.execute_script("""
        const f = arguments[0];
        const attr = (sel, name) => [...f.querySelectorAll(sel)].map(e => e.getAttribute(name));
        return {
          current: attr('.flow-node.is-current', 'data-node'),
          ariaCurrent: attr('.flow-node[aria-current="step"]', 'data-node'),
          visited: attr('.flow-node.is-visited', 'data-node'),
          taken: [...f.querySelectorAll('.flow-edge.is-taken')].map(
            e => [e.getAttribute('data-from'), e.getAttribute('data-answer')]),
          panel: attr('.docgen-flow-stepper-body .docgen-flow-node-panel', 'data-node'),
          history: f.querySelectorAll('.docgen-flow-history li').length,
          hash: location.hash,
        };""", figure)
    where = f"after answers {answers}"
    assert state["current"] == [ids[-1]], where
    assert state["ariaCurrent"] == [ids[-1]], where
    assert state["panel"] == [ids[-1]], where
    assert sorted(state["visited"]) == sorted(set(ids[:-1]) - {ids[-1]}), where
    assert sorted(map(tuple, state["taken"])) == sorted((ids[i], str(a)) for i, a in enumerate(answers)), where
    assert state["history"] == len(answers), where
    expected_hash = f"#{NAME}=" + ".".join(map(str, answers))
    assert state["hash"] == expected_hash or (not answers and state["hash"] in ("", f"#{NAME}=")), where
    end = not {node["id"]: node for node in data["nodes"]}[ids[-1]]["answers"]
    assert bool(figure.find_elements(By.CSS_SELECTOR, ".docgen-flow-stepper-body .docgen-flow-end")) == end, where


def click(driver, element):
    """A real mouse click: the element is scrolled to the middle (clear of the sticky header) first."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    ActionChains(driver, duration=0).move_to_element(element).click().perform()


def tab_to(driver, selector, limit):
    """Presses Tab (keyboard only) until the focused element matches `selector`."""
    for _ in range(limit):
        if driver.execute_script("return !!document.activeElement && document.activeElement.matches(arguments[0]);",
                                 selector):
            return
        ActionChains(driver).send_keys(Keys.TAB).perform()
    raise AssertionError(f"{selector} not focused after {limit} Tab presses")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_path_by_mouse(site, browser, lang):
    base, _ = site
    driver = browser(lang=f"{lang}-{lang.upper()}")
    url = f"{base}{lang}/{ARTICLE}"
    figure = open_article(driver, url)
    assert figure.get_attribute("lang") == lang
    data = flow_data(driver, figure)
    paths = flow_paths(data)
    assert len(paths) == 14
    check_state(driver, figure, data, [])
    for answers, end in paths:
        for step, index in enumerate(answers):
            click(driver, figure.find_element(
                By.CSS_SELECTOR, f".docgen-flow-stepper-body .docgen-flow-answer[data-answer='{index}']"))
            check_state(driver, figure, data, answers[: step + 1])
        assert figure.find_element(By.CSS_SELECTOR, ".flow-node.is-current").get_attribute("data-node") == end
        click(driver, figure.find_element(By.CSS_SELECTOR, ".docgen-flow-restart"))
        check_state(driver, figure, data, [])
    # The hash of an outcome restores the whole walk in a fresh load of the page.
    answers, _ = paths[-1]
    driver.get("about:blank")
    figure = open_article(driver, f"{url}#{NAME}=" + ".".join(map(str, answers)))
    check_state(driver, figure, data, answers)
    assert console_errors(driver) == []


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_path_by_keyboard(site, browser, lang):
    base, _ = site
    driver = browser(lang=f"{lang}-{lang.upper()}")
    figure = open_article(driver, f"{base}{lang}/{ARTICLE}")
    data = flow_data(driver, figure)
    first = True
    for answers, end in flow_paths(data):
        for step, index in enumerate(answers):
            # From the top of the page the first answer is many Tabs away; after an answer, focus is
            # on the new question and its answers come next.
            tab_to(driver, f".docgen-flow-stepper-body .docgen-flow-answer[data-answer=\"{index}\"]",
                   limit=300 if first else 12)
            first = False
            ActionChains(driver).send_keys(Keys.ENTER).perform()
            check_state(driver, figure, data, answers[: step + 1])
            assert driver.execute_script("return document.activeElement.classList.contains('docgen-flow-question')")
        assert figure.find_element(By.CSS_SELECTOR, ".flow-node.is-current").get_attribute("data-node") == end
        tab_to(driver, ".docgen-flow-restart", limit=12)
        ActionChains(driver).send_keys(Keys.SPACE).perform()
        check_state(driver, figure, data, [])
    assert console_errors(driver) == []


# --- the node pages, without JavaScript -------------------------------------------------------


def flow_file_nodes():
    """The start node and every node id of the seed flow, read from its YAML source."""
    text = FLOW_FILE.read_text(encoding="utf-8")
    start = re.search(r"^start:\s*(\S+)", text, re.M).group(1)
    return start, set(re.findall(r"^  - id:\s*(\S+)", text, re.M))


def test_node_pages_are_walked_by_links_without_javascript(site, browser):
    base, output = site
    start, ids = flow_file_nodes()
    pages = {p.stem for p in (output / "fr" / "flows" / NAME).glob("*.html")}
    assert pages == ids, "one page per node of the flow"
    driver = browser(javascript=False)
    driver.get(f"{base}fr/flows/{NAME}/{start}.html")
    reached = set()

    def here():
        panel = driver.find_element(By.CSS_SELECTOR, ".docgen-flow-page .docgen-flow-node-panel")
        node = panel.get_attribute("data-node")
        assert driver.current_url.endswith(f"/{SUBPATH}/fr/flows/{NAME}/{node}.html")
        # The diagram of a node page marks the node without any script.
        current = driver.find_elements(By.CSS_SELECTOR, "svg.flow-diagram a.flow-node.is-current")
        assert [c.get_attribute("data-node") for c in current] == [node]
        return node

    def visit():
        node = here()
        reached.add(node)
        targets = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a.docgen-flow-answer")]
        if not targets:
            assert driver.find_elements(By.CSS_SELECTOR, ".docgen-flow-end"), f"{node} has no answer and no end"
        for href in targets:
            target = href.rsplit("/", 1)[-1][: -len(".html")]
            if target in reached:
                continue
            link = next(a for a in driver.find_elements(By.CSS_SELECTOR, "a.docgen-flow-answer")
                        if a.get_attribute("href") == href)
            link.click()
            wait(driver, lambda d: d.current_url == href, message=f"navigation to {href}")
            visit()
            driver.back()
            wait(driver, lambda d: d.current_url.endswith(f"/{node}.html"), message=f"back to {node}")

    visit()
    assert reached == ids
    # The figure never became interactive: no script ran on the article either.
    driver.get(f"{base}fr/{ARTICLE}")
    assert driver.find_elements(By.CSS_SELECTOR, "figure.docgen-flow")
    assert not driver.find_elements(By.CSS_SELECTOR, "figure.docgen-flow.is-interactive")
    assert not driver.find_elements(By.CSS_SELECTOR, "figure.docgen-flow[data-flow-ready]")
    assert console_errors(driver) == []


# --- accessibility ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_article_with_the_flow_has_no_serious_axe_violation(site, browser, lang):
    pytest.importorskip("axe_selenium_python")
    base, _ = site
    driver = browser(lang=f"{lang}-{lang.upper()}")
    # At the start, and at an outcome (history, restart button and highlighted path on screen).
    for state in ("", f"#{NAME}=0.0.0.1.0.1"):
        open_article(driver, f"{base}{lang}/{ARTICLE}{state}")
        bad, _ = run_axe(driver)
        assert bad == [], describe_violations(bad)
