#!/usr/bin/env bash
# ThreadSanitizer run of every Widgets-free test (the sync service above all) against a Qt
# that is itself built with ThreadSanitizer.
#
#   scripts/tsan.sh                     build what is missing, run every test under TSan
#   scripts/tsan.sh -R '^Sync'          the same, passing CTest arguments through
# Exit status: CTest's (non-zero when a test fails or TSan reports anything), or 77 when Qt's
# source cannot be fetched (no network to Debian's archive).
#
# Why a Qt of our own: the system's Qt is not instrumented. Qt's mutexes are futexes and its
# reference counts atomics inside libQt6Core, so TSan cannot see the ordering Qt gives when it
# hands a queued call or a network request from one thread to another, and reports every such
# hand-off as a race. Built once from Debian's own source of the installed version
# (Core, Network, Sql with the SQLite driver, Concurrent, Test; no Gui), it lives in
# $PB_QT_TSAN_DIR (default build/qt-tsan) and is reused: about 40 minutes on 2 cores the first
# time. Qt HttpServer and Qt WebSockets, which only the fakes use, come from the system and bind
# to the instrumented QtCore and QtNetwork at run time (same version, same ABI).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
QT_DIR=${PB_QT_TSAN_DIR:-$ROOT/build/qt-tsan}
QT_BUILD=$QT_DIR/build
BUILD_DIR=$ROOT/build/tsan-qt
JOBS=$(nproc)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

sudo_cmd() {
    if [ "$(id -u)" -ne 0 ]; then sudo "$@"; else "$@"; fi
}

# Qt's source, fetched with apt from the same Debian release (deb-src is added when missing).
fetch_qt_source() {
    local version
    version=$(dpkg-query -W -f='${Version}' qt6-base-dev)
    mkdir -p "$QT_DIR/src"
    if [ -n "$(find "$QT_DIR/src" -maxdepth 1 -name 'qtbase-everywhere-src-*' -type d)" ]; then
        return
    fi
    log "Fetching the source of qt6-base $version"
    if ! (cd "$QT_DIR/src" && apt-get source --download-only "qt6-base=$version" >/dev/null 2>&1); then
        log "Adding Debian's source index (deb-src) to apt"
        local suite
        suite=$(. /etc/os-release && echo "$VERSION_CODENAME")
        sudo_cmd tee /etc/apt/sources.list.d/playlist-bridge-src.sources >/dev/null <<EOF
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $suite $suite-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
        sudo_cmd apt-get update -qq
        if ! (cd "$QT_DIR/src" && apt-get source --download-only "qt6-base=$version"); then
            log "Could not fetch the source of qt6-base $version: no ThreadSanitizer run"
            exit 77
        fi
    fi
    (cd "$QT_DIR/src" && tar xf qt6-base_*.orig.tar.xz)
}

build_qt() {
    if [ -f "$QT_BUILD/.pb-complete" ]; then
        return
    fi
    sudo_cmd apt-get update -qq
    sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        libpcre2-dev libdouble-conversion-dev libzstd-dev libb2-dev libicu-dev libsqlite3-dev \
        libssl-dev zlib1g-dev perl >/dev/null
    fetch_qt_source
    local src
    src=$(find "$QT_DIR/src" -maxdepth 1 -name 'qtbase-everywhere-src-*' -type d | head -n1)
    log "Configuring Qt with ThreadSanitizer in $QT_BUILD"
    # A non-prefix build (install prefix = build dir) is usable in place, so only the modules
    # the tests link need to be built. The glib event dispatcher is off: glib locks with its
    # own futexes, invisible to TSan, where Qt's UNIX dispatcher is instrumented end to end.
    # forkfd_pidfd off: QProcess then starts programs with fork(), which TSan follows, instead
    # of a vfork-style clone whose child runs in the parent's memory and leaves TSan believing
    # the parent is a forked child (the CLI tests start the CLI with QProcess).
    cmake -G Ninja -S "$src" -B "$QT_BUILD" \
        -DCMAKE_INSTALL_PREFIX="$QT_BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
        -DFEATURE_sanitize_thread=ON -DFEATURE_gui=OFF -DFEATURE_widgets=OFF -DFEATURE_dbus=OFF \
        -DFEATURE_glib=OFF -DFEATURE_forkfd_pidfd=OFF -DFEATURE_sql_sqlite=ON -DFEATURE_system_sqlite=ON \
        -DFEATURE_sql_odbc=OFF -DFEATURE_sql_mysql=OFF -DFEATURE_sql_psql=OFF \
        -DFEATURE_icu=ON -DFEATURE_ssl=ON -DFEATURE_openssl=ON -DFEATURE_libproxy=OFF \
        -DFEATURE_mimetype_database=OFF -DFEATURE_system_pcre2=ON -DFEATURE_doubleconversion=ON \
        -DFEATURE_system_zlib=ON -DQT_BUILD_EXAMPLES=OFF -DQT_BUILD_TESTS=OFF >/dev/null
    log "Building Qt (Core, Network, Sql, Concurrent, Test) with ThreadSanitizer"
    cmake --build "$QT_BUILD" -j "$JOBS" --target Core Network Sql Concurrent Test \
        QSQLiteDriverPlugin QTlsBackendOpenSSLPlugin moc rcc uic
    touch "$QT_BUILD/.pb-complete"
}

build_tests() {
    log "Configuring the Widgets-free layers with ThreadSanitizer in $BUILD_DIR"
    # The system's Qt HttpServer and WebSockets are named directly; their own dependencies
    # resolve to the instrumented Qt found first. QtKeychain links the system's QtCore, so the
    # secrets use the file store here.
    local syscmake
    syscmake=/usr/lib/$(gcc -print-multiarch)/cmake
    cmake -G Ninja -S "$ROOT" -B "$BUILD_DIR" \
        -DCMAKE_PREFIX_PATH="$QT_BUILD" \
        -DQt6HttpServer_DIR="$syscmake/Qt6HttpServer" -DQt6WebSockets_DIR="$syscmake/Qt6WebSockets" \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
        -DPB_TSAN=ON -DPB_BUILD_GUI=OFF -DPB_BUILD_BENCHMARKS=OFF \
        -DCMAKE_DISABLE_FIND_PACKAGE_Qt6Keychain=ON >/dev/null
    log "Building"
    cmake --build "$BUILD_DIR" -j "$JOBS"
}

build_qt
build_tests
log "Running the tests under ThreadSanitizer"
cd "$BUILD_DIR"
# Any report fails the test that printed it (exitcode), and the run stops at the first one.
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 second_deadlock_stack=1 suppressions=$ROOT/tests/tsan.supp ${TSAN_OPTIONS:-}"
export LD_LIBRARY_PATH="$QT_BUILD/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
exec ctest --output-on-failure -j "$JOBS" --timeout 1200 -E '^format\.' "$@"
