"""Real CAT-tool round trips on copies of corpus articles: files saved by translate-toolkit
(its XLIFF 1.2 and 2.0 stores, po2xliff, xliff2po, pot2po), re-encoded as UTF-16, renamed, or
emptied come back with every changed byte accounted for, or are refused with a non-zero exit.
Also: export refuses to overwrite edited files, `export --since`, `diff` JSON, `check` JSON and
accepted findings.

    DOCGEN_BIN=.build/debug/docgen python3 -m pytest Tests/tooling/test_translation_tools.py
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "fr-fr" / "partner-center"
BUNDLE = REPO.parent / "shared" / "corpus" / "fr-fr-live-sxs.bundle"
DOCGEN = Path(os.environ.get("DOCGEN_BIN", REPO / ".build" / "debug" / "docgen"))
if not DOCGEN.is_absolute():
    DOCGEN = REPO / DOCGEN

ARTICLES = ["account-structure.md", "billing-basics.md", "use-the-reconciliation-files.md"]
SEGMENT = re.compile(r'<span data-ttu-id="([^"]+)">(.*?)</span><span class="sxs-lookup"><span data-stu-id="[^"]+">(.*?)</span></span>', re.S)


@pytest.fixture(scope="module", autouse=True)
def inputs():
    if not CORPUS.is_dir() or not DOCGEN.exists():
        pytest.skip("corpus or docgen binary missing")
    pytest.importorskip("translate")


def run(*args, check=True, cwd=None):
    result = subprocess.run([str(DOCGEN), *map(str, args)], capture_output=True, text=True, cwd=cwd)
    if check and result.returncode != 0:
        raise AssertionError(f"docgen {' '.join(map(str, args))} exited {result.returncode}:\n{result.stderr[-3000:]}")
    return result


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    for name in ARTICLES:
        shutil.copy(CORPUS / name, folder / name)
    return folder


def export(content, fmt, out):
    run("segments", "export", "--content", content, "--format", fmt, "--output", out)
    return out


def changed_targets(before, after):
    """(id, old target, new target) of every segment whose target changed; asserts nothing else did."""
    old, new = SEGMENT.findall(before), SEGMENT.findall(after)
    assert [(i, s) for i, _, s in old] == [(i, s) for i, _, s in new]
    assert SEGMENT.sub("", before) == SEGMENT.sub("", after), "bytes outside the targets changed"
    return [(a[0], a[1], b[1]) for a, b in zip(old, new) if a[1] != b[1]]


def first_plain_unit(article):
    """The id and English of a segment whose halves are plain text (no Markdown, no entities)."""
    for ident, target, source in SEGMENT.findall((CORPUS / article).read_text(encoding="utf-8")):
        if re.fullmatch(r"[A-Za-z ,.'’-]{12,}", source) and re.fullmatch(r"[^*_`\[\]<>&\\\n]{12,}", target):
            return ident, source, target
    raise AssertionError("no plain segment")


def test_translate_toolkit_saved_xliff2_and_xliff12_import_the_edit_only(content, tmp_path):
    from translate.storage import xliff, xliff2

    ident, source, target = first_plain_unit("account-structure.md")
    for fmt, cls, name in [("xliff2", xliff2.Xliff2File, "x2"), ("xliff12", xliff.xlifffile, "x12")]:
        out = export(content, fmt, tmp_path / name)
        path = next(out.glob("account-structure.*"))
        store = cls.parsefile(open(path, "rb"))
        unit = next(u for u in store.units if u.getid().split("\x04")[-1] == ident)
        unit.target = "Traduction revue par l’outil"
        saved = tmp_path / f"saved-{name}.xlf"  # a 1.2 file named .xlf too
        saved.write_bytes(bytes(store))
        before = (content / "account-structure.md").read_text(encoding="utf-8")
        run("segments", "import", "--content", content, saved)
        after = (content / "account-structure.md").read_text(encoding="utf-8")
        expected_before = target if name == "x2" else "Traduction revue par l’outil"
        expected = [(ident, target, "Traduction revue par l’outil")] if name == "x2" else []
        # The second file sets the same translation again: nothing more changes.
        assert changed_targets(before, after) == expected, (name, expected_before)


def test_po2xliff_xliff2po_pot2po_come_back(content, tmp_path):
    ident, source, target = first_plain_unit("billing-basics.md")
    po = export(content, "po", tmp_path / "po") / "billing-basics.po"
    text = po.read_text(encoding="utf-8")
    entry = f'msgctxt "{ident}"\nmsgid "{source}"\nmsgstr "{target}"'
    assert entry in text
    po.write_text(text.replace(entry, entry.replace(f'msgstr "{target}"', 'msgstr "Modifié via po2xliff"')), encoding="utf-8")
    converted = tmp_path / "p2x.xlf"
    subprocess.run(["po2xliff", str(po), str(converted)], check=True, capture_output=True)
    before = (content / "billing-basics.md").read_text(encoding="utf-8")
    run("segments", "import", "--content", content, converted)
    after = (content / "billing-basics.md").read_text(encoding="utf-8")
    assert changed_targets(before, after) == [(ident, target, "Modifié via po2xliff")]

    # xliff2po: no msgctxt, no header naming the article; the file name and the English decide.
    x12 = export(content, "xliff12", tmp_path / "x12") / "billing-basics.xliff"
    out = tmp_path / "x2p" / "billing-basics.po"
    out.parent.mkdir()
    subprocess.run(["xliff2po", str(x12), str(out)], check=True, capture_output=True)
    po_text = out.read_text(encoding="utf-8")
    assert "msgctxt" not in po_text or 'msgctxt ""' in po_text
    po_text = po_text.replace('msgstr "Modifié via po2xliff"', 'msgstr "Modifié via xliff2po"', 1)
    out.write_text(po_text, encoding="utf-8")
    run("segments", "import", "--content", content, out)
    final = (content / "billing-basics.md").read_text(encoding="utf-8")
    assert changed_targets(after, final) == [(ident, "Modifié via po2xliff", "Modifié via xliff2po")]

    # pot2po: the export as a template, merged with the translations.
    merged = tmp_path / "p2p" / "billing-basics.po"
    merged.parent.mkdir()
    fresh = export(content, "po", tmp_path / "po2") / "billing-basics.po"
    template = tmp_path / "billing-basics.pot"
    shutil.copy(fresh, template)
    subprocess.run(["pot2po", "-t", str(fresh), str(template), str(merged)], check=True, capture_output=True)
    result = run("segments", "import", "--content", content, merged)
    assert "0 segments changed" in result.stderr
    assert (content / "billing-basics.md").read_text(encoding="utf-8") == final


def test_utf16_renamed_and_empty_files(content, tmp_path):
    out = export(content, "xliff2", tmp_path / "x2")
    original = out / "account-structure.xlf"
    utf16 = tmp_path / "utf16.dat"
    utf16.write_bytes(original.read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    before = (content / "account-structure.md").read_bytes()
    result = run("segments", "import", "--content", content, utf16)
    assert "0 segments changed" in result.stderr
    assert (content / "account-structure.md").read_bytes() == before

    empty = tmp_path / "account-structure.xlf"
    empty.write_text(re.sub(r"<unit .*?</unit>\n", "", original.read_text(encoding="utf-8"), flags=re.S).replace(
        '<file id="f1"', '<file id="f1"'), encoding="utf-8")
    refused = run("segments", "import", "--content", content, empty, check=False)
    assert refused.returncode == 1 and "docgen.import.no-units" in refused.stderr

    # Every target emptied (a tool that drops <target>): nothing is erased.
    emptied = tmp_path / "emptied.xlf"
    emptied.write_text(re.sub(r"<target>.*?</target>", "<target/>", original.read_text(encoding="utf-8"), flags=re.S), encoding="utf-8")
    kept = run("segments", "import", "--content", content, emptied)
    assert "0 segments changed" in kept.stderr and "untranslated kept" in kept.stderr
    assert (content / "account-structure.md").read_bytes() == before


def test_export_refuses_to_overwrite_edited_files(content, tmp_path):
    out = export(content, "po", tmp_path / "po")
    export(content, "po", out)  # unchanged files may be replaced
    edited = out / "account-structure.po"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# translator's note\n", encoding="utf-8")
    refused = run("segments", "export", "--content", content, "--format", "po", "--output", out, check=False)
    assert refused.returncode == 1 and "docgen.export.edited-output" in refused.stderr
    assert edited.read_text(encoding="utf-8").endswith("# translator's note\n")
    run("segments", "export", "--content", content, "--format", "po", "--output", out, "--force")
    assert not edited.read_text(encoding="utf-8").endswith("# translator's note\n")


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    if not BUNDLE.exists():
        pytest.skip("no history bundle")
    repo = tmp_path_factory.mktemp("history") / "fr"
    subprocess.run(["git", "clone", "-q", "-b", "live-sxs", str(BUNDLE), str(repo)], check=True)
    return repo


def test_export_since_a_revision_has_only_changed_english(history, tmp_path):
    revisions = subprocess.run(["git", "log", "--format=%H", "--", "partner-center"], cwd=history,
                               capture_output=True, text=True, check=True).stdout.split()
    old = revisions[10]
    out = tmp_path / "since"
    run("segments", "export", "--content", "partner-center", "--format", "xliff2", "--output", out, "--since", old,
        cwd=history)
    diff = run("diff", "--git", old, "HEAD", "--content", "partner-center", "--format", "json", cwd=history, check=False)
    records = [json.loads(line) for line in diff.stdout.splitlines()]
    wanted = [r for r in records[:-1] if r["status"] in ("added", "source-changed", "markup-only")]
    units = sum(f.read_text(encoding="utf-8").count("<unit ") for f in out.rglob("*.xlf"))
    assert units == len(wanted) > 0
    stale = sum(1 for r in wanted if r["stale"])
    exported_stale = sum(f.read_text(encoding="utf-8").count('subState="docgen:stale"') for f in out.rglob("*.xlf"))
    assert exported_stale == stale


def test_check_json_and_accepting_a_finding(tmp_path):
    content = tmp_path / "c"
    shutil.copytree(CORPUS / "announcements", content)
    first = run("check", "--translations", "--content", content, "--format", "json")
    records = [json.loads(line) for line in first.stdout.splitlines()]
    summary = records[-1]["summary"]
    findings = records[:-1]
    assert summary["findings"] == len(findings) > 0
    assert all(f["source"] is not None and f["target"] is not None for f in findings)
    one = findings[0]
    run("check", "--translations", "--content", content, "--accept",
        f"{one['path']}:{one['segment']}:{one['identifier']}")
    again = [json.loads(line) for line in run("check", "--translations", "--content", content, "--format", "json").stdout.splitlines()]
    assert again[-1]["summary"]["accepted"] == 1
    assert again[-1]["summary"]["findings"] == len(findings) - 1
