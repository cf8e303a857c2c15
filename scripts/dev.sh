#!/usr/bin/env bash
# The newcomer's entry point (see README.md):
#   scripts/dev.sh run [APP ARGS...]  install what is missing, build, launch the app
#   scripts/dev.sh test               install what is missing, build, run every test
#   scripts/dev.sh build              install what is missing, build
# Installing is idempotent and takes no time when everything is there.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PRESET=${PB_PRESET:-default}
BUILD_DIR="$ROOT/build/$PRESET"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_missing() {
    local wanted=() missing=()
    mapfile -t wanted < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$ROOT/scripts/packages.txt")
    local pkg
    for pkg in "${wanted[@]}"; do
        pkg=$(echo "$pkg" | xargs)
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return
    fi
    log "Installing ${#missing[@]} missing packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    log "Configuring ($PRESET)"
    cmake --preset "$PRESET" >/dev/null
    log "Building"
    cmake --build "$BUILD_DIR" -j "$(nproc)"
}

cmd=${1:-run}
shift || true
case "$cmd" in
run)
    install_missing
    build
    log "Launching Playlist Bridge"
    exec "$BUILD_DIR/src/app/playlist-bridge" "$@"
    ;;
test)
    install_missing
    build
    log "Running every test"
    cd "$BUILD_DIR"
    exec ctest --output-on-failure -j "$(nproc)" --timeout 600
    ;;
build)
    install_missing
    build
    ;;
*)
    echo "usage: scripts/dev.sh run [APP ARGS...] | test | build" >&2
    exit 2
    ;;
esac
