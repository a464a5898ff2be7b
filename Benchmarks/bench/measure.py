"""The docset the tools build and how one process is timed."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

# The files docgen does not treat as articles (mirrors DocGenSite/ContentLoader.swift).
NON_ARTICLES = {"readme.md", "toc.md", "license.md", "contributing.md"}


def is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def list_articles(root: Path) -> list[str]:
    """The articles docgen builds: `.md` files, not README/TOC/LICENSE/CONTRIBUTING, not in includes/."""
    articles = []
    for path in root.rglob("*.md"):
        relative = path.relative_to(root)
        if is_hidden(relative) or not path.is_file():
            continue
        if relative.name.lower() in NON_ARTICLES:
            continue
        if any(part.lower() == "includes" for part in relative.parts[:-1]):
            continue
        articles.append(relative.as_posix())
    return sorted(articles)


def make_scaled_docset(corpus: Path, destination: Path, copies: int) -> None:
    """`copies` verbatim copies of the corpus folder in numbered subfolders copy-01, copy-02, ..."""
    destination.mkdir(parents=True)
    ignore = shutil.ignore_patterns(".*")
    for index in range(1, copies + 1):
        shutil.copytree(corpus, destination / f"copy-{index:02d}", ignore=ignore)


# ---------------------------------------------------------------------------------------------
# Measuring one process


@dataclass
class Sample:
    seconds: float
    cpu_seconds: float
    max_rss_kb: int
    pages: int


def measure(command: list[str], cwd: Path, log_stem: Path) -> tuple[float, float, int, int]:
    """Runs `command`; returns wall seconds, user+sys CPU seconds, peak RSS (KiB) and exit status.

    The child's own rusage comes from os.wait4, so the peak RSS is that process's, not the
    maximum over every child this script has run (as RUSAGE_CHILDREN would give).
    """
    with open(f"{log_stem}.out", "wb") as out, open(f"{log_stem}.err", "wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:
            process.kill()
            process.wait()
            raise
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)  # keep Popen from waiting again
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, process.returncode


def count_html(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.html"))
