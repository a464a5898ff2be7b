"""Issue 9's targets, checked against the rows of one run, and docgen's page weight."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

from .report import exponent, print_grid

# The targets: docgen (both languages) against Hugo (one language) and the floor.
MAX_WALL_VS_HUGO = 0.5
MAX_WALL_VS_FLOOR = 8.0
MAX_RSS_VS_HUGO = 0.25
MAX_BYTES_VS_HUGO = 3.0
# "Growing linearly with the pages": the peak RSS exponent between two scales. A fixed base
# (binary, theme, caches) makes a linear process show an exponent below 1; above this is worse
# than linear.
MAX_RSS_EXPONENT = 1.1

ARTICLE_START = re.compile(rb'<article class="content"')
ARTICLE_TAG = re.compile(rb"<(/?)article\b")
SOURCES_START = b'<template id="seg-sources">'
SOURCES_END = b"</template>"


def element_span(page: bytes, start: int, tag: re.Pattern[bytes]) -> int:
    """Where the element opened at `start` ends (after its matching close tag), counting nesting."""
    depth = 0
    for match in tag.finditer(page, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return page.index(b">", match.end()) + 1
    return len(page)


def page_overhead(page: bytes) -> tuple[int, int]:
    """(bytes beyond the article's own HTML, bytes of the article's own HTML) of one docgen page.

    The article's own HTML is the `<article class="content" ...>...</article>` element and the
    `<template id="seg-sources">...</template>` that carries the other language's text. All
    the rest (head, header, sidebar, breadcrumbs, pager, footer, scripts) is overhead.
    """
    own = 0
    article = (0, 0)
    found = ARTICLE_START.search(page)
    if found:
        article = (found.start(), element_span(page, found.start(), ARTICLE_TAG))
        own += article[1] - article[0]
    start = page.find(SOURCES_START)
    if start >= 0 and not article[0] <= start < article[1]:  # counted once if it sits inside the article
        end = page.find(SOURCES_END, start)
        end = len(page) if end < 0 else end + len(SOURCES_END)
        own += end - start
    return len(page) - own, own


def page_weight(output: Path, articles: list[str]) -> dict | None:
    """Average overhead of docgen's fr/ and en/ article pages (the files of the last timed run)."""
    overheads, owns = [], []
    for article in articles:
        for language in ("fr", "en"):
            path = output / language / f"{article[:-3]}.html"
            try:
                page = path.read_bytes()
            except OSError:
                continue
            overhead, own = page_overhead(page)
            overheads.append(overhead)
            owns.append(own)
    if not overheads:
        return None
    return {
        "pages": len(overheads),
        "mean_overhead_bytes": round(statistics.mean(overheads)),
        "median_overhead_bytes": round(statistics.median(overheads)),
        "max_overhead_bytes": max(overheads),
        "mean_article_bytes": round(statistics.mean(owns)),
    }


def check_targets(rows: list[dict], docgen: str, hugo: str, floor: str) -> list[dict]:
    """One entry per corpus and scale (and per pair of scales for memory growth)."""
    by_key = {(r["corpus"], r["scale"], r["tool"]): r for r in rows}
    checks = []

    def add(corpus: str, scale: str, target: str, value: float | None, limit: float, shown: str) -> None:
        status = "n/a" if value is None else ("PASS" if value <= limit else "FAIL")
        checks.append({"corpus": corpus, "scale": scale, "target": target, "value": None if value is None else
                       round(value, 3), "limit": limit, "status": status, "shown": shown})

    corpora = list(dict.fromkeys(r["corpus"] for r in rows))
    for corpus in corpora:
        scales = sorted({r["scale"] for r in rows if r["corpus"] == corpus})
        for scale in scales:
            d = by_key.get((corpus, scale, docgen))
            if d is None:
                continue
            h = by_key.get((corpus, scale, hugo))
            f = by_key.get((corpus, scale, floor))
            label = f"{scale}x"

            def ratio(mine: float, theirs: dict | None, key: str) -> tuple[float | None, str]:
                if theirs is None or not theirs[key]:
                    return None, "no row"
                value = mine / theirs[key]
                return value, f"{value:.2f}x"

            value, shown = ratio(d["median_s"], h, "median_s")
            add(corpus, label, f"wall <= {MAX_WALL_VS_HUGO}x hugo (1 lang)", value, MAX_WALL_VS_HUGO,
                f"{shown} ({d['median_s']:.2f} s / {h['median_s']:.2f} s)" if h else shown)
            value, shown = ratio(d["median_s"], f, "median_s")
            add(corpus, label, f"wall <= {MAX_WALL_VS_FLOOR:.0f}x floor", value, MAX_WALL_VS_FLOOR,
                f"{shown} ({d['median_s']:.2f} s / {f['median_s']:.2f} s)" if f else shown)
            value, shown = ratio(d["peak_rss_mb"], h, "peak_rss_mb")
            add(corpus, label, f"peak RSS <= {MAX_RSS_VS_HUGO}x hugo", value, MAX_RSS_VS_HUGO,
                f"{shown} ({d['peak_rss_mb']:.0f} MB / {h['peak_rss_mb']:.0f} MB)" if h else shown)
            value, shown = ratio(d["output_bytes"], h, "output_bytes")
            add(corpus, label, f"output bytes <= {MAX_BYTES_VS_HUGO:.0f}x hugo", value, MAX_BYTES_VS_HUGO,
                f"{shown} ({d['output_bytes'] / 1e6:.1f} MB / {h['output_bytes'] / 1e6:.1f} MB; HTML only "
                f"{d['html_bytes'] / max(h['html_bytes'], 1):.2f}x)" if h else shown)
        for small, big in zip(scales, scales[1:]):
            a, b = by_key.get((corpus, small, docgen)), by_key.get((corpus, big, docgen))
            if a and b:
                value = exponent(a["peak_rss_mb"], b["peak_rss_mb"], big / small)
                add(corpus, f"{small}x->{big}x", f"peak RSS exponent <= {MAX_RSS_EXPONENT}", value,
                    MAX_RSS_EXPONENT, f"{value:.2f} ({a['peak_rss_mb']:.0f} -> {b['peak_rss_mb']:.0f} MB)")
    return checks


def print_targets(checks: list[dict]) -> None:
    if not checks:
        return
    print("\nIssue 9 targets (docgen, both languages; medians):")
    print_grid(["corpus", "scale", "target", "measured", "result"],
               [[c["corpus"], c["scale"], c["target"], c["shown"], c["status"]] for c in checks], {0, 2, 3})


def speedups(rows: list[dict], one_worker: str, two_workers: str) -> list[dict]:
    """docgen's wall time with 1 worker over its time with 2, where both were timed."""
    by_key = {(r["corpus"], r["scale"], r["tool"]): r for r in rows}
    found = []
    for (corpus, scale, tool), row in by_key.items():
        other = by_key.get((corpus, scale, two_workers))
        if tool == one_worker and other:
            found.append({"corpus": corpus, "scale": scale, "jobs_1_s": row["median_s"],
                          "jobs_2_s": other["median_s"], "speedup": round(row["median_s"] / other["median_s"], 3),
                          "cpu_jobs_1_s": row["cpu_median_s"], "cpu_jobs_2_s": other["cpu_median_s"]})
    return found


def print_speedups(found: list[dict]) -> None:
    for s in found:
        print(f"  speed-up 1 -> 2 workers, {s['corpus']} {s['scale']}x: {s['jobs_1_s']:.2f} s / {s['jobs_2_s']:.2f} s "
              f"= x{s['speedup']:.2f} (CPU {s['cpu_jobs_1_s']:.2f} s vs {s['cpu_jobs_2_s']:.2f} s)")


def print_page_weights(weights: list[dict]) -> None:
    for w in weights:
        print(f"  page weight, {w['corpus']} {w['scale']}x: {w['mean_overhead_bytes'] / 1000:.1f} KB on average beyond "
              f"the article's own HTML (median {w['median_overhead_bytes'] / 1000:.1f} KB, max "
              f"{w['max_overhead_bytes'] / 1000:.1f} KB; own HTML {w['mean_article_bytes'] / 1000:.1f} KB) "
              f"over {w['pages']} fr/ and en/ article pages")
