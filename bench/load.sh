#!/usr/bin/env bash
# Load benchmark, as ratios to floors measured in the same run. Task list, task create and chat
# (offline assistant) at 16 and 64 concurrent clients against the backend, each run
# interleaved with the same run against bench/floor-api (the same stack doing only that request);
# then the same requests through the frontend's port (BFF cookie + YARP) interleaved with
# bench/floor-proxy (a bare YARP forwarder to the same backend). CPU per request is the server
# process's own user+system time (/proc/PID/stat) over the requests it answered; each ratio is the
# median over BENCH_ROUNDS pairs (system and floor back to back, order alternating), so drift from
# other work on a shared machine cancels out. Ends with the backend's memory, idle and at peak.
# Usage: bench/load.sh   (BENCH_REQUESTS: requests per run, at least 20 per client, default 3000;
#                        BENCH_CLIENTS="1 16 64": other concurrency levels; BENCH_ROUNDS: pairs per
#                        figure, default 3; BENCH_SCENARIOS="list": fewer requests;
#                        BENCH_PATHS="backend": skip the frontend hop; BENCH_PATHS="metrics": the
#                        backend with metrics on against a second one with them off, interleaved
#                        the same way (the "floor" columns are then metrics off); BENCH_PATHS="pipeline":
#                        the chat turn against floor-api's same turn through the agent pipeline
#                        (Microsoft.Extensions.AI function invocation), and that against the plain
#                        floor, which splits the chat ratio into the pipeline's part and the rest; BENCH_SPIN_LIMIT=70: the
#                        runtime's default thread-pool spinning instead of the images' 0;
#                        BENCH_KEEP=1 keeps hey output and logs;
#                        BENCH_MEMORY_LIMITS=off: no memory limits instead of the charts')
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

# hey arguments for one scenario ("list", "create" or "chat") sent to one base URL; "cookie"
# authenticates as the BFF's browser does, "bearer" as a direct API client.
scenario_args() {
  local scenario=$1 base=$2 auth=$3 user token cookie
  case $scenario in
    list) user=$reader_id token=$reader_token cookie=$reader_cookie ;;
    create) user=$writer_id token=$writer_token cookie=$writer_cookie ;;
    chat) user=$chatter_id token=$chatter_token cookie=$chatter_cookie ;;
  esac
  if [[ $auth == cookie ]]; then
    printf '%s\n' -H "Cookie: $cookie" -H "X-CSRF: 1"
  else
    printf '%s\n' -H "Authorization: Bearer $token"
  fi
  case $scenario in
    list) printf '%s\n' "$base/api/$user/tasks" ;;
    create) printf '%s\n' -m POST -T application/json -d '{"title":"Benchmark task"}' "$base/api/$user/tasks" ;;
    chat) printf '%s\n' -m POST -T application/json -d "{\"message\":\"What's pending?\"}" "$base/api/$user/chat" ;;
  esac
}

# One hey run against a server whose CPU is counted (PID); prints
# "requests/s answered non-2xx p50_ms p99_ms cpu_us_per_request".
run_once() {
  local pid=$1 clients=$2 out=$3 requests cpu
  shift 3
  requests=$(( ${BENCH_REQUESTS:-3000} > clients * 20 ? ${BENCH_REQUESTS:-3000} : clients * 20 ))
  cpu=$(cpu_ms "$pid")
  hey -n "$requests" -c "$clients" -t 20 "$@" >"$out"
  cpu=$(( $(cpu_ms "$pid") - cpu ))
  awk -v cpu="$cpu" '
    /Requests\/sec:/ { rps = $2 }
    /^  50% in/ { p50 = $3 * 1000 } /^  99% in/ { p99 = $3 * 1000 }
    /^  \[[0-9]+\]/ && section == "status" { n = $2; code = substr($1, 2, 3); total += n; if (code !~ /^2/) errors += n }
    /^  \[[0-9]+\]/ && section == "errors" { n = substr($1, 2) + 0; total += n; errors += n }
    /^Status code distribution:/ { section = "status" } /^Error distribution:/ { section = "errors" }
    END { printf "%.1f %d %d %.1f %.1f %.1f\n", rps, total, errors, p50, p99, cpu * 1000 / total }' "$out"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# One table row: BENCH_ROUNDS pairs of (system, floor) runs, back to back, the order alternating.
# Prints the medians of each side's figures and of the per-pair ratios.
compare() {
  local path=$1 scenario=$2 clients=$3 system_pid=$4 system_url=$5 floor_pid=$6 floor_url=$7 auth=$8 label=$9
  local rounds=${BENCH_ROUNDS:-3} round side system floor pairs="" errors=0
  local -a system_args floor_args
  mapfile -t system_args < <(scenario_args "$scenario" "$system_url" "$auth")
  mapfile -t floor_args < <(scenario_args "$scenario" "$floor_url" "$auth")
  for round in $(seq 1 "$rounds"); do
    for side in $( (( round % 2 )) && echo "system floor" || echo "floor system"); do
      if [[ $side == system ]]; then
        system=$(run_once "$system_pid" "$clients" "$BENCH_WORK/$path-$scenario-$clients-$round-system.txt" "${system_args[@]}")
      else
        floor=$(run_once "$floor_pid" "$clients" "$BENCH_WORK/$path-$scenario-$clients-$round-floor.txt" "${floor_args[@]}")
      fi
    done
    errors=$(( errors + $(cut -d' ' -f3 <<<"$system") + $(cut -d' ' -f3 <<<"$floor") ))
    pairs+="$system $floor"$'\n'
  done
  column() { awk -v c="$1" 'NF { print $c }' <<<"$pairs" | median; }
  local ratio_rps ratio_cpu
  ratio_rps=$(awk 'NF { print $1 / $7 }' <<<"$pairs" | median)
  ratio_cpu=$(awk 'NF { print $6 / $12 }' <<<"$pairs" | median)
  printf '| %s | %s | %d | %.0f | %.0f | **%.2f** | %.0f | %.0f | **%.2f** | %.1f | %.1f | %d |\n' \
    "$label" "$scenario" "$clients" "$(column 1)" "$(column 7)" "$ratio_rps" "$(column 6)" "$(column 12)" "$ratio_cpu" \
    "$(column 5)" "$(column 11)" "$errors"
}

# Warm-up: the JIT compiles a method again, optimised, once it has run often enough, in the
# background; with many methods that takes tens of thousands of requests, and CPU per request
# falls in steps with plateaus between them (measured 2026-12-03 at 64 clients: floor-api's chat
# 1,923 → 995 → 1,043 → 737 → … → 343 µs over 13 runs of 3,000; the backend's reached its level
# after about 15). Two runs within 10 % of each other were often a plateau, so a measured figure
# paid for compilation still to come. Each server repeats a run of 2,000 until its last three
# runs are within 5 % of each other (at most 30 runs).
warm_up() {
  local pid=$1 round current recent=""
  shift
  for round in $(seq 1 30); do
    current=$(BENCH_REQUESTS=2000 run_once "$pid" 16 "$BENCH_WORK/warm-up.txt" "$@" | cut -d' ' -f6)
    recent=$(echo "$recent $current" | awk '{ for (i = NF > 2 ? NF - 2 : 1; i <= NF; i++) printf "%s ", $i }')
    echo "$recent" | awk '{ if (NF < 3) exit 1; lo = hi = $1; for (i = 2; i <= NF; i++) { if ($i < lo) lo = $i; if ($i > hi) hi = $i }; exit !(hi <= lo * 1.05) }' && return
  done
  echo "warning: CPU per request still changing after $round warm-up runs (last three: $recent µs)" >&2
}
echo "==> warm-up" >&2
scenarios=${BENCH_SCENARIOS:-list create chat}
for scenario in $scenarios; do
  targets=("$BACKEND_PID $BACKEND_URL bearer" "$FLOOR_API_PID $FLOOR_API_URL bearer"
    "$FRONTEND_PID $FRONTEND_URL cookie" "$FLOOR_PROXY_PID $FLOOR_PROXY_URL cookie")
  if [[ -n ${QUIET_BACKEND_PID:-} ]]; then targets+=("$QUIET_BACKEND_PID $QUIET_BACKEND_URL bearer"); fi
  if [[ $scenario == chat && " ${BENCH_PATHS:-} " == *" pipeline "* ]]; then targets+=("$FLOOR_API_PID $FLOOR_API_URL/pipeline bearer"); fi
  for target in "${targets[@]}"; do
    read -r pid url auth <<<"$target"
    mapfile -t warm < <(scenario_args "$scenario" "$url" "$auth")
    warm_up "$pid" "${warm[@]}"
  done
done

echo "$(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, load average before the runs:$(cut -d' ' -f1-3 /proc/loadavg | sed 's/^/ /'), ${BENCH_ROUNDS:-3} pairs per row, $MEMORY_LIMITS"
echo
echo "| system / floor | request | clients | req/s system | req/s floor | throughput ratio | CPU µs/req system | CPU µs/req floor | CPU ratio | p99 ms system | p99 ms floor | non-2xx |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for path in ${BENCH_PATHS:-backend frontend}; do
  for scenario in $scenarios; do
    for clients in ${BENCH_CLIENTS:-16 64}; do
      if [[ $path == backend ]]; then
        compare backend "$scenario" "$clients" "$BACKEND_PID" "$BACKEND_URL" "$FLOOR_API_PID" "$FLOOR_API_URL" bearer "backend / floor-api"
      elif [[ $path == pipeline ]]; then
        # Only the chat turn has an agent pipeline.
        [[ $scenario == chat ]] || continue
        compare pipeline "$scenario" "$clients" "$BACKEND_PID" "$BACKEND_URL" "$FLOOR_API_PID" "$FLOOR_API_URL/pipeline" bearer \
          "backend / floor-api with the agent pipeline"
        compare pipeline-floor "$scenario" "$clients" "$FLOOR_API_PID" "$FLOOR_API_URL/pipeline" "$FLOOR_API_PID" "$FLOOR_API_URL" bearer \
          "floor-api with / without the agent pipeline"
      elif [[ $path == metrics ]]; then
        compare metrics "$scenario" "$clients" "$BACKEND_PID" "$BACKEND_URL" "$QUIET_BACKEND_PID" "$QUIET_BACKEND_URL" bearer \
          "backend, metrics on / off"
      else
        compare frontend "$scenario" "$clients" "$FRONTEND_PID" "$FRONTEND_URL" "$FLOOR_PROXY_PID" "$FLOOR_PROXY_URL" cookie "frontend / floor-proxy"
      fi
    done
  done
done
echo
echo "| service | memory idle (RSS after start) | memory peak (VmHWM) |"
echo "|---|---:|---:|"
echo "| backend | ${idle_backend} MB | $(memory_mb "$BACKEND_PID" VmHWM) MB |"
echo "| frontend | ${idle_frontend} MB | $(memory_mb "$FRONTEND_PID" VmHWM) MB |"
