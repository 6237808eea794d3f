# Finds uchardet (encoding detection). Provides the imported target Uchardet::Uchardet.
find_package(PkgConfig QUIET)
if(PkgConfig_FOUND)
    pkg_check_modules(PC_UCHARDET QUIET uchardet)
endif()
find_path(Uchardet_INCLUDE_DIR uchardet/uchardet.h HINTS ${PC_UCHARDET_INCLUDE_DIRS}/..)
find_library(Uchardet_LIBRARY NAMES uchardet HINTS ${PC_UCHARDET_LIBRARY_DIRS})
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Uchardet REQUIRED_VARS Uchardet_LIBRARY Uchardet_INCLUDE_DIR)
if(Uchardet_FOUND AND NOT TARGET Uchardet::Uchardet)
    add_library(Uchardet::Uchardet UNKNOWN IMPORTED)
    set_target_properties(Uchardet::Uchardet PROPERTIES
        IMPORTED_LOCATION "${Uchardet_LIBRARY}"
        INTERFACE_INCLUDE_DIRECTORIES "${Uchardet_INCLUDE_DIR}")
endif()
mark_as_advanced(Uchardet_INCLUDE_DIR Uchardet_LIBRARY)
