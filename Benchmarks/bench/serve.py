"""`docgen serve` latency (issue 10): the time from the file event of an edit to the reload
message, as the server logs it ("reload sent N ms after the file event"), for edits to one
article's body; then the served output compared byte for byte with a clean build.

The server is started on the scaled docset with `--port 0`; once it serves, one article (the
middle one, as for the incremental rows) gets a paragraph appended `edits` times, each through
a new file renamed over it (os.replace, as editors save; the hard links into the shared corpus
are never written through), waiting for the server's log line of each edit before the next.
With search on, after the last edit the run waits for the server's "search index updated" line
so that the compared output holds the index of the last edit.
"""

from __future__ import annotations

import os
import re
import signal
import statistics
import subprocess
import time
from pathlib import Path

from .incremental import same_tree

TARGET_MS = 50.0
RELOAD = re.compile(r"reload sent ([0-9.]+) ms after the file event \(build ([0-9.]+) ms\)")


def _wait_for(log: Path, pattern: re.Pattern | str, start: int, timeout: float, process: subprocess.Popen):
    """The first match of `pattern` in the log after character `start`, and where it ends."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8", errors="replace")
        match = re.compile(pattern).search(text, start) if isinstance(pattern, str) else pattern.search(text, start)
        if match:
            return match, match.end()
        if process.poll() is not None:
            raise SystemExit(f"docgen serve ended ({process.returncode}):\n{text[-3000:]}")
        time.sleep(0.005)
    raise SystemExit(f"no '{getattr(pattern, 'pattern', pattern)}' in the server's log within {timeout:.0f} s:\n"
                     + log.read_text(encoding="utf-8", errors="replace")[-3000:])


def run(docgen: Path, content: Path, work: Path, edits: int, jobs: int, search: bool, pause: float = 0.5) -> dict:
    """Starts `docgen serve`, edits one article body `edits` times; returns the logged latencies."""
    output = work / "site"
    log_path = work / "serve.log"
    arguments = [str(docgen), "serve", "--content", str(content), "--output", str(output), "--port", "0",
                 "--jobs", str(jobs)] + ([] if search else ["--no-search"])
    articles = sorted(p for p in content.rglob("*.md") if "includes" not in p.parts
                      and p.name.lower() not in ("toc.md", "readme.md"))
    article = articles[len(articles) // 2]
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(arguments, stdout=log, stderr=subprocess.STDOUT)
    try:
        started = time.perf_counter()
        _, position = _wait_for(log_path, r"Serving .* at http", 0, 1800, process)
        first_build = time.perf_counter() - started
        searched = (output / "pagefind").is_dir()
        time.sleep(1.0)
        load_before = [round(x, 2) for x in os.getloadavg()]
        latencies, builds = [], []
        for round_number in range(edits):
            text = article.read_text(encoding="utf-8")
            temporary = article.with_name(article.name + ".bench-tmp")
            temporary.write_text(text + f"\nParagraphe ajouté par le banc d'essai, édition {round_number}.\n",
                                 encoding="utf-8")
            os.replace(temporary, article)
            match, position = _wait_for(log_path, RELOAD, position, 120, process)
            latencies.append(float(match.group(1)))
            builds.append(float(match.group(2)))
            time.sleep(pause)
        load_after = [round(x, 2) for x in os.getloadavg()]
        if searched:
            # The index of the last edit: the server logs each index it swaps in, and says when
            # another run follows for edits made while it was made.
            _wait_for(log_path, r"search index updated[^\n]*up to date", position, 1800, process)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    clean = work / "clean"
    result = subprocess.run([str(docgen), "build", "--content", str(content), "--output", str(clean), "--quiet",
                             "--no-cache", "--jobs", str(jobs)] + ([] if search else ["--no-search"]),
                            capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise SystemExit(f"clean docgen build failed ({result.returncode}): {result.stderr[-2000:]}")
    return {
        "articles": len(articles), "edited": str(article.relative_to(content)), "search": searched,
        "first build s": first_build, "edits": edits,
        "reload ms median": statistics.median(latencies), "reload ms min": min(latencies),
        "reload ms max": max(latencies), "reload ms": latencies, "build ms": builds,
        "load average during edits": [load_before, load_after],
        "identical to clean build": same_tree(output, clean),
    }


def print_results(label: str, result: dict) -> None:
    median = result["reload ms median"]
    verdict = "PASS" if median < TARGET_MS else "FAIL"
    print(f"\n{label}: {result['articles']} articles, search {'on' if result['search'] else 'off'}, "
          f"first build {result['first build s']:.1f} s, {result['edits']} edits of {result['edited']}")
    print(f"  file event -> reload  median {median:6.1f} ms  (range {result['reload ms min']:.1f}-"
          f"{result['reload ms max']:.1f} ms; target < {TARGET_MS:.0f} ms) {verdict}")
    print(f"  of which build        median {statistics.median(result['build ms']):6.1f} ms")
    before, after = result["load average during edits"]
    print(f"  load average (1/5/15 min) {before} before the edits, {after} after, on {os.cpu_count()} CPUs")
    print(f"  served output byte-identical to a clean build: {'yes' if result['identical to clean build'] else 'NO'}")
