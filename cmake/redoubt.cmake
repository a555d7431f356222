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

# redoubt_add_test(NAME name SOURCES a.cpp b.cpp [LABELS slow])  (labelled: 30 min a test)
# One GoogleTest executable linked to the library; each TEST becomes a CTest test.
function(redoubt_add_test)
  cmake_parse_arguments(ARG "" "NAME" "SOURCES;LABELS" ${ARGN})
  add_executable(${ARG_NAME} ${ARG_SOURCES})
  foreach(source IN LISTS ARG_SOURCES)
    get_filename_component(source_path ${source} ABSOLUTE)
    set_property(GLOBAL APPEND PROPERTY REDOUBT_TEST_SOURCES ${source_path})
  endforeach()
  target_link_libraries(${ARG_NAME} PRIVATE redoubt redoubt_testing GTest::gtest GTest::gmock GTest::gtest_main)
  redoubt_target_options(${ARG_NAME})
  include(GoogleTest)
  if(ARG_LABELS)
    # A slow suite gets 30 minutes a test: CI caps the others at 10 (`ctest
    # --timeout 600` sets only tests without their own TIMEOUT).
    gtest_discover_tests(${ARG_NAME} PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT 1800
                         DISCOVERY_TIMEOUT 60)
  else()
    gtest_discover_tests(${ARG_NAME} DISCOVERY_TIMEOUT 60)
  endif()
  add_dependencies(${ARG_NAME} redoubt_cli)
endfunction()

# Fails the configuration when a tests/**/*_test.cpp belongs to no test target
# (a test file that is never compiled is a test that can never fail).
function(redoubt_check_test_sources folder)
  file(GLOB_RECURSE test_files CONFIGURE_DEPENDS ${folder}/*_test.cpp)
  get_property(compiled GLOBAL PROPERTY REDOUBT_TEST_SOURCES)
  set(orphans "")
  foreach(file IN LISTS test_files)
    if(NOT file IN_LIST compiled)
      file(RELATIVE_PATH relative ${CMAKE_SOURCE_DIR} ${file})
      list(APPEND orphans ${relative})
    endif()
  endforeach()
  if(orphans)
    list(JOIN orphans ", " listed)
    message(FATAL_ERROR "test files in no test target: ${listed} — add each to a "
      "redoubt_add_test(...) in tests/CMakeLists.txt")
  endif()
endfunction()
