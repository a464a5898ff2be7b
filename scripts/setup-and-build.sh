#!/usr/bin/env bash
# One command on a fresh machine: install what is needed, build docgen, build the default site.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
swift build -c release --static-swift-stdlib --product docgen
.build/release/docgen build --content Content --output Output "$@"
echo "Open Output/index.html in a browser (or serve Output/ with any static server)."
