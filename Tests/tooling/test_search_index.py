"""Search as a user of the command line meets it (issue 11): `--no-search`, the one note when
Pagefind is missing, and one index per language for docsets in other languages (German, and
Japanese, which needs Pagefind's extended build to cut words). Browser tests of the search box
are in Tests/browser/test_search.py."""
import json
import os
import subprocess
import tempfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOCGEN = os.environ.get("DOCGEN_BIN", os.path.join(ROOT, ".build", "debug", "docgen"))
CONTENT = os.path.join(ROOT, "Content")


def build(content, env=None, *extra):
    out = os.path.join(tempfile.mkdtemp(prefix="docgen-search-"), "site")
    result = subprocess.run(
        [DOCGEN, "build", "--content", content, "--output", out, "--templates", os.path.join(ROOT, "Templates"), *extra],
        capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=300)
    return result, out


def docset(locale, articles):
    """A docset in `locale` whose articles are (name, title pair, text pairs) of target and English."""
    root = tempfile.mkdtemp(prefix=f"docgen-{locale}-")
    for name, (title, title_en), pairs in articles:
        body = "".join(
            f'<span data-ttu-id="x{i}-1{j}">{target}</span><span class="sxs-lookup"><span data-stu-id="x{i}-1{j}">{source}</span></span> '
            for i, (target, source) in enumerate(pairs) for j in [0])
        text = (f"---\ntitle: {title}\nms.translationtype: HT\nms.contentlocale: {locale}\n---\n"
                f'# <span data-ttu-id="t-1">{title}</span><span class="sxs-lookup"><span data-stu-id="t-1">{title_en}</span></span>\n\n'
                f"{body}\n")
        with open(os.path.join(root, name), "w", encoding="utf-8") as f:
            f.write(text)
    return root


def pagefind_found(result):
    if "docgen.search.unavailable" in result.stderr:
        pytest.skip("Pagefind is not installed (python3 -m pip install pagefind-bin-extended)")


def test_no_search_builds_without_index_box_or_note():
    result, out = build(CONTENT, None, "--no-search")
    assert result.returncode == 0, result.stderr
    assert not os.path.exists(os.path.join(out, "pagefind"))
    assert not os.path.exists(os.path.join(out, "fr", "search.html"))
    assert "docgen.search" not in result.stderr
    with open(os.path.join(out, "fr", "index.html"), encoding="utf-8") as f:
        assert "site-search" not in f.read()


def test_missing_pagefind_is_one_note_with_the_install_command():
    result, out = build(CONTENT, {"DOCGEN_PAGEFIND": "/nonexistent/pagefind"})
    assert result.returncode == 0, result.stderr
    notes = [l for l in result.stderr.splitlines() if "[docgen.search.unavailable]" in l]
    assert len(notes) == 1 and notes[0].startswith("note: Pagefind is not installed")
    assert "python3 -m pip install pagefind-bin-extended" in result.stderr
    assert os.path.isfile(os.path.join(out, "fr", "index.html")) and not os.path.exists(os.path.join(out, "pagefind"))
    # --strict is about the content: a missing optional tool is no warning.
    strict, _ = build(CONTENT, {"DOCGEN_PAGEFIND": "/nonexistent/pagefind"}, "--strict", "--quiet")
    assert "docgen.search" not in strict.stderr


def test_the_default_site_is_indexed_in_french_and_english():
    result, out = build(CONTENT)
    pagefind_found(result)
    assert result.returncode == 0, result.stderr
    with open(os.path.join(out, "pagefind", "pagefind-entry.json"), encoding="utf-8") as f:
        entry = json.load(f)
    assert set(entry["languages"]) == {"fr", "en"}
    # Every article in French; in English only those with an English original.
    assert entry["languages"]["fr"]["page_count"] == 3 and entry["languages"]["en"]["page_count"] >= 1
    with open(os.path.join(out, ".docgen-manifest"), encoding="utf-8") as f:
        assert "pagefind/pagefind.js" in f.read().split("\n")
    # Rebuilding over it needs no --force: docgen owns the index it had Pagefind write.
    again = subprocess.run([DOCGEN, "build", "--content", CONTENT, "--output", out, "--quiet"],
                           capture_output=True, text=True, cwd=ROOT)
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize("locale, code, articles", [
    ("de-DE", "de", [("rechnung.md", ("Ihre Rechnung lesen", "Read your invoice"),
                      [("Die Rechnung zeigt alle Gebühren des Monats.", "The invoice shows every charge of the month.")])]),
    ("ja-JP", "ja", [("seikyu.md", ("請求書を読む", "Read your invoice"),
                      [("請求書には今月のすべての料金が表示されます。", "The invoice shows every charge of the month.")])]),
])
def test_a_docset_in_another_language_gets_its_own_index(locale, code, articles):
    result, out = build(docset(locale, articles))
    pagefind_found(result)
    assert result.returncode == 0, result.stderr
    with open(os.path.join(out, "pagefind", "pagefind-entry.json"), encoding="utf-8") as f:
        entry = json.load(f)
    assert set(entry["languages"]) == {code, "en"}, entry
    # German is stemmed by its own module; Japanese has none (Pagefind's extended build cuts its
    # words when indexing, and searches them with the language-neutral module).
    wasm = entry["languages"][code]["wasm"]
    assert wasm == (code if code == "de" else None) and os.path.isfile(os.path.join(out, "pagefind", f"wasm.{wasm or 'unknown'}.pagefind"))
    page = os.path.join(out, code, articles[0][0].replace(".md", ".html"))
    with open(page, encoding="utf-8") as f:
        html = f.read()
    assert f'<html lang="{code}" dir="ltr">' in html and f'data-pagefind-filter="language:{code}"' in html
