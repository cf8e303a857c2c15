#!/usr/bin/env bash
# The Debian package, built and checked the way a user and Debian's tools see it:
#   package.sh build    BUILD_DIR OUT   cpack -G DEB into OUT, then `dpkg -x` into OUT/root
#   package.sh run      OUT VERSION     the installed programs start from the scratch root
#   package.sh contents OUT README      every file and control field the package must have
#   package.sh lintian  OUT             lintian shows no error (warnings are printed)
#   package.sh metadata OUT             appstreamcli, desktop-file-validate, systemd-analyze
# The checks run on what `build` wrote (CTest fixture "pb_package").
set -euo pipefail

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

deb_of() {
    local debs=("$1"/*.deb)
    [ -f "${debs[0]}" ] || fail "no .deb in $1 (did package.build run?)"
    [ ${#debs[@]} -eq 1 ] || fail "several .deb files in $1: ${debs[*]}"
    echo "${debs[0]}"
}

cmd=$1
shift
case $cmd in
build)
    build_dir=$1 out=$2
    rm -rf "$out"
    mkdir -p "$out"
    (cd "$build_dir" && cpack -G DEB -B "$out" >"$out/cpack.log" 2>&1) || {
        cat "$out/cpack.log" >&2
        fail "cpack -G DEB failed"
    }
    rm -rf "$out/_CPack_Packages"
    deb=$(deb_of "$out")
    dpkg-deb --info "$deb"
    dpkg-deb -x "$deb" "$out/root"
    echo "built and unpacked $(basename "$deb") ($(stat -c %s "$deb") bytes)"
    ;;

run)
    out=$1 version=$2
    root="$out/root"
    for program in playlist-bridge playlist-bridge-cli; do
        exe="$root/usr/bin/$program"
        [ -x "$exe" ] || fail "$program is not in the package"
        # Our own layers are linked in statically; everything else must come from the system,
        # with no run path pointing anywhere (least of all into the build tree).
        if readelf -d "$exe" | grep -E 'RPATH|RUNPATH'; then
            fail "$program has a run path"
        fi
        if env -u LD_LIBRARY_PATH ldd "$exe" | grep -E 'not found|/build/'; then
            fail "$program needs a library the system does not provide"
        fi
        got=$(env -u LD_LIBRARY_PATH -u QT_PLUGIN_PATH "$exe" --version)
        echo "$program --version: $got"
        [ "$got" = "$program $version" ] || fail "$program --version printed '$got', not '$program $version'"
    done
    # The installed CLI does real work: two playlists of the embedded demo world synced, with the
    # state in SQLite through Qt's plugin. (Not --all: the demo has a followed playlist Spotify
    # does not let apps read, which fails as it should.)
    home=$(mktemp -d)
    trap 'rm -rf "$home"' EXIT
    env -u LD_LIBRARY_PATH -u QT_PLUGIN_PATH HOME="$home" XDG_CONFIG_HOME="$home/config" \
        XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache" \
        "$root/usr/bin/playlist-bridge-cli" --demo --latency-ms 0 sync "Feat. Friends" "Around the World" \
        --json >"$home/sync.json" || fail "the installed playlist-bridge-cli --demo sync failed"
    python3 - "$home/sync.json" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
outcomes = [p["outcome"] for p in doc["playlists"]]
assert len(outcomes) == 2 and all(o == "succeeded" for o in outcomes), outcomes
assert all(p["matched"] > 0 and p["plexPlaylist"]["ratingKey"] for p in doc["playlists"]), doc
print(f"installed CLI synced {len(outcomes)} demo playlists")
EOF
    ;;

contents)
    out=$1 readme=$2
    deb=$(deb_of "$out")
    root="$out/root"
    expected=(
        usr/bin/playlist-bridge
        usr/bin/playlist-bridge-cli
        usr/share/applications/playlist-bridge.desktop
        usr/share/icons/hicolor/scalable/apps/playlist-bridge.svg
        usr/share/man/man1/playlist-bridge.1.gz
        usr/share/man/man1/playlist-bridge-cli.1.gz
        usr/share/bash-completion/completions/playlist-bridge-cli
        usr/lib/systemd/user/playlist-bridge-sync.service
        usr/lib/systemd/user/playlist-bridge-sync.timer
        usr/share/doc/playlist-bridge/copyright
        usr/share/doc/playlist-bridge/changelog.gz
    )
    for size in 16 22 24 32 48 64 128 256 512; do
        expected+=("usr/share/icons/hicolor/${size}x${size}/apps/playlist-bridge.png")
        png="$root/usr/share/icons/hicolor/${size}x${size}/apps/playlist-bridge.png"
        if [ -f "$png" ]; then
            file -b "$png" | grep -q "PNG image data, $size x $size" || fail "$png is not a ${size}x$size PNG"
        fi
    done
    for f in "${expected[@]}"; do
        [ -f "$root/$f" ] || fail "/$f is not in the package"
    done
    ls "$root"/usr/share/metainfo/*.metainfo.xml >/dev/null || fail "no AppStream metainfo in the package"
    [ ! -e "$root/usr/bin/playlist-bridge-fakes" ] || fail "the developer tool playlist-bridge-fakes is packaged"
    grep -qx 'ExecStart=/usr/bin/playlist-bridge-cli sync --all' \
        "$root/usr/lib/systemd/user/playlist-bridge-sync.service" || fail "the service does not run /usr/bin/playlist-bridge-cli sync --all"

    field() { dpkg-deb -f "$deb" "$1"; }
    [ "$(field Package)" = playlist-bridge ] || fail "Package: $(field Package)"
    [ "$(field Section)" = sound ] || fail "Section: $(field Section)"
    [ -n "$(field Homepage)" ] || fail "no Homepage"
    field Maintainer | grep -q '<.*@.*>' || fail "Maintainer has no address: $(field Maintainer)"
    depends=$(field Depends)
    echo "Depends: $depends"
    # From dpkg-shlibdeps (the linked libraries) and the explicit plugin packages.
    for dep in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6sql6 \
        libqt6sql6-sqlite libqt6svg6; do
        echo "$depends" | tr ',' '\n' | sed -e 's/^ *//' -e 's/ .*//' | grep -qxF "$dep" || fail "Depends lacks $dep"
    done
    # The README's install command names this very file.
    grep -qF "sudo apt install ./build/default/$(basename "$deb")" "$readme" ||
        fail "README.md does not install $(basename "$deb")"
    echo "the package has all ${#expected[@]} expected files and its control fields"
    ;;

lintian)
    out=$1
    deb=$(deb_of "$out")
    # --fail-on error: warnings are reported (and listed in docs/packaging.md) but do not fail.
    set +e
    lintian --fail-on error --display-info "$deb" 2>&1 | tee "$out/lintian.txt"
    rc=${PIPESTATUS[0]}
    set -e
    [ "$rc" -eq 0 ] || fail "lintian reports errors (exit $rc)"
    if grep -q '^E:' "$out/lintian.txt"; then
        fail "lintian reports errors"
    fi
    echo "lintian: no errors ($(grep -c '^W:' "$out/lintian.txt" || true) warnings)"
    ;;

metadata)
    out=$1
    root="$out/root"
    appstreamcli validate --no-net --pedantic "$root"/usr/share/metainfo/*.metainfo.xml
    # Any message at all (also a hint) fails: the entry must be clean.
    msgs=$(desktop-file-validate "$root/usr/share/applications/playlist-bridge.desktop" 2>&1) ||
        fail "desktop-file-validate: $msgs"
    [ -z "$msgs" ] || fail "desktop-file-validate: $msgs"
    echo "desktop-file-validate: clean"
    # systemd-analyze verify works offline on unit files, but checks that ExecStart= exists and
    # that Documentation=man: pages open. The package is not installed into /, so a copy of
    # the service runs the scratch root's program (the contents check pins the real line to
    # /usr/bin/playlist-bridge-cli) and man looks in the scratch root's pages. A user manager
    # needs a runtime directory, which CI (no login session) lacks: a private one is made.
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    mkdir -m 700 "$scratch/runtime" "$scratch/units"
    units="$root/usr/lib/systemd/user"
    sed "s#^ExecStart=/usr/bin/#ExecStart=$root/usr/bin/#" "$units/playlist-bridge-sync.service" \
        >"$scratch/units/playlist-bridge-sync.service"
    cp "$units/playlist-bridge-sync.timer" "$scratch/units/"
    msgs=$(XDG_RUNTIME_DIR="$scratch/runtime" MANPATH="$root/usr/share/man" \
        systemd-analyze --user verify "$scratch/units/playlist-bridge-sync.timer" \
        "$scratch/units/playlist-bridge-sync.service" 2>&1) || fail "systemd-analyze verify: $msgs"
    # It exits 0 on some problems (unknown keys are "ignored"): any message fails.
    [ -z "$msgs" ] || fail "systemd-analyze verify: $msgs"
    echo "systemd-analyze verify: both units clean"
    ;;

*)
    fail "unknown check '$cmd'"
    ;;
esac
