#!/usr/bin/env bash
# Installs what the screen-reader test (tests/test_screen_reader.py) needs, where missing: the
# AT-SPI bus, Debian's pyatspi, a D-Bus session launcher, xdotool to type keys, Xvfb (as root).
set -euo pipefail
bash "$(dirname "$0")/apt-ensure.sh" at-spi2-core python3-pyatspi dbus-x11 xdotool xvfb
