#!/usr/bin/env bash
# Renders the plain manifests in k8s/ from the Helm charts, so the two never drift (a test fails
# when k8s/ differs from a fresh render). Release "todo" in the "default" namespace; the backend
# reads the Secret "todo-chatbot-backend", which you create yourself (k8s/backend-secret.env.example).
# The pods carry the prometheus.io/* scrape annotations (metrics.scrapeAnnotations): a Prometheus
# that discovers pods by annotation finds /metrics with no further step.
# Usage: scripts/k8s/render-manifests.sh [OUTPUT_DIR]     (default: k8s)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out=${1:-$root/k8s}
helm=${HELM:-$(command -v helm || echo "$root/tools/helm/helm")}
[[ -x "$helm" ]] || { echo "error: helm not found (scripts/ci/install-helm.sh, or set HELM)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The service charts need their library chart (helm/todo-common) in charts/: fetched into a copy,
# so that rendering never changes the working tree.
cp -R "$root/helm" "$work/helm"
for service in backend frontend; do
  "$helm" dependency update "$work/helm/$service" >/dev/null
done
"$helm" template todo "$work/helm/backend" --namespace default \
  --set existingSecret=todo-chatbot-backend --set tests.enabled=false --set metrics.scrapeAnnotations=true --output-dir "$work/out" >/dev/null
"$helm" template todo "$work/helm/frontend" --namespace default \
  --set backendService.name=todo-backend --set tests.enabled=false --set metrics.scrapeAnnotations=true --output-dir "$work/out" >/dev/null

for service in backend frontend; do
  mkdir -p "$out/$service"
  find "$out/$service" -name '*.yaml' -delete
  for file in "$work/out/$service/templates/"*.yaml; do
    {
      echo "# Generated from helm/$service by scripts/k8s/render-manifests.sh. Do not edit: change the chart."
      grep -v '^# Source:' "$file"
    } > "$out/$service/$(basename "$file")"
  done
done
echo "==> rendered into $out/backend and $out/frontend"
