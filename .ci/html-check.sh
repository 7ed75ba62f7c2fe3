#!/usr/bin/env bash
# Renders the HTML report of the example letter in headless Chromium (Debian package
# `chromium`) and checks that the page loads and shows the findings: every finding is
# marked in the text or listed, every mark is keyboard-focusable and described by its
# tooltip, the page is Dutch. Also writes a screenshot. Called by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
out="${HELDER_REPORT_DIR:-$(mktemp -d)}"
set +e
cargo run --quiet --release --locked -- check --isolated --format html voorbeelden/brief.txt > "$out/rapport.html"
code=$?
cargo run --quiet --release --locked -- check --isolated --format json voorbeelden/brief.txt > "$out/rapport.json"
set -e
[ "$code" -le 1 ] || { echo "helder faalde met exitcode $code"; exit 1; }
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$out/profiel")
chromium "${flags[@]}" --dump-dom "file://$out/rapport.html" > "$out/dom.html" 2>/dev/null
chromium "${flags[@]}" --window-size=1280,2000 --screenshot="$out/rapport.png" "file://$out/rapport.html" >/dev/null 2>&1
python3 - "$out" <<'PY'
import json, re, sys, os
out = sys.argv[1]
dom = open(os.path.join(out, "dom.html"), encoding="utf-8").read()
findings = json.load(open(os.path.join(out, "rapport.json")))["findings"]
assert '<html lang="nl">' in dom, "pagina is niet als Nederlands gemarkeerd"
marks = re.findall(r'<mark class="f[^"]*" tabindex="0" aria-describedby="(u\d+)"', dom)
ids = set(re.findall(r'id="(u\d+)"', dom))
assert marks, "geen gemarkeerde bevindingen in de pagina"
missing = [m for m in marks if m not in ids]
assert not missing, f"marks zonder uitleg: {missing}"
items = dom.count("<li><strong>")
assert items == len(findings), f"lijst toont {items} van {len(findings)} bevindingen"
for f in findings:
    assert f["rule"] in dom, f"regel {f['rule']} ontbreekt"
assert "B1-score" in dom and "Flesch-Douma" in dom, "scorepaneel ontbreekt"
assert os.path.getsize(os.path.join(out, "rapport.png")) > 10000, "geen schermafbeelding"
print(f"HTML-rapport in Chromium: {len(marks)} markeringen met uitleg, {items} bevindingen in de lijst, "
      f"schermafbeelding {os.path.join(out, 'rapport.png')}")
PY
