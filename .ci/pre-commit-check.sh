#!/usr/bin/env bash
# Runs the real pre-commit framework with helder's hook (.pre-commit-hooks.yaml) on a
# temporary repository: the hook must fail on a bad letter and pass on a good one.
# Called by .ci/run.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore pre-commit
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/cache"
cd "$tmp"
git init --quiet repo
cd repo
git config user.email ci@helder.invalid
git config user.name "helder CI"
cp "$here/voorbeelden/brief.txt" slecht.txt
cp "$here/voorbeelden/brief-herschreven.txt" goed.txt
git add slecht.txt goed.txt

echo "== pre-commit op de slechte brief (moet falen, met bevindingen)"
if pre-commit try-repo "$here" helder --files slecht.txt > "$tmp/slecht.log" 2>&1; then
  cat "$tmp/slecht.log"
  echo "FOUT: de hook liet de slechte brief door"
  exit 1
fi
cat "$tmp/slecht.log"
# It must fail because of findings, not because pre-commit itself broke.
grep -q "slecht.txt:[0-9]*:[0-9]*: waarschuwing \[" "$tmp/slecht.log" || {
  echo "FOUT: de hook faalde zonder bevindingen te melden"
  exit 1
}
echo "== pre-commit op de herschreven brief (moet slagen)"
pre-commit try-repo "$here" helder --files goed.txt
echo "pre-commit: faalt op de slechte brief, slaagt op de goede"
