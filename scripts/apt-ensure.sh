#!/usr/bin/env bash
# Installs the Debian packages named as arguments that are not installed yet (as root; CI and the
# scripts that need system packages: xvfb-smoke.sh, install-atspi.sh).
set -euo pipefail
missing=$(for p in "$@"; do dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"; done)
if [ -n "$missing" ]; then
    echo "installing: $missing"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
