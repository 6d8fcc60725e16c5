#!/usr/bin/env bash
# End-to-end tests in a real VS Code (code-server + headless Chromium): the extension-host suite
# through @vscode/test-electron, then the real-UI smoke test on the packaged .vsix.
set -uo pipefail
cd "$(dirname "$0")/.."
eval "$(bash scripts/setup-tools.sh | sed 's/^/export /')"
npm run --silent package >/dev/null || { echo "packaging failed"; exit 1; }
npx tsc -p test/e2e/tsconfig.json || exit 1
status=0
node test/e2e/runTests.mjs || status=1
node test/e2e/ui-smoke.mjs || status=1
exit $status
