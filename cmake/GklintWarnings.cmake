# Warning flags for gklint's own targets (never for third-party grammar code).
function(gklint_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)
endfunction()
