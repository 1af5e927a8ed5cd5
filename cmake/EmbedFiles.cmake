# gklint_embed_files(OUTPUT BASE_DIR FILES...): generates a C++ source that defines
# gklint::embeddedFiles(), the listed files' bytes keyed by their path relative to BASE_DIR.
set(GKLINT_EMBED_SCRIPT "${CMAKE_CURRENT_LIST_DIR}/embed_files_script.cmake")
function(gklint_embed_files output base_dir)
  set(files ${ARGN})
  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${CMAKE_COMMAND}" -DOUTPUT=${output} -DBASE_DIR=${base_dir}
            "-DFILES=${files}" -P "${GKLINT_EMBED_SCRIPT}"
    DEPENDS ${files} "${GKLINT_EMBED_SCRIPT}"
    COMMENT "Embedding ${base_dir} into ${output}"
    VERBATIM)
endfunction()
