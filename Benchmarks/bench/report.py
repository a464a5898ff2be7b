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
        "warnings": tool.warnings,
        "errors": tool.errors,
        "stage_median_s": {k: round(statistics.median(v), 3) for k, v in tool.stages.items()},
        "command": tool.command(),
        "notes": tool.notes,
    }


def print_table(rows: list[dict]) -> None:
    headers = ["tool", "version", "scale", "langs", "runs", "median s", "min s", "max s", "CPU s",
               "pages", "article pages", "pages/s", "articles/s", "peak RSS MB"]
    table = [[
        r["tool"], r["version"], f"{r['scale']}x", str(r["languages"]), str(r["runs"]), f"{r['median_s']:.3f}",
        f"{r['min_s']:.3f}", f"{r['max_s']:.3f}", f"{r['cpu_median_s']:.2f}", str(r["pages"]),
        f"{r['article_pages']}/{r['article_pages_expected']}", f"{r['pages_per_s']:.1f}",
        f"{r['articles_per_s']:.1f}", f"{r['peak_rss_mb']:.1f}",
    ] for r in rows]
    widths = [max(len(h), *(len(row[i]) for row in table)) for i, h in enumerate(headers)]
    left = {0, 1}

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in table:
        print(line(row))


def print_details(rows: list[dict]) -> None:
    for r in rows:
        detail = f"  {r['tool']} {r['scale']}x: {r['warnings']} warnings, {r['errors']} errors"
        if r["stage_median_s"]:
            detail += "; stages (median s): " + ", ".join(f"{k} {v:.3f}" for k, v in r["stage_median_s"].items())
        print(detail)
        for note in r["notes"]:
            print(f"    note: {note}")


def print_scaling(rows: list[dict], scale: int) -> list[dict]:
    scaling = []
    by_key = {(r["tool"], r["scale"]): r for r in rows}
    print(f"\nScaling 1x -> {scale}x (time ratio {scale:.0f} and exponent 1.00 = linear; exponent 2.00 = quadratic):")
    for r in rows:
        if r["scale"] != 1 or (r["tool"], scale) not in by_key:
            continue
        big = by_key[(r["tool"], scale)]
        ratio = big["median_s"] / r["median_s"]
        exponent = math.log(ratio) / math.log(scale)
        per_page_small = 1000 * r["median_s"] / r["pages"]
        per_page_big = 1000 * big["median_s"] / big["pages"]
        print(f"  {r['tool']:<16} {r['median_s']:8.3f} s -> {big['median_s']:8.3f} s   x{ratio:5.2f}  "
              f"exponent {exponent:4.2f}   {per_page_small:.2f} -> {per_page_big:.2f} ms/page   "
              f"peak RSS {r['peak_rss_mb']:.0f} -> {big['peak_rss_mb']:.0f} MB")
        scaling.append({"tool": r["tool"], "time_ratio": round(ratio, 3), "exponent": round(exponent, 3),
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
