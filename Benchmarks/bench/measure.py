"""The docset the tools build and how one process is timed."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

# The files docgen does not treat as articles (mirrors DocGenSite/ContentLoader.swift).
NON_ARTICLES = {"readme.md", "toc.md"}


def is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def list_articles(root: Path) -> list[str]:
    """The articles docgen builds: `.md` files, not README.md / TOC.md, not in includes/."""
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


TOC_FILES = {"toc.yml", "toc.md"}


def link_or_copy(source: str, destination: str) -> None:
    """A hard link where the file system allows it (no tool writes into its content), else a copy."""
    try:
        os.link(source, destination)
    except OSError:
        shutil.copyfile(source, destination)


def make_markdown_only_copy(corpus: Path, destination: Path) -> int:
    """Every Markdown file of `corpus` with its folder tree, without TOC files and hidden paths.

    This is the issue 9 corpus: with no TOC.yml / TOC.md anywhere, docgen derives one per
    folder. Returns the number of files copied.
    """
    copied = 0
    for path in sorted(corpus.rglob("*")):
        relative = path.relative_to(corpus)
        if is_hidden(relative) or not path.is_file() or path.suffix.lower() != ".md":
            continue
        if relative.name.lower() in TOC_FILES:
            continue
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(str(path), str(target))
        copied += 1
    return copied


def make_scaled_docset(corpus: Path, destination: Path, copies: int) -> None:
    """`copies` copies of the corpus folder in numbered subfolders copy-01, copy-02, ...

    Files are hard-linked when possible: the same bytes for every tool, without N times the disk.
    """
    destination.mkdir(parents=True)
    ignore = shutil.ignore_patterns(".*")
    for index in range(1, copies + 1):
        shutil.copytree(corpus, destination / f"copy-{index:02d}", ignore=ignore, copy_function=link_or_copy)


# ---------------------------------------------------------------------------------------------
# Measuring one process


@dataclass
class Sample:
    seconds: float
    cpu_seconds: float
    max_rss_kb: int
    pages: int
    output_bytes: int = 0
    html_bytes: int = 0


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


def output_size(folder: Path) -> tuple[int, int, list[str]]:
    """Bytes of every file under `folder`, bytes of its .html files, and the .html paths."""
    total = html = 0
    pages = []
    for directory, _, files in os.walk(folder):
        for name in files:
            path = os.path.join(directory, name)
            size = os.lstat(path).st_size
            total += size
            if name.endswith(".html"):
                html += size
                pages.append(os.path.relpath(path, folder).replace(os.sep, "/"))
    return total, html, sorted(pages)
