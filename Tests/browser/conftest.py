"""Fixtures of the browser tests: built sites, a static server under a sub-path, and headless Chromium.

Run from the repository root:

    DOCGEN_BIN=.build/debug/docgen python3 -m pytest Tests/browser -q

What they need: Debian `chromium` and `chromium-driver`, PyPI `selenium`, `pytest` and
`axe-selenium-python`. Every test is skipped (not failed) when Chromium or its driver is missing.

Two sites are built into a temporary folder per session:
- `site`: the default site (`Content/` with the repository's `Templates/`);
- `corpus`: a handful of articles copied from `../shared/corpus/fr-fr/partner-center` at test time
  (a long machine-translated article with alerts and tables, a huge table, a target-only article
  when the corpus has one).
  Skipped when the corpus is absent.
Both are served by `python3 -m http.server` from their parent folder, so pages live under a
sub-path (`http://127.0.0.1:PORT/site/fr/...`), and are also opened from `file://`.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CORPUS = REPO.parent / "shared" / "corpus" / "fr-fr" / "partner-center"

DESKTOP = (1280, 900)
PHONE = (390, 844)

# Corpus articles of the sample, by role; each role falls back to a search when its file is gone.
CORPUS_LONG = "pricing-and-offers.md"  # MT, alerts, tables, ~250 segments
CORPUS_TABLE = "regional-authorization-overview.md"  # MT, one huge table


def _chromium() -> tuple[str, str] | None:
    binary = os.environ.get("CHROMIUM_BIN") or shutil.which("chromium") or shutil.which("chromium-browser")
    driver = os.environ.get("CHROMEDRIVER_BIN") or shutil.which("chromedriver")
    if not binary or not driver:
        return None
    return binary, driver


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def static_server(folder: Path, probe: str):
    """Serves `folder` over http on a free local port until the block ends; yields the base URL
    once `probe` (a path under it) answers."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + probe, timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("the static server did not start")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def _docgen() -> Path:
    binary = Path(os.environ.get("DOCGEN_BIN", ".build/debug/docgen"))
    if not binary.is_absolute():
        binary = (Path.cwd() / binary) if (Path.cwd() / binary).exists() else REPO / binary
    return binary


def _build(content: Path, output: Path) -> None:
    binary = _docgen()
    if not binary.exists():
        pytest.fail(f"docgen binary not found at {binary}: build it or set DOCGEN_BIN")
    result = subprocess.run(
        [str(binary), "build", "--content", str(content), "--output", str(output)],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    # Warnings (missing images, broken links of the real corpus) are expected; errors are not.
    assert result.returncode == 0, f"docgen build failed:\n{result.stdout}\n{result.stderr}"


def _segment_count(path: Path) -> int:
    return path.read_text(encoding="utf-8", errors="replace").count("data-ttu-id")


def _pick_corpus_sample() -> dict[str, str]:
    """Chooses the sample's files by role: the preferred names when present, else by content."""
    files = sorted(p for p in CORPUS.glob("*.md"))
    names = {p.name for p in files}
    picked: dict[str, str] = {}

    def mt_with(predicate):
        best = None
        for p in files:
            text = p.read_text(encoding="utf-8", errors="replace")
            if "translationtype: MT" in text and predicate(text):
                n = text.count("data-ttu-id")
                if n <= 320 and (best is None or n > best[0]):
                    best = (n, p.name)
        return best[1] if best else None

    picked["long"] = CORPUS_LONG if CORPUS_LONG in names else mt_with(lambda t: "[!" in t and "\n|" in t)
    picked["table"] = CORPUS_TABLE if CORPUS_TABLE in names else mt_with(lambda t: t.count("\n|") > 40)
    # A plain French article without any segment (the fr-fr corpus has none today; other docsets may).
    picked["targetOnly"] = next((p.name for p in files if _segment_count(p) == 0), None)
    return {role: name for role, name in picked.items() if name}


@dataclass
class Sites:
    """Where the built sites are: on disk (for file://) and on the server (http, under a sub-path)."""

    root: Path
    http: str  # e.g. http://127.0.0.1:8123/
    corpus: dict[str, str]  # role -> article path without .md (only when the corpus is present)

    def url(self, scheme: str, site: str, path: str) -> str:
        if scheme == "http":
            return f"{self.http}{site}/{path}"
        return (self.root / site / path).as_uri()

    def has_corpus(self) -> bool:
        return bool(self.corpus)


@pytest.fixture(scope="session")
def chromium_paths():
    found = _chromium()
    if not found:
        pytest.skip("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")
    pytest.importorskip("selenium")
    return found


@pytest.fixture(scope="session")
def sites(tmp_path_factory, chromium_paths) -> Sites:
    root = tmp_path_factory.mktemp("docgen-browser")
    serve = root / "serve"
    serve.mkdir()
    _build(REPO / "Content", serve / "site")

    corpus_roles: dict[str, str] = {}
    if CORPUS.is_dir():
        sample = root / "corpus-content"
        sample.mkdir()
        picked = _pick_corpus_sample()
        for role, name in picked.items():
            shutil.copy2(CORPUS / name, sample / name)
            corpus_roles[role] = name[:-3]
        _build(sample, serve / "corpus")

    with static_server(serve, "site/index.html") as base:
        yield Sites(root=serve, http=base, corpus=corpus_roles)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


class Browser:
    """Starts headless Chromium with a viewport, a language, JavaScript on or off, light or dark."""

    def __init__(self, paths):
        self.paths = paths
        self.drivers = []

    def __call__(self, size=DESKTOP, lang="fr-FR", javascript=True, dark=False):
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service

        binary, driver_path = self.paths
        options = Options()
        options.binary_location = binary
        for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--hide-scrollbars", f"--lang={lang}", f"--window-size={size[0]},{size[1]}",
                    "--allow-file-access-from-files"):
            options.add_argument(arg)
        prefs = {"intl.accept_languages": f"{lang},{lang.split('-')[0]}"}
        if not javascript:
            prefs["profile.managed_default_content_settings.javascript"] = 2
        options.add_experimental_option("prefs", prefs)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
        driver.set_page_load_timeout(30)
        phone = size[0] < 600
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": phone})
        if dark:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
                "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        self.drivers.append(driver)
        return driver

    def quit(self):
        for driver in self.drivers:
            try:
                driver.quit()
            except Exception:  # the browser may already be gone
                pass


@pytest.fixture
def browser(chromium_paths):
    factory = Browser(chromium_paths)
    yield factory
    factory.quit()


def pytest_report_header(config):
    found = _chromium()
    return [f"docgen: {_docgen()}", f"chromium: {found[0] if found else 'missing (browser tests skip)'}",
            f"corpus sample: {'yes' if CORPUS.is_dir() else 'absent (skipped)'}"]


def dump(value) -> str:
    return json.dumps(value, indent=1, ensure_ascii=False)[:4000]
