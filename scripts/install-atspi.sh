#!/usr/bin/env bash
# Installs what the screen-reader test (tests/test_screen_reader.py) needs, where missing: the
# AT-SPI bus, Debian's pyatspi, a D-Bus session launcher, xdotool to type keys, Xvfb (as root).
set -euo pipefail
packages="at-spi2-core python3-pyatspi dbus-x11 xdotool xvfb"
missing=$(for p in $packages; do dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"; done)
if [ -n "$missing" ]; then
    echo "installing: $missing"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
