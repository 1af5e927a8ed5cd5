# The libraries every gklint process loads — RE2, ICU, yaml-cpp, gumbo, pugixml,
# tree-sitter — are linked from their static archives (Debian's -dev packages ship them), so that
# starting gklint maps and binds a handful of shared objects instead of fifteen: on a one-file
# check, loading libraries was most of the time (bench/README.md, "Start-up"). poppler and libzip
# are not linked at all: they live in the reader backend modules (engine/CMakeLists.txt).
option(GKLINT_STATIC_DEPS "Link the engine's libraries from their static archives (faster start-up)" ON)

# Defines the INTERFACE target gklint_dep_<name>: the static archives `archives` (in link order)
# when GKLINT_STATIC_DEPS is on and all of them exist, otherwise the imported target `shared`.
# Either way it carries `shared`'s include directories and the system libraries in `system`.
function(gklint_dependency name shared)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "" "ARCHIVES;SYSTEM")
  set(target gklint_dep_${name})
  add_library(${target} INTERFACE)
  set(paths "")
  if(GKLINT_STATIC_DEPS)
    foreach(archive IN LISTS arg_ARCHIVES)
      find_library(GKLINT_ARCHIVE_${archive} NAMES ${archive})
      if(NOT GKLINT_ARCHIVE_${archive})
        message(STATUS "gklint: ${archive} not found, linking ${shared} as a shared library")
        set(paths "")
        break()
      endif()
      list(APPEND paths "${GKLINT_ARCHIVE_${archive}}")
    endforeach()
  endif()
  if(paths)
    target_link_libraries(${target} INTERFACE ${paths} ${arg_SYSTEM})
    target_include_directories(${target} INTERFACE $<TARGET_PROPERTY:${shared},INTERFACE_INCLUDE_DIRECTORIES>)
    target_compile_definitions(${target} INTERFACE $<TARGET_PROPERTY:${shared},INTERFACE_COMPILE_DEFINITIONS>)
  else()
    target_link_libraries(${target} INTERFACE ${shared})
  endif()
endfunction()
