#!/usr/bin/env bash
# Fuzzing with libFuzzer: builds the fuzz targets of tests/fuzz with clang and
# -fsanitize=fuzzer,address,undefined into build/fuzz, then runs each for a bounded time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   SECONDS per target (default 60); default every target
#
# Targets: world, faults, fakes_request, spotify_json, plex_json (tests/fuzz/<target>_fuzz.cpp)
# and the import formats import_spotify_json, import_csv, import_m3u, import_xspf, import_jspf,
# import_text, import_zip, import_file (tests/fuzz/import_fuzz.cpp).
# Each starts from its corpus in tests/data/fuzz/<target>/ (and the folders named in
# tests/fuzz/<target>.seeds) and writes what it learns to
# build/fuzz/work/<target>/ (outside the repository): corpus/ (new inputs), crash-*, leak-*,
# timeout-*, oom-* (inputs that failed) and log. With PB_FUZZ_KEEP=1 the new inputs that add
# coverage are merged into tests/data/fuzz/<target>/ (review them before committing).
# Needs clang (Debian: clang, with libFuzzer in libclang-rt). Prints one summary line per
# target; exits 1 when a target found a crash, a sanitizer report, a leak, a hang or an OOM.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BUILD="$ROOT/build/fuzz"
SECS=${1:-60}
shift || true
if [ $# -gt 0 ]; then
    TARGETS=("$@")
else
    TARGETS=()
    for f in tests/data/fuzz/*/; do
        TARGETS+=("$(basename "$f")")
    done
fi
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is needed (apt install clang)" >&2; exit 2; }

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

log "Configuring $BUILD (clang, libFuzzer, ASan, UBSan)"
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ -DPB_FUZZ_LIBFUZZER=ON -DPB_BUILD_GUI=OFF -DPB_BUILD_BENCHMARKS=OFF \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
    >/dev/null
log "Building ${TARGETS[*]}"
cmake --build "$BUILD" -j 2 --target "${TARGETS[@]/#/pb_fuzz_}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=0
summary=()
for t in "${TARGETS[@]}"; do
    work="$BUILD/work/$t"
    mkdir -p "$work/corpus"
    touch "$work/.started" # findings of this run are the artifacts newer than this
    dict=()
    [ -f "tests/fuzz/$t.dict" ] && dict=("-dict=tests/fuzz/$t.dict")
    seeds=("tests/data/fuzz/$t")
    if [ -f "tests/fuzz/$t.seeds" ]; then # more seed folders (files there are for CTest only)
        while read -r seed; do
            [ -d "$seed" ] && seeds+=("$seed")
        done < <(grep -v '^#' "tests/fuzz/$t.seeds")
    fi
    log "Fuzzing $t for ${SECS}s"
    set +e
    "$BUILD/tests/fuzz/pb_fuzz_$t" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -print_final_stats=1 -artifact_prefix="$work/" "${dict[@]}" \
        "$work/corpus" "${seeds[@]}" >"$work/log" 2>&1
    rc=$?
    set -e
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log" | tail -1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$work/log" | tail -1)
    last=$(grep -E '^#[0-9]+' "$work/log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9A-Za-z]*\).*/\1/p' <<<"$last")
    found=$(find "$work" -maxdepth 1 -newer "$work/.started" \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
        -o -name 'oom-*' \) | wc -l)
    line="$t: ${SECS}s, ${execs:-0} execs (${speed:-0}/s), cov ${cov:-?}, ft ${ft:-?}, corpus ${corp:-?}, peak ${rss:-?} MB, findings ${found}"
    if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
        line="$line -> FAILED (exit $rc; see $work/log)"
        failed=1
    fi
    summary+=("$line")
    if [ "${PB_FUZZ_KEEP:-0}" = 1 ]; then
        "$BUILD/tests/fuzz/pb_fuzz_$t" -merge=1 "tests/data/fuzz/$t" "$work/corpus" >>"$work/log" 2>&1
    fi
done
printf '%s\n' "${summary[@]}"
exit "$failed"
