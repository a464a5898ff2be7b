"""Shared by every Python suite: the temporary folders the tests make (``tempfile.mkdtemp`` and the
like) go into one folder for the session, removed when the session ends."""

import shutil
import tempfile


def pytest_configure(config):
    config.docgen_temp_root = tempfile.mkdtemp(prefix="docgen-pytest-")
    tempfile.tempdir = config.docgen_temp_root


def pytest_unconfigure(config):
    root = getattr(config, "docgen_temp_root", None)
    tempfile.tempdir = None
    if root:
        shutil.rmtree(root, ignore_errors=True)
