"""Incremental builds (issue 10): a repeated `docgen build` of the same content and output, each
in a new process, with nothing changed and after one article's body changed, timed wall-clock,
then compared byte for byte with a clean build (`--no-cache`) of the same content.

The edited article is rewritten through a new file (os.replace), so the hard links the scaled
docset shares with the shared corpus are never written through.
"""

from __future__ import annotations

import filecmp
import os
import statistics
import subprocess
import time
from pathlib import Path

TARGETS = {"no change": 0.300, "one article body": 0.500}


def _build(docgen: Path, content: Path, output: Path, jobs: int, *extra: str) -> float:
    started = time.perf_counter()
    # Without search, like the main rows: with it, a changed article means a new index of the whole
    # site (a full build; see the README, "Incremental builds").
    result = subprocess.run([str(docgen), "build", "--content", str(content), "--output", str(output), "--quiet",
                             "--jobs", str(jobs), "--no-search", *extra], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"docgen build failed ({result.returncode}): {result.stderr[-2000:]}")
    return elapsed


def _edit_body(article: Path, round_number: int) -> None:
    text = article.read_text(encoding="utf-8")
    temporary = article.with_name(article.name + ".bench-tmp")
    temporary.write_text(text + f"\nParagraphe ajouté par le banc d'essai, tour {round_number}.\n", encoding="utf-8")
    os.replace(temporary, article)


def same_tree(left: Path, right: Path) -> bool:
    """Whether two folders hold the same files with the same bytes."""
    comparison = filecmp.dircmp(left, right)
    if comparison.left_only or comparison.right_only or comparison.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(left, right, comparison.common_files, shallow=False)
    if mismatch or errors:
        return False
    return all(same_tree(left / name, right / name) for name in comparison.common_dirs)


def run(docgen: Path, content: Path, work: Path, runs: int, jobs: int) -> dict:
    """Times no-change and one-body-change rebuilds of `content`; returns medians and identity checks."""
    output = work / "site"
    full = _build(docgen, content, output, jobs)
    articles = sorted(p for p in content.rglob("*.md") if "includes" not in p.parts
                      and p.name.lower() not in ("toc.md", "readme.md"))
    article = articles[len(articles) // 2]
    time.sleep(2.5)  # past the cache's racy-timestamp window, as a real edit a while after a build
    no_change = [_build(docgen, content, output, jobs) for _ in range(runs)]
    one_body = []
    for round_number in range(runs):
        _edit_body(article, round_number)
        time.sleep(2.5)
        one_body.append(_build(docgen, content, output, jobs))
    clean = work / "clean"
    _build(docgen, content, clean, jobs, "--no-cache")
    return {
        "articles": len(articles), "edited": str(article.relative_to(content)), "full build s": full,
        "no change s": statistics.median(no_change), "one article body s": statistics.median(one_body),
        "no change runs": no_change, "one article body runs": one_body,
        "identical to clean build": same_tree(output, clean),
    }


def print_results(label: str, result: dict) -> None:
    print(f"\n{label}: {result['articles']} articles, first (full) build {result['full build s']:.2f} s")
    for name, target in TARGETS.items():
        value = result[f"{name} s"]
        verdict = "PASS" if value < target else "FAIL"
        print(f"  {name:<18} median {value * 1000:7.0f} ms  (target < {target * 1000:.0f} ms) {verdict}")
    print(f"  byte-identical to a clean build: {'yes' if result['identical to clean build'] else 'NO'}")
