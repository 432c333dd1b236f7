#!/usr/bin/env bash
# The Lambda tests publish a test app with native AOT, which compiles and links through a C toolchain:
# ILCompiler looks for clang (and links zlib). Debian's clang and zlib1g-dev are what .NET documents for Linux.
set -euo pipefail
# shellcheck source=eng/lib/install.sh
source "$(dirname "$0")/../lib/install.sh"

apt_install clang zlib1g-dev
