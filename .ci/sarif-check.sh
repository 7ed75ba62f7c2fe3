#!/usr/bin/env bash
# Validates helder's SARIF output against the official SARIF 2.1.0 JSON schema
# (sarif-2.1.0-rtm.5.json, shipped in Microsoft's @microsoft/jest-sarif npm package),
# with Python's jsonschema. Called by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null && tar xzf microsoft-jest-sarif-*.tgz)
schema="$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json"
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore jsonschema
set +e
cargo run --quiet --release --locked -- check --isolated --format sarif voorbeelden/ tests/corpus/letters/ > "$tmp/helder.sarif"
code=$?
set -e
[ "$code" -le 1 ] || { echo "helder faalde met exitcode $code"; exit 1; }
python3 - "$schema" "$tmp/helder.sarif" <<'PY'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
errors = sorted(cls(schema).iter_errors(doc), key=lambda e: list(e.path))
for e in errors[:20]:
    print("ongeldig:", "/".join(map(str, e.path)), e.message)
if errors:
    sys.exit(1)
run = doc["runs"][0]
print(f"SARIF geldig volgens het officiële schema ({sys.argv[1].split('/')[-1]}): "
      f"{len(run['results'])} resultaten, {len(run['tool']['driver']['rules'])} regels")
PY
