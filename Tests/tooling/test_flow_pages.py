"""The seed flow inside the built default site: it replaces the picture in both seed articles,
is offered in English on the English page of the French-only article, and its static node pages
can be walked to every node by following links only (no script), in both languages."""
import os
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from urllib.parse import urljoin, urlparse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOCGEN = os.environ.get("DOCGEN_BIN", os.path.join(ROOT, ".build", "debug", "docgen"))


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.scripts = [], 0

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href"):
            self.hrefs.append(dict(attrs)["href"])


def build():
    work = tempfile.mkdtemp(prefix="docgen-flow-site-")
    out = os.path.join(work, "site")
    result = subprocess.run(
        [DOCGEN, "build", "--content", os.path.join(ROOT, "Content"), "--output", out,
         "--templates", os.path.join(ROOT, "Templates")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return work, out, result.stderr


def test_flow_replaces_the_picture_and_walks_without_javascript():
    work, out, log = build()
    try:
        assert "onboardingAADFlow.png" not in log, "an image replaced by a flow is not a missing image"
        flow_dir = os.path.join(ROOT, "Content", "flows", "onboardingAADFlow.yml")
        node_ids = re.findall(r"^\s*- id:\s*([\w-]+)", open(flow_dir, encoding="utf-8").read(), re.M)
        assert len(node_ids) >= 8
        for lang in ("fr", "en"):
            page = open(os.path.join(out, lang, "work-account-and-partner-center.html"), encoding="utf-8").read()
            assert 'class="docgen-flow"' in page, lang
            assert 'lang="%s"' % lang in page
            # Walk the static node pages from the first one, following links only.
            start = os.path.join(out, lang, "flows", "onboardingAADFlow", node_ids[0] + ".html")
            seen, queue = set(), [start]
            while queue:
                path = queue.pop()
                if path in seen or not os.path.exists(path):
                    continue
                seen.add(path)
                parser = Links()
                parser.feed(open(path, encoding="utf-8").read())
                for href in parser.hrefs:
                    target = urlparse(urljoin("file://" + path, href)).path
                    if "/flows/onboardingAADFlow/" in target and target.endswith(".html"):
                        queue.append(target)
            reached = {os.path.basename(p)[:-5] for p in seen}
            assert reached == set(node_ids), (lang, set(node_ids) - reached)
    finally:
        shutil.rmtree(work, ignore_errors=True)
