# masir_add_test(NAME SOURCES ... LIBS ... [GUI] [LABELS ...])
# One Qt Test executable per test class, registered with CTest. GUI tests run
# on the offscreen platform so they need no display.
function(masir_add_test name)
    cmake_parse_arguments(ARG "GUI" "" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE masir_common_cfg Qt6::Test ${ARG_LIBS})
    target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/support)
    target_compile_definitions(${name} PRIVATE
        MASIR_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        MASIR_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        MASIR_BINARY_DIR="${PROJECT_BINARY_DIR}")
    add_test(NAME ${name} COMMAND ${name})
    set(env "LC_ALL=C.UTF-8;QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=masir.*.info=false")
    list(APPEND env ${ARG_ENV})
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" TIMEOUT 300)
    if(ARG_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
endfunction()
