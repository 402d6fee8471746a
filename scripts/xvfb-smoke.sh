#!/usr/bin/env bash
# Launches the app on a virtual X display (the path a Linux desktop user takes),
# takes a screenshot and checks it is not blank. Installs Xvfb and the X libraries
# Qt's xcb plugin needs when they are missing (Debian/Ubuntu, as root).
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
libs="xvfb libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-cursor0"
bash scripts/apt-ensure.sh $libs

display=:$(( 90 + RANDOM % 9 ))
Xvfb "$display" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true; rm -rf "$work"' EXIT
work=$(mktemp -d)
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

DISPLAY=$display QT_QPA_PLATFORM=xcb "$python" main.py --data-dir "$work/data" --select sciatic-nerve \
    --screenshot "$work/shot.png" --size 1600x1000
"$python" - "$work/shot.png" <<'PY'
import sys
from PIL import Image, ImageStat
image = Image.open(sys.argv[1]).convert("RGB")
colours = image.getcolors(maxcolors=1 << 22) or []
spread = max(ImageStat.Stat(image).stddev)
print(f"screenshot {image.size[0]}x{image.size[1]}: {len(colours)} colours, spread {spread:.1f}")
if image.size != (1600, 1000) or len(colours) < 200 or spread < 10:
    sys.exit("the window looks blank on a real X display")
PY
echo "Xvfb launch: ok"
