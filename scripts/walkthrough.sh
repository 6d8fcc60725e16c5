#!/usr/bin/env bash
# A new user's walkthrough, as a fresh project meets Loopsafe: pack the npm package, install the tarball offline
# into an empty folder, write a project config and a small app, then check, fix, diff, baseline, suppress, and
# drive `loopsafe server --stdio` with a generic LSP client. Prints every command and its output.
# Usage: bash scripts/walkthrough.sh [output-file]   (exit 1 when a step does not do what it should)
set -uo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/loopsafe-walkthrough-XXXXXX")"
DEMO="$WORK/demo"
failed=0
if [ -n "$OUT" ]; then exec > >(tee "$OUT") 2>&1; fi

# npm with no network: an empty cache, offline, and a registry nobody listens on.
export npm_config_cache="$WORK/.npm-cache" npm_config_offline=true npm_config_registry=http://127.0.0.1:9/ \
  npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false NO_COLOR=1

# Runs a command as the user types it, from the demo folder, and prints it with its output and exit code.
step() {
  local expect="$1"
  shift
  echo
  echo "\$ $*"
  (cd "$DEMO" && eval "$@") 2>&1
  local code=$?
  echo "[exit $code]"
  if [ "$expect" != "any" ] && [ "$code" != "$expect" ]; then
    echo "!! expected exit $expect"
    failed=1
  fi
}

# Fails the walkthrough with a message when a condition does not hold.
check() {
  if ! (cd "$DEMO" && eval "$1") >/dev/null 2>&1; then
    echo "!! $2"
    failed=1
  fi
}

echo "# Loopsafe walkthrough ($(date -u +%Y-%m-%dT%H:%MZ), $(node --version), npm $(npm --version), main at $(git -C "$REPO" rev-parse --short HEAD))"
mkdir -p "$DEMO"
echo
echo "\$ npm pack   # in the Loopsafe repository"
TARBALL="$(cd "$REPO" && npm pack --pack-destination "$WORK" 2>/dev/null | tail -1)"
if [ ! -f "$WORK/$TARBALL" ]; then echo "!! npm pack failed"; exit 1; fi
echo "$TARBALL ($(du -k "$WORK/$TARBALL" | cut -f1) KB)"
cp "$WORK/$TARBALL" "$DEMO/"

step 0 "npm init -y >/dev/null && npm install --offline --no-package-lock ./$TARBALL"
step 0 "npx loopsafe --version"

mkdir -p "$DEMO/app"
cat >"$DEMO/pyproject.toml" <<'EOF'
[project]
name = "support-bot"
version = "0.1.0"

[tool.loopsafe]
ignore = ["llm-http-without-retry"]
blocking-functions = ["app.db.fetch_history"]

[tool.loopsafe.fix]
timeout-seconds = 20

[tool.loopsafe.server-limit]
proxy-timeout = "60s"   # the load balancer in front, configured elsewhere
EOF
cat >"$DEMO/app/__init__.py" <<'EOF'
EOF
cat >"$DEMO/app/db.py" <<'EOF'
"""The team's database helper: a synchronous driver call."""
import vendordb


def fetch_history(user_id: int) -> list[str]:
    with vendordb.connect("postgres://db/support") as conn:
        return [row[0] for row in conn.run("select text from messages where user_id = %s", user_id)]
EOF
cat >"$DEMO/app/main.py" <<'EOF'
"""Support bot API."""
import time

from fastapi import FastAPI
from openai import OpenAI

from app.db import fetch_history

app = FastAPI()
client = OpenAI()


@app.post("/chat")
async def chat(user_id: int, message: str):
    history = fetch_history(user_id)
    time.sleep(0.5)  # crude rate limiting
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "\n".join([*history, message])}],
    )
    return {"reply": reply.choices[0].message.content}
EOF
step 0 "cat pyproject.toml"
step 1 "npx loopsafe check"
step 1 "npx loopsafe check --diff"
step 1 "npx loopsafe check --fix"
check "grep -q 'await asyncio.sleep(0.5)' app/main.py" "--fix did not switch time.sleep to asyncio.sleep"
step 1 "npx loopsafe check --diff --unsafe-fixes"
step any "npx loopsafe check --fix --unsafe-fixes"
step 0 "cat app/main.py"

echo
echo "## Adopting it on an existing codebase: a baseline"
cp "$DEMO/app/main.py" "$WORK/main.fixed.py"
cat >"$DEMO/app/legacy.py" <<'EOF'
"""An older module nobody has time to fix this week."""
from fastapi import APIRouter
from openai import OpenAI

router = APIRouter()
legacy_client = OpenAI()


@router.get("/summary")
async def summary(text: str):
    return legacy_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
EOF
step 0 "npx loopsafe check --baseline .loopsafe-baseline.json"
check "test -s .loopsafe-baseline.json" "the baseline was not written"
step 0 "npx loopsafe check --baseline .loopsafe-baseline.json"
cat >>"$DEMO/app/legacy.py" <<'EOF'


@router.get("/title")
async def title(text: str):
    return legacy_client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Title: {text}"}])
EOF
step 1 "npx loopsafe check --baseline .loopsafe-baseline.json   # after a new route was added"

echo
echo "## Or suppression comments instead"
rm -f "$DEMO/.loopsafe-baseline.json"
step 0 "npx loopsafe check --add-suppressions --reason 'legacy, see TICKET-12'"
step 0 "grep -n 'loopsafe: ignore' app/*.py"
step 0 "npx loopsafe check"

echo
echo "## Any editor: loopsafe server --stdio driven by a generic LSP client (plain Node, no libraries)"
cp "$REPO/scripts/lsp-client.mjs" "$WORK/lsp-client.mjs"
cat >"$DEMO/app/fresh.py" <<'EOF'
"""A module being written in the editor."""
import time

from fastapi import APIRouter
from openai import OpenAI

router = APIRouter()
client = OpenAI(timeout=20)


@router.post("/draft")
async def draft(text: str):
    time.sleep(1)
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
EOF
step 0 "node ../lsp-client.mjs app/fresh.py -- npx loopsafe server --stdio"
check "grep -q 'await asyncio.sleep(1)' app/fresh.py" "the quick fix from the server was not applied"

echo
if [ "$failed" = 0 ]; then echo "walkthrough: every step did what it should"; else echo "walkthrough: some steps failed (marked !!)"; fi
rm -rf "$WORK"
exit "$failed"
