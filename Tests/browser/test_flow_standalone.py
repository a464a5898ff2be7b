"""Browser tests of `docgen flow --format html` on the seed flow (Content/flows/onboardingAADFlow.yml).

Walks every path of the flow in French and English, by mouse and by keyboard alone, and checks that
the diagram highlight follows, that the URL hash restores the state, that there is no console error,
that axe finds no serious or critical violation, and that without JavaScript the text version and
answer links are there. Needs chromium + chromium-driver (skipped otherwise), selenium, pytest and
axe-selenium-python. The docgen binary comes from $DOCGEN_BIN (default .build/debug/docgen).
"""
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from browser_helpers import flow_nodes_along, flow_paths

selenium = pytest.importorskip("selenium")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
FLOW = REPO / "Content" / "flows" / "onboardingAADFlow.yml"
NAME = "onboardingAADFlow"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(not CHROMIUM or not DRIVER, reason="chromium and chromium-driver are not installed")


def docgen_binary():
    binary = Path(os.environ.get("DOCGEN_BIN", REPO / ".build" / "debug" / "docgen"))
    if not binary.is_absolute():
        binary = REPO / binary
    if not binary.exists():
        pytest.skip(f"docgen binary not found at {binary}; build it or set DOCGEN_BIN")
    return binary


@pytest.fixture(scope="module", params=["fr", "en"])
def page(request, tmp_path_factory):
    out = tmp_path_factory.mktemp("flow") / f"flow-{request.param}.html"
    subprocess.run(
        [str(docgen_binary()), "flow", str(FLOW), "--format", "html", "--lang", request.param, "--output", str(out)],
        check=True,
    )
    return request.param, out.as_uri()


def make_driver(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    return webdriver.Chrome(service=Service(DRIVER), options=options)


@pytest.fixture(scope="module")
def driver():
    browser = make_driver()
    yield browser
    browser.quit()


def flow_data(driver):
    return driver.execute_script(
        "return JSON.parse(document.querySelector('script.docgen-flow-data').textContent)")


def current_node(driver):
    return driver.find_element(By.CSS_SELECTOR, ".flow-node.is-current").get_attribute("data-node")


def check_state(driver, data, answers):
    ids = flow_nodes_along(data, answers)
    assert current_node(driver) == ids[-1]
    panel = driver.find_element(By.CSS_SELECTOR, ".docgen-flow-stepper-body .docgen-flow-node-panel")
    assert panel.get_attribute("data-node") == ids[-1]
    taken = driver.find_elements(By.CSS_SELECTOR, ".flow-edge.is-taken")
    assert sorted((e.get_attribute("data-from"), e.get_attribute("data-answer")) for e in taken) == sorted(
        (ids[i], str(a)) for i, a in enumerate(answers))
    visited = {e.get_attribute("data-node") for e in driver.find_elements(By.CSS_SELECTOR, ".flow-node.is-visited")}
    assert visited == set(ids[:-1]) - {ids[-1]}
    expected_hash = f"#{NAME}=" + ".".join(str(a) for a in answers)
    actual_hash = driver.execute_script("return location.hash")
    # A fresh page at the start has no hash yet; any other state is in the hash.
    assert actual_hash == expected_hash or (not answers and actual_hash == "")
    history = driver.find_elements(By.CSS_SELECTOR, ".docgen-flow-history li")
    assert len(history) == len(answers)


def console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def test_every_path_by_mouse(driver, page):
    language, url = page
    driver.get(url)
    data = flow_data(driver)
    paths = flow_paths(data)
    assert len(paths) == 14
    for answers, end in paths:
        driver.get(url)
        check_state(driver, data, [])
        for step, index in enumerate(answers):
            button = driver.find_element(
                By.CSS_SELECTOR, f".docgen-flow-stepper-body .docgen-flow-answer[data-answer='{index}']")
            ActionChains(driver).move_to_element(button).click().perform()
            check_state(driver, data, answers[: step + 1])
        assert current_node(driver) == end
        assert driver.find_elements(By.CSS_SELECTOR, ".docgen-flow-stepper-body .docgen-flow-end")
        # The hash alone restores the state in a fresh load.
        state_url = url + driver.execute_script("return location.hash")
        driver.get("about:blank")
        driver.get(state_url)
        check_state(driver, data, answers)
    assert console_errors(driver) == []


def press_until(driver, predicate, limit=80):
    body = driver.find_element(By.TAG_NAME, "body")
    for _ in range(limit):
        if driver.execute_script(predicate):
            return
        ActionChains(driver).send_keys(Keys.TAB).perform()
    raise AssertionError(f"no focus matched {predicate} after {limit} Tab presses")


def test_every_path_by_keyboard(driver, page):
    language, url = page
    driver.get(url)
    data = flow_data(driver)
    for answers, end in flow_paths(data):
        driver.get(url)
        for step, index in enumerate(answers):
            press_until(
                driver,
                "var a = document.activeElement; return !!a && a.matches('.docgen-flow-stepper-body "
                f".docgen-flow-answer[data-answer=\"{index}\"]');")
            ActionChains(driver).send_keys(Keys.ENTER).perform()
            check_state(driver, data, answers[: step + 1])
            # Focus moves to the new question, so the next Tab reaches its answers.
            assert driver.execute_script("return document.activeElement.classList.contains('docgen-flow-question')")
        assert current_node(driver) == end
        if len(answers) >= 2:
            # Change the first answer with the keyboard, then start again.
            press_until(driver, "return document.activeElement.matches('.docgen-flow-change[data-step=\"0\"]');")
            ActionChains(driver).send_keys(Keys.ENTER).perform()
            check_state(driver, data, [])
    driver.get(url + f"#{NAME}=0")
    press_until(driver, "return document.activeElement.matches('.docgen-flow-restart');")
    ActionChains(driver).send_keys(Keys.SPACE).perform()
    check_state(driver, data, [])
    assert console_errors(driver) == []


def test_diagram_nodes_are_clickable_and_keyboard_operable(driver, page):
    language, url = page
    driver.get(url)
    data = flow_data(driver)
    node = driver.find_element(By.CSS_SELECTOR, "a.flow-node[data-node='service-request']")
    ActionChains(driver).move_to_element(node).click().perform()
    assert current_node(driver) == "service-request"
    answers = driver.execute_script("return location.hash").split("=", 1)[1]
    check_state(driver, data, [int(a) for a in answers.split(".")])
    driver.get(url)
    press_until(driver, "return document.activeElement.matches('a.flow-node[data-node=\"can-sign-in\"]');")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    assert current_node(driver) == "can-sign-in"
    assert console_errors(driver) == []


def test_hash_change_updates_the_walk(driver, page):
    language, url = page
    driver.get(url)
    data = flow_data(driver)
    driver.execute_script(f"location.hash = '{NAME}=2.1.1'")
    check_state(driver, data, [2, 1, 1])
    driver.get(url + f"#{NAME}=0.9.9")  # invalid answers keep the valid prefix
    check_state(driver, data, [0])


def test_axe_finds_no_serious_violation(driver, page):
    from axe_selenium_python import Axe

    language, url = page
    for state in ("", f"#{NAME}=0.0.0.1.1"):
        driver.get(url + state)
        axe = Axe(driver)
        axe.inject()
        results = axe.run()
        serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        assert serious == [], axe.report(serious)


def test_without_javascript_text_version_and_links_remain(page):
    language, url = page
    browser = make_driver(javascript=False)
    try:
        browser.get(url)
        assert not browser.find_elements(By.CSS_SELECTOR, "figure.docgen-flow.is-interactive")
        tree = browser.find_elements(By.CSS_SELECTOR, ".docgen-flow-text .docgen-flow-text-node")
        assert len(tree) == 11
        answers = browser.find_elements(By.CSS_SELECTOR, ".docgen-flow-stepper .docgen-flow-answer")
        assert len(answers) == 3 and all(a.get_attribute("href") for a in answers)
        assert browser.find_elements(By.CSS_SELECTOR, "svg.flow-diagram a.flow-node")
    finally:
        browser.quit()
