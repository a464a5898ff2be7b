"""Deterministic output proved across processes: the real corpus built by separate docgen
processes, with one worker and with two, gives byte-identical sites (STYLE: determinism is
proved across processes; issue 9: any order of work, any number of cores)."""
import filecmp
import os
import subprocess
import tempfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOCGEN = os.environ.get("DOCGEN_BIN", os.path.join(ROOT, ".build", "debug", "docgen"))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "fr-fr", "partner-center")


def build(jobs):
    out = os.path.join(tempfile.mkdtemp(prefix="docgen-det-"), "site")
    result = subprocess.run(
        [DOCGEN, "build", "--content", CORPUS, "--output", out, "--templates", os.path.join(ROOT, "Templates"),
         "--quiet", "--jobs", str(jobs)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    return out


def tree(folder):
    files = []
    for directory, _, names in os.walk(folder):
        files += [os.path.relpath(os.path.join(directory, name), folder) for name in names]
    return sorted(files)


@pytest.mark.skipif(not os.path.isdir(CORPUS), reason="the shared corpus is not next to the repository")
def test_separate_processes_and_worker_counts_write_identical_sites():
    one, two, again = build(1), build(2), build(2)
    files = tree(one)
    assert len(files) > 1000 and tree(two) == files and tree(again) == files
    for other in (two, again):
        _, mismatch, errors = filecmp.cmpfiles(one, other, files, shallow=False)
        assert not mismatch and not errors, f"differing files: {(mismatch + errors)[:5]}"
