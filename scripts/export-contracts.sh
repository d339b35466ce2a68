#!/usr/bin/env bash
# Rewrites specs/contracts/openapi.json and mcp-tools.json from the running service (in-process),
# after a deliberate change to the API or the MCP tools. The contract test fails until you do.
# (In this mode the two contract tests write the files and report themselves skipped.)
# Usage: scripts/export-contracts.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
TODO_UPDATE_CONTRACTS=1 dotnet test --project tests/TodoChatbot.Api.Tests -- --filter-class '*ContractTests'
git --no-pager diff --stat -- specs/contracts
