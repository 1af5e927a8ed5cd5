# gklint_add_grammar(TARGET SRC_DIR): compiles a tree-sitter grammar (parser.c and,
# when present, scanner.c from an npm package) into a static library.
function(gklint_add_grammar target src_dir)
  set(sources "${src_dir}/parser.c")
  if(EXISTS "${src_dir}/scanner.c")
    list(APPEND sources "${src_dir}/scanner.c")
  endif()
  add_library(${target} STATIC ${sources})
  target_include_directories(${target} PRIVATE "${src_dir}")
  set_target_properties(${target} PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
  target_compile_options(${target} PRIVATE -w -O2)
endfunction()
