#!/usr/bin/env bash
# Ceph's S3 gateway (radosgw) plus a monitor and an OSD from Debian: the object tests and benchmarks start a
# throwaway single-node cluster on loopback from these binaries (tests/.../Objects/RadosGateway.cs).
set -euo pipefail
# shellcheck source=eng/lib/install.sh
source "$(dirname "$0")/../lib/install.sh"

apt_install radosgw ceph-mon ceph-osd
