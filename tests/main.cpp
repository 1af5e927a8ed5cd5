// Catch2 entry point for the gklint test suite.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
