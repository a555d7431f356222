# Helpers shared by every target: warnings, sanitizers, and one call to add a test.

function(redoubt_target_options target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
    -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
    -Wnull-dereference -Wimplicit-fallthrough)
  if(REDOUBT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(REDOUBT_SANITIZE)
    target_compile_options(${target} PUBLIC -fsanitize=address,undefined -fno-omit-frame-pointer
      -fno-sanitize-recover=undefined)
    target_link_options(${target} PUBLIC -fsanitize=address,undefined)
  endif()
endfunction()

# redoubt_add_test(NAME name SOURCES a.cpp b.cpp [LABELS slow])
# One GoogleTest executable linked to the library; each TEST becomes a CTest test.
function(redoubt_add_test)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;LABELS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SOURCES})
  target_link_libraries(${ARG_NAME} PRIVATE redoubt redoubt_testing GTest::gtest GTest::gmock GTest::gtest_main)
  redoubt_target_options(${ARG_NAME})
  include(GoogleTest)
  if(ARG_LABELS)
    gtest_discover_tests(${ARG_NAME} PROPERTIES LABELS "${ARG_LABELS}" DISCOVERY_TIMEOUT 60)
  else()
    gtest_discover_tests(${ARG_NAME} DISCOVERY_TIMEOUT 60)
  endif()
  add_dependencies(${ARG_NAME} redoubt_cli)
endfunction()
