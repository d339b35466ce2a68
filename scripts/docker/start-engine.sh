#!/usr/bin/env bash
# Starts a Docker engine on a machine that has none running (CI, a fresh sandbox): Debian's
# docker.io daemon in the background, logging to /tmp/dockerd.log. Safe to re-run.
set -euo pipefail

if /usr/bin/docker info >/dev/null 2>&1; then
  echo "==> Docker engine already running"
  exit 0
fi
if ! command -v dockerd >/dev/null; then
  echo "error: dockerd is not installed (apt-get install docker.io)" >&2
  exit 1
fi
echo "==> starting dockerd (log: /tmp/dockerd.log)"
nohup dockerd >/tmp/dockerd.log 2>&1 &
for _ in $(seq 1 60); do
  if /usr/bin/docker info >/dev/null 2>&1; then
    echo "==> Docker engine ready"
    exit 0
  fi
  sleep 1
done
echo "error: dockerd did not become ready in 60 s; see /tmp/dockerd.log" >&2
tail -n 20 /tmp/dockerd.log >&2
exit 1
