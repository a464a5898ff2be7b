"""The authoring loop from outside the repository: `docgen init` then `build` and `check` with the
built-in theme, `check --format json` reporting what `build` reports, and a repeated build that
re-renders one edited article and gives the bytes of a clean build."""
import filecmp
import json
import os
import re
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCGEN = os.environ.get("DOCGEN_BIN", str(ROOT / ".build" / "debug" / "docgen"))
CORPUS = ROOT.parent / "shared" / "corpus" / "fr-fr" / "partner-center"
LINE = re.compile(r"^(\S+):(\d+):(\d+): (warning|error): (.+) \[(docgen\.[a-z.-]+)\]$")


def run(*args, cwd):
    return subprocess.run([os.path.abspath(DOCGEN), *args], capture_output=True, text=True, cwd=cwd)


def same_tree(left: Path, right: Path) -> bool:
    comparison = filecmp.dircmp(left, right)
    if comparison.left_only or comparison.right_only:
        return False
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    return not mismatch and not errors and all(same_tree(left / d, right / d) for d in comparison.common_dirs)


def test_init_then_build_and_check_from_outside_the_repository(tmp_path):
    created = run("init", "mysite", cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    site = tmp_path / "mysite"
    assert (site / "Content" / "flows" / "first-steps.yml").is_file()
    built = run("build", cwd=site)
    assert built.returncode == 0, built.stderr
    assert not [l for l in built.stderr.splitlines() if LINE.match(l)], built.stderr
    page = (site / "Output" / "fr" / "getting-started.html").read_text(encoding="utf-8")
    assert 'data-seg="start-3"' in page and "flow" in page
    assert (site / "Output" / "en" / "getting-started.html").is_file()
    assert (site / "Output" / "assets" / "docgen.css").is_file(), "the built-in theme's assets"
    checked = run("check", "--format", "json", cwd=site)
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["summary"] == {"errors": 0, "warnings": 0, "notes": 0}
    again = run("init", "mysite", cwd=tmp_path)
    assert again.returncode == 1 and "[docgen.init.exists]" in again.stderr


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is absent")
def test_check_json_reports_what_build_reports(tmp_path):
    built = run("build", "--content", str(CORPUS), "--output", str(tmp_path / "site"), "--no-cache", cwd=tmp_path)
    assert built.returncode == 0, built.stderr[-2000:]
    from_build = sorted(
        (m[1], int(m[2]), int(m[3]), m[4], m[6]) for m in map(LINE.match, built.stderr.splitlines()) if m)
    before = sorted(p.name for p in tmp_path.iterdir())
    checked = run("check", "--content", str(CORPUS), "--format", "json", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr[-2000:]
    document = json.loads(checked.stdout)
    from_check = sorted((d["file"], d["line"], d["column"], d["severity"], d["identifier"])
                        for d in document["diagnostics"] if d["file"] is not None)
    assert from_build and from_check == from_build
    assert all(list(d) == ["identifier", "severity", "file", "line", "column", "message", "fix"]
               for d in document["diagnostics"])
    assert sorted(p.name for p in tmp_path.iterdir()) == before, "check writes no site, cache or lock"


def test_a_repeated_build_rerenders_the_edited_article_only(tmp_path):
    assert run("init", "s", cwd=tmp_path).returncode == 0
    site = tmp_path / "s"
    first = run("build", "--verbose", "--no-search", cwd=site)
    assert first.returncode == 0, first.stderr
    assert (site / ".Output.docgen-cache").is_dir() and not (site / "Output" / ".docgen-cache").exists()
    article = site / "Content" / "getting-started.md"
    time.sleep(0.05)
    article.write_text(article.read_text(encoding="utf-8") + "\nUn paragraphe de plus.\n", encoding="utf-8")
    second = run("build", "--verbose", "--no-search", cwd=site)
    assert second.returncode == 0, second.stderr
    assert "articles rendered: 1, kept from the cache: 1" in second.stderr, second.stderr
    # An incremental build publishes what it updated: it must not claim the output was kept.
    assert "left as it was" not in second.stdout + second.stderr, second.stdout + second.stderr
    clean = run("build", "--output", "Clean", "--no-cache", "--no-search", cwd=site)
    assert clean.returncode == 0, clean.stderr
    assert same_tree(site / "Output", site / "Clean")
    assert not (site / ".Clean.docgen-cache").exists(), "--no-cache keeps no cache"


def test_a_repeated_build_with_search_never_keeps_a_stale_index(tmp_path):
    assert run("init", "s", cwd=tmp_path).returncode == 0
    site = tmp_path / "s"
    first = run("build", "--verbose", cwd=site)
    assert first.returncode == 0, first.stderr
    if not (site / "Output" / "pagefind").is_dir():
        pytest.skip("Pagefind is not installed (python3 -m pip install pagefind-bin-extended)")
    article = site / "Content" / "getting-started.md"
    time.sleep(0.05)
    article.write_text(article.read_text(encoding="utf-8") + "\nUn paragraphe zygomorphe.\n", encoding="utf-8")
    second = run("build", "--verbose", cwd=site)
    assert second.returncode == 0, second.stderr
    # The edited article only; Pagefind then indexes the updated output beside it.
    assert "articles rendered: 1, kept from the cache: 1" in second.stderr, second.stderr
    assert "search index" in second.stderr, second.stderr
    clean = run("build", "--output", "Clean", "--no-cache", cwd=site)
    assert clean.returncode == 0, clean.stderr
    # The index of the updated site is the index of a clean build of the edited content.
    assert same_tree(site / "Output", site / "Clean")
