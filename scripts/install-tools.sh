#!/usr/bin/env bash
# Installs what the integration tests and `npm start` need, on a fresh Debian machine:
# Debian packages (Chromium, build tools) and code-server (a real VS Code, server + web workbench).
# Idempotent: skips whatever is already there. Quiet on success; on failure prints the captured log.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CODE_SERVER_VERSION="4.100.3" # bundles VS Code 1.100.3; later releases need Node 22+
TOOLS="$ROOT/.tools/code-server"
LOG="$(mktemp "${TMPDIR:-/tmp}/install-tools.XXXXXX.log")"

fail() {
  echo "install-tools: $1" >&2
  echo "---- log ($LOG) ----" >&2
  tail -n 80 "$LOG" >&2
  exit 1
}

# --- Debian packages -------------------------------------------------------
# fonts-wqy-microhei: a small CJK font, or Chinese ledgers show as boxes in Chromium (and in screenshots).
APT_PACKAGES=(chromium fonts-wqy-microhei libkrb5-dev ripgrep python3 make g++)
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]} > 0)); then
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  {
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
  } >>"$LOG" 2>&1 || fail "apt-get install ${missing[*]} failed"
fi

# --- code-server -----------------------------------------------------------
installed_version() {
  node -p "require('$TOOLS/node_modules/code-server/package.json').version" 2>/dev/null || true
}
# The postinstall's last steps create these; their presence means it ran to the end.
is_complete() {
  [ "$(installed_version)" = "$CODE_SERVER_VERSION" ] &&
    [ -e "$TOOLS/node_modules/code-server/lib/vscode/node_modules.asar" ] &&
    [ -e "$TOOLS/node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node" ] &&
    [ -x "$TOOLS/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]
}

if ! is_complete; then
  rm -rf "$TOOLS"
  mkdir -p "$TOOLS"
  # npm 11 runs dependency install scripts only when approved (allowScripts). code-server's postinstall runs a
  # second `npm install` inside lib/vscode for VS Code's native modules; that install reads its approvals from
  # lib/vscode/.npmrc, which exists only once the package is unpacked. So: unpack with the postinstall denied,
  # write that .npmrc, then approve and run the postinstall with `npm rebuild`.
  write_manifest() {
    cat >"$TOOLS/package.json" <<JSON
{
  "name": "fund-ledger-tools",
  "private": true,
  "description": "code-server for Fund Ledger's integration tests and npm start (see scripts/install-tools.sh)",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "argon2": true, "code-server": $1 }
}
JSON
  }

  # @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable; it uses this cache first.
  RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
  RG_TARBALL="$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
  if [ ! -s "$RG_TARBALL" ]; then
    mkdir -p "$RG_CACHE"
    tar -czf "$RG_TARBALL" -C /usr/bin rg || fail "could not make the ripgrep cache tarball"
  fi

  # yes: node-pty's build runs `npx node-gyp` and must not prompt. unsafe_perm: the postinstall refuses root without it.
  export npm_config_yes=true npm_config_unsafe_perm=true
  # node-gyp would download Node's headers from the internet; use the system's when they are there.
  if [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi

  write_manifest false
  (cd "$TOOLS" && npm install --no-audit --no-fund --foreground-scripts) >>"$LOG" 2>&1 ||
    fail "npm install code-server@$CODE_SERVER_VERSION failed"
  # (Windows-only modules stay unapproved: their builds cannot work here.)
  echo "allow-scripts=@parcel/watcher,@vscode/deviceid,@vscode/ripgrep,@vscode/spdlog,kerberos,native-watchdog,node-pty" \
    >"$TOOLS/node_modules/code-server/lib/vscode/.npmrc"
  write_manifest true
  (cd "$TOOLS" && npm rebuild code-server --foreground-scripts) >>"$LOG" 2>&1 ||
    fail "code-server's postinstall failed"
  is_complete || fail "code-server installed but its postinstall did not complete"
fi

"$TOOLS/node_modules/.bin/code-server" --version >>"$LOG" 2>&1 || fail "code-server does not run"
rm -f "$LOG"
