"""Whole-corpus checks of `docgen segments export|import` and `docgen diff`.

Uses the docgen binary in $DOCGEN_BIN (default .build/debug/docgen, relative to the repository)
and the shared corpus in ../shared/corpus; skips when either is missing. Run from the repository:

    DOCGEN_BIN=.build/debug/docgen python3 -m pytest Tests/tooling/test_translation.py
"""

import collections
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "fr-fr" / "partner-center"
BUNDLE = SHARED / "corpus" / "fr-fr-live-sxs.bundle"
SCHEMAS = SHARED / "schemas"
DOCGEN = Path(os.environ.get("DOCGEN_BIN", REPO / ".build" / "debug" / "docgen"))
if not DOCGEN.is_absolute():
    DOCGEN = REPO / DOCGEN

FORMATS = {"xliff2": "xlf", "xliff12": "xliff", "po": "po", "tmx": "tmx", "jsonl": "jsonl"}

# The segment pattern of the corpus, written independently of docgen's scanner.
SEGMENT = re.compile(
    r'<span data-ttu-id="([^"]+)">(.*?)</span>\s*<span class="sxs-lookup"><span data-stu-id="[^"]+">(.*?)</span></span>',
    re.S,
)


def require(tool):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")


@pytest.fixture(scope="session", autouse=True)
def inputs():
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    if not DOCGEN.exists():
        pytest.skip(f"no docgen binary at {DOCGEN}")


def run(*args, cwd=None, check=True):
    result = subprocess.run([str(DOCGEN), *map(str, args)], cwd=cwd, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"docgen {' '.join(map(str, args))} exited {result.returncode}:\n{result.stderr}")
    return result


@pytest.fixture(scope="session")
def exports(tmp_path_factory):
    root = tmp_path_factory.mktemp("exports")
    for name in FORMATS:
        run("segments", "export", "--content", CORPUS, "--format", name, "--output", root / name)
    return root


def files(root, name):
    found = sorted((root / name).rglob(f"*.{FORMATS[name]}"))
    assert found, f"no {name} files exported"
    return found


def corpus_articles_with_segments():
    return sorted(p for p in CORPUS.rglob("*.md") if SEGMENT.search(p.read_text(encoding="utf-8")))


def test_one_file_per_article_with_segments(exports):
    expected = {str(p.relative_to(CORPUS).with_suffix("")) for p in corpus_articles_with_segments()}
    for name, extension in FORMATS.items():
        got = {str(p.relative_to(exports / name).with_suffix("")) for p in files(exports, name)}
        assert got == expected, name


def xmllint(args, paths, env=None):
    require("xmllint")
    for start in range(0, len(paths), 100):
        batch = [str(p) for p in paths[start : start + 100]]
        result = subprocess.run(["xmllint", "--noout", "--nonet", *args, *batch], capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr[:3000]


def test_xliff2_validates(exports):
    xmllint(["--schema", SCHEMAS / "xliff2.0" / "xliff_core_2.0.xsd"], files(exports, "xliff2"))


def test_xliff12_validates(exports, tmp_path):
    # The XLIFF 1.2 schema imports xml.xsd from w3.org: a catalog maps it to the local copy.
    catalog = tmp_path / "catalog.xml"
    xml_xsd = (SCHEMAS / "xml" / "xml.xsd").as_uri()
    catalog.write_text(
        '<?xml version="1.0"?>\n<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n'
        f'  <system systemId="http://www.w3.org/2001/xml.xsd" uri="{xml_xsd}"/>\n'
        f'  <uri name="http://www.w3.org/2001/xml.xsd" uri="{xml_xsd}"/>\n</catalog>\n'
    )
    env = dict(os.environ, XML_CATALOG_FILES=str(catalog))
    xmllint(["--schema", SCHEMAS / "xliff" / "xliff-core-1.2-strict.xsd"], files(exports, "xliff12"), env=env)


def test_tmx_validates_against_dtd(exports):
    xmllint(["--dtdvalid", SCHEMAS / "tmx" / "tmx14.dtd"], files(exports, "tmx"))


def test_po_passes_msgfmt_check(exports):
    require("msgfmt")
    for path in files(exports, "po"):
        result = subprocess.run(["msgfmt", "--check", "-o", os.devnull, str(path)], capture_output=True, text=True)
        assert result.returncode == 0, f"{path}: {result.stderr}"


def test_translate_toolkit_loads_every_format(exports):
    pytest.importorskip("translate")
    from translate.storage import factory, po, tmx, xliff, xliff2

    corpus_total = sum(len(SEGMENT.findall(p.read_text(encoding="utf-8"))) for p in corpus_articles_with_segments())
    classes = {"xliff2": xliff2.Xliff2File, "xliff12": xliff.xlifffile, "po": po.pofile, "tmx": tmx.tmxfile}
    for name, cls in classes.items():
        total = 0
        for path in files(exports, name):
            with open(path, "rb") as handle:
                store = cls.parsefile(handle)
            units = [u for u in store.units if not u.isheader() and u.source]
            total += len(units)
            assert all(u.target is not None for u in units), path
        # Every segment is one unit (the few with an empty English text aside).
        assert abs(total - corpus_total) <= corpus_total * 0.001, (name, total, corpus_total)
    # The factory recognises the files by extension too.
    assert factory.getobject(str(files(exports, "po")[0])).units


def test_jsonl_lines_are_segments(exports):
    total = 0
    for path in files(exports, "jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert {"article", "key", "id", "source", "target", "state"} <= record.keys()
            total += 1
    assert total == sum(len(SEGMENT.findall(p.read_text(encoding="utf-8"))) for p in corpus_articles_with_segments())


@pytest.mark.parametrize("name", list(FORMATS))
def test_export_import_round_trip_is_byte_identical(tmp_path, name):
    copy = tmp_path / "content"
    shutil.copytree(CORPUS, copy)
    out = tmp_path / "export"
    run("segments", "export", "--content", copy, "--format", name, "--output", out)
    run("segments", "import", "--content", copy, *sorted(out.rglob("*.*")))
    for original in CORPUS.rglob("*"):
        if original.is_file():
            assert (copy / original.relative_to(CORPUS)).read_bytes() == original.read_bytes(), original


def test_import_of_an_edit_changes_only_that_target(tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(CORPUS, copy)
    out = tmp_path / "export"
    run("segments", "export", "--content", copy, "--format", "po", "--output", out)
    path = out / "account-structure.po"
    text = path.read_text(encoding="utf-8")
    first = re.search(r'msgctxt "([^"]+)"\nmsgid "([^"\n]*)"\nmsgstr "([^"\n]*)"', text)
    assert first, "no single-line entry"
    key, target = first.group(1), first.group(3)
    path.write_text(text.replace(first.group(0), first.group(0)[: -len(target) - 1] + 'Texte modifié"', 1), encoding="utf-8")
    run("segments", "import", "--content", copy, path)
    before = (CORPUS / "account-structure.md").read_text(encoding="utf-8")
    after = (copy / "account-structure.md").read_text(encoding="utf-8")
    assert after == before.replace(f'<span data-ttu-id="{key}">{target}</span>', f'<span data-ttu-id="{key}">Texte modifié</span>', 1)
    assert after != before
    # An export whose English no longer matches is refused and writes nothing.
    article = copy / "account-structure.md"
    article.write_text(after.replace(f'data-stu-id="{key}">', f'data-stu-id="{key}">Changed ', 1), encoding="utf-8")
    snapshot = article.read_bytes()
    refused = run("segments", "import", "--content", copy, path, check=False)
    assert refused.returncode == 1 and "docgen.import.source-mismatch" in refused.stderr
    assert article.read_bytes() == snapshot


def normalize(text):
    return " ".join(text.split())


def segments_at(repo, revision):
    """Article path -> list of (English, translation) at a revision, read with git directly."""
    listing = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", revision, "--", "partner-center"],
        cwd=repo, capture_output=True, text=True, check=True,
    ).stdout.split("\n")
    result = {}
    for path in filter(lambda p: p.endswith(".md"), listing):
        text = subprocess.run(["git", "show", f"{revision}:{path}"], cwd=repo, capture_output=True, check=True).stdout
        result[path[len("partner-center/") :]] = [
            (normalize(m.group(3)), normalize(m.group(2))) for m in SEGMENT.finditer(text.decode("utf-8", "replace"))
        ]
    return result


@pytest.fixture(scope="session")
def history(tmp_path_factory):
    if not BUNDLE.exists():
        pytest.skip("no history bundle")
    repo = tmp_path_factory.mktemp("history") / "fr"
    subprocess.run(["git", "clone", "-q", "-b", "live-sxs", str(BUNDLE), str(repo)], check=True)
    return repo


@pytest.mark.parametrize("steps", [1, 10])
def test_diff_between_real_revisions_matches_independent_count(history, steps):
    revisions = subprocess.run(
        ["git", "log", "--format=%H", "--", "partner-center"], cwd=history, capture_output=True, text=True, check=True
    ).stdout.split()
    new, old = revisions[0], revisions[steps]
    result = run("diff", "--git", old, new, "--content", "partner-center", "--format", "json", cwd=history, check=False)
    assert result.returncode == 1, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    summary_record = records[-1]["summary"]
    changes = records[:-1]
    counts = collections.Counter(c["status"] for c in changes)
    # Every segment is in the output, unchanged ones included, and the summary counts them.
    for status, number in counts.items():
        assert summary_record[status] == number, status

    before, after = segments_at(history, old), segments_at(history, new)
    old_total = sum(map(len, before.values()))
    new_total = sum(map(len, after.values()))
    # Independent count: English sentences present in both revisions of an article (as multisets).
    exact = sum(
        sum((collections.Counter(s for s, _ in before.get(a, [])) & collections.Counter(s for s, _ in after.get(a, []))).values())
        for a in set(before) | set(after)
    )
    summary = result.stderr.strip().splitlines()[-1]
    unchanged = int(summary.split(" unchanged")[0])
    assert unchanged == counts["unchanged"]
    paired_exact = unchanged + counts["target-changed"]
    print(f"\n{old[:7]}..{new[:7]}: docgen {summary}; python: {old_total} old, {new_total} new, {exact} same English")
    # Every old segment is paired or removed, every new one paired or added.
    paired = paired_exact + counts["source-changed"] + counts["markup-only"]
    assert paired + counts["removed"] == old_total
    assert paired + counts["added"] == new_total
    assert summary_record["old"] == old_total and summary_record["new"] == new_total
    # Moves included, docgen pairs exactly the multiset intersection of the English per article.
    assert paired_exact == exact
    # No English sentence is both removed and added in one article: that would be a missed move.
    for article in {c["article"] for c in changes}:
        removed = {normalize(c["oldSource"]) for c in changes if c["article"] == article and c["status"] == "removed"}
        added = {normalize(c["newSource"]) for c in changes if c["article"] == article and c["status"] == "added"}
        assert not (removed & added), (article, removed & added)
    # Stale flags only on English changes (words or markup) whose translation stayed.
    for change in changes:
        if change["stale"]:
            assert change["status"] in ("source-changed", "markup-only")
            assert normalize(change["oldTarget"]) == normalize(change["newTarget"])
        if change["moved"]:
            assert change["status"] in ("unchanged", "target-changed")
