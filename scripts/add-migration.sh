#!/usr/bin/env bash
# Adds an EF Core migration for both database providers (PostgreSQL and SQLite).
# Usage: scripts/add-migration.sh MigrationName
#
# Runs EF Core's own tool (ef.dll from the Microsoft.EntityFrameworkCore.Tools package the API
# project references) so no global 'dotnet-ef' install is needed.
set -euo pipefail

name=${1:-}
if [[ -z "$name" || "$name" == -* ]]; then
  echo "usage: scripts/add-migration.sh MigrationName" >&2
  exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
project="$root/backend/TodoChatbot.Api"
out="$project/bin/Debug/net10.0"

echo "==> building the API"
dotnet build "$project" -c Debug -nologo -v quiet >/dev/null

packages=$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')
version=$(sed -n 's/.*Include="Microsoft.EntityFrameworkCore.Tools" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")
ef=$(find "$packages/microsoft.entityframeworkcore.tools/$version/tools" -name ef.dll -print -quit)
if [[ -z "$ef" ]]; then
  echo "error: ef.dll of Microsoft.EntityFrameworkCore.Tools $version not found under $packages (run dotnet restore)" >&2
  exit 1
fi

for provider in Postgres Sqlite; do
  echo "==> adding migration $name for $provider"
  dotnet exec \
    --depsfile "$out/TodoChatbot.Api.deps.json" \
    --runtimeconfig "$out/TodoChatbot.Api.runtimeconfig.json" \
    --additionalprobingpath "$packages" \
    "$ef" migrations add "$name" \
    --assembly "$out/TodoChatbot.Api.dll" \
    --project-dir "$project/" \
    --root-namespace TodoChatbot.Api \
    --context "${provider}TodoDbContext" \
    --output-dir "Data/Migrations/$provider"
done
echo "==> done: review backend/TodoChatbot.Api/Data/Migrations/{Postgres,Sqlite}"
