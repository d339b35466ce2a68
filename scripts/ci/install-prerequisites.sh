#!/usr/bin/env bash
# Installs what the test suite needs and a fresh CI machine may lack. Safe to re-run: each step
# checks first. Debian/Ubuntu (apt) only; run as root.
set -euo pipefail

apt_updated=false
apt_install() {
  if [[ "$apt_updated" == false ]]; then
    echo "==> apt-get update"
    apt-get update -qq
    apt_updated=true
  fi
  echo "==> apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! command -v dotnet >/dev/null; then
  echo "error: the .NET 10 SDK is not installed (see README: Prerequisites)" >&2
  exit 1
fi
echo "==> .NET SDK $(dotnet --version)"

# PostgreSQL server binaries: the tests start their own throw-away server with them.
if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
  apt_install postgresql
fi
initdb=(/usr/lib/postgresql/*/bin/initdb)
echo "==> PostgreSQL server binaries present: ${initdb[0]}"

# Chromium for the browser tests (Playwright drives the system's browser; it never downloads one).
if ! command -v chromium >/dev/null; then
  apt_install chromium
fi
# Captured, not piped into head: a reader that stops early kills the writer with SIGPIPE.
chromium_version=$(chromium --version 2>/dev/null)
echo "==> ${chromium_version%%$'\n'*}"

# Docker engine, Compose and mmdebstrap: the container tests build the real Dockerfiles and bring
# the real compose file up. No registry is reachable here, so the base images are stand-ins made
# from Debian packages (scripts/docker/make-base-images.sh).
missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v mmdebstrap >/dev/null || missing+=(mmdebstrap)
if (( ${#missing[@]} > 0 )); then
  apt_install "${missing[@]}"
fi
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$here/docker/start-engine.sh"
bash "$here/docker/make-base-images.sh"

# Helm for the chart tests (no cluster is needed to lint and render).
command -v unzip >/dev/null || apt_install unzip
command -v shellcheck >/dev/null || apt_install shellcheck
# jq merges the charts' values schemas (scripts/helm/generate-schemas.sh, checked by a test).
command -v jq >/dev/null || apt_install jq
bash "$here/ci/install-helm.sh"
# npm packages for the tests: the Compose schema and validator, the official MCP TypeScript client.
bash "$here/ci/install-node-tools.sh"

# The tests run PostgreSQL as the 'postgres' user when they run as root (initdb refuses root).
if [[ $(id -u) == 0 ]] && ! id postgres >/dev/null 2>&1; then
  echo "error: running as root but there is no 'postgres' user to run the test server as" >&2
  exit 1
fi
