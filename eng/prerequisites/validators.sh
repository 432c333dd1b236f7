#!/usr/bin/env bash
# Tools that validate generated and CI files: yamllint, shellcheck, rsync (gitlab-ci-local's shell jobs)
# from Debian, and gitlab-ci-local 4.73.0 from npm (newer versions need Node 22).
set -euo pipefail
# shellcheck source=eng/lib/install.sh
source "$(dirname "$0")/../lib/install.sh"

apt_install yamllint shellcheck rsync
require_command npm npm
npm_install_tool gitlab-ci-local 4.73.0
