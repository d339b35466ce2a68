#!/usr/bin/env bash
# Load benchmark: task list, task create and chat (offline assistant) at 1, 16, 64 and 256
# concurrent clients, through the frontend's port (BFF cookie + YARP proxy) and against the
# backend alone, with a local PostgreSQL; the services run as Release builds (dotnet publish
# output), as processes. Prints a Markdown table: requests/s, p50/p95/p99, errors, CPU per
# 1,000 requests of each service, then each service's memory idle and at peak.
# Usage: bench/load.sh   (BENCH_REQUESTS: requests per run, at least 20 per client, default 3000;
#                        BENCH_CLIENTS="1 16": other concurrency levels; BENCH_KEEP=1 keeps hey output and logs)
# Needs: .NET 10 SDK, PostgreSQL server binaries, hey, curl, jq.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here/.."
# shellcheck source=lib/stack.sh source-path=SCRIPTDIR
source "$here/lib/stack.sh"

require_tools
trap bench_stop EXIT
bench_start
idle_backend=$(memory_mb "$BACKEND_PID" VmRSS)
idle_frontend=$(memory_mb "$FRONTEND_PID" VmRSS)

password="bench-password-$RANDOM$RANDOM"
# The sign-in body, built by jq so any character in the address or password is escaped
# ($e and $p are jq's variables, hence single quotes).
# shellcheck disable=SC2016
credentials() { jq -cn --arg e "$1" --arg p "$password" '{email: $e, password: $p}'; }

# A user registered directly with the backend: prints "id token".
register_backend() {
  curl -fsS -H 'Content-Type: application/json' -d "$(credentials "$1")" \
    "$BACKEND_URL/api/auth/register" | jq -r '"\(.user.id) \(.token)"'
}
# The same user signed in through the BFF: prints the session cookie ("name=value").
# (awk reads to the end instead of exiting at the first match: under pipefail curl would die of SIGPIPE.)
login_frontend() {
  curl -fsS -D - -o /dev/null -H 'Content-Type: application/json' -H 'X-CSRF: 1' \
    -d "$(credentials "$1")" "$FRONTEND_URL/bff/login" \
    | tr -d '\r' | awk -F': ' '!found && tolower($1) == "set-cookie" { split($2, c, ";"); print c[1]; found = 1 }'
}

# Three users: one whose list is read (20 tasks), one who creates, one who chats (3 tasks).
read -r reader_id reader_token < <(register_backend "reader-$RANDOM@bench.example")
read -r writer_id writer_token < <(register_backend "writer-$RANDOM@bench.example")
read -r chatter_id chatter_token < <(register_backend "chatter-$RANDOM@bench.example")
for i in $(seq 1 20); do
  curl -fsS -o /dev/null -H "Authorization: Bearer $reader_token" -H 'Content-Type: application/json' \
    -d "{\"title\":\"Read me $i\"}" "$BACKEND_URL/api/$reader_id/tasks"
done
for title in "Buy groceries" "Call mom" "Pay bills"; do
  curl -fsS -o /dev/null -H "Authorization: Bearer $chatter_token" -H 'Content-Type: application/json' \
    -d "{\"title\":\"$title\"}" "$BACKEND_URL/api/$chatter_id/tasks"
done
reader_cookie=$(login_frontend "$(curl -fsS -H "Authorization: Bearer $reader_token" "$BACKEND_URL/api/auth/me" | jq -r .email)")
writer_cookie=$(login_frontend "$(curl -fsS -H "Authorization: Bearer $writer_token" "$BACKEND_URL/api/auth/me" | jq -r .email)")
chatter_cookie=$(login_frontend "$(curl -fsS -H "Authorization: Bearer $chatter_token" "$BACKEND_URL/api/auth/me" | jq -r .email)")
[[ -n $reader_cookie && -n $writer_cookie && -n $chatter_cookie ]] || fail "signing in through the BFF gave no cookie"

# hey arguments for one scenario through one target: "list", "create" or "chat"; "frontend" or "backend".
scenario_args() {
  local scenario=$1 target=$2 base user auth
  case $target in
    frontend) base=$FRONTEND_URL ;;
    backend) base=$BACKEND_URL ;;
  esac
  case $scenario in
    list) user=$reader_id ;;
    create) user=$writer_id ;;
    chat) user=$chatter_id ;;
  esac
  if [[ $target == frontend ]]; then
    case $scenario in list) auth=$reader_cookie ;; create) auth=$writer_cookie ;; chat) auth=$chatter_cookie ;; esac
    printf '%s\n' -H "Cookie: $auth" -H "X-CSRF: 1"
  else
    case $scenario in list) auth=$reader_token ;; create) auth=$writer_token ;; chat) auth=$chatter_token ;; esac
    printf '%s\n' -H "Authorization: Bearer $auth"
  fi
  case $scenario in
    list) printf '%s\n' "$base/api/$user/tasks" ;;
    create) printf '%s\n' -m POST -T application/json -d '{"title":"Benchmark task"}' "$base/api/$user/tasks" ;;
    chat) printf '%s\n' -m POST -T application/json -d "{\"message\":\"What's pending?\"}" "$base/api/$user/chat" ;;
  esac
}

# One hey run; prints a table row.
measure() {
  local scenario=$1 target=$2 clients=$3 requests out args
  requests=$(( ${BENCH_REQUESTS:-3000} > clients * 20 ? ${BENCH_REQUESTS:-3000} : clients * 20 ))
  mapfile -t args < <(scenario_args "$scenario" "$target")
  out="$BENCH_WORK/$target-$scenario-$clients.txt"
  local backend_cpu frontend_cpu
  backend_cpu=$(cpu_ms "$BACKEND_PID")
  frontend_cpu=$(cpu_ms "$FRONTEND_PID")
  hey -n "$requests" -c "$clients" -t 20 "${args[@]}" >"$out"
  backend_cpu=$(( $(cpu_ms "$BACKEND_PID") - backend_cpu ))
  frontend_cpu=$(( $(cpu_ms "$FRONTEND_PID") - frontend_cpu ))
  awk -v scenario="$scenario" -v target="$target" -v clients="$clients" -v bcpu="$backend_cpu" -v fcpu="$frontend_cpu" '
    /Requests\/sec:/ { rps = $2 }
    /^  50% in/ { p50 = $3 * 1000 } /^  95% in/ { p95 = $3 * 1000 } /^  99% in/ { p99 = $3 * 1000 }
    /Slowest:/ { slowest = $2 * 1000 }
    /^  \[[0-9]+\]/ && section == "status" { n = $2; code = substr($1, 2, 3); total += n; if (code !~ /^2/) errors += n }
    /^  \[[0-9]+\]/ && section == "errors" { n = substr($1, 2) + 0; total += n; errors += n }
    /^Status code distribution:/ { section = "status" } /^Error distribution:/ { section = "errors" }
    END {
      cpu = target == "frontend" ? sprintf("%.0f + %.0f", fcpu * 1000 / total, bcpu * 1000 / total) : sprintf("%.0f", bcpu * 1000 / total)
      printf "| %s | %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %.0f | %d | %s |\n", target, scenario, clients, total, rps, p50, p95, p99, slowest, errors, cpu
    }' "$out"
}

# Enough requests for the JIT's second tier to settle, so the first measured run is not penalised.
echo "==> warm-up" >&2
for target in frontend backend; do
  for scenario in list create chat; do
    mapfile -t warm < <(scenario_args "$scenario" "$target")
    hey -n 2000 -c 16 "${warm[@]}" >/dev/null
  done
done

echo "$(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, load average before the runs:$(cut -d' ' -f1-3 /proc/loadavg | sed 's/^/ /')"
echo
echo "| path | request | clients | requests | req/s | p50 ms | p95 ms | p99 ms | slowest ms | errors | CPU ms / 1,000 req (frontend + backend) |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"
for target in frontend backend; do
  for scenario in list create chat; do
    for clients in ${BENCH_CLIENTS:-1 16 64 256}; do
      measure "$scenario" "$target" "$clients"
    done
  done
done
echo
echo "| service | memory idle (RSS after start) | memory peak (VmHWM) |"
echo "|---|---:|---:|"
echo "| backend | ${idle_backend} MB | $(memory_mb "$BACKEND_PID" VmHWM) MB |"
echo "| frontend | ${idle_frontend} MB | $(memory_mb "$FRONTEND_PID" VmHWM) MB |"
