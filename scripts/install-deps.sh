#!/usr/bin/env bash
# Installs what docgen needs on Debian/Ubuntu: libcmark-gfm for building, Pagefind (PyPI
# pagefind-bin-extended: the search index `docgen build` writes; the extended build also cuts
# Chinese and Japanese words), and with --test the tools the test suite drives (headless
# Chromium, xmllint, gettext, Python packages).
set -euo pipefail
# libcurl and libxml2 headers: docgen links the Swift runtime and Foundation into its binary
# (--static-swift-stdlib), and Foundation's networking and XML parts link against them.
want=(libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config libcurl4-openssl-dev libxml2-dev)
pip_want=(pagefind-bin-extended)
python3 -m pip --version >/dev/null 2>&1 || want+=(python3-pip)
if [[ "${1:-}" == "--test" ]]; then
  want+=(chromium chromium-driver libxml2-utils gettext python3-pip)
  pip_want+=(pytest selenium axe-selenium-python translate-toolkit lxml)
fi
missing=()
for pkg in "${want[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ((${#pip_want[@]})); then
  python3 -m pip install -q --disable-pip-version-check "${pip_want[@]}" 2>&1 | grep -v "running pip as the 'root'" || true
fi
