#!/usr/bin/env bash
# Makes local stand-ins for the base images the Dockerfiles use, for machines that cannot pull
# from a registry (air-gapped networks, this project's CI). Built from Debian packages and the
# .NET installed on this machine:
#
#   todo-local/dotnet-sdk:10.0      stands in for the official dotnet/sdk:10.0
#   todo-local/dotnet-aspnet:10.0   stands in for the official dotnet/aspnet:10.0-noble-chiseled:
#                                   no shell, no package manager, user 1654 'app', just the
#                                   libraries the runtime needs, like the real chiseled image
#   todo-local/postgres:15          stands in for the official postgres image (same variables,
#                                   data directory and port), for docker compose
#
# Then build with:  --build-arg SDK_IMAGE=todo-local/dotnet-sdk:10.0 --build-arg RUNTIME_IMAGE=todo-local/dotnet-aspnet:10.0
# Usage: scripts/docker/make-base-images.sh [--force]   (needs root, mmdebstrap, a running Docker engine)
set -euo pipefail

force=false
[[ "${1:-}" == "--force" ]] && force=true
docker_cli=/usr/bin/docker
dotnet_root=${DOTNET_ROOT:-/usr/share/dotnet}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

have() { [[ "$force" == false ]] && "$docker_cli" image inspect "$1" >/dev/null 2>&1; }

if have todo-local/dotnet-sdk:10.0 && have todo-local/dotnet-aspnet:10.0 && have todo-local/postgres:15; then
  echo "==> stand-in base images already present (use --force to rebuild)"
  exit 0
fi
for tool in mmdebstrap "$docker_cli"; do
  command -v "$tool" >/dev/null || { echo "error: $tool is not installed" >&2; exit 1; }
done
[[ -x "$dotnet_root/dotnet" ]] || { echo "error: no .NET at $dotnet_root (set DOTNET_ROOT)" >&2; exit 1; }

echo "==> Debian bookworm root file system (mmdebstrap, minbase)"
mmdebstrap --quiet --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata bookworm "$work/rootfs" >/dev/null

# The machine may trust an extra certificate authority (a proxy in front of the package feeds);
# containers that restore packages must trust it too.
cp /etc/ssl/certs/ca-certificates.crt "$work/rootfs/etc/ssl/certs/ca-certificates.crt"

echo "==> todo-local/dotnet-sdk:10.0"
mkdir -p "$work/rootfs/usr/share/dotnet"
cp -a "$dotnet_root/." "$work/rootfs/usr/share/dotnet/"
ln -sf /usr/share/dotnet/dotnet "$work/rootfs/usr/bin/dotnet"
tar -C "$work/rootfs" -c . | "$docker_cli" import \
  --change 'ENV DOTNET_ROOT=/usr/share/dotnet' \
  --change 'ENV DOTNET_CLI_TELEMETRY_OPTOUT=1' \
  --change 'ENV DOTNET_NOLOGO=1' \
  --change 'ENV NUGET_CERT_REVOCATION_MODE=offline' \
  --change 'WORKDIR /src' \
  - todo-local/dotnet-sdk:10.0 >/dev/null
rm -rf "$work/rootfs/usr/share/dotnet"

echo "==> todo-local/dotnet-aspnet:10.0 (chiseled-like: no shell)"
runtime="$work/runtime"
mkdir -p "$runtime/usr/share/dotnet/shared" "$runtime/usr/bin" "$runtime/etc" "$runtime/tmp" "$runtime/app" "$runtime/home/app" "$runtime/usr/share"
# Merged /usr: /lib and /lib64 are links into /usr, as on the real base.
cp -a "$work/rootfs/lib" "$work/rootfs/lib64" "$runtime/"
cp -a "$work/rootfs/usr/lib" "$runtime/usr/"
[[ -d "$work/rootfs/usr/lib64" ]] && cp -a "$work/rootfs/usr/lib64" "$runtime/usr/"
cp -a "$work/rootfs/etc/ssl" "$runtime/etc/"
cp -a "$work/rootfs/usr/share/zoneinfo" "$runtime/usr/share/"
# Drop what a chiseled image does not have: the package manager's and the shell's libraries stay
# harmless without binaries; no /bin, /sbin or /usr/bin tools are copied at all.
cp -a "$dotnet_root/host" "$runtime/usr/share/dotnet/"
cp -a "$dotnet_root/dotnet" "$runtime/usr/share/dotnet/"
cp -a "$dotnet_root/shared/Microsoft.NETCore.App" "$dotnet_root/shared/Microsoft.AspNetCore.App" "$runtime/usr/share/dotnet/shared/"
ln -s /usr/share/dotnet/dotnet "$runtime/usr/bin/dotnet"
printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654:app:/home/app:/sbin/nologin\n' > "$runtime/etc/passwd"
printf 'root:x:0:\napp:x:1654:\n' > "$runtime/etc/group"
chmod 1777 "$runtime/tmp"
chown 1654:1654 "$runtime/home/app"
tar -C "$runtime" -c . | "$docker_cli" import \
  --change 'ENV APP_UID=1654' \
  --change 'ENV DOTNET_ROOT=/usr/share/dotnet' \
  --change 'ENV DOTNET_RUNNING_IN_CONTAINER=true' \
  --change 'ENV ASPNETCORE_HTTP_PORTS=8080' \
  --change 'USER 1654' \
  --change 'WORKDIR /app' \
  - todo-local/dotnet-aspnet:10.0 >/dev/null

echo "==> todo-local/postgres:15 (Debian's PostgreSQL behind the official image's interface)"
tar -C "$work/rootfs" -c . | "$docker_cli" import - todo-local/debian:bookworm >/dev/null
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DOCKER_BUILDKIT=1 "$docker_cli" build -q -t todo-local/postgres:15 "$here/postgres-standin" >/dev/null

"$docker_cli" image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep '^todo-local/'
