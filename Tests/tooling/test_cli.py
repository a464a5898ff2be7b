"""The docgen command line as a user meets it: exit status, diagnostics format, --strict, --help,
and refusal of unsafe output folders."""
import os
import re
import shutil
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOCGEN = os.environ.get("DOCGEN_BIN", os.path.join(ROOT, ".build", "debug", "docgen"))
FIXTURES = os.path.join(ROOT, "Tests", "DocGenSiteTests", "Fixtures")
LINE = re.compile(r"^(\S+):(\d+):(\d+): (warning|error): .+ \[docgen\.[a-z.-]+\]$")


def run(*args):
    return subprocess.run([DOCGEN, *args], capture_output=True, text=True)


def build(content, *extra):
    out = os.path.join(tempfile.mkdtemp(prefix="docgen-cli-"), "site")
    result = run("build", "--content", content, "--output", out, "--templates", os.path.join(ROOT, "Templates"), *extra)
    return result, out


def test_warnings_exit_zero_and_strict_makes_them_errors():
    content = os.path.join(FIXTURES, "invalid", "link-missing-target", "content")
    result, _ = build(content)
    assert result.returncode == 0, result.stderr
    lines = [l for l in result.stderr.splitlines() if LINE.match(l)]
    assert lines and all("warning" in l for l in lines)
    assert lines[0].startswith("bad.md:6:")
    assert re.search(r"Built \d+ pages from 2 articles into .*: 0 errors, 1 warning\.", result.stderr)
    strict, _ = build(content, "--strict")
    assert strict.returncode == 1
    assert "error: link 'absent.md'" in strict.stderr


def test_errors_exit_one_and_every_page_is_still_written():
    result, out = build(os.path.join(FIXTURES, "invalid", "segment-unclosed", "content"))
    assert result.returncode == 1
    assert any(LINE.match(l) and "[docgen.segment.unclosed]" in l for l in result.stderr.splitlines())
    for page in ("fr/good.html", "en/good.html", "fr/bad.html", "en/bad.html"):
        assert os.path.exists(os.path.join(out, page)), page


def test_refuses_to_replace_what_it_did_not_write():
    work = tempfile.mkdtemp(prefix="docgen-cli-")
    try:
        with open(os.path.join(work, "keep.txt"), "w") as f:
            f.write("mine")
        result = run("build", "--content", os.path.join(ROOT, "Content"), "--output", work,
                     "--templates", os.path.join(ROOT, "Templates"))
        assert result.returncode == 1
        assert "[docgen.build.output-not-owned]" in result.stderr
        assert open(os.path.join(work, "keep.txt")).read() == "mine"
        inside = run("build", "--content", os.path.join(ROOT, "Content"), "--output", ROOT)
        assert inside.returncode == 1 and "[docgen.build.output-contains-content]" in inside.stderr
    finally:
        shutil.rmtree(work, ignore_errors=True)


def test_help_explains_the_build():
    result = run("build", "--help")
    assert result.returncode == 0
    for word in ("--content", "--output", "--strict", "--force", "Exit status"):
        assert word in result.stdout


def test_every_help_text_reads_as_plain_text():
    """Each command's --help: exit 0, and no escape left over from a Swift string literal (a `\\`
    meant as a line continuation, a `\\n` or `\\(`)."""
    for command in ("", "build", "serve", "check", "segments", "diff", "flow", "init"):
        result = run(*([command] if command else []), "--help")
        assert result.returncode == 0, command
        assert "USAGE:" in result.stdout, command
        assert "\\" not in result.stdout, (command, [l for l in result.stdout.splitlines() if "\\" in l])
