# SPDX-License-Identifier: PostgreSQL
# One place for the settings every target of ours shares.

# C++20, warnings on (and fatal when MIMEO_WERROR is set, as CI does).
# Tests may pass ALLOW_ASCII_CASTS: their data tables read better with plain literals.
function(mimeo_target_defaults target)
  cmake_parse_arguments(D "ALLOW_ASCII_CASTS" "" "" ${ARGN})
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES CXX_EXTENSIONS OFF)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
  if(MIMEO_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  # Keep Qt honest: no implicit casts between QString and char*, so every
  # user-visible string is a deliberate tr() or QStringLiteral.
  if(NOT D_ALLOW_ASCII_CASTS)
    target_compile_definitions(${target} PRIVATE
      QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_URL_CAST_FROM_STRING
      QT_NO_CAST_FROM_BYTEARRAY)
  endif()
endfunction()
