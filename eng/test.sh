#!/usr/bin/env bash
# Runs the whole test suite from a fresh clone: installs the tools the tests need (idempotently, cached),
# builds, runs every test project, and ends with the line "N passed, N failed[, N skipped]".
# The test fixtures start and stop the servers they use (DynamoDB Local, radosgw, python3 workers).
set -euo pipefail
cd "$(dirname "$0")/.."

export MULTIVERSE_TOOLS_DIR="${MULTIVERSE_TOOLS_DIR:-$HOME/.cache/multiverse-sdk}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p "$MULTIVERSE_TOOLS_DIR"

for prerequisite in eng/prerequisites/*.sh; do
  echo "==> prerequisites: $(basename "$prerequisite" .sh)"
  bash "$prerequisite"
done

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

echo "==> build"
dotnet build Multiverse.Sdk.sln -c Release

echo "==> test"
status=0
dotnet test Multiverse.Sdk.sln -c Release --no-build \
  --results-directory "$results" \
  --logger "trx;LogFilePrefix=tests" \
  --logger "junit;LogFilePath=$PWD/$results/{assembly}.junit.xml;MethodFormat=Class;FailureBodyFormat=Verbose" \
  --logger "console;verbosity=normal" \
  --blame-hang-timeout 10m "$@" || status=$?

python3 eng/summarize-trx.py "$results"
exit "$status"
