#!/usr/bin/env bash
# Run one fuzz target, seeded from the test corpus, niced and on one core:
#   fuzz/run.sh <target> [seconds]      (default 600 seconds)
# Stable Rust works: no sanitizer (-s none), debug assertions and overflow checks on (-a).
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?"gebruik: fuzz/run.sh <target> [seconden]"}
secs=${2:-600}
corpus=../tests/corpus
seeds=corpus/$target-seeds
rm -rf "$seeds"
mkdir -p "$seeds" "corpus/$target"
max_len=16384
case $target in
  tokenizer | text_markdown | parts)
    cp "$corpus"/letters/* "$corpus"/formats/brief.txt "$corpus"/formats/brief.md "$seeds" ;;
  html) cp "$corpus"/formats/brief.html "$seeds" ;;
  eml) cp "$corpus"/formats/*.eml "$seeds" ;;
  docx) cp "$corpus"/formats/*.docx "$seeds"; max_len=65536 ;;
  docx_xml)
    for f in "$corpus"/formats/*.docx; do
      unzip -p "$f" word/document.xml > "$seeds/$(basename "$f" .docx).xml"
    done
    max_len=32768 ;;
  template)
    # The first byte picks format and masker (see fuzz_targets/template.rs).
    for f in brief.hbs brief.html brief.md brief.txt; do
      for sel in 00 03 04 0b; do
        { printf "\\x$sel"; cat "$corpus/formats/$f"; } > "$seeds/$sel-$f"
      done
    done ;;
  config) cp seeds/config/* ../src/config/starter.yaml "$seeds" ;;
  *) echo "onbekend doel: $target" >&2; exit 2 ;;
esac
exec nice -n 10 cargo fuzz run -s none -a "$target" "corpus/$target" "$seeds" -- \
  -max_total_time="$secs" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1
