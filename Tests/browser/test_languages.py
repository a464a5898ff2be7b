"""Sites in other target languages than French (issue 13), in headless Chromium at phone and
desktop widths: the German, Japanese and Arabic fixture docsets of the Swift tests
(`Tests/DocGenSiteTests/Fixtures/languages/`), built with the repository's theme.

- every interface text is in the language its element declares (no English word in a Japanese
  page's interface, no Japanese or Arabic character in an English page's interface);
- `lang` and `dir` are right on the page and its passages; the Arabic page is laid out right to
  left, with the side-by-side columns in reading order (the translation first, on the right);
- the coverage table is not clipped at desktop width (no horizontal scrolling in its frame);
- axe finds no serious or critical violation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from browser_helpers import describe_violations, go, run_axe, screenshot, wait
from conftest import CORPUS, DESKTOP, PHONE, REPO, _build, static_server

FIXTURES = REPO / "Tests" / "DocGenSiteTests" / "Fixtures" / "languages"
SITES = {"de-de": "de", "ja-jp": "ja", "ar-sa": "ar"}
SIZES = [("desktop", DESKTOP), ("phone", PHONE)]

# Interface words of the English strings file that must not appear in another language's interface.
ENGLISH_WORDS = ["Table of contents", "Home", "Reading:", "Show original", "Side by side", "In this article",
                 "Translation coverage", "Previous", "Next", "Skip to main content", "Full table of contents",
                 "Step by step", "Text version", "Japanese", "German", "Arabic", "French"]

# Walks the text of the page's interface (not the article's own text) and returns, for each text
# node, the language its element declares and the text.
INTERFACE_TEXTS = """
const regions = document.querySelectorAll(
  '.skip-link, .site-header, nav.sidebar, nav.breadcrumbs, .reader-modes, nav.outline, .banner, .pager, .site-footer,'
  + ' .missing-translation, .docgen-flow-stepper-title, .docgen-flow-text > summary, .coverage thead');
const out = [];
for (const region of regions) {
  const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    if (!text) continue;
    const owner = node.parentElement.closest('[lang]');
    out.push({lang: owner ? owner.getAttribute('lang') : '', text: text});
  }
}
return out;
"""

NON_LATIN = "[\u3040-\u30ff\u3400-\u9fff\u0600-\u06ff\u0590-\u05ff]"


@pytest.fixture(scope="module")
def language_sites(tmp_path_factory, chromium_paths):
    serve = tmp_path_factory.mktemp("docgen-languages")
    for name in SITES:
        _build(FIXTURES / name, serve / name)
    has_corpus = False
    if CORPUS.is_dir():
        # A few real articles, for a coverage table with long paths and many rows.
        sample = tmp_path_factory.mktemp("corpus-sample")
        for path in sorted(CORPUS.glob("*.md"))[:40]:
            (sample / path.name).write_bytes(path.read_bytes())
        _build(sample, serve / "corpus")
        has_corpus = True
    with static_server(serve, "de-de/index.html") as base:
        yield {"base": base, "corpus": has_corpus}


def pages(site: str, lang: str) -> list[str]:
    return [f"{lang}/billing-overview.html", f"{lang}/billing/download-invoices.html", f"{lang}/billing/local-taxes.html",
            f"{lang}/index.html", f"{lang}/coverage.html", "en/billing-overview.html", "en/billing/local-taxes.html",
            "en/index.html"]


@pytest.mark.parametrize("size_name, size", SIZES)
@pytest.mark.parametrize("site", list(SITES))
def test_no_interface_word_in_the_wrong_language(language_sites, browser, site, size_name, size):
    import re

    lang = SITES[site]
    driver = browser(size=size, lang="en-US")
    for path in pages(site, lang):
        go(driver, language_sites["base"] + f"{site}/{path}")
        html = driver.find_element(By.TAG_NAME, "html")
        page_lang = path.split("/")[0]
        assert html.get_attribute("lang") == page_lang, path
        assert html.get_attribute("dir") == ("rtl" if page_lang == "ar" else "ltr"), path
        texts = driver.execute_script(INTERFACE_TEXTS)
        assert len(texts) > 5, f"{path}: found no interface text"
        for item in texts:
            declared, text = item["lang"], item["text"]
            if declared == "en":
                assert not re.search(NON_LATIN, text), f"{site}/{path}: '{text}' is marked English"
                if page_lang == "en":
                    assert not any(w in text for w in ["Abrechnung", "Inhaltsverzeichnis", "Startseite"]), \
                        f"{site}/{path}: German word in '{text}' marked English"
            else:
                for word in ENGLISH_WORDS:
                    assert word not in text, f"{site}/{path}: English '{word}' in '{text}' marked {declared}"


@pytest.mark.parametrize("size_name, size", SIZES)
def test_arabic_pages_are_laid_out_right_to_left(language_sites, browser, artifacts, size_name, size):
    driver = browser(size=size, lang="ar")
    go(driver, language_sites["base"] + "ar-sa/ar/billing-overview.html")
    direction = driver.execute_script("return getComputedStyle(document.body).direction")
    assert direction == "rtl"
    # The English source of each segment keeps its own direction (read from the English page, it is
    # shown in elements that take the reader-modes bar's language and direction).
    assert driver.execute_script(
        "const b = document.querySelector('.reader-modes');"
        "return b.dataset.sourceLang === 'en' && b.dataset.sourceDir === 'ltr' && !!b.dataset.sourcePage")
    # Mirrored: the heading starts at the right edge of the text column.
    h1 = driver.find_element(By.CSS_SELECTOR, "main h1")
    main = driver.find_element(By.CSS_SELECTOR, "main .content")
    assert abs((h1.rect["x"] + h1.rect["width"]) - (main.rect["x"] + main.rect["width"])) <= 2
    overflow = driver.execute_script("return document.documentElement.scrollWidth - innerWidth")
    assert overflow <= 1, f"the Arabic page scrolls sideways by {overflow}px at {size_name} width"
    screenshot(driver, artifacts, f"languages-ar-article-{size_name}")
    if size_name == "desktop":
        button = driver.find_element(By.CSS_SELECTOR, ".reader-modes button[data-mode='sbs']")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        wait(driver, lambda d: "mode-sbs" in d.find_element(By.TAG_NAME, "body").get_attribute("class"),
             message="side by side")
        row = driver.find_element(By.CSS_SELECTOR, ".sbs-row")
        target = row.find_element(By.CSS_SELECTOR, ".sbs-target").rect
        source = row.find_element(By.CSS_SELECTOR, ".sbs-source")
        # Reading order: the Arabic translation first, so on the right; its English beside it, left to right.
        assert target["x"] > source.rect["x"], "the translation is not the first column in reading order"
        assert source.get_attribute("lang") == "en" and source.get_attribute("dir") == "ltr"
        screenshot(driver, artifacts, "languages-ar-sbs-desktop")


def test_japanese_side_by_side_reads_left_to_right(language_sites, browser):
    driver = browser(size=DESKTOP, lang="ja")
    go(driver, language_sites["base"] + "ja-jp/ja/billing-overview.html")
    button = driver.find_element(By.CSS_SELECTOR, ".reader-modes button[data-mode='sbs']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    wait(driver, lambda d: "mode-sbs" in d.find_element(By.TAG_NAME, "body").get_attribute("class"),
         message="side by side")
    row = driver.find_element(By.CSS_SELECTOR, ".sbs-row")
    assert row.find_element(By.CSS_SELECTOR, ".sbs-target").rect["x"] < row.find_element(
        By.CSS_SELECTOR, ".sbs-source").rect["x"]
    headings = driver.find_elements(By.CSS_SELECTOR, ".sbs-columns span")
    assert [h.text for h in headings] == ["日本語 (翻訳)", "英語 (原文)"]


@pytest.mark.parametrize("size_name, size", SIZES)
def test_the_coverage_table_is_not_clipped(language_sites, browser, artifacts, size_name, size):
    driver = browser(size=size)
    targets = [f"{site}/{lang}/coverage.html" for site, lang in SITES.items()]
    if language_sites["corpus"]:
        targets.append("corpus/fr/coverage.html")
    for path in targets:
        go(driver, language_sites["base"] + path)
        clipped = driver.execute_script(
            "const w = document.querySelector('.coverage .table-wrapper');"
            "return w.scrollWidth - w.clientWidth")
        overflow = driver.execute_script("return document.documentElement.scrollWidth - innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px at {size_name} width"
        if size_name == "desktop":
            assert clipped <= 1, f"{path}: the coverage table is clipped by {clipped}px at desktop width"
        screenshot(driver, artifacts, "languages-coverage-" + path.split("/")[0] + f"-{size_name}")


@pytest.mark.parametrize("size_name, size", SIZES)
def test_axe_is_clean_on_other_languages(language_sites, browser, size_name, size):
    driver = browser(size=size)
    for site, lang in SITES.items():
        for path in [f"{lang}/billing-overview.html", f"en/billing/local-taxes.html", f"{lang}/coverage.html"]:
            go(driver, language_sites["base"] + f"{site}/{path}")
            bad, _ = run_axe(driver)
            assert not bad, f"{site}/{path} ({size_name}):\n" + describe_violations(bad)


@pytest.mark.parametrize("size_name, size", SIZES)
def test_the_english_sidebar_marks_the_current_page_in_english(language_sites, browser, size_name, size):
    # The script replaces the sidebar with the full tree of en/toc.html; an English title under a
    # section that has no page (so no English) keeps no lang and no "only in" note of its section.
    driver = browser(size=size, lang="en-US")
    for site in ("ja-jp", "de-de", "ar-sa"):
        go(driver, language_sites["base"] + f"{site}/en/billing/download-invoices.html")
        wait(driver, lambda d: d.execute_script(
            "return !!document.querySelector('nav.sidebar a[aria-current=\"page\"]')"), message="current entry")
        current = driver.execute_script(
            "const a = document.querySelector('nav.sidebar a[aria-current=\"page\"]');"
            "const li = a.closest('li');"
            "return {text: a.textContent, lang: a.closest('[lang]').getAttribute('lang'),"
            " note: !!li.querySelector(':scope > .toc-untranslated, :scope > details > summary > .toc-untranslated')}")
        assert current == {"text": "Download invoices", "lang": "en", "note": False}, f"{site}: {current}"
