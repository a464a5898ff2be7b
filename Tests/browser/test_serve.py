"""`docgen serve` in headless Chromium: an edit reloads the open page at the reader's segment; a
broken front matter shows the overlay while the server keeps running, and fixing it clears it;
served pages are the built files plus the reload script; Ctrl-C stops the server cleanly."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from browser_helpers import FIRST_VISIBLE_SEG, wait
from conftest import REPO, _docgen, _free_port

ARTICLE = "unable-to-sign-in.md"
SCRIPT_TAG = b'<script src="/__docgen/reload.js"></script>'


@pytest.fixture
def served(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "Content", content)
    output = tmp_path / "site"
    log = open(tmp_path / "serve.log", "w+")
    port = _free_port()
    process = subprocess.Popen([str(_docgen()), "serve", "--content", str(content), "--output", str(output),
                                "--port", str(port)], stdout=log, stderr=log, cwd=tmp_path)
    base = f"http://127.0.0.1:{port}/"
    for _ in range(300):
        if process.poll() is not None:
            break
        try:
            urllib.request.urlopen(base + "index.html", timeout=1).read()
            break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("docgen serve did not start")
    assert process.poll() is None, (tmp_path / "serve.log").read_text()
    yield content, output, base, process, tmp_path / "serve.log"
    if process.poll() is None:
        process.kill()
        process.wait(timeout=10)
    log.close()


def _log(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def test_served_pages_are_the_built_files_plus_the_reload_script(served):
    _, output, base, _, _ = served
    page = urllib.request.urlopen(base + "fr/unable-to-sign-in.html").read()
    built = (output / "fr" / "unable-to-sign-in.html").read_bytes()
    assert page.count(SCRIPT_TAG) == 1
    assert page.replace(SCRIPT_TAG, b"") == built
    css = urllib.request.urlopen(base + "assets/docgen.css").read()
    assert css == (output / "assets" / "docgen.css").read_bytes()
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(base + "fr/no-such-page.html")
    assert missing.value.code == 404


def test_an_edit_reloads_the_page_at_the_readers_segment(served, browser):
    content, _, base, process, log = served
    driver = browser()
    driver.get(base + "fr/unable-to-sign-in.html")
    wait(driver, lambda d: d.execute_script("return document.readyState") == "complete")
    time.sleep(0.8)
    driver.execute_script("window.scrollTo(0, 900)")
    time.sleep(0.4)
    before = driver.execute_script(FIRST_VISIBLE_SEG)
    assert before and before["scrollY"] > 0
    driver.execute_script("window.__notReloaded = true")

    article = content / ARTICLE
    original = article.read_text(encoding="utf-8")
    article.write_text(original + "\nParagraphe ajouté en direct.\n", encoding="utf-8")
    wait(driver, lambda d: "Paragraphe ajouté en direct." in d.page_source, timeout=20, message="reload after edit")
    assert driver.execute_script("return window.__notReloaded === undefined")
    wait(driver, lambda d: d.execute_script("return document.documentElement.getAttribute('data-docgen-restored')"),
         timeout=5, message="place restored")
    after = driver.execute_script(FIRST_VISIBLE_SEG)
    assert after["id"] == before["id"], (before, after)
    wait(driver, lambda d: re.search(r"reload sent [\d.]+ ms after the file event", _log(log)), timeout=5)

    # A broken front matter: errors in the terminal and as an overlay; the server keeps going.
    article.write_text(original.replace("---\n", "---\ntitle: [unclosed\n", 1), encoding="utf-8")
    wait(driver, lambda d: d.execute_script("return !!document.getElementById('docgen-serve-overlay')"),
         timeout=20, message="error overlay")
    assert "error" in driver.find_element("id", "docgen-serve-overlay").text
    assert process.poll() is None
    assert "error:" in _log(log)

    # Fixing it clears the overlay without a restart.
    article.write_text(original, encoding="utf-8")
    wait(driver, lambda d: d.execute_script("return !document.getElementById('docgen-serve-overlay')"),
         timeout=20, message="overlay cleared")

    # A renamed article is served under its new name, the old one is gone.
    article.rename(content / "cannot-sign-in.md")
    wait(driver, lambda d: urllib.request.urlopen(base + "fr/cannot-sign-in.html").status == 200
         if _exists(base + "fr/cannot-sign-in.html") else False, timeout=30, message="renamed page served")
    assert not _exists(base + "fr/unable-to-sign-in.html")

    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=10) == 0
    assert "Stopped." in _log(log)


def _exists(url: str) -> bool:
    try:
        urllib.request.urlopen(url)
        return True
    except urllib.error.HTTPError:
        return False
