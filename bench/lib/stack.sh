#!/usr/bin/env bash
# Sourced by the load benchmarks: a throw-away PostgreSQL cluster, the two services and their
# floors (bench/floor-api: the backend's stack doing only the benchmark's requests; bench/floor-proxy:
# a bare YARP forwarder) as Release processes (dotnet publish output) on loopback, all stopped and
# deleted by bench_stop.
# Sets: BACKEND_URL FRONTEND_URL FLOOR_API_URL FLOOR_PROXY_URL, their *_PID, BENCH_WORK, MEMORY_LIMITS

fail() { echo "error: $*" >&2; exit 1; }

require_tools() {
  command -v dotnet >/dev/null || fail "the .NET 10 SDK is not installed (see README: Prerequisites)"
  command -v hey >/dev/null || fail "hey is not installed (Debian: apt-get install -y hey)"
  command -v curl >/dev/null || fail "curl is not installed (apt-get install -y curl)"
  command -v jq >/dev/null || fail "jq is not installed (apt-get install -y jq)"
  PG_BIN=$(compgen -G "/usr/lib/postgresql/*/bin" | sort -V | tail -n 1) \
    || fail "no PostgreSQL server binaries (apt-get install -y postgresql)"
  if [[ $(id -u) == 0 ]] && ! id postgres >/dev/null 2>&1; then
    fail "running as root but there is no 'postgres' user to run the server as"
  fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Runs a PostgreSQL tool as 'postgres' when we are root (initdb refuses root).
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# Polls a URL for up to 90 s until curl, with the given options, succeeds; the description
# says what was awaited in the failure message.
wait_for_curl() {
  local url=$1 awaited=$2 deadline=$((SECONDS + 90)); shift 2
  until curl -s -o /dev/null "$@" "$url"; do
    (( SECONDS < deadline )) || fail "$url did not answer${awaited} within 90 s (logs in $BENCH_WORK)"
    sleep 0.2
  done
}

# Until the URL answers 200 (a service's /readyz).
wait_ok() { wait_for_curl "$1" " 200" -f; }

# Until the URL answers at all, any status (a floor service with no readiness endpoint).
wait_answers() { wait_for_curl "$1" ""; }

# Runs a command in a folder (the process's own working directory), with any NAME=value
# settings given before it, replacing the subshell so that $! is the service's process id.
run_in() { local folder=$1; shift; cd "$folder" && exec env "$@"; }

bench_start() {
  local pg_port=${BENCH_PG_PORT:-55433} backend_port=${BENCH_BACKEND_PORT:-18001} frontend_port=${BENCH_FRONTEND_PORT:-13000}
  local floor_api_port=${BENCH_FLOOR_API_PORT:-18002} floor_proxy_port=${BENCH_FLOOR_PROXY_PORT:-13001}
  local quiet_backend_port=${BENCH_QUIET_BACKEND_PORT:-18003}
  for port in "$pg_port" "$backend_port" "$frontend_port" "$floor_api_port" "$floor_proxy_port" "$quiet_backend_port"; do
    port_free "$port" || fail "port $port is in use (set BENCH_PG_PORT / BENCH_BACKEND_PORT / BENCH_FRONTEND_PORT / BENCH_FLOOR_API_PORT / BENCH_FLOOR_PROXY_PORT / BENCH_QUIET_BACKEND_PORT)"
  done
  BENCH_WORK=$(mktemp -d /tmp/todo-bench.XXXXXX)
  PG_DIR=$(mktemp -d /tmp/todo-bench-pg.XXXXXX)
  [[ $(id -u) == 0 ]] && chown postgres:postgres "$PG_DIR"

  echo "==> dotnet publish -c Release (backend, frontend, their floors)" >&2
  dotnet publish backend/TodoChatbot.Api -c Release -o "$BENCH_WORK/backend" --nologo -v quiet >&2
  dotnet publish frontend/TodoChatbot.Web -c Release -o "$BENCH_WORK/frontend" --nologo -v quiet >&2
  dotnet publish bench/floor-api -c Release -o "$BENCH_WORK/floor-api" --nologo -v quiet >&2
  dotnet publish bench/floor-proxy -c Release -o "$BENCH_WORK/floor-proxy" --nologo -v quiet >&2

  echo "==> PostgreSQL $(basename "$(dirname "$PG_BIN")") on port $pg_port (default durability settings)" >&2
  as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c port=$pg_port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PG_DIR -c max_connections=300" start >/dev/null
  as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres todo

  export ASPNETCORE_ENVIRONMENT=Production
  export DATABASE_URL="Host=127.0.0.1;Port=$pg_port;Database=todo;Username=postgres"
  JWT_SECRET=$(head -c 48 /dev/urandom | base64 -w0)
  export JWT_SECRET
  # The benchmark is one client address: lift the per-client limits it would otherwise measure.
  export RateLimiting__Auth__PermitLimit=100000 RateLimiting__Chat__PermitLimit=100000 Llm__Provider=offline
  dotnet "$BENCH_WORK/backend/TodoChatbot.Api.dll" migrate >"$BENCH_WORK/migrate.log" 2>&1 || fail "migrate failed (see $BENCH_WORK/migrate.log)"

  # As the images run them (the floors too, so the ratios compare code, not settings): workstation
  # GC, idle thread-pool workers that block instead of spinning, and the publish folder as the
  # working directory, so the content root is where appsettings.json is (from the repository root
  # it is not found, and the services would log every request at Information level).
  export DOTNET_gcServer=0 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=${BENCH_SPIN_LIMIT:-0}
  # And within the memory limit the charts give each pod (helm/backend and helm/frontend
  # values.yaml: 384Mi and 256Mi; each floor gets its system's). The runtime turns a container's
  # limit into a GC heap limit of 75 % of it; DOTNET_GCHeapHardLimit sets the same here (checked on
  # this machine: a process in a real 384 MiB cgroup and one with this setting both collected gen0
  # every 40 MB). Without a limit the workstation GC sizes gen0 from the CPU's last-level cache, so
  # peak memory would measure the host: 81 MB per gen0 collection on a 260 MiB L3 (docs/PERFORMANCE.md).
  # BENCH_MEMORY_LIMITS=off runs without limits.
  local backend_limit=() frontend_limit=()
  # shellcheck disable=SC2034 # read by the benchmark that sources this file
  MEMORY_LIMITS="no memory limits"
  if [[ ${BENCH_MEMORY_LIMITS:-on} != off ]]; then
    # shellcheck disable=SC2034
    MEMORY_LIMITS="memory limits backend ${BENCH_BACKEND_MEMORY_MIB:-384} MiB, frontend ${BENCH_FRONTEND_MEMORY_MIB:-256} MiB"
    backend_limit=(DOTNET_GCHeapHardLimit="$(heap_limit_for_mib "${BENCH_BACKEND_MEMORY_MIB:-384}")")
    frontend_limit=(DOTNET_GCHeapHardLimit="$(heap_limit_for_mib "${BENCH_FRONTEND_MEMORY_MIB:-256}")")
  fi
  BACKEND_URL=http://127.0.0.1:$backend_port
  FRONTEND_URL=http://127.0.0.1:$frontend_port
  ASPNETCORE_URLS=$BACKEND_URL run_in "$BENCH_WORK/backend" "${backend_limit[@]}" dotnet TodoChatbot.Api.dll >"$BENCH_WORK/backend.log" 2>&1 &
  BACKEND_PID=$!
  ASPNETCORE_URLS=$FRONTEND_URL BACKEND_URL=$BACKEND_URL run_in "$BENCH_WORK/frontend" "${frontend_limit[@]}" dotnet TodoChatbot.Web.dll >"$BENCH_WORK/frontend.log" 2>&1 &
  FRONTEND_PID=$!
  FLOOR_API_URL=http://127.0.0.1:$floor_api_port
  FLOOR_PROXY_URL=http://127.0.0.1:$floor_proxy_port
  ASPNETCORE_URLS=$FLOOR_API_URL run_in "$BENCH_WORK/floor-api" "${backend_limit[@]}" dotnet FloorApi.dll >"$BENCH_WORK/floor-api.log" 2>&1 &
  FLOOR_API_PID=$!
  ASPNETCORE_URLS=$FLOOR_PROXY_URL BACKEND_URL=$BACKEND_URL run_in "$BENCH_WORK/floor-proxy" "${frontend_limit[@]}" dotnet FloorProxy.dll >"$BENCH_WORK/floor-proxy.log" 2>&1 &
  FLOOR_PROXY_PID=$!
  # With the "metrics" path: a second backend on the same database with metrics off, to pair with the first.
  if [[ " ${BENCH_PATHS:-backend frontend} " == *" metrics "* ]]; then
    QUIET_BACKEND_URL=http://127.0.0.1:$quiet_backend_port
    ASPNETCORE_URLS=$QUIET_BACKEND_URL Telemetry__Metrics__Enabled=false run_in "$BENCH_WORK/backend" "${backend_limit[@]}" dotnet TodoChatbot.Api.dll \
      >"$BENCH_WORK/backend-no-metrics.log" 2>&1 &
    QUIET_BACKEND_PID=$!
    wait_ok "$QUIET_BACKEND_URL/readyz"
  fi
  wait_ok "$BACKEND_URL/readyz"
  wait_ok "$FRONTEND_URL/readyz"
  # The floors have no health endpoint: any HTTP answer (401 without a token) means listening.
  wait_answers "$FLOOR_API_URL/api/nobody/tasks"
  wait_answers "$FLOOR_PROXY_URL/api/nobody/tasks"
}

# The GC heap limit the runtime derives from a container memory limit of N MiB (75 %), in hex.
heap_limit_for_mib() { printf '0x%x' $(( $1 * 1024 * 1024 * 3 / 4 )); }

bench_stop() {
  local pid
  for pid in ${FLOOR_PROXY_PID:-} ${FLOOR_API_PID:-} ${FRONTEND_PID:-} ${BACKEND_PID:-} ${QUIET_BACKEND_PID:-}; do
    kill "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  if [[ -n ${PG_DIR:-} && -d $PG_DIR/data ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  [[ -n ${PG_DIR:-} ]] && rm -rf "$PG_DIR"
  if [[ -n ${BENCH_WORK:-} && ${BENCH_KEEP:-0} != 1 ]]; then rm -rf "$BENCH_WORK"; fi
}

# Resident memory of a process in MB: VmRSS now, or VmHWM (the peak so far).
memory_mb() { awk -v key="$2:" '$1 == key { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# CPU time a process has used, in milliseconds (user + system).
cpu_ms() {
  local ticks
  ticks=$(awk '{ print $14 + $15 }' "/proc/$1/stat")
  echo $((ticks * 1000 / $(getconf CLK_TCK)))
}
