# SPDX-License-Identifier: PostgreSQL
# CPack settings for the Debian packages. In a build tree:
#   cpack -G DEB      ->  mimeo_<version>_<arch>.deb, mimeo-studio_<version>_<arch>.deb
# The packages always install under /usr, whatever CMAKE_INSTALL_PREFIX says.
# Dependencies on libraries come from the binaries (dpkg-shlibdeps); only
# what is loaded at run time without being linked is named here.

set(MIMEO_PACKAGE_CONTACT "The Mimeo Studio developers <maintainers@example.invalid>"
    CACHE STRING "Maintainer field of the .deb packages")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME mimeo)
set(CPACK_PACKAGE_VENDOR "The Mimeo Studio developers")
set(CPACK_PACKAGE_CONTACT "${MIMEO_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Packages carry stripped binaries (the build tree keeps the symbols).
set(CPACK_STRIP_FILES ON)

set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL cli)
if(MIMEO_WITH_STUDIO)
  list(APPEND CPACK_COMPONENTS_ALL studio)
endif()
# <name>_<version>_<arch>.deb, the Debian convention.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# Turns CPACK_COMPONENT_STUDIO_DEPENDS into "Depends: mimeo (= <version>)".
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)

# mimeo: depends only on what it links (libpq, QtCore and the C++ runtime).
set(CPACK_DEBIAN_CLI_PACKAGE_NAME mimeo)
set(CPACK_COMPONENT_CLI_DISPLAY_NAME "mimeo")
set(CPACK_DEBIAN_CLI_DESCRIPTION
"per-table PostgreSQL replication, command line tool
 mimeo copies selected tables from PostgreSQL source databases into one
 destination database: snapshot, plain table, incremental (time or serial),
 dml and logdel replication, compatible with the catalog of the mimeo
 extension. Nothing is installed on either server.
 .
 This package has the mimeo command for scripts, cron and systemd (a timer
 that refreshes what is due every minute is included, disabled).")
set(CPACK_DEBIAN_CLI_PACKAGE_SUGGESTS "postgresql-client")

# mimeo-studio: the desktop application, on top of the command line tool.
set(CPACK_DEBIAN_STUDIO_PACKAGE_NAME mimeo-studio)
set(CPACK_COMPONENT_STUDIO_DISPLAY_NAME "Mimeo Studio")
set(CPACK_COMPONENT_STUDIO_DEPENDS cli)
set(CPACK_DEBIAN_STUDIO_DESCRIPTION
"per-table PostgreSQL replication, desktop application
 Mimeo Studio sets up and watches per-table replication between PostgreSQL
 databases: a connection manager that keeps passwords in the desktop's
 keychain, a wizard for each replication type, background refreshes with
 progress and a job monitor. It uses the same catalog as the mimeo command.")
# Loaded at run time, not linked: Qt's platform plugins (xcb, wayland), and
# libsecret, through which QtKeychain reaches the desktop's keychain.
set(CPACK_DEBIAN_STUDIO_PACKAGE_DEPENDS "qt6-qpa-plugins, libsecret-1-0")
set(CPACK_DEBIAN_STUDIO_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")

# `cpack --config CPackSourceConfig.cmake`: a source tarball without build
# trees and version control.
set(CPACK_SOURCE_GENERATOR TXZ)
set(CPACK_SOURCE_PACKAGE_FILE_NAME mimeo-studio-${PROJECT_VERSION})
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/\\\\.git$" "/build[^/]*/" "/\\\\.cache/")

include(CPack)
