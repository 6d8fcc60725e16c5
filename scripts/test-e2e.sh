#!/usr/bin/env bash
# `npm run test:e2e`: the real VS Code suites alone (code-server + headless Chromium): the extension-host
# suite through @vscode/test-electron, then the UI smoke test on the packaged .vsix.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-tools.sh >/dev/null || { echo "tool setup failed"; echo "0 passed, 1 failed"; exit 1; }
npm run --silent package || { echo "packaging failed"; echo "0 passed, 1 failed"; exit 1; }
node_modules/.bin/tsc -p test/e2e/tsconfig.json || { echo "0 passed, 1 failed"; exit 1; }
status=0
p=0
f=0
for cmd in test/e2e/runTests.mjs test/e2e/ui-smoke.mjs test/e2e/ui-express.mjs; do
  out=$(mktemp)
  node "$cmd" 2>&1 | tee "$out"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out" | tail -1)
  rm -f "$out"
  if [ -n "$line" ]; then
    p=$((p + ${line%% passed*}))
    n=${line#*, }; f=$((f + ${n%% failed*}))
  else
    f=$((f + 1))
  fi
done
[ "$status" -ne 0 ] && [ "$f" -eq 0 ] && f=1
echo "${p} passed, ${f} failed"
exit $status
