# Warning flags for gklint's own targets (never for third-party grammar code).
function(gklint_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
  # gcc 12 warns -Wrestrict inside libstdc++'s std::string operator+ when it is inlined (a false
  # positive, https://gcc.gnu.org/bugzilla/show_bug.cgi?id=105329); later releases do not.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
endfunction()
