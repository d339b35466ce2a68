#!/usr/bin/env bash
# Renders the plain manifests in k8s/ from the Helm charts, so the two never drift (a test fails
# when k8s/ differs from a fresh render). Release "todo" in the "default" namespace; the backend
# reads the Secret "todo-chatbot-backend", which you create yourself (k8s/backend-secret.env.example).
# Usage: scripts/k8s/render-manifests.sh [OUTPUT_DIR]     (default: k8s)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=${1:-$root/k8s}
helm=${HELM:-$(command -v helm || echo "$root/tools/helm/helm")}
[[ -x "$helm" ]] || { echo "error: helm not found (scripts/ci/install-helm.sh, or set HELM)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$helm" template todo "$root/helm/backend" --namespace default \
  --set existingSecret=todo-chatbot-backend --set tests.enabled=false --output-dir "$work" >/dev/null
"$helm" template todo "$root/helm/frontend" --namespace default \
  --set backendService.name=todo-backend --set tests.enabled=false --output-dir "$work" >/dev/null

for service in backend frontend; do
  mkdir -p "$out/$service"
  find "$out/$service" -name '*.yaml' -delete
  for file in "$work/$service/templates/"*.yaml; do
    {
      echo "# Generated from helm/$service by scripts/k8s/render-manifests.sh. Do not edit: change the chart."
      grep -v '^# Source:' "$file"
    } > "$out/$service/$(basename "$file")"
  done
done
echo "==> rendered into $out/backend and $out/frontend"
