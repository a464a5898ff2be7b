"""Browser tests of the French/English toggle and the reader modes (issue 4), and of the default
theme's pages (issue 2, part 6), in headless Chromium against the default site and a corpus sample.

    DOCGEN_BIN=.build/debug/docgen python3 -m pytest Tests/browser -q

Without JavaScript, the header toggle is a plain link to the other page's top (a static page cannot
know where the reader is); heading precision without JavaScript comes from the per-section language
links in "On this page" (`a.outline-lang`), hidden once the script makes the header toggle exact.
"""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser_helpers import (
    active, assert_segment_at_top, click_and_follow, console_errors, describe_violations,
    first_visible_seg, go, loaded, press, run_axe, screenshot, scroll_to_fraction, source_segments, tab_until, wait,
)
from conftest import DESKTOP, PHONE

SEED_BILINGUAL = "unable-to-sign-in"  # the seed article with segments (MT)
SEED_TARGET_ONLY = "work-account-and-partner-center"

SCHEMES = ["http", "file"]


def article(sites, site, lang, name):
    return f"{lang}/{name}.html"


def long_article(sites):
    """(site, article) of the longest bilingual page available: the corpus sample, else the seed."""
    if sites.has_corpus() and "long" in sites.corpus:
        return "corpus", sites.corpus["long"]
    return "site", SEED_BILINGUAL


def require_corpus(sites, role):
    if role not in sites.corpus:
        pytest.skip(f"corpus sample without a '{role}' article (../shared/corpus absent?)")
    return sites.corpus[role]


def enable_mode(driver, mode):
    button = driver.find_element(By.CSS_SELECTOR, f".reader-modes button[data-mode='{mode}']")
    if button.get_attribute("aria-pressed") != "true":
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)  # not under the sticky header
        button.click()
    wait(driver, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("class").find(f"mode-{mode}") >= 0,
         message=f"mode {mode}")
    time.sleep(0.1)


def assert_no_console_errors(driver, where):
    errors = console_errors(driver)
    assert not errors, f"console errors on {where}:\n" + "\n".join(errors)


# ---------------------------------------------------------------- 1. the toggle keeps your place

@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("which", ["seed", "corpus"])
def test_toggle_keeps_the_segment_in_view(sites, browser, scheme, which):
    if which == "corpus":
        site, name = "corpus", require_corpus(sites, "long")
        size = DESKTOP
    else:
        site, name = "site", SEED_BILINGUAL
        size = PHONE  # the seed is short: at phone width it scrolls
    driver = browser(size=size)
    go(driver, sites.url(scheme, site, f"fr/{name}.html"))
    scroll_to_fraction(driver, 0.5 if which == "corpus" else 0.92)
    first = first_visible_seg(driver)
    assert first and first["scrollY"] > 0, "the page did not scroll"
    assert first["id"] != driver.execute_script("return document.querySelector('main .content [data-seg]').getAttribute('data-seg')")
    toggle = driver.find_element(By.CSS_SELECTOR, ".site-header a.language-toggle")
    click_and_follow(driver, toggle, f"/en/{name}.html")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert_segment_at_top(driver, first["id"], f"en/{name} (from fr)")

    # And back, from another place on the English page.
    scroll_to_fraction(driver, 0.3 if which == "corpus" else 0.6)
    back = first_visible_seg(driver)
    toggle = driver.find_element(By.CSS_SELECTOR, ".site-header a.language-toggle")
    click_and_follow(driver, toggle, f"/fr/{name}.html")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    assert_segment_at_top(driver, back["id"], f"fr/{name} (from en)")
    assert_no_console_errors(driver, name)


def test_toggle_at_page_top_opens_the_other_page_at_its_top(sites, browser):
    driver = browser()
    site, name = long_article(sites)
    go(driver, sites.url("http", site, f"fr/{name}.html"))
    click_and_follow(driver, driver.find_element(By.CSS_SELECTOR, ".site-header a.language-toggle"), f"/en/{name}.html")
    assert "#" not in driver.current_url
    assert driver.execute_script("return window.scrollY") == 0


def test_toggle_keeps_the_segment_in_side_by_side(sites, browser):
    site, name = long_article(sites)
    driver = browser(size=DESKTOP)
    go(driver, sites.url("http", site, f"fr/{name}.html"))
    enable_mode(driver, "sbs")
    scroll_to_fraction(driver, 0.45)
    first = first_visible_seg(driver)
    click_and_follow(driver, driver.find_element(By.CSS_SELECTOR, ".site-header a.language-toggle"), f"/en/{name}.html")
    assert_segment_at_top(driver, first["id"], "en page from side by side")
    scroll_to_fraction(driver, 0.55)
    back = first_visible_seg(driver)
    click_and_follow(driver, driver.find_element(By.CSS_SELECTOR, ".site-header a.language-toggle"), f"/fr/{name}.html")
    assert "mode-sbs" in driver.find_element(By.TAG_NAME, "body").get_attribute("class"), "side by side not remembered"
    assert_segment_at_top(driver, back["id"], "fr page in side by side")


def test_switching_reader_mode_keeps_the_segment_in_view(sites, browser):
    site, name = long_article(sites)
    driver = browser(size=DESKTOP)
    go(driver, sites.url("http", site, f"fr/{name}.html"))
    scroll_to_fraction(driver, 0.5)
    first = first_visible_seg(driver)
    driver.execute_script("document.querySelector(\".reader-modes button[data-mode='sbs']\").click()")
    time.sleep(0.2)
    assert_segment_at_top(driver, first["id"], "after turning side by side on")


def test_without_javascript_section_links_are_heading_precise(sites, browser):
    site, name = long_article(sites)
    driver = browser(javascript=False)
    go(driver, sites.url("http", site, f"fr/{name}.html"))
    # Honest: without a script the header toggle cannot know the reader's place: it opens the top.
    toggle = driver.find_element(By.CSS_SELECTOR, ".site-header a.language-toggle")
    assert toggle.get_attribute("href").endswith(f"/en/{name}.html")
    assert not driver.find_elements(By.CSS_SELECTOR, ".reader-modes:not([hidden])"), "reader modes shown without JS"
    section_links = driver.find_elements(By.CSS_SELECTOR, ".outline a.outline-lang")
    assert section_links, "no per-section language links in the outline"
    assert all(link.is_displayed() for link in section_links)
    outline = driver.find_elements(By.CSS_SELECTOR, ".outline li > a:first-child")
    for own, other in zip(outline, section_links):
        assert other.get_attribute("href").endswith(f"/en/{name}.html" + own.get_attribute("hash"))
    chosen = section_links[len(section_links) // 2]
    heading_id = chosen.get_attribute("hash")[1:]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", chosen)
    click_and_follow(driver, chosen, f"/en/{name}.html#{heading_id}")
    heading = driver.find_element(By.ID, heading_id)
    top = driver.execute_script("return arguments[0].getBoundingClientRect().top", heading)
    header = driver.execute_script("return document.querySelector('.site-header').getBoundingClientRect().bottom")
    assert header - 2 <= top <= header + 60, f"heading {heading_id} at {top}, header ends at {header}"


def test_with_javascript_section_links_are_hidden(sites, browser):
    site, name = long_article(sites)
    driver = browser()
    go(driver, sites.url("http", site, f"fr/{name}.html"))
    links = driver.find_elements(By.CSS_SELECTOR, ".outline a.outline-lang")
    assert links and not any(link.is_displayed() for link in links)


# ---------------------------------------------------------------- preference and root redirect

@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("browser_lang, expected", [("en-US", "en"), ("fr-FR", "fr"), ("de-DE", "fr")])
def test_root_sends_first_visitors_to_their_browser_language(sites, browser, scheme, browser_lang, expected):
    driver = browser(lang=browser_lang)
    go(driver, sites.url(scheme, "site", "index.html"))
    wait(driver, lambda d: d.current_url.endswith(f"/site/{expected}/index.html"), message=f"redirect to {expected}")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == expected


@pytest.mark.parametrize("scheme", SCHEMES)
def test_language_choice_persists_across_pages_and_visits(sites, browser, scheme):
    driver = browser(lang="en-US")
    go(driver, sites.url(scheme, "site", "index.html"))
    wait(driver, lambda d: d.current_url.endswith("/site/en/index.html"))
    # The English reader opens an article and switches to French.
    go(driver, sites.url(scheme, "site", f"en/{SEED_BILINGUAL}.html"))
    click_and_follow(driver, driver.find_element(By.CSS_SELECTOR, ".site-header a.language-toggle"), "/fr/")
    # Next visit of the root: French, although the browser prefers English.
    go(driver, sites.url(scheme, "site", "index.html"))
    wait(driver, lambda d: d.current_url.endswith("/site/fr/index.html"), message="remembered French")
    # And back to English by the toggle of the home page.
    click_and_follow(driver, driver.find_element(By.CSS_SELECTOR, ".site-header a.language-toggle"), "/en/index.html")
    go(driver, sites.url(scheme, "site", "index.html"))
    wait(driver, lambda d: d.current_url.endswith("/site/en/index.html"), message="remembered English")


def test_reader_mode_persists_across_pages(sites, browser):
    driver = browser()
    if sites.has_corpus():
        first, second = sites.url("http", "corpus", f"fr/{sites.corpus['long']}.html"), sites.url(
            "http", "corpus", f"fr/{sites.corpus['table']}.html")
    else:
        first = second = sites.url("http", "site", f"fr/{SEED_BILINGUAL}.html")
    go(driver, first)
    enable_mode(driver, "original")
    go(driver, second)
    body = driver.find_element(By.TAG_NAME, "body").get_attribute("class")
    assert "mode-original" in body
    pressed = driver.find_element(By.CSS_SELECTOR, ".reader-modes button[data-mode='original']").get_attribute("aria-pressed")
    assert pressed == "true"
    # Turning it off is remembered too.
    driver.find_element(By.CSS_SELECTOR, ".reader-modes button[data-mode='original']").click()
    go(driver, first)
    assert "mode-" not in driver.find_element(By.TAG_NAME, "body").get_attribute("class")


# ---------------------------------------------------------------- 2. show the original

@pytest.mark.parametrize("scheme", SCHEMES)
def test_show_original_by_keyboard_alone(sites, browser, scheme):
    driver = browser()
    go(driver, sites.url(scheme, "site", f"fr/{SEED_BILINGUAL}.html"))
    mode = tab_until(driver, lambda el: el.get_attribute("data-mode") == "original")
    assert mode.tag_name == "button"
    outline = driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle", mode)
    assert outline != "none", "no visible focus on the mode switch"
    press(driver, Keys.ENTER)
    assert mode.get_attribute("aria-pressed") == "true"
    # The English is read from the English page first (fetched, or from disk through a frame).
    wait(driver, lambda d: "mode-original" in d.find_element(By.TAG_NAME, "body").get_attribute("class"),
         message="show original on")

    toggle = tab_until(driver, lambda el: "seg-toggle" in (el.get_attribute("class") or ""))
    assert toggle.get_attribute("aria-expanded") == "false"
    assert driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle", toggle) != "none"
    panel = driver.find_element(By.ID, toggle.get_attribute("aria-controls"))
    assert not panel.is_displayed()
    seg_id = toggle.get_attribute("data-for")

    press(driver, Keys.ENTER)
    assert toggle.get_attribute("aria-expanded") == "true"
    assert panel.is_displayed()
    assert panel.get_attribute("lang") == "en"
    expected = source_segments(sites.root / "site" / "en" / f"{SEED_BILINGUAL}.html")[seg_id]
    assert panel.text.strip() == " ".join(expected.split()), "the revealed text is not the segment's English"
    live = driver.find_element(By.CSS_SELECTOR, "[aria-live]")
    wait(driver, lambda d: expected.strip()[:20] in live.get_attribute("textContent"), message="live announcement")
    # The English is in place: right after the French sentence's button, in reading order.
    follows = driver.execute_script("return arguments[0].nextElementSibling === arguments[1]", toggle, panel)
    assert follows

    press(driver, Keys.SPACE)
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not panel.is_displayed()

    # One switch for all, by keyboard too (Shift+Tab back to it).
    all_switch = driver.find_element(By.CSS_SELECTOR, ".reader-modes .reader-all")
    assert all_switch.is_displayed()
    from selenium.webdriver.common.action_chains import ActionChains
    for _ in range(40):
        ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
        if active(driver) == all_switch:
            break
    assert active(driver) == all_switch
    press(driver, Keys.SPACE)
    assert all_switch.get_attribute("aria-pressed") == "true"
    toggles = driver.find_elements(By.CSS_SELECTOR, "button.seg-toggle")
    assert toggles and all(t.get_attribute("aria-expanded") == "true" for t in toggles)
    panels = driver.find_elements(By.CSS_SELECTOR, ".seg-original")
    assert len(panels) == len(toggles) and all(p.is_displayed() and p.get_attribute("lang") == "en" for p in panels)
    press(driver, Keys.ENTER)
    assert all(t.get_attribute("aria-expanded") == "false" for t in toggles)
    assert_no_console_errors(driver, "show original")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_source_page_that_cannot_be_read_is_said_and_changes_nothing(sites, browser, scheme):
    driver = browser()
    go(driver, sites.url(scheme, "site", f"fr/{SEED_BILINGUAL}.html"))
    before = driver.execute_script("return document.querySelector('main .content').innerHTML")
    driver.execute_script("document.querySelector('.reader-modes').dataset.sourcePage = 'no-such-page.html'")
    driver.find_element(By.CSS_SELECTOR, ".reader-modes button[data-mode='original']").click()
    note = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".reader-modes .reader-unavailable"), timeout=25,
                message="a note that the English could not be loaded")[0]
    assert note.is_displayed() and "anglais" in note.text
    assert "mode-" not in driver.find_element(By.TAG_NAME, "body").get_attribute("class")
    pressed = driver.find_element(By.CSS_SELECTOR, ".reader-modes button[data-mode='original']").get_attribute("aria-pressed")
    assert pressed == "false"
    live = driver.find_element(By.CSS_SELECTOR, "[aria-live]")
    wait(driver, lambda d: "anglais" in live.get_attribute("textContent"), message="the failure is announced")
    assert driver.execute_script("return document.querySelector('main .content').innerHTML") == before
    assert not driver.find_elements(By.TAG_NAME, "iframe"), "the loading frame stays in the page"


def test_every_segment_gets_a_button_and_no_interactive_nesting(sites, browser):
    site, name = long_article(sites)
    driver = browser()
    go(driver, sites.url("http", site, f"fr/{name}.html"))
    enable_mode(driver, "original")
    sources = len(source_segments(sites.root / site / "en" / f"{name}.html"))
    counts = driver.execute_script("""
      const segs = document.querySelectorAll('main .content [data-seg]');
      return {segs: segs.length, sources: arguments[0],
        withButton: [...segs].filter(s => s.hasAttribute('data-original')).length,
        buttons: document.querySelectorAll('button.seg-toggle').length,
        nested: document.querySelectorAll('a button, button button, a a, summary button').length};""", sources)
    assert counts["segs"] > 0 and counts["buttons"] == counts["withButton"]
    assert counts["withButton"] >= min(counts["segs"], counts["sources"]) * 0.95, counts
    assert counts["nested"] == 0, counts


def test_show_original_by_click_never_hover_and_selection_stays_free(sites, browser):
    from selenium.webdriver.common.action_chains import ActionChains

    driver = browser()
    go(driver, sites.url("http", "site", f"fr/{SEED_BILINGUAL}.html"))
    # Before the mode is on, a click on a sentence does nothing.
    segs = driver.find_elements(By.CSS_SELECTOR, "main .content p > [data-seg]")
    segs[0].click()
    assert not driver.find_elements(By.CSS_SELECTOR, ".seg-original:not([hidden])")
    enable_mode(driver, "original")
    seg = driver.find_elements(By.CSS_SELECTOR, "main .content p > [data-seg]")[-1]
    toggle = driver.find_element(By.CSS_SELECTOR, f"button.seg-toggle[aria-controls='{seg.get_attribute('data-original')}']")
    assert driver.execute_script("return getComputedStyle(arguments[0]).userSelect", seg) != "none"

    # Hovering reveals nothing.
    ActionChains(driver).move_to_element(seg).pause(0.5).perform()
    assert toggle.get_attribute("aria-expanded") == "false"

    # Selecting text by dragging across the sentence does not toggle it, and the selection holds.
    ActionChains(driver).move_to_element_with_offset(seg, -seg.size["width"] // 2 + 3, 0).click_and_hold() \
        .move_to_element_with_offset(seg, seg.size["width"] // 2 - 3, 0).release().perform()
    time.sleep(0.2)
    selected = driver.execute_script("return String(window.getSelection())")
    assert len(selected.strip()) > 10, f"text could not be selected: {selected!r}"
    assert selected.strip()[:10] in seg.text
    assert toggle.get_attribute("aria-expanded") == "false", "ending a selection toggled the sentence"

    # A double click (word selection) does not toggle either, not even for a moment.
    driver.execute_script("window.getSelection().removeAllRanges()")
    time.sleep(0.8)  # so that the double click's first click counts as a first click
    driver.execute_script("""window.__flips = 0; new MutationObserver(() => window.__flips++)
      .observe(arguments[0], {attributes: true, attributeFilter: ['aria-expanded']});""", toggle)
    ActionChains(driver).double_click(seg).perform()
    time.sleep(0.5)
    assert toggle.get_attribute("aria-expanded") == "false"
    assert driver.execute_script("return window.__flips") == 0, "a double click flashed the English open"
    assert driver.execute_script("return String(window.getSelection()).trim().length") > 0, "double click did not select a word"

    # A plain click does.
    driver.execute_script("window.getSelection().removeAllRanges()")
    ActionChains(driver).move_to_element(seg).click().perform()
    time.sleep(0.5)
    assert toggle.get_attribute("aria-expanded") == "true"
    panel = driver.find_element(By.ID, toggle.get_attribute("aria-controls"))
    assert panel.is_displayed() and panel.get_attribute("lang") == "en"
    # The English can be selected too (it is text, not a tooltip).
    assert driver.execute_script("return getComputedStyle(arguments[0]).userSelect", panel) != "none"


def test_a_link_inside_a_segment_still_navigates(sites, browser):
    driver = browser()
    go(driver, sites.url("http", "site", f"fr/{SEED_BILINGUAL}.html"))
    enable_mode(driver, "original")
    link = driver.find_element(By.CSS_SELECTOR, "main .content li > a[href] [data-seg]").find_element(By.XPATH, "..")
    href = link.get_attribute("href")
    # The button sits after the link, not inside it.
    assert not link.find_elements(By.CSS_SELECTOR, "button")
    sibling = driver.execute_script("return arguments[0].nextElementSibling", link)
    assert sibling is not None and "seg-toggle" in sibling.get_attribute("class")
    assert href


# ---------------------------------------------------------------- 3. side by side

def sbs_geometry(driver):
    return driver.execute_script("""
      return [...document.querySelectorAll('.sbs-row')].map(row => {
        const t = row.querySelector(':scope > .sbs-target'), s = row.querySelector(':scope > .sbs-source');
        const tr = t.getBoundingClientRect(), sr = s.getBoundingClientRect();
        const tf = t.firstElementChild ? t.firstElementChild.getBoundingClientRect() : tr;
        const sf = s.firstElementChild ? s.firstElementChild.getBoundingClientRect() : sr;
        return {t: [tr.left, tr.top, tr.right, tr.bottom], s: [sr.left, sr.top, sr.right, sr.bottom],
                tf: tf.top, sf: sf.top, display: getComputedStyle(s).display, lang: s.lang,
                segs: [...t.querySelectorAll('[data-seg]')].map(e => e.getAttribute('data-seg')),
                srcs: [...s.querySelectorAll('[data-seg-source]')].map(e => e.getAttribute('data-seg-source'))};
      });""")


@pytest.mark.parametrize("which", ["seed", "corpus"])
def test_side_by_side_aligns_at_desktop_and_stacks_on_phones(sites, browser, which):
    if which == "corpus":
        site, name = "corpus", require_corpus(sites, "long")
    else:
        site, name = "site", SEED_BILINGUAL
    driver = browser(size=DESKTOP)
    go(driver, sites.url("http", site, f"fr/{name}.html"))
    before = driver.execute_script("return document.querySelector('main .content').innerHTML")
    enable_mode(driver, "sbs")
    rows = sbs_geometry(driver)
    assert len(rows) > 3
    total_segs = driver.execute_script("return document.querySelectorAll('main .content [data-seg]').length")
    assert sum(len(r["segs"]) for r in rows) == total_segs, "some segments are outside the side-by-side rows"
    for r in rows:
        assert r["lang"] == "en"
        assert r["segs"] == r["srcs"], f"row pairs different segments: {r['segs']} vs {r['srcs']}"
        assert abs(r["t"][1] - r["s"][1]) < 1, f"row tops differ: {r}"
        assert abs(r["tf"] - r["sf"]) < 1, f"first blocks of a pair do not start level: {r}"
        assert r["s"][0] >= r["t"][2] - 1, "the source is not in the right-hand column"
    # Each source segment holds the English of its target segment, as the English page has it.
    mismatch = driver.execute_script("""
      const sources = arguments[0], bad = [];
      for (const el of document.querySelectorAll('.sbs-source [data-seg-source]')) {
        const src = sources[el.getAttribute('data-seg-source')];
        if (src === undefined || src.trim() !== el.textContent.trim() || el.lang !== 'en') bad.push(el.getAttribute('data-seg-source'));
      }
      return bad;""", source_segments(sites.root / site / "en" / f"{name}.html"))
    assert mismatch == []
    duplicate_ids = driver.execute_script("""
      const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);""")
    assert duplicate_ids == []

    # Phone width: each pair stacks, target above source, same left edge.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": PHONE[0], "height": PHONE[1], "deviceScaleFactor": 1, "mobile": True})
    time.sleep(0.3)
    for r in sbs_geometry(driver):
        if r["display"] == "none":
            continue  # a row without translated text (e.g. code) shows once
        assert r["s"][1] >= r["t"][3] - 12, f"not stacked on a phone: {r}"
        assert abs(r["s"][0] - r["t"][0]) < 2
    assert driver.execute_script("return document.documentElement.scrollWidth <= innerWidth + 1"), "horizontal scroll on a phone"

    # Turning the mode off restores the article exactly.
    driver.find_element(By.CSS_SELECTOR, ".reader-modes button[data-mode='sbs']").click()
    after = driver.execute_script("return document.querySelector('main .content').innerHTML")
    assert after == before, "side by side did not restore the article"


# ---------------------------------------------------------------- 4. honest labels

@pytest.mark.parametrize("which", ["seed", "corpus"])
def test_machine_translated_pages_have_a_banner_linking_to_english(sites, browser, which):
    site, name = ("corpus", require_corpus(sites, "long")) if which == "corpus" else ("site", SEED_BILINGUAL)
    driver = browser()
    go(driver, sites.url("http", site, f"fr/{name}.html"))
    banner = driver.find_element(By.CSS_SELECTOR, "main .banner-mt")
    assert banner.is_displayed() and "automatiquement" in banner.text
    assert banner.location["y"] < driver.find_element(By.CSS_SELECTOR, "main .content h1").location["y"]
    link = banner.find_element(By.CSS_SELECTOR, "a[hreflang='en']")
    click_and_follow(driver, link, f"/en/{name}.html")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert driver.find_elements(By.CSS_SELECTOR, "main .content [data-seg]")
    assert not driver.find_elements(By.CSS_SELECTOR, ".banner-mt"), "the English original is not machine translated"


@pytest.mark.parametrize("which", ["seed", "corpus"])
def test_target_only_articles_say_no_english_exists(sites, browser, which):
    site, name = ("corpus", require_corpus(sites, "targetOnly")) if which == "corpus" else ("site", SEED_TARGET_ONLY)
    driver = browser()
    go(driver, sites.url("http", site, f"fr/{name}.html"))
    note = driver.find_element(By.CSS_SELECTOR, "main .banner-target-only")
    assert "anglais" in note.text
    assert not driver.find_elements(By.CSS_SELECTOR, ".reader-modes"), "reader modes on an article without English"
    click_and_follow(driver, driver.find_element(By.CSS_SELECTOR, ".site-header a.language-toggle"), f"/en/{name}.html")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    main = driver.find_element(By.CSS_SELECTOR, "main")
    assert "No English version" in main.find_element(By.TAG_NAME, "h1").text
    assert "no English version" in main.text
    assert not driver.find_elements(By.CSS_SELECTOR, "main [data-seg]"), "the English page shows French segments"
    title = main.find_element(By.CSS_SELECTOR, ".missing-article-title")
    assert title.get_attribute("lang") == "fr"
    back = main.find_element(By.CSS_SELECTOR, "a[hreflang='fr']")
    click_and_follow(driver, back, f"/fr/{name}.html")


# ---------------------------------------------------------------- console, print

def test_no_console_errors_on_any_page_or_mode(sites, browser):
    driver = browser()
    pages = [("site", "index.html"), ("site", "fr/index.html"), ("site", "en/index.html")]
    for name in (SEED_BILINGUAL, SEED_TARGET_ONLY, "azure-active-directory-tenants-and-partner-center"):
        pages += [("site", f"fr/{name}.html"), ("site", f"en/{name}.html")]
    for role, name in sites.corpus.items():
        pages += [("corpus", f"fr/{name}.html"), ("corpus", f"en/{name}.html")]
    problems = []
    for scheme in SCHEMES:
        for site, path in pages:
            go(driver, sites.url(scheme, site, path))
            if driver.find_elements(By.CSS_SELECTOR, ".reader-modes:not([hidden])"):
                for mode in ("original", "sbs", "original"):
                    driver.execute_script(f"document.querySelector(\".reader-modes button[data-mode='{mode}']\").click()")
                driver.execute_script("document.querySelector('.reader-modes .reader-all').click()")
                driver.execute_script("document.querySelector(\".reader-modes button[data-mode='original']\").click()")
            problems += [f"{scheme} {site}/{path}: {e}" for e in console_errors(driver)]
    driver.execute_script("localStorage.clear()")
    assert not problems, "\n".join(problems)


def test_print_hides_the_interface_and_keeps_the_text(sites, browser):
    driver = browser()
    go(driver, sites.url("http", "site", f"fr/{SEED_BILINGUAL}.html"))
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    hidden = driver.execute_script("""
      return ['.site-header', '.site-footer', '.reader-modes', '.outline']
        .map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display);""")
    assert hidden and all(d == "none" for d in hidden)
    assert driver.find_element(By.CSS_SELECTOR, "main .content h1").is_displayed()
    assert driver.find_element(By.CSS_SELECTOR, "main .banner-mt").is_displayed()


# ---------------------------------------------------------------- accessibility scan + screenshots

STATES = ["article", "original", "sbs"]


@pytest.mark.parametrize("size_name, size", [("desktop", DESKTOP), ("phone", PHONE)])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_or_critical_violation(sites, browser, artifacts, size_name, size, scheme):
    driver = browser(size=size, dark=scheme == "dark")
    targets = [("site", SEED_BILINGUAL)]
    if "long" in sites.corpus:
        targets.append(("corpus", sites.corpus["long"]))
    report = []
    for site, name in targets:
        for state in STATES:
            go(driver, sites.url("http", site, f"fr/{name}.html"))
            driver.execute_script("localStorage.clear()")
            go(driver, sites.url("http", site, f"fr/{name}.html"))  # again, without a remembered mode
            assert "mode-" not in driver.find_element(By.TAG_NAME, "body").get_attribute("class")
            if state != "article":
                enable_mode(driver, state)
            if state == "original":
                all_switch = driver.find_element(By.CSS_SELECTOR, ".reader-modes .reader-all")
                driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", all_switch)
                all_switch.click()
                time.sleep(0.1)
            overflow = driver.execute_script("return document.documentElement.scrollWidth - innerWidth")
            assert overflow <= 1, f"{site}/{name} in state {state} scrolls sideways by {overflow}px at {size_name} width"
            bad, results = run_axe(driver)
            report.append(f"{site}/{name} {state} {size_name} {scheme}: {len(results['violations'])} violations, "
                          f"{len(bad)} serious/critical, {len(results['passes'])} rules passed")
            assert not bad, f"{site}/{name} in state {state} ({size_name}, {scheme}):\n" + describe_violations(bad)
            if scheme == "light" or state == "article":
                scroll_to_fraction(driver, 0.0 if state == "article" else 0.12)
                screenshot(driver, artifacts, f"{site}-{state}-{size_name}-{scheme}")
    # The other page kinds of the default site.
    for path, label in [("fr/index.html", "home-fr"), ("en/index.html", "home-en"),
                        (f"en/{SEED_TARGET_ONLY}.html", "missing-en"), (f"fr/{SEED_TARGET_ONLY}.html", "target-only-fr"),
                        (f"en/{SEED_BILINGUAL}.html", "article-en")]:
        go(driver, sites.url("http", "site", path))
        bad, results = run_axe(driver)
        report.append(f"site/{path} {size_name} {scheme}: {len(results['violations'])} violations, {len(bad)} serious/critical")
        assert not bad, f"{path} ({size_name}, {scheme}):\n" + describe_violations(bad)
        screenshot(driver, artifacts, f"site-{label}-{size_name}-{scheme}")
    print("\n".join(report))


def test_an_article_opens_at_its_top_on_a_phone(sites, browser):
    driver = browser(size=PHONE)
    go(driver, sites.url("http", "site", f"fr/{SEED_BILINGUAL}.html"))
    time.sleep(1.5)  # the table of contents is fetched, then its current item scrolled into view
    assert driver.execute_script("return window.scrollY") == 0
