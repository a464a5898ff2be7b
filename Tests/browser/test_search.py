"""Browser tests of search (issue 11): a small docset built with its Pagefind index, queried in
headless Chromium by keyboard only.

The docset is made at test time from a few articles of `../shared/corpus/fr-fr/partner-center`
(billing, invoices, Power BI reports), a `TOC.yml` that puts the billing articles in a section,
and one article written here whose French says only "configurations" (the corpus has none that
does), so that forms are tested on text whose exact word is absent. It is served by Python's
`http.server` in a thread under a sub-path (`/docs/`); the server records every request, so the
tests can tell when the index is first fetched.

- `/` opens the box on a French page; typing `facturation`, `etat` (for "état"), `configuration`
  (for "configurations") gives the right article among the first results, with the matching
  passage highlighted, the section and the MT marker; Arrow Down and Enter open it;
- on an English page `invoices` finds the article that says only "invoice";
- the other language is searched on request (a checkbox in the box);
- no file of the index is requested before the reader types;
- Escape closes the box and gives focus back to the button; the box works on a phone;
- without JavaScript the header entry is a link to a search page that explains itself;
- axe finds no serious or critical violation with the box open and showing results.

Run from the repository root: `DOCGEN_BIN=.build/debug/docgen python3 -m pytest Tests/browser/test_search.py -q`.
Skipped without chromium, without the corpus, or without Pagefind (`python3 -m pip install pagefind-bin-extended`).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("selenium")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

from browser_helpers import console_errors, describe_violations, press, run_axe, wait  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "fr-fr" / "partner-center"
SAMPLE = ["billing-basics.md", "read-your-bill.md", "invoice-file.md", "power-bi-app-for-direct-partners-use.md",
          "account-structure.md"]
SUBPATH = "docs"
PHONE = (390, 844)

TOC = """- name: Vue d’ensemble
  href: account-structure.md
- name: Facturation
  items:
  - name: Notions de base
    href: billing-basics.md
  - name: Votre facture
    href: read-your-bill.md
  - name: Fichier de facture
    href: invoice-file.md
- name: Rapports
  items:
  - name: Power BI
    href: power-bi-app-for-direct-partners-use.md
  - name: Paramètres
    href: tenant-settings.md
"""

SETTINGS_ARTICLE = """---
title: Paramètres du locataire
ms.topic: article
ms.date: 01/05/2021
ms.translationtype: HT
ms.contentlocale: fr-FR
---

# <a name="tenant-settings"></a><span data-ttu-id="aa1-101">Paramètres du locataire</span><span class="sxs-lookup"><span data-stu-id="aa1-101">Tenant settings</span></span>

<span data-ttu-id="aa1-102">Les configurations du locataire sont enregistrées par l’administrateur général.</span><span class="sxs-lookup"><span data-stu-id="aa1-102">The tenant's setups are saved by the global admin.</span></span>
"""


def _docgen() -> Path:
    binary = Path(os.environ.get("DOCGEN_BIN", ".build/debug/docgen"))
    if not binary.is_absolute():
        binary = (Path.cwd() / binary) if (Path.cwd() / binary).exists() else REPO / binary
    return binary


class _Server:
    """A static server in a thread that remembers every path requested."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.requests: list[str] = []
        log = self.requests

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                log.append(self.path)
                super().do_GET()

        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/{SUBPATH}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def index_requests(self) -> list[str]:
        return [p for p in self.requests if "/pagefind/" in p]

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def served(tmp_path_factory, chromium_paths):
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not next to the repository")
    root = tmp_path_factory.mktemp("docgen-search")
    content = root / "content"
    content.mkdir()
    for name in SAMPLE:
        shutil.copy2(CORPUS / name, content / name)
    (content / "TOC.yml").write_text(TOC, encoding="utf-8")
    (content / "tenant-settings.md").write_text(SETTINGS_ARTICLE, encoding="utf-8")
    serve = root / "serve"
    serve.mkdir()
    result = subprocess.run(
        [str(_docgen()), "build", "--content", str(content), "--output", str(serve / SUBPATH),
         "--templates", str(REPO / "Templates")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    if "docgen.search.unavailable" in result.stderr:
        pytest.skip("Pagefind is not installed (python3 -m pip install pagefind-bin-extended)")
    assert (serve / SUBPATH / "pagefind" / "pagefind.js").is_file(), result.stderr[-3000:]
    server = _Server(serve)
    yield server
    server.stop()


def _open_with_slash(driver):
    driver.find_element(By.TAG_NAME, "body").send_keys("/")
    wait(driver, lambda d: d.switch_to.active_element.get_attribute("id") == "search-input", message="the search box gets focus")
    return driver.switch_to.active_element


def _results(driver, minimum=1):
    """The options of the listbox once the status says how many there are."""
    def ready(d):
        options = d.find_elements(By.CSS_SELECTOR, "#search-results [role=option]")
        status = d.find_element(By.CSS_SELECTOR, ".search-panel .search-status, main .search-status").text
        return (options or True) if len(options) >= minimum and status and "…" not in status else False
    return wait(driver, ready, timeout=20, message="search results")


def _type(driver, field, text):
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    field.send_keys(text)
    time.sleep(0.3)


def _top_urls(options, n=3):
    return [o.get_attribute("href") for o in options[:n]]


def test_no_index_file_is_fetched_before_the_reader_types(served, browser):
    driver = browser()
    driver.get(served.base + "fr/billing-basics.html")
    wait(driver, lambda d: d.execute_script("return document.readyState") == "complete")
    time.sleep(0.5)
    assert served.index_requests() == [], f"index fetched on page load: {served.index_requests()}"
    field = _open_with_slash(driver)
    time.sleep(0.5)
    assert served.index_requests() == [], f"index fetched before typing: {served.index_requests()}"
    field.send_keys("facturation")
    _results(driver)
    fetched = served.index_requests()
    assert any(p.endswith(".pf_index") for p in fetched) and any("pagefind.js" in p for p in fetched), fetched
    assert not console_errors(driver)


@pytest.mark.parametrize("query, expected, marked", [
    ("facturation", ("billing-basics.html", "read-your-bill.html"), "facturation"),
    ("etat", ("power-bi-app-for-direct-partners-use.html",), "état"),
    ("configuration", ("tenant-settings.html",), "configurations"),
])
def test_french_queries_find_the_right_article_by_keyboard(served, browser, query, expected, marked):
    driver = browser()
    driver.get(served.base + "fr/account-structure.html")
    field = _open_with_slash(driver)
    _type(driver, field, query)
    options = _results(driver)
    top = _top_urls(options)
    assert any(url.endswith("/fr/" + name) or ("/fr/" + name + "#") in url for url in top for name in expected), (query, top)
    hit = next(o for o in options[:3] if any("/fr/" + name in o.get_attribute("href") for name in expected))
    marks = [m.text.lower() for m in hit.find_elements(By.TAG_NAME, "mark")]
    assert marked in marks, f"'{query}' should highlight '{marked}' in the passage, got {marks}"
    # A result names its section (the TOC branch) and says when the article is machine translated
    # (read-your-bill is MT, billing-basics HT).
    for option in options:
        href = option.get_attribute("href")
        if "/fr/read-your-bill.html" in href or "/fr/billing-basics.html" in href:
            assert option.find_element(By.CLASS_NAME, "search-result-section").text == "Facturation"
            assert bool(option.find_elements(By.CLASS_NAME, "search-result-mt")) == ("read-your-bill" in href), href
    # Arrow Down to the first result, Enter opens it.
    first = options[0].get_attribute("href")
    field.send_keys(Keys.ARROW_DOWN)
    assert field.get_attribute("aria-activedescendant") == options[0].get_attribute("id")
    assert options[0].get_attribute("aria-selected") == "true"
    field.send_keys(Keys.ENTER)
    wait(driver, lambda d: d.current_url == first, message=f"Enter opens {first}")
    assert not console_errors(driver)


def test_english_plural_finds_the_singular_on_english_pages(served, browser):
    driver = browser(lang="en-US")
    driver.get(served.base + "en/billing-basics.html")
    field = _open_with_slash(driver)
    _type(driver, field, "invoices")
    options = _results(driver)
    top = _top_urls(options)
    assert any("/en/invoice-file.html" in url for url in top), top
    assert all("/en/" in url for url in _top_urls(options, 50)), "an English page searches the English index"
    hit = next(o for o in options if "/en/invoice-file.html" in o.get_attribute("href"))
    assert "invoice" in [m.text.lower() for m in hit.find_elements(By.TAG_NAME, "mark")]


def test_the_other_language_is_searched_on_request(served, browser):
    driver = browser()
    driver.get(served.base + "fr/billing-basics.html")
    field = _open_with_slash(driver)
    _type(driver, field, "invoices")
    _results(driver, minimum=0)
    before = driver.find_elements(By.CSS_SELECTOR, "#search-results [role=option][lang=en]")
    assert not before, "English results only when asked for"
    # Tab to the checkbox, Space ticks it; the English index is searched with English stemming.
    field.send_keys(Keys.TAB)
    check = driver.switch_to.active_element
    assert check.get_attribute("id") == "search-other"
    check.send_keys(Keys.SPACE)
    english = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results [role=option][lang=en]"),
                   timeout=20, message="English results")
    assert any("/en/invoice-file.html" in o.get_attribute("href") for o in english[:5])
    assert driver.find_element(By.CSS_SELECTOR, "#search-results [role=group]").get_attribute("aria-labelledby")


def test_escape_closes_and_gives_focus_back(served, browser):
    driver = browser()
    driver.get(served.base + "fr/billing-basics.html")
    field = _open_with_slash(driver)
    _type(driver, field, "facturation")
    _results(driver)
    combobox = driver.find_element(By.CSS_SELECTOR, "#search-panel [role=combobox]")
    assert combobox.get_attribute("aria-expanded") == "true" and combobox.get_attribute("aria-owns") == "search-results"
    field.send_keys(Keys.ESCAPE)
    time.sleep(0.2)
    panel = driver.find_element(By.ID, "search-panel")
    assert not panel.is_displayed()
    focused = driver.switch_to.active_element
    assert "search-link" in focused.get_attribute("class") and focused.get_attribute("aria-expanded") == "false"


def test_search_works_on_a_phone(served, browser):
    driver = browser(size=PHONE)
    driver.get(served.base + "fr/billing-basics.html")
    button = driver.find_element(By.CSS_SELECTOR, ".site-search .search-link")
    assert button.tag_name == "button" and button.is_displayed()
    assert button.size["width"] >= 32 and button.size["height"] >= 32, button.size
    button.click()
    field = wait(driver, lambda d: d.switch_to.active_element if d.switch_to.active_element.get_attribute("id") == "search-input" else None)
    _type(driver, field, "facturation")
    options = _results(driver)
    width = driver.execute_script("return document.documentElement.clientWidth")
    box = driver.find_element(By.ID, "search-panel").rect
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (box, width)
    assert options[0].rect["width"] > width * 0.7
    assert driver.execute_script("return document.documentElement.scrollWidth") <= width + 1, "no sideways scrolling"


def test_without_javascript_the_entry_is_a_link_to_a_page_that_explains(served, browser):
    driver = browser(javascript=False)
    driver.get(served.base + "fr/billing-basics.html")
    link = driver.find_element(By.CSS_SELECTOR, ".site-search a.search-link")
    assert link.get_attribute("href").endswith("/fr/search.html")
    link.click()
    wait(driver, lambda d: d.current_url.endswith("/fr/search.html"))
    explanation = driver.find_element(By.CLASS_NAME, "search-nojs")
    assert explanation.is_displayed() and "JavaScript" in explanation.text
    assert explanation.find_element(By.TAG_NAME, "a").get_attribute("href").endswith("/fr/toc.html")
    assert not driver.find_element(By.CLASS_NAME, "search-widget").is_displayed()


def test_search_page_runs_the_query_in_its_address(served, browser):
    driver = browser(lang="en-US")
    driver.get(served.base + "en/search.html?q=invoices")
    options = _results(driver)
    assert any("/en/invoice-file.html" in url for url in _top_urls(options))


def test_from_disk_search_says_it_needs_a_server(served, browser):
    driver = browser()
    driver.get((served.folder / SUBPATH / "fr" / "search.html").as_uri())
    status = driver.find_element(By.CSS_SELECTOR, "main .search-status")
    wait(driver, lambda d: "file://" in status.text, message="the file:// explanation")


def test_open_search_box_has_no_serious_axe_violation(served, browser):
    pytest.importorskip("axe_selenium_python")
    driver = browser()
    driver.get(served.base + "fr/billing-basics.html")
    field = _open_with_slash(driver)
    _type(driver, field, "Power BI")
    _results(driver)
    field.send_keys(Keys.ARROW_DOWN)
    bad, _ = run_axe(driver)
    assert not bad, describe_violations(bad)
    # With the other language's results in their group too.
    field.send_keys(Keys.TAB)
    driver.switch_to.active_element.send_keys(Keys.SPACE)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results [role=group] [role=option]"), timeout=20)
    bad, _ = run_axe(driver)
    assert not bad, describe_violations(bad)


def _docset(folder: Path, locale: str, articles):
    """Writes a docset in `locale`: (file, (title, English title), [(target, English), ...])."""
    folder.mkdir(parents=True)
    for name, (title, title_en), pairs in articles:
        body = " ".join(
            f'<span data-ttu-id="{name[:2]}-{i}">{target}</span><span class="sxs-lookup"><span data-stu-id="{name[:2]}-{i}">{source}</span></span>'
            for i, (target, source) in enumerate(pairs, start=2))
        (folder / name).write_text(
            f"---\ntitle: {title}\nms.translationtype: MT\nms.contentlocale: {locale}\n---\n"
            f'# <span data-ttu-id="{name[:2]}-1">{title}</span><span class="sxs-lookup"><span data-stu-id="{name[:2]}-1">{title_en}</span></span>\n\n'
            f"{body}\n", encoding="utf-8")


OTHER_DOCSETS = {
    "de": ("de-DE", "Rechnungen", "rechnung.html", [
        ("rechnung.md", ("Ihre Rechnung lesen", "Read your invoice"),
         [("Die Rechnung zeigt alle Gebühren des Monats.", "The invoice shows every charge of the month.")]),
        ("konto.md", ("Ein Konto anlegen", "Create an account"),
         [("Ein Konto gehört zu einem Partner.", "An account belongs to a partner.")]),
    ]),
    "ja": ("ja-JP", "請求書", "seikyu.html", [
        ("seikyu.md", ("請求書を読む", "Read your invoice"),
         [("請求書には今月のすべての料金が表示されます。", "The invoice shows every charge of the month.")]),
        ("account.md", ("アカウントを作成する", "Create an account"),
         [("アカウントはパートナーに属します。", "An account belongs to a partner.")]),
    ]),
}


@pytest.mark.parametrize("code", sorted(OTHER_DOCSETS))
def test_a_docset_in_another_language_is_searched_in_that_language(tmp_path, browser, chromium_paths, code):
    locale, query, expected, articles = OTHER_DOCSETS[code]
    _docset(tmp_path / "content", locale, articles)
    serve = tmp_path / "serve"
    result = subprocess.run(
        [str(_docgen()), "build", "--content", str(tmp_path / "content"), "--output", str(serve / SUBPATH),
         "--templates", str(REPO / "Templates")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    if "docgen.search.unavailable" in result.stderr:
        pytest.skip("Pagefind is not installed")
    server = _Server(serve)
    try:
        driver = browser(lang=locale)
        driver.get(server.base + f"{code}/{articles[1][0].replace('.md', '.html')}")
        field = _open_with_slash(driver)
        _type(driver, field, query)
        options = _results(driver)
        assert options[0].get_attribute("href").split("#")[0].endswith(f"/{code}/{expected}"), _top_urls(options)
        assert all(f"/{code}/" in url for url in _top_urls(options, 10))
        assert not console_errors(driver)
    finally:
        server.stop()
