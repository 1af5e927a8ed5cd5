// Tests for cli/Progress: when the bar shows, what its line says, that it is cleared, and that
// linting threads may update it at once. The terminal itself is tested by
// tests/cli/progress-pty.py (ctest progress-under-a-terminal).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sstream>
#include <thread>
#include <vector>

#include "cli/Progress.h"

using gklint::cli::ProgressBar;
using gklint::cli::ProgressMode;
using namespace std::chrono_literals;

namespace {

// A clock the test moves by hand.
struct FakeClock {
  std::chrono::steady_clock::time_point now{};
  ProgressBar::Clock fn() {
    return [this] { return now; };
  }
};

}  // namespace

TEST_CASE("progress: the line gives files done of total, the rate and the time left", "[cli][progress]") {
  CHECK(ProgressBar::render(0, 300, 0ms) == "[--------------------]   0/300 files");
  CHECK(ProgressBar::render(120, 300, 2500ms) == "[########------------] 120/300 files  48.0 files/s  ETA 4s");
  CHECK(ProgressBar::render(30, 3000, 10000ms) == "[--------------------]   30/3000 files  3.0 files/s  ETA 16:30");
  CHECK(ProgressBar::render(300, 300, 6000ms) == "[####################] 300/300 files  50.0 files/s");
}

TEST_CASE("progress: nothing before the delay, a line after it, redrawn at most every 100 ms, cleared at the end",
          "[cli][progress]") {
  FakeClock clock;
  std::ostringstream err;
  {
    ProgressBar bar(err, 4, true, 1000ms, clock.fn());
    clock.now += 500ms;
    bar.fileDone();
    CHECK(err.str().empty());  // a short batch never shows a bar
    clock.now += 600ms;
    bar.fileDone();
    CHECK(err.str() == "\r[##########----------] 2/4 files  1.8 files/s  ETA 1s\033[K");
    clock.now += 50ms;
    bar.fileDone();  // too soon to redraw
    CHECK(err.str() == "\r[##########----------] 2/4 files  1.8 files/s  ETA 1s\033[K");
    bar.pause();  // e.g. findings are printed to the same terminal
    CHECK(err.str().substr(err.str().size() - 4) == "\r\033[K");
    bar.resume();  // drawn again at once
    CHECK(err.str().substr(err.str().size() - 3) == "\033[K");
    CHECK(err.str().find("3/4 files") != std::string::npos);
    clock.now += 10ms;
    bar.fileDone();  // the last file is always drawn
    CHECK(err.str().find("4/4 files") != std::string::npos);
  }
  CHECK(err.str().substr(err.str().size() - 4) == "\r\033[K");  // cleared: the summary starts clean
}

TEST_CASE("progress: a disabled bar writes nothing", "[cli][progress]") {
  FakeClock clock;
  std::ostringstream err;
  {
    ProgressBar bar(err, 3, false, 0ms, clock.fn());
    for (int i = 0; i < 3; ++i) {
      clock.now += 1s;
      bar.fileDone();
    }
    bar.pause();
    bar.resume();
  }
  CHECK(err.str().empty());
}

TEST_CASE("progress: auto shows only on a terminal outside CI, always and never as they say", "[cli][progress]") {
  const char* ci = std::getenv("CI");
  const std::string savedCi = ci ? ci : "";
  ::unsetenv("CI");
  CHECK(gklint::cli::progressWanted(ProgressMode::Auto, true));
  CHECK_FALSE(gklint::cli::progressWanted(ProgressMode::Auto, false));
  ::setenv("CI", "true", 1);
  CHECK_FALSE(gklint::cli::progressWanted(ProgressMode::Auto, true));
  ::setenv("CI", "false", 1);
  CHECK(gklint::cli::progressWanted(ProgressMode::Auto, true));
  CHECK(gklint::cli::progressWanted(ProgressMode::Always, false));
  CHECK_FALSE(gklint::cli::progressWanted(ProgressMode::Never, true));
  if (ci) ::setenv("CI", savedCi.c_str(), 1);
  else ::unsetenv("CI");
  ProgressMode mode = ProgressMode::Never;
  CHECK(gklint::cli::parseProgressMode("always", mode));
  CHECK(mode == ProgressMode::Always);
  CHECK_FALSE(gklint::cli::parseProgressMode("yes", mode));
}

TEST_CASE("progress: threads update one bar under its lock, and every file is counted once", "[cli][progress]") {
  std::ostringstream err;
  {
    ProgressBar bar(err, 4000, true, 0ms);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&] {
        for (int i = 0; i < 1000; ++i) bar.fileDone();
      });
    }
    for (std::thread& t : threads) t.join();
  }
  CHECK(err.str().find("4000/4000 files") != std::string::npos);  // the last file is always drawn
}
