#!/usr/bin/env bash
# `npm test`: installs what the tests need (npm packages, Debian packages, code-server), then runs
# the unit suites (engine, language server, CLI, load tester) and the real VS Code suites.
set -uo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund

need=()
for pkg in chromium libkrb5-dev python3-fastapi python3-uvicorn python3-httpx python3-requests gunicorn; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ "${#need[@]}" -gt 0 ]; then
  echo "installing Debian packages: ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
bash scripts/setup-tools.sh >/dev/null || { echo "tool setup failed"; exit 1; }

failed=0
total_p=0
total_f=0
summary=()
log=$(mktemp)
# run NAME PATTERN CMD...: runs CMD, then sums the "N passed/passing, M failed/failing" counts of the
# output lines matching PATTERN.
run() {
  local name="$1" pattern="$2"; shift 2
  echo "=== $name"
  "$@" 2>&1 | tee "$log"
  local code=${PIPESTATUS[0]}
  local p f
  p=$(grep -E "$pattern" "$log" | grep -Eo '[0-9]+ (passing|passed)' | awk '{s+=$1} END {print s+0}')
  f=$(grep -E "$pattern" "$log" | grep -Eo '[0-9]+ (failing|failed)' | awk '{s+=$1} END {print s+0}')
  p=${p:-0}; f=${f:-0}
  if [ "$code" -ne 0 ]; then
    failed=1
    [ "$f" -eq 0 ] && f=1
  fi
  summary+=("$name: $p passed, $f failed")
  total_p=$((total_p + p))
  total_f=$((total_f + f))
}
run unit '^ +[0-9]+ (passing|failing)' npm run --silent test:unit
run e2e '^(extension host|ui smoke):' bash scripts/test-e2e.sh
rm -f "$log"
echo "=== summary"
printf '%s\n' "${summary[@]}"
echo "${total_p} passed, ${total_f} failed"
exit $failed
