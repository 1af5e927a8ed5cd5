// gklint-lsp: the Language Server executable; all behaviour lives in the gklint::lsp library.
#include <iostream>
#include <string>
#include <vector>

#include "lsp/LanguageServerMain.h"

int main(int argc, char** argv) {
  return gklint::lsp::runLanguageServer(std::vector<std::string>(argv + 1, argv + argc), std::cerr);
}
