#!/usr/bin/env bash
# `npm start`: builds and packages Loopsafe, installs it into a local code-server (VS Code in the
# browser) on 127.0.0.1:${PORT:-8080}, opens examples/, prints the URL and the CLI findings; Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/setup-tools.sh >/dev/null
npm run --silent package
exec node scripts/start.mjs "$@"
