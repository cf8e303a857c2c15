#!/bin/sh
# Regenerates docs/screenshots/*.png from the real widgets running the built-in demo:
# the main page mid-sync, the details modal mid-sync and after completion, the sync history,
# the tray menu, the sign-in and settings dialogs. Uses Xvfb (xvfb-run) when available,
# otherwise Qt's offscreen platform.
#
#   scripts/screenshots.sh [BUILD_DIR] [--latency-ms N]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build/screenshots"}
[ $# -gt 0 ] && shift
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPB_BUILD_TESTS=OFF
fi
cmake --build "$build" --target playlist-bridge-screenshots
tool="$build/bench/gui/playlist-bridge-screenshots"
out="$root/docs/screenshots"
mkdir -p "$out"
if command -v xvfb-run >/dev/null 2>&1; then
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x900x24" "$tool" "$out" "$@"
else
    echo "xvfb-run not found: using the offscreen platform" >&2
    QT_QPA_PLATFORM=offscreen "$tool" "$out" "$@"
fi
ls -l "$out"
