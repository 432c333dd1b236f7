#!/usr/bin/env bash
# The Python worker tests run the real python3 (3.9 or newer, standard library only). Debian 12 ships 3.11;
# install it only when no python3 is on PATH.
set -euo pipefail
# shellcheck source=eng/lib/install.sh
source "$(dirname "$0")/../lib/install.sh"

if ! command -v python3 >/dev/null 2>&1; then
  apt_install python3
fi
python3 -c 'import sys; assert sys.version_info >= (3, 9), sys.version' ||
  { echo "python3 is older than 3.9; the Python worker tests need 3.9 or newer" >&2; exit 1; }
