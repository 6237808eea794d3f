# One INTERFACE target carries the flags every Masir target builds with.
add_library(masir_common_cfg INTERFACE)
target_compile_definitions(masir_common_cfg INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    QT_USE_QSTRINGBUILDER
    MASIR_VERSION="${PROJECT_VERSION}")
if(MSVC)
    target_compile_options(masir_common_cfg INTERFACE /W4 /utf-8)
    if(MASIR_WARNINGS_AS_ERRORS)
        target_compile_options(masir_common_cfg INTERFACE /WX)
    endif()
else()
    target_compile_options(masir_common_cfg INTERFACE -Wall -Wextra -Wpedantic -Wshadow
        -Wnon-virtual-dtor -Woverloaded-virtual -Wimplicit-fallthrough)
    if(MASIR_WARNINGS_AS_ERRORS)
        target_compile_options(masir_common_cfg INTERFACE -Werror)
    endif()
endif()
