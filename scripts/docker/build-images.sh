#!/usr/bin/env bash
# Builds both images with their version and 'latest' tags and OCI labels (version, revision).
# Usage: scripts/docker/build-images.sh [VERSION]     (default: the version in Directory.Build.props)
# Base images: SDK_IMAGE / RUNTIME_IMAGE when set (e.g. the stand-ins of make-base-images.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

version=${1:-$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)}
revision=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
docker_cli=$(command -v /usr/bin/docker || command -v docker)
args=(--build-arg "VERSION=$version" --build-arg "REVISION=$revision")
[[ -n "${SDK_IMAGE:-}" ]] && args+=(--build-arg "SDK_IMAGE=$SDK_IMAGE")
[[ -n "${RUNTIME_IMAGE:-}" ]] && args+=(--build-arg "RUNTIME_IMAGE=$RUNTIME_IMAGE")

for service in backend frontend; do
  echo "==> todo-chatbot-$service:$version (revision $revision)"
  DOCKER_BUILDKIT=1 "$docker_cli" build -f "$service/Dockerfile" "${args[@]}" \
    -t "todo-chatbot-$service:$version" -t "todo-chatbot-$service:latest" .
done
