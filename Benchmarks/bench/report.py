"""Running the rounds, and the table, scaling summary and machine facts printed and saved."""

from __future__ import annotations

import math
import os
import platform
import statistics
from pathlib import Path

from .tools import Tool

def run_rounds(tools: list[Tool], runs: int, warmups: int, label: str) -> None:
    """Warm-ups, then `runs` rounds; each round runs every tool once, in a fixed order."""
    for index in range(warmups):
        for tool in tools:
            print(f"  [{label}] warm-up {index + 1}: {tool.name} ...", end="", flush=True)
            sample = tool.run_once(f"warmup{index + 1}")
            print(f" {sample.seconds:.2f} s", flush=True)
            tool.stages.clear()
    for index in range(runs):
        for tool in tools:
            print(f"  [{label}] run {index + 1}/{runs}: {tool.name} ...", end="", flush=True)
            sample = tool.run_once(f"run{index + 1}")
            tool.samples.append(sample)
            print(f" {sample.seconds:.2f} s", flush=True)


def summarize(tool: Tool, scale: int) -> dict:
    seconds = [s.seconds for s in tool.samples]
    median = statistics.median(seconds)
    return {
        "tool": tool.name,
        "version": tool.version,
        "corpus": tool.corpus,
        "scale": scale,
        "languages": tool.languages,
        "articles": len(tool.articles),
        "runs": len(seconds),
        "median_s": round(median, 3),
        "min_s": round(min(seconds), 3),
        "max_s": round(max(seconds), 3),
        "all_s": [round(s, 3) for s in seconds],
        "cpu_median_s": round(statistics.median(s.cpu_seconds for s in tool.samples), 3),
        "pages": tool.pages,
        "article_pages": tool.article_pages_found,
        "article_pages_expected": tool.article_pages_expected,
        "pages_per_s": round(tool.pages / median, 1),
        "articles_per_s": round(len(tool.articles) / median, 1),
        "peak_rss_mb": round(max(s.max_rss_kb for s in tool.samples) / 1024, 1),
        "output_bytes": tool.output_bytes,
        "html_bytes": tool.html_bytes,
        "warnings": tool.warnings,
        "errors": tool.errors,
        "stage_median_s": {k: round(statistics.median(v), 3) for k, v in tool.stages.items()},
        "command": tool.command(),
        "notes": tool.notes,
    }


def print_grid(headers: list[str], table: list[list[str]], left: set[int]) -> None:
    """A plain-text table: columns in `left` aligned left, the others right."""
    widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in table:
        print(line(row))


def megabytes(count: int) -> str:
    return f"{count / 1e6:.1f}"


def print_table(rows: list[dict]) -> None:
    headers = ["corpus", "scale", "tool", "version", "langs", "runs", "median s", "min s", "max s", "CPU s",
               "peak RSS MB", "out MB", "HTML MB", "pages", "article pages", "articles/s"]
    table = [[
        r["corpus"], f"{r['scale']}x", r["tool"], r["version"], str(r["languages"]), str(r["runs"]),
        f"{r['median_s']:.3f}", f"{r['min_s']:.3f}", f"{r['max_s']:.3f}", f"{r['cpu_median_s']:.2f}",
        f"{r['peak_rss_mb']:.1f}", megabytes(r["output_bytes"]), megabytes(r["html_bytes"]), str(r["pages"]),
        f"{r['article_pages']}/{r['article_pages_expected']}", f"{r['articles_per_s']:.1f}",
    ] for r in rows]
    print_grid(headers, table, {0, 2, 3})


def print_details(rows: list[dict]) -> None:
    for r in rows:
        detail = f"  {r['corpus']} {r['scale']}x {r['tool']}: {r['warnings']} warnings, {r['errors']} errors"
        if r["stage_median_s"]:
            detail += "; stages (median s): " + ", ".join(f"{k} {v:.3f}" for k, v in r["stage_median_s"].items())
        print(detail)
        for note in r["notes"]:
            print(f"    note: {note}")


def exponent(small: float, big: float, scale_ratio: float) -> float:
    """log(big / small) / log(scale ratio): 1.0 is linear growth, 2.0 quadratic."""
    return math.log(big / small) / math.log(scale_ratio)


def print_scaling(rows: list[dict]) -> list[dict]:
    """Time and peak RSS from each scale to the next, per corpus and tool."""
    scaling = []
    by_key = {(r["corpus"], r["tool"], r["scale"]): r for r in rows}
    pairs = []
    for r in rows:
        scales = sorted(s for (c, t, s) in by_key if c == r["corpus"] and t == r["tool"])
        pairs += [(by_key[(r["corpus"], r["tool"], a)], by_key[(r["corpus"], r["tool"], b)])
                  for a, b in zip(scales, scales[1:]) if a == r["scale"]]
    if not pairs:
        return scaling
    print("\nScaling (exponent log(t_big / t_small) / log(scale ratio): 1.00 = linear, 2.00 = quadratic):")
    for small, big in pairs:
        factor = big["scale"] / small["scale"]
        time_exponent = exponent(small["median_s"], big["median_s"], factor)
        rss_exponent = exponent(small["peak_rss_mb"], big["peak_rss_mb"], factor)
        per_page_small = 1000 * small["median_s"] / max(small["pages"], 1)
        per_page_big = 1000 * big["median_s"] / max(big["pages"], 1)
        print(f"  {small['corpus']} {small['scale']}x -> {big['scale']}x  {small['tool']:<16} "
              f"{small['median_s']:8.3f} s -> {big['median_s']:8.3f} s  exponent {time_exponent:4.2f}   "
              f"{per_page_small:.2f} -> {per_page_big:.2f} ms/page   peak RSS {small['peak_rss_mb']:.0f} -> "
              f"{big['peak_rss_mb']:.0f} MB  exponent {rss_exponent:4.2f}")
        scaling.append({"corpus": small["corpus"], "tool": small["tool"], "scales": [small["scale"], big["scale"]],
                        "time_ratio": round(big["median_s"] / small["median_s"], 3),
                        "time_exponent": round(time_exponent, 3), "rss_exponent": round(rss_exponent, 3),
                        "ms_per_page": [round(per_page_small, 3), round(per_page_big, 3)]})
    return scaling


def machine_info() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "cpu_model": cpu, "system": platform.platform(),
            "python": platform.python_version()}


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []
