#!/usr/bin/env bash
# Runs the product locally for development: the backend API (http://localhost:8001) and the
# frontend (http://localhost:3000), both in Development (SQLite file, offline assistant).
# Open http://localhost:3000. Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

echo "==> building"
dotnet build TodoChatbot.slnx -nologo -v quiet

pids=()
stop() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

echo "==> backend  http://localhost:8001"
dotnet run --no-build --project backend/TodoChatbot.Api &
pids+=($!)
echo "==> frontend http://localhost:3000  (open this one)"
dotnet run --no-build --project frontend/TodoChatbot.Web &
pids+=($!)
wait -n "${pids[@]}"
