# pb_options: the one INTERFACE target every project target links. It carries the language
# standard, the warnings and Qt's strictness defines.
add_library(pb_options INTERFACE)
target_compile_features(pb_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(pb_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    -Wimplicit-fallthrough)
if(PB_WARNINGS_AS_ERRORS)
    target_compile_options(pb_options INTERFACE -Werror)
endif()

target_compile_definitions(pb_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_KEYWORDS
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

target_include_directories(pb_options INTERFACE
    "${PROJECT_SOURCE_DIR}/include"
    "${PROJECT_BINARY_DIR}/generated")

if(PB_SANITIZE)
    target_compile_options(pb_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                -fno-sanitize-recover=undefined)
    target_link_options(pb_options INTERFACE -fsanitize=address,undefined)
endif()
if(PB_TSAN)
    target_compile_options(pb_options INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
    target_link_options(pb_options INTERFACE -fsanitize=thread)
endif()

# pb_add_library(NAME LAYER DEPS...): a layer library built from src/<layer> and include/pb/<layer>.
function(pb_add_library name layer)
    file(GLOB _sources CONFIGURE_DEPENDS
        "${PROJECT_SOURCE_DIR}/src/${layer}/*.cpp"
        "${PROJECT_SOURCE_DIR}/src/${layer}/*.h"
        "${PROJECT_SOURCE_DIR}/include/pb/${layer}/*.h")
    add_library(${name} STATIC ${_sources})
    target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}/src/${layer}")
    target_link_libraries(${name} PUBLIC pb_options)
endfunction()
