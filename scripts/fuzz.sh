#!/usr/bin/env bash
# Fuzzes docgen's readers of untrusted input with libFuzzer (not part of CI, which only replays
# the crashers kept under Tests/DocGenSiteTests/Fixtures/fuzz/).
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Targets (Fuzz/Targets/FuzzTargets.swift): frontmatter segments compile toc flow translation
# yamlpage html (default: all). Each runs for SECONDS_PER_TARGET (default 120) from seeds taken
# from the repository (and ../shared/corpus when present); its working corpus grows in
# .build-fuzz/corpus/<target>. A crasher lands in .build-fuzz/crashes/<target>/: copy it into
# Tests/DocGenSiteTests/Fixtures/fuzz/<target>/ (FuzzReplayTests replays every file there), fix
# the bug, and commit both.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(frontmatter segments compile toc flow translation yamlpage html)
scratch=${DOCGEN_FUZZ_SCRATCH:-$PWD/.build-fuzz}

DOCGEN_FUZZ=1 swift build -c release --scratch-path "$scratch" --product docgen-fuzz \
  -Xswiftc -sanitize=fuzzer,address
binary="$scratch/release/docgen-fuzz"
# The one allocation docgen leaves to libcmark-gfm on purpose (see the file) is not a finding.
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0"
# Let libFuzzer, not Swift's backtracer (which can hang under ASan), handle a crash and save its input.
export SWIFT_BACKTRACE=enable=no
corpus_root=../shared/corpus/fr-fr/partner-center

seed() {  # seed TARGET: copy a few inputs of the right kind into the target's corpus
  local dir="$scratch/corpus/$1"
  mkdir -p "$dir"
  local files=()
  case $1 in
    frontmatter|segments|compile)
      files=(Content/*.md Tests/DocGenSiteTests/Fixtures/everything/content/*.md)
      [[ -d $corpus_root ]] && files+=("$corpus_root"/pricing-and-offers.md "$corpus_root"/unable-to-sign-in.md) ;;
    toc) files=(Content/TOC.yml); [[ -d $corpus_root ]] && files+=("$corpus_root"/TOC.yml) ;;
    flow) files=(Content/flows/*.yml) ;;
    translation) mapfile -t files < <(find Tests/DocGenTranslationTests/Fixtures -type f \
      \( -name '*.xlf' -o -name '*.xliff' -o -name '*.po' -o -name '*.tmx' -o -name '*.jsonl' \) | head -30) ;;
    yamlpage) [[ -d $corpus_root ]] && mapfile -t files < <(grep -l "YamlMime" "$corpus_root"/*.yml | head -5) ;;
    html) printf '<img src=x onerror=y><a href="java&#x09;script:x">t</a><base href=//e>' >"$dir/seed-1"
          printf '<details open ontoggle=x><summary>s</summary></details><!-- c --><svg><set to="javascript:x"/></svg>' >"$dir/seed-2" ;;
  esac
  for file in "${files[@]}"; do
    [[ -f $file ]] && cp "$file" "$dir/seed-$(basename "$file")"
  done
  return 0
}

total=0
for target in "${targets[@]}"; do
  seed "$target"
  mkdir -p "$scratch/crashes/$target"
  echo "== $target: ${seconds}s"
  set +e
  DOCGEN_FUZZ_TARGET=$target "$binary" "$scratch/corpus/$target" \
    -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=4096 \
    -artifact_prefix="$scratch/crashes/$target/" -print_final_stats=1 2>&1 | grep -E "^(#[0-9]+ +DONE|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)" 
  set -e
  total=$((total + seconds))
done
echo "fuzzed ${#targets[@]} targets for ${total}s in all; crashers (if any):"
find "$scratch/crashes" -type f | sed 's/^/  /'
