"""The output folder as real processes meet it (issue 14, output integrity): builds into one
output at once never publish a site missing files; a build killed at any step of the swap leaves
a complete site (or, where the filesystem cannot exchange folders, the previous site aside for
the next build to put back); SIGINT and SIGTERM remove the staging folder; an exit-1 build
publishes by default and leaves the previous site with --keep-on-error, as --help says.

The build is stopped at a named step with DOCGEN_TEST_STOP_AT / DOCGEN_TEST_WAIT_AT (it prints
"docgen: test checkpoint NAME" there); DOCGEN_TEST_NO_EXCHANGE=1 takes the two-rename fallback."""
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOCGEN = os.environ.get("DOCGEN_BIN", os.path.join(ROOT, ".build", "debug", "docgen"))
TEMPLATES = os.path.join(ROOT, "Templates")
CONTENT = os.path.join(ROOT, "Content")
FAILING = os.path.join(ROOT, "Tests", "DocGenSiteTests", "Fixtures", "invalid", "segment-unclosed", "content")


def command(content, out, *extra):
    return [DOCGEN, "build", "--content", content, "--output", out, "--templates", TEMPLATES, "--quiet", *extra]


def build(content, out, *extra, env=None):
    return subprocess.run(command(content, out, *extra), capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def start(content, out, *extra, env=None):
    """A build running in the background, once it has reached its checkpoint."""
    process = subprocess.Popen(command(content, out, *extra), stderr=subprocess.PIPE, text=True,
                               env={**os.environ, **(env or {})})
    line = process.stderr.readline()
    assert "test checkpoint" in line, line
    return process


def snapshot(folder):
    files = {}
    for directory, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            with open(path, "rb") as f:
                files[os.path.relpath(path, folder)] = f.read()
    return files


def _exists(path, folder):
    try:
        os.stat(path, dir_fd=folder)
        return True
    except FileNotFoundError:
        return False


def complete(out):
    """The site is whole: every file its manifest lists is there, and the pages a reader needs.
    The folder is opened once and read through that handle, so the manifest and the files are
    of one site. A swap during the check moves that site aside and the build then deletes it: a
    file missing from a folder that is no longer the output says nothing about what a reader of
    the output sees (each request resolves the path anew), so the check is made again."""
    for _ in range(50):
        folder = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
        try:
            try:
                with open(os.open(".docgen-manifest", os.O_RDONLY, dir_fd=folder)) as f:
                    listed = [line for line in f.read().splitlines() if line]
            except FileNotFoundError:
                if os.fstat(folder).st_ino != os.stat(out).st_ino:
                    continue  # (the finally closes the handle)
                raise
            missing = [p for p in listed if not _exists(p, folder)]
            replaced = missing and os.fstat(folder).st_ino != os.stat(out).st_ino
        finally:
            os.close(folder)
        if not replaced:
            break
    assert not missing, missing[:5]
    for page in ("index.html", "fr/index.html", "en/index.html", "assets/docgen.css"):
        assert page in listed, page
    return listed


def beside(out):
    """What sits beside the output, apart from the output, its lock and its build cache."""
    name = os.path.basename(out)
    kept = (name, f".{name}.docgen-lock", f".{name}.docgen-cache")
    return sorted(e for e in os.listdir(os.path.dirname(out)) if e not in kept)


def stopped(process):
    for _ in range(200):
        with open(f"/proc/{process.pid}/stat") as f:
            if f.read().rsplit(")", 1)[1].split()[0] == "T":
                return
        time.sleep(0.02)
    raise AssertionError("the build did not stop at its checkpoint")


@pytest.fixture
def sites():
    """An output built from Content (`old`), and a second content folder with one more article."""
    work = tempfile.mkdtemp(prefix="docgen-integrity-")
    out = os.path.join(work, "public", "site")
    assert build(CONTENT, out).returncode == 0
    newer = os.path.join(work, "newer")
    shutil.copytree(CONTENT, newer)
    with open(os.path.join(newer, "added.md"), "w") as f:
        f.write("---\ntitle: Ajout\n---\n# Ajout\n\nTexte ajouté.\n")
    yield out, snapshot(out), newer
    shutil.rmtree(work, ignore_errors=True)


def test_concurrent_builds_never_publish_a_site_missing_files(sites):
    out, _, newer = sites
    problems = []
    done = threading.Event()

    def read():
        # A reader of the output during the builds: it must always find a whole site.
        while not done.is_set():
            try:
                complete(out)
            except (AssertionError, FileNotFoundError) as error:
                problems.append(repr(error))
            time.sleep(0.005)

    reader = threading.Thread(target=read)
    reader.start()
    waited = 0
    try:
        for attempt in range(4):
            builds = [subprocess.Popen(command(CONTENT if i % 2 else newer, out), stderr=subprocess.PIPE, text=True)
                      for i in range(3)]
            for process in builds:
                _, err = process.communicate(timeout=120)
                assert process.returncode == 0, err
                waited += "waiting for it to finish" in err
            complete(out)
            assert beside(out) == [], beside(out)
    finally:
        done.set()
        reader.join()
    assert problems == []
    assert waited > 0, "the builds never overlapped, so this test proved nothing"


def test_a_second_build_waits_for_the_first_or_is_refused_with_no_wait(sites):
    out, before, newer = sites
    first = start(newer, out, env={"DOCGEN_TEST_STOP_AT": "swap"})
    stopped(first)
    refused = build(CONTENT, out, "--no-wait")
    assert refused.returncode == 1
    assert "[docgen.build.output-busy]" in refused.stderr and str(first.pid) in refused.stderr
    second = subprocess.Popen(command(CONTENT, out), stderr=subprocess.PIPE, text=True)
    waiting = second.stderr.readline()
    assert f"process {first.pid}" in waiting and "waiting for it to finish" in waiting, waiting
    time.sleep(0.5)
    assert second.poll() is None, "the second build must wait while the first holds the output"
    assert snapshot(out) == before
    os.kill(first.pid, signal.SIGCONT)
    assert first.wait(timeout=60) == 0
    assert second.wait(timeout=60) == 0
    complete(out)
    assert snapshot(out) == before  # the second build (Content) published last
    assert beside(out) == []


@pytest.mark.parametrize("step,no_exchange", [
    ("swap", False), ("swapped", False), ("swap", True), ("between-renames", True), ("swapped", True),
])
def test_a_build_killed_at_any_step_leaves_a_complete_site_and_the_next_build_recovers(sites, step, no_exchange):
    out, before, newer = sites
    env = {"DOCGEN_TEST_STOP_AT": step, **({"DOCGEN_TEST_NO_EXCHANGE": "1"} if no_exchange else {})}
    process = start(newer, out, env=env)
    stopped(process)
    process.kill()
    process.wait()
    if step == "between-renames":
        # Only where the filesystem refuses the exchange: the previous site waits beside the output.
        assert not os.path.exists(out)
        assert any(".docgen-old-" in e for e in beside(out))
    else:
        complete(out)
        assert ("fr/added.html" in snapshot(out)) == (step == "swapped")
    # The next build fails and keeps the output: whatever it finds is put right, nothing deleted first.
    kept = build(FAILING, out, "--keep-on-error")
    assert kept.returncode == 1, kept.stderr
    complete(out)
    if step != "swapped":
        assert snapshot(out) == before
    assert beside(out) == []
    assert build(CONTENT, out).returncode == 0
    assert snapshot(out) == before


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_sigint_and_sigterm_remove_the_staging_folder(sites, signum):
    out, before, newer = sites
    process = start(newer, out, env={"DOCGEN_TEST_WAIT_AT": "swap"})
    assert any(".docgen-new-" in e for e in beside(out))
    process.send_signal(signum)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 128 + signum, err
    assert "[docgen.build.interrupted]" in err
    assert beside(out) == []
    assert snapshot(out) == before


def test_exit_one_publishes_by_default_and_keep_on_error_keeps_the_previous_site(sites):
    out, before, _ = sites
    kept = build(FAILING, out, "--keep-on-error")
    assert kept.returncode == 1
    assert "[docgen.segment.unclosed]" in kept.stderr and "left as it was" in kept.stderr
    assert snapshot(out) == before
    published = build(FAILING, out)
    assert published.returncode == 1
    assert os.path.exists(os.path.join(out, "fr", "bad.html"))
    assert not os.path.exists(os.path.join(out, "fr", "work-account-and-partner-center.html"))
    complete(out)


def test_help_says_what_an_exit_one_build_does_to_the_output():
    result = subprocess.run([DOCGEN, "build", "--help"], capture_output=True, text=True)
    text = " ".join(result.stdout.split())
    assert "--keep-on-error" in text and "--no-wait" in text
    assert "exit status 1) still publishes its site" in text
    assert "leaves the previous output exactly as it was" in text
