#!/usr/bin/env bash
# `npm test`: installs what the tests need (npm packages, Debian packages, code-server + Node 24), then
# builds and runs the unit suites and the real VS Code suites; ends with a total "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
T0=$SECONDS

total_p=0
total_f=0
summary=()
status=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# record NAME PASSED FAILED EXIT_CODE [KIND]: adds one step to the summary (a non-zero exit counts as a failure).
record() {
  local name="$1" p="${2:-0}" f="${3:-0}" code="$4" kind="${5:-}"
  if [ "$code" -ne 0 ]; then
    status=1
    [ "$f" -eq 0 ] && f=1
  fi
  if [ "${kind:-}" = gate ] && [ "$code" -eq 0 ]; then
    summary+=("$(printf '%-16s ok  (%ds)' "$name" "$((SECONDS - step_t0))")")
  else
    summary+=("$(printf '%-16s %d passed, %d failed  (%ds)' "$name" "$p" "$f" "$((SECONDS - step_t0))")")
  fi
  total_p=$((total_p + p))
  total_f=$((total_f + f))
}

# step NAME KIND CMD...: runs CMD with its output shown and kept; KIND says how to count its tests:
#   mocha   sum of mocha's "N passing" / "N failing" lines
#   summary the last plain "N passed, N failed" line (our e2e runners)
#   gate    a prerequisite, not a test: counts only as one failure when CMD fails
step() {
  local name="$1" kind="$2"; shift 2
  step_t0=$SECONDS
  echo
  echo "=== $name: $*"
  "$@" 2>&1 | tee "$log"
  local code=${PIPESTATUS[0]} p=0 f=0 line
  case "$kind" in
    mocha)
      p=$(grep -Eo '^ *[0-9]+ passing' "$log" | awk '{s+=$1} END {print s+0}')
      f=$(grep -Eo '^ *[0-9]+ failing' "$log" | awk '{s+=$1} END {print s+0}')
      ;;
    summary)
      line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
      if [ -n "$line" ]; then
        p=${line%% passed*}
        f=${line#*, }; f=${f%% failed*}
      fi
      ;;
    gate) ;;
  esac
  record "$name" "$p" "$f" "$code" "$kind"
  return "$code"
}

# 1. What the tests need. Debian packages: Chromium (UI), libkrb5-dev (code-server's native build),
#    and the Python stack the load tests start apps with.
setup() {
  if [ ! -d node_modules ]; then npm ci --no-audit --no-fund || return 1; fi
  local need=() pkg
  for pkg in chromium libkrb5-dev python3-fastapi python3-uvicorn python3-httpx python3-requests python3-tenacity gunicorn; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
  done
  if [ "${#need[@]}" -gt 0 ]; then
    echo "installing Debian packages: ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null || return 1
  fi
  bash scripts/setup-tools.sh
}
step setup gate setup || { echo "setup failed: nothing else can run"; echo "${total_p} passed, ${total_f} failed"; exit 1; }

# 2. Build, package (with the .vsix allowlist check) and compile the extension-host suite.
step package gate npm run --silent package
packaged=$?
step compile-e2e gate node_modules/.bin/tsc -p test/e2e/tsconfig.json
compiled=$?

# 3. Unit suites (engine, language server over IPC, CLI, architecture).
step unit mocha npm run --silent test:unit

# 4. Real VS Code: the mocha suite inside the extension host, then the real UI on the installed .vsix.
if [ "$packaged" -eq 0 ] && [ "$compiled" -eq 0 ]; then
  step extension-host summary node test/e2e/runTests.mjs
else
  step_t0=$SECONDS; record extension-host 0 1 1; echo "extension-host suite skipped: build failed"
fi
if [ "$packaged" -eq 0 ]; then
  step ui-smoke summary node test/e2e/ui-smoke.mjs
  step ui-express summary node test/e2e/ui-express.mjs
else
  step_t0=$SECONDS; record ui-smoke 0 1 1; echo "ui smoke skipped: packaging failed"
fi

echo
echo "=== summary ($((SECONDS - T0)) s)"
printf '%s\n' "${summary[@]}"
echo "${total_p} passed, ${total_f} failed"
exit $status
