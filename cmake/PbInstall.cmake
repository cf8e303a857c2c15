# What `cmake --install` and the Debian package (cmake/PbPackaging.cmake) put on a system: the
# two programs (their install rules sit next to their targets), the desktop entry, the icons,
# the AppStream metadata, the man pages, the bash completion, the systemd user units and the
# copyright and changelog files. Generated files go to the build tree only, never into git.

set(PB_PACKAGE_NAME "playlist-bridge")
set(PB_PACKAGE_MAINTAINER "Playlist Bridge maintainers <maintainers@example.invalid>"
    CACHE STRING "The Maintainer field of the Debian package and its changelog")
# The AppStream component id: the project's homepage host reversed (example.invalid/... ->
# invalid.example.playlist_bridge), as the specification asks for a reverse-DNS name.
string(REGEX REPLACE "^[a-z]+://([^/:]+).*$" "\\1" _pb_host "${PROJECT_HOMEPAGE_URL}")
string(REPLACE "." ";" _pb_host_parts "${_pb_host}")
list(REVERSE _pb_host_parts)
list(JOIN _pb_host_parts "." _pb_reversed_host)
set(PB_APPSTREAM_ID "${_pb_reversed_host}.playlist_bridge")

set(_pb_gen "${PROJECT_BINARY_DIR}/install-files")
set(_pb_res "${PROJECT_SOURCE_DIR}/resources")
set(PB_DOCDIR "${CMAKE_INSTALL_DATADIR}/doc/${PB_PACKAGE_NAME}")

# Man pages: hand-written roff with the version filled in, compressed as Debian wants (-n: no
# timestamp, so the package is reproducible).
set(_pb_man_outputs "")
foreach(_page IN ITEMS playlist-bridge.1 playlist-bridge-cli.1)
    configure_file("${_pb_res}/man/${_page}" "${_pb_gen}/man/${_page}" @ONLY)
    add_custom_command(OUTPUT "${_pb_gen}/man/${_page}.gz"
        COMMAND gzip -9nc "${_pb_gen}/man/${_page}" > "${_pb_gen}/man/${_page}.gz"
        DEPENDS "${_pb_gen}/man/${_page}" VERBATIM)
    list(APPEND _pb_man_outputs "${_pb_gen}/man/${_page}.gz")
endforeach()
configure_file("${_pb_res}/debian/changelog.in" "${_pb_gen}/doc/changelog" @ONLY)
add_custom_command(OUTPUT "${_pb_gen}/doc/changelog.gz"
    COMMAND gzip -9nc "${_pb_gen}/doc/changelog" > "${_pb_gen}/doc/changelog.gz"
    DEPENDS "${_pb_gen}/doc/changelog" VERBATIM)
configure_file("${_pb_res}/debian/copyright" "${_pb_gen}/doc/copyright" @ONLY)
add_custom_target(pb_install_docs ALL DEPENDS ${_pb_man_outputs} "${_pb_gen}/doc/changelog.gz")

install(FILES ${_pb_man_outputs} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES "${_pb_gen}/doc/copyright" "${_pb_gen}/doc/changelog.gz" DESTINATION ${PB_DOCDIR})
install(FILES "${_pb_res}/completion/playlist-bridge-cli"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)

# systemd user units live under <prefix>/lib/systemd/user whatever the libdir is. ExecStart
# needs the installed program's absolute path, which is only known at install time (the
# package installs to /usr, a local install to /usr/local), so the service is written then.
set(PB_SYSTEMD_USER_UNITDIR "lib/systemd/user")
install(FILES "${_pb_res}/systemd/playlist-bridge-sync.timer" DESTINATION ${PB_SYSTEMD_USER_UNITDIR})
install(CODE "
    set(PB_UNIT_BINDIR \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
    set(_unit \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${PB_SYSTEMD_USER_UNITDIR}/playlist-bridge-sync.service\")
    message(STATUS \"Installing: \${_unit}\")
    configure_file(\"${_pb_res}/systemd/playlist-bridge-sync.service.in\" \"\${_unit}\" @ONLY)
    list(APPEND CMAKE_INSTALL_MANIFEST_FILES \"\${_unit}\")
")

if(PB_BUILD_GUI)
    install(FILES "${_pb_res}/playlist-bridge.desktop" DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    configure_file("${_pb_res}/metainfo/playlist-bridge.metainfo.xml.in"
                   "${_pb_gen}/metainfo/${PB_APPSTREAM_ID}.metainfo.xml" @ONLY)
    install(FILES "${_pb_gen}/metainfo/${PB_APPSTREAM_ID}.metainfo.xml"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

    # The hicolor theme: the SVG and PNGs rendered from it at build time.
    set(_pb_icon "${_pb_res}/icons/playlist-bridge.svg")
    install(FILES "${_pb_icon}" DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    find_program(PB_RSVG_CONVERT rsvg-convert)
    if(PB_RSVG_CONVERT)
        set(_pb_pngs "")
        foreach(_size IN ITEMS 16 22 24 32 48 64 128 256 512)
            set(_png "${_pb_gen}/icons/${_size}x${_size}/playlist-bridge.png")
            add_custom_command(OUTPUT "${_png}"
                COMMAND ${CMAKE_COMMAND} -E make_directory "${_pb_gen}/icons/${_size}x${_size}"
                COMMAND ${PB_RSVG_CONVERT} --width ${_size} --height ${_size} --output "${_png}" "${_pb_icon}"
                DEPENDS "${_pb_icon}" VERBATIM)
            list(APPEND _pb_pngs "${_png}")
            install(FILES "${_png}" DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${_size}x${_size}/apps)
        endforeach()
        add_custom_target(pb_icons ALL DEPENDS ${_pb_pngs})
    else()
        message(WARNING "rsvg-convert (librsvg2-bin) not found: the PNG icons are not built or installed")
    endif()
endif()
