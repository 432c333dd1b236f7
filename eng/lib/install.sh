#!/usr/bin/env bash
# Shared helpers for eng/prerequisites/*.sh: idempotent installs that cache under $MULTIVERSE_TOOLS_DIR.

MULTIVERSE_TOOLS_DIR="${MULTIVERSE_TOOLS_DIR:-$HOME/.cache/multiverse-sdk}"
export MULTIVERSE_TOOLS_DIR
mkdir -p "$MULTIVERSE_TOOLS_DIR"

# apt_install PACKAGE...: installs the Debian packages that are missing; updates the package lists once.
apt_install() {
  local missing=()
  local package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  echo "installing Debian packages: ${missing[*]}"
  local stamp="$MULTIVERSE_TOOLS_DIR/apt-updated"
  if [ ! -f "$stamp" ] || [ -n "$(find "$stamp" -mmin +720)" ]; then
    apt-get update -qq
    touch "$stamp"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# npm_install_tool NAME VERSION: installs an npm package into $MULTIVERSE_TOOLS_DIR/npm/NAME-VERSION.
# The tests find it there through the same variable.
npm_install_tool() {
  local name=$1 version=$2
  local prefix="$MULTIVERSE_TOOLS_DIR/npm/$name-$version"
  [ -f "$prefix/.installed" ] && return 0

  echo "installing npm package $name@$version"
  mkdir -p "$prefix"
  npm install --silent --no-audit --no-fund --prefix "$prefix" "$name@$version" >/dev/null
  touch "$prefix/.installed"
}

# require_command COMMAND DEBIAN_PACKAGE: installs the package when the command is not on PATH
# (for example java or node in a plain .NET SDK container image).
require_command() {
  local command=$1 package=$2
  command -v "$command" >/dev/null 2>&1 || apt_install "$package"
}
