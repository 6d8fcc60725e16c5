#!/usr/bin/env bash
# `npm start`: builds and packages Loopsafe, installs it into a local code-server (VS Code in the
# browser), opens the examples/ workspace, prints the URL and the CLI findings, and runs until Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
eval "$(bash scripts/setup-tools.sh | sed 's/^/export /')"
npm run --silent package >/dev/null
exec node scripts/start.mjs "$@"
