"""Shared by every Python suite: the temporary folders the tests make (``tempfile.mkdtemp`` and the
like) and those of the programs they start (Chromium's profiles, through ``TMPDIR``) go into one
folder for the session, removed when the session ends."""

import os
import shutil
import tempfile


def pytest_configure(config):
    config.docgen_temp_root = tempfile.mkdtemp(prefix="docgen-pytest-")
    config.docgen_saved_tmpdir = os.environ.get("TMPDIR")
    tempfile.tempdir = config.docgen_temp_root
    os.environ["TMPDIR"] = config.docgen_temp_root


def pytest_unconfigure(config):
    root = getattr(config, "docgen_temp_root", None)
    tempfile.tempdir = None
    saved = getattr(config, "docgen_saved_tmpdir", None)
    if saved is None:
        os.environ.pop("TMPDIR", None)
    else:
        os.environ["TMPDIR"] = saved
    if root:
        shutil.rmtree(root, ignore_errors=True)
