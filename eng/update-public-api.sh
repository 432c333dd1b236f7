#!/usr/bin/env bash
# Adds every public symbol the build reports as undeclared (RS0016) to PublicAPI.Unshipped.txt and removes
# those it reports as no longer present (RS0017), so API changes are reviewed as a diff of that file.
set -euo pipefail
cd "$(dirname "$0")/.."
project=src/Multiverse.Sdk
unshipped=$project/PublicAPI.Unshipped.txt
log=$(mktemp)
trap 'rm -f "$log"' EXIT

dotnet build "$project" -c Debug --no-incremental -p:TreatWarningsAsErrors=false >"$log" 2>&1 || true
added=$(grep -oP "RS0016: Symbol '\K.*?(?=' is not part of the declared public API)" "$log" | sort -u || true)
removed=$(grep -oP "RS0017: Symbol '\K.*?(?=' is part of the declared API)" "$log" | sort -u || true)

{
  echo '#nullable enable'
  {
    grep -v '^#nullable enable$' "$unshipped" || true
    if [ -n "$added" ]; then printf '%s\n' "$added"; fi
  } | grep -vxF -f <(printf '%s\n' "$removed" | sed '/^$/d'; echo '#nullable enable') | sed '/^$/d' | LC_ALL=C sort -u
} >"$unshipped.new"
mv "$unshipped.new" "$unshipped"
echo "public API: $(printf '%s' "$added" | grep -c . || true) added," \
    "$(printf '%s' "$removed" | grep -c . || true) removed"
