# The Debian package: `cmake --build build/default --target package` (or `cpack -G DEB` in the
# build directory) writes playlist-bridge_<version>_<arch>.deb. Its contents are the install
# rules (cmake/PbInstall.cmake and the programs' own); tests/package builds, installs, lints
# and runs it.

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "${PB_PACKAGE_NAME}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "The Playlist Bridge authors")
set(CPACK_PACKAGE_CONTACT "${PB_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "sync Spotify playlists into a Plex Media Server")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
# DESTDIR staging with the real prefix, so files written at install time (the systemd service)
# name /usr/bin and not the staging directory.
set(CPACK_SET_DESTDIR ON)
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${PB_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION "sound")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
# The extended description; CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY in front as the synopsis.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Playlist Bridge copies Spotify playlists into your own Plex Media Server. It
looks up every track of a playlist in the Plex music library (the studio
recording, not a live cut or a cover) and writes a Plex playlist in exactly
Spotify's order; later syncs update the same Plex playlist with only the
differences. Each match comes with its confidence and reason, a wrong one can
be fixed once for every later sync, and a sync can be cancelled at any moment
without leaving the Plex playlist half written.
.
The package has the desktop app (playlist-bridge), its headless twin for
servers and scripts (playlist-bridge-cli), and a systemd user timer that syncs
every playlist every six hours.")
# The libraries the programs link are found by dpkg-shlibdeps. Qt loads these at run time as
# plugins, which dpkg-shlibdeps cannot see: the SQLite driver of the sync state (libqsqlite)
# and the SVG icon engine and image format of every icon (libqsvgicon, libqsvg). The xcb
# platform plugin and the TLS backend ship in libqt6gui6 and libqt6network6, which
# dpkg-shlibdeps does find.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
# Wayland sessions without XWayland need the Wayland platform plugin; a Secret Service
# provider keeps the tokens in the desktop's keychain (without one they go to a user-only file).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, xdg-utils")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring | kwalletmanager | keepassxc")

include(CPack)
