#!/usr/bin/env bash
# Image figures: size (as `docker image inspect` reports it, uncompressed), the project's own
# layers (everything above the base image), clean build time, rebuild after a one-line change, and
# cold start (container start → /readyz 200, median of 5).
# Usage: bench/images.sh      (needs a running Docker engine; base images as in the Dockerfiles or
#                              SDK_IMAGE / RUNTIME_IMAGE stand-ins, see scripts/docker/make-base-images.sh)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
docker=/usr/bin/docker
export DOCKER_BUILDKIT=1
# The base images: the stand-ins when set, else the Dockerfile's own defaults (the official ones).
default_base() { sed -n "s/^ARG $1=//p" backend/Dockerfile; }
sdk=${SDK_IMAGE:-$(default_base SDK_IMAGE)}
runtime=${RUNTIME_IMAGE:-$(default_base RUNTIME_IMAGE)}
args=(--build-arg "SDK_IMAGE=$sdk" --build-arg "RUNTIME_IMAGE=$runtime")
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }

base_size=$($docker image inspect -f '{{.Size}}' "$runtime")
echo "runtime base: $runtime $(mb "$base_size")"
echo
printf '%-24s %12s %14s %14s %16s\n' image total "own layers" "clean build" "one-line rebuild"
for service in backend frontend; do
  tag=todo-chatbot-$service:bench
  $docker builder prune -af >/dev/null 2>&1 || true
  start=$(date +%s.%N)
  $docker build -q -f $service/Dockerfile "${args[@]}" -t "$tag" . >/dev/null
  clean=$(echo "$(date +%s.%N) - $start" | bc)
  # One-line change in the service's code: the restore layer must be reused.
  file=$( [[ $service == backend ]] && echo backend/TodoChatbot.Api/Program.cs || echo frontend/TodoChatbot.Web/Program.cs )
  cp "$file" /tmp/bench-program.cs
  echo "// bench $(date +%s%N)" >> "$file"
  start=$(date +%s.%N)
  $docker build -q -f $service/Dockerfile "${args[@]}" -t "$tag" . >/dev/null
  rebuild=$(echo "$(date +%s.%N) - $start" | bc)
  cp /tmp/bench-program.cs "$file"
  total=$($docker image inspect -f '{{.Size}}' "$tag")
  printf '%-24s %12s %14s %13.1fs %15.1fs\n' "$tag" "$(mb "$total")" "$(mb $((total - base_size)))" "$clean" "$rebuild"
done

echo
echo "cold start: container start → /readyz 200 (median of 5)"
network=todo-bench
$docker network create $network >/dev/null 2>&1 || true
$docker rm -f bench-pg >/dev/null 2>&1 || true
$docker run -d --name bench-pg --network $network -e POSTGRES_PASSWORD=bench -e POSTGRES_DB=todo "${POSTGRES_IMAGE:-postgres:16-alpine}" >/dev/null
# Ready when it accepts connections over TCP (the entrypoint's own start-up server listens only on
# the socket), with a deadline so a broken database image fails the benchmark instead of hanging.
for _ in $(seq 1 300); do
    $docker exec bench-pg pg_isready -h 127.0.0.1 -U postgres -d todo >/dev/null 2>&1 && break
    sleep 0.2
done
$docker exec bench-pg pg_isready -h 127.0.0.1 -U postgres -d todo >/dev/null || { echo "error: bench-pg did not become ready" >&2; exit 1; }
url=postgresql://postgres:bench@bench-pg/todo
$docker run --rm --network $network -e DATABASE_URL=$url todo-chatbot-backend:bench migrate >/dev/null
secret=$(head -c 48 /dev/urandom | base64)
for service in backend frontend; do
  port=$([[ $service == backend ]] && echo 8001 || echo 3000)
  times=()
  for _ in 1 2 3 4 5; do
    $docker rm -f bench-$service >/dev/null 2>&1 || true
    start=$(date +%s.%N)
    $docker run -d --name bench-$service --network $network -p "127.0.0.1:1$port:$port" --read-only --tmpfs /tmp \
      -e DATABASE_URL=$url -e JWT_SECRET="$secret" -e BACKEND_URL=http://bench-backend:8001 todo-chatbot-$service:bench >/dev/null
    until curl -fs -o /dev/null "http://127.0.0.1:1$port/readyz"; do sleep 0.05; done
    times+=("$(echo "$(date +%s.%N) - $start" | bc)")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
  idle=$($docker stats --no-stream --format '{{.MemUsage}}' bench-$service | cut -d/ -f1)
  loaded=""
  if command -v hey >/dev/null; then
    # A short load (2,000 requests, 16 at a time) on the cheapest real endpoint, then memory again.
    hey -n 2000 -c 16 "http://127.0.0.1:1$port/healthz" >/dev/null
    loaded="  after 2,000 requests: $($docker stats --no-stream --format '{{.MemUsage}}' bench-$service | cut -d/ -f1)"
  fi
  printf '%-10s median %.2fs  (runs: %s)  memory idle: %s%s\n' "$service" "$median" "$(printf '%.2f ' "${times[@]}")" "$idle" "$loaded"
done
$docker rm -f bench-backend bench-frontend bench-pg >/dev/null 2>&1 || true
$docker network rm $network >/dev/null 2>&1 || true
