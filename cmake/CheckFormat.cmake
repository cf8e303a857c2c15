# Fails when any C++ source in the repository differs from what .clang-format produces.
# Usage: cmake -DCLANG_FORMAT=clang-format -DSOURCE_DIR=<repo> -P CheckFormat.cmake
file(GLOB_RECURSE _files
    "${SOURCE_DIR}/src/*.cpp" "${SOURCE_DIR}/src/*.h"
    "${SOURCE_DIR}/include/*.h"
    "${SOURCE_DIR}/tests/*.cpp" "${SOURCE_DIR}/tests/*.h"
    "${SOURCE_DIR}/bench/*.cpp" "${SOURCE_DIR}/bench/*.h")
list(LENGTH _files _count)
set(_bad "")
foreach(_f IN LISTS _files)
    execute_process(COMMAND "${CLANG_FORMAT}" --style=file --dry-run --Werror "${_f}"
                    RESULT_VARIABLE _rc OUTPUT_QUIET ERROR_QUIET)
    if(NOT _rc EQUAL 0)
        list(APPEND _bad "${_f}")
    endif()
endforeach()
if(_bad)
    list(JOIN _bad "\n  " _list)
    message(FATAL_ERROR "Not formatted (run scripts/format.sh):\n  ${_list}")
endif()
message(STATUS "clang-format: ${_count} files checked, all formatted")
