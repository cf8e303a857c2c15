# Every dependency comes from the system's packages (Debian 12: Qt 6.4). No downloads at build time.
set(CMAKE_AUTOMOC ON)
set(CMAKE_AUTORCC ON)
set(CMAKE_AUTOUIC ON)

find_package(Qt6 6.4 REQUIRED COMPONENTS Core Gui Widgets Network Concurrent HttpServer Sql Test)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(spdlog 1.10 REQUIRED)

find_package(Qt6Keychain QUIET)
if(Qt6Keychain_FOUND)
    message(STATUS "QtKeychain found: secrets go to the system keychain")
else()
    message(STATUS "QtKeychain not found: secrets go to a user-only file")
endif()

if(PB_BUILD_TESTS)
    find_package(GTest REQUIRED)
endif()
if(PB_BUILD_BENCHMARKS)
    find_package(benchmark REQUIRED)
endif()

find_program(PB_CCACHE ccache)
if(PB_CCACHE)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${PB_CCACHE}")
endif()
