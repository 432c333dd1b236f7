#!/usr/bin/env bash
# AWS's own DynamoDB Local (1.25.1) for the documents contract tests. It ships inside the npm package
# amplify-dynamodb-simulator; `npm pack` fetches only that tarball, so none of the package's own
# dependencies are installed. Java 17 runs it; the test fixture starts it on a free loopback port.
set -euo pipefail
# shellcheck source=eng/lib/install.sh
source "$(dirname "$0")/../lib/install.sh"

version=2.9.30
target="$MULTIVERSE_TOOLS_DIR/dynamodb-local"
[ -f "$target/.installed-$version" ] && exit 0

require_command java openjdk-17-jre-headless
require_command npm npm

echo "installing DynamoDB Local from amplify-dynamodb-simulator@$version"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "amplify-dynamodb-simulator@$version" >/dev/null)
tar -xzf "$work"/amplify-dynamodb-simulator-*.tgz -C "$work" package/emulator

rm -rf "$target"
mkdir -p "$target"
cp -R "$work/package/emulator/." "$target/"
touch "$target/.installed-$version"
