"""A link crawler (PyPI linkchecker) over a build of the real corpus: every broken internal link
it finds must be one that docgen reported as a diagnostic for the article the page comes from."""
import csv
import os
import re
import shutil
import subprocess
import tempfile
import urllib.parse

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "fr-fr", "partner-center")
DOCGEN = os.environ.get("DOCGEN_BIN", os.path.join(ROOT, ".build", "debug", "docgen"))


@pytest.mark.skipif(not os.path.isdir(CORPUS), reason="../shared/corpus is not present")
@pytest.mark.skipif(shutil.which("linkchecker") is None, reason="linkchecker is not installed")
def test_crawler_finds_no_broken_internal_link_docgen_did_not_report():
    work = tempfile.mkdtemp(prefix="docgen-linkcheck-")
    site = os.path.join(work, "site")
    try:
        build = subprocess.run(
            [DOCGEN, "build", "--content", CORPUS, "--output", site, "--templates", os.path.join(ROOT, "Templates")],
            capture_output=True, text=True)
        assert build.returncode == 0, build.stderr[-2000:]
        reported = {}  # article path -> text of its diagnostics
        for line in build.stderr.splitlines():
            m = re.match(r"^(\S+?):\d+:\d+: (warning|error): (.*)$", line)
            if m:
                reported.setdefault(m.group(1), []).append(m.group(3))
        subprocess.run(["chmod", "-R", "a+rX", work], check=True)
        crawl = subprocess.run(
            ["linkchecker", "--no-warnings", "--ignore-url=^https?://", "--ignore-url=^mailto:", "-o", "csv",
             "file://" + os.path.join(site, "index.html")],
            capture_output=True, text=True, timeout=1200)
        rows = [r for r in csv.reader((l for l in crawl.stdout.splitlines() if not l.startswith("#")), delimiter=";")]
        header, rows = rows[0], rows[1:]
        col = {name: i for i, name in enumerate(header)}
        broken = [r for r in rows if r[col["valid"]] == "False"]
        checked = re.findall(r"(\d+) URLs? checked", crawl.stderr + crawl.stdout)
        assert checked and int(checked[-1]) > 1000, "the crawler should have followed the site's links"
        assert broken, "the corpus has broken links (missing images), so the crawler must find some"
        unreported = []
        for row in broken:
            parent = row[col["parentname"]]
            target = urllib.parse.unquote(row[col["urlname"]])
            rel = os.path.relpath(parent.replace("file://", ""), site)
            lang, _, page = rel.partition("/")
            stem = page[:-5] if page.endswith(".html") else page
            candidates = [stem + ".md", stem + ".yml"]
            texts = [t for c in candidates for t in reported.get(c, [])]
            base = target.split("#")[0]
            if not any(("'%s'" % target) in t or ("'%s'" % base) in t or base in t for t in texts):
                unreported.append((rel, target))
        assert not unreported, "broken links docgen did not report: %r" % unreported[:10]
    finally:
        shutil.rmtree(work, ignore_errors=True)
