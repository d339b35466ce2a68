# Shared by the Minikube scripts: step output, --dry-run, version checks. Sourced, not run.
# shellcheck shell=bash
# shellcheck disable=SC2034  # the variables are used by the scripts that source this file

DRY_RUN=false
NAMESPACE=${TODO_NAMESPACE:-todo}
RELEASE=${TODO_RELEASE:-todo}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VERSION=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$ROOT/Directory.Build.props")
step_number=0
# The label up puts on the backend Secret it makes from .env: only such a Secret is up's to update
# and down's to delete; one without it was made by hand and is never touched.
UP_SECRET_LABEL=app.kubernetes.io/managed-by=scripts-minikube-up

step() {
  step_number=$((step_number + 1))
  printf '\n==> %d. %s\n' "$step_number" "$*"
}

# Prints a command as it will run, with every --from-literal value hidden.
show() {
  local shown=()
  for argument in "$@"; do
    if [[ "$argument" == --from-literal=* ]]; then
      shown+=("${argument%%=*}=${argument#*=}")
      shown[-1]="$(printf '%s' "${shown[-1]}" | sed 's/^\(--from-literal=[^=]*=\).*/\1***/')"
    else
      shown+=("$argument")
    fi
  done
  printf '+ %s\n' "${shown[*]}"
}

# Prints a command, then runs it unless --dry-run.
run() {
  show "$@"
  if [[ "$DRY_RUN" == false ]]; then
    "$@"
  fi
}

# Renders an object with `kubectl … --dry-run=client -o yaml` and applies it: create-or-update.
apply_rendered() {
  show kubectl "$@" --dry-run=client -o yaml "|" kubectl apply -f -
  if [[ "$DRY_RUN" == false ]]; then
    kubectl "$@" --dry-run=client -o yaml | kubectl apply -f -
  fi
}

fail() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

# version_at_least 1.32.0 1.28.3 → true when the first is >= the second. (`sed -n 1p` rather than
# `head -n 1`: under pipefail a reader that exits early can kill the writer with SIGPIPE.)
version_at_least() {
  [[ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | sed -n 1p)" == "$2" ]]
}

check_tool() {
  local tool=$1 minimum=$2 version=$3
  if [[ "$DRY_RUN" == true ]]; then
    printf '  %-9s needs >= %s (not checked in --dry-run)\n' "$tool" "$minimum"
    return
  fi
  command -v "$tool" >/dev/null || fail "$tool is not installed (docs/KUBERNETES.md: Install the tools)"
  version_at_least "$version" "$minimum" || fail "$tool $version is older than $minimum"
  printf '  %-9s %s (>= %s)\n' "$tool" "$version" "$minimum"
}

parse_common_flags() {
  for argument in "$@"; do
    case "$argument" in
      --dry-run) DRY_RUN=true ;;
    esac
  done
}

# use_simulated_cluster DIR: puts scripts/minikube/simulated-cluster first on PATH as kubectl,
# helm, curl, minikube and docker, keeping its state in DIR (verify --dry-run; the script tests).
use_simulated_cluster() {
  mkdir -p "$1/bin" "$1/state"
  local tool
  for tool in kubectl helm curl minikube docker; do
    ln -sf "$ROOT/scripts/minikube/simulated-cluster" "$1/bin/$tool"
  done
  export PATH="$1/bin:$PATH" SIM_STATE="$1/state"
}
