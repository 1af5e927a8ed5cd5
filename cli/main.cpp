// gklint: the command-line entry point; all behaviour lives in the gklint::cli library.
#include <iostream>

#include "cli/Cli.h"

int main(int argc, char** argv) { return gklint::cli::run(argc, argv, std::cout, std::cerr); }
