// Tests for AtomicFileWrite and `check --fix` on failure: the report is replaced whole or not at all.
#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <filesystem>

#include "cli/AtomicFileWrite.h"
#include "tests/cli/CliTestSupport.h"

namespace fs = std::filesystem;
using gklint::cli::replaceFileAtomically;
using gklint::clitest::readBytes;
using gklint::clitest::runGklint;
using gklint::clitest::TempDir;
using gklint::clitest::writeBytes;

namespace {

const std::string kOriginal = "某县人民政府2021年政府信息公开工作年度报告\n一、总体情况,本年度主动公开𠀋信息。\n";
const std::string kFixed = "某县人民政府2021年政府信息公开工作年度报告\n一、总体情况，本年度主动公开𠀋信息。\n";

size_t filesIn(const fs::path& dir) {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir)) n += e.is_regular_file();
  return n;
}

// Runs `body` in a child process (for setuid and resource limits that must not touch the test
// process) and returns what it wrote to the pipe.
template <typename Body>
std::string inChild(Body body) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(fds[0]);
    const std::string result = body();
    (void)!::write(fds[1], result.data(), result.size());
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string got;
  char buffer[4096];
  ssize_t n = 0;
  while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0) got.append(buffer, static_cast<size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  return got;
}

}  // namespace

TEST_CASE("replaceFileAtomically replaces the bytes and keeps the permissions", "[cli][fix][atomic]") {
  TempDir dir;
  const fs::path report = dir.path() / "report.txt";
  writeBytes(report, kOriginal);
  REQUIRE(::chmod(report.c_str(), 0640) == 0);
  CHECK_FALSE(replaceFileAtomically(report.string(), kOriginal, kFixed).has_value());
  CHECK(readBytes(report.string()) == kFixed);
  struct stat info {};
  REQUIRE(::stat(report.c_str(), &info) == 0);
  CHECK((info.st_mode & 07777) == 0640);
  CHECK(filesIn(dir.path()) == 1);  // no temporary file left behind
}

TEST_CASE("replaceFileAtomically refuses a file that changed on disk since it was read", "[cli][fix][atomic]") {
  TempDir dir;
  const fs::path report = dir.path() / "report.txt";
  const std::string edited = kOriginal + "（起草人又加了一行）\n";
  writeBytes(report, edited);  // the drafter saved while gklint was working
  const std::optional<std::string> failure = replaceFileAtomically(report.string(), kOriginal, kFixed);
  REQUIRE(failure.has_value());
  CHECK(*failure ==
        "the file changed on disk after gklint read it, so the fixes were not written; run gklint check --fix again; "
        "the file was left as it was");
  CHECK(readBytes(report.string()) == edited);
  CHECK(filesIn(dir.path()) == 1);
}

TEST_CASE("replaceFileAtomically leaves the original whole when a write fails", "[cli][fix][atomic]") {
  TempDir dir;
  const fs::path report = dir.path() / "report.txt";
  writeBytes(report, kOriginal);
  int calls = 0;
  // The disk fills up after the first few bytes.
  auto fullDisk = [&](int fd, const void* data, size_t size) -> ssize_t {
    if (calls++ == 0) return ::write(fd, data, std::min<size_t>(size, 7));
    errno = ENOSPC;
    return -1;
  };
  const std::optional<std::string> failure = replaceFileAtomically(report.string(), kOriginal, kFixed, fullDisk);
  REQUIRE(failure.has_value());
  CHECK(failure->rfind("cannot write the fixed report to " + (dir.path() / ".report.txt.gklint-fix-").string(), 0) == 0);
  CHECK(failure->find("(No space left on device); the file was left as it was") != std::string::npos);
  CHECK(readBytes(report.string()) == kOriginal);
  CHECK(filesIn(dir.path()) == 1);
}

TEST_CASE("replaceFileAtomically leaves the original whole when the file size limit is hit", "[cli][fix][atomic]") {
  TempDir dir;
  const fs::path report = dir.path() / "report.txt";
  writeBytes(report, kOriginal);
  const std::string big(64 * 1024, 'x');
  // A real failing write(2): RLIMIT_FSIZE makes the kernel refuse bytes past 16 KiB (EFBIG), as a
  // full small disk refuses them with ENOSPC. In a child, so the limit stays there.
  const std::string failure = inChild([&] {
    std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit limit {16 * 1024, 16 * 1024};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    return replaceFileAtomically(report.string(), kOriginal, big).value_or("replaced");
  });
  CHECK(failure.find("cannot write the fixed report to ") == 0);
  CHECK(failure.find("(File too large); the file was left as it was") != std::string::npos);
  CHECK(readBytes(report.string()) == kOriginal);
  CHECK(filesIn(dir.path()) == 1);
}

TEST_CASE("replaceFileAtomically in a read-only folder says so and changes nothing", "[cli][fix][atomic]") {
  TempDir dir;
  const fs::path folder = dir.path() / "readonly";
  fs::create_directories(folder);
  const fs::path report = folder / "report.txt";
  writeBytes(report, kOriginal);
  // The file itself stays writable (truncating it in place would succeed); only the folder is not.
  // Root ignores permission bits, so as root the child becomes nobody, who owns the file.
  const uid_t nobody = 65534;
  if (::geteuid() == 0) {
    REQUIRE(::chown(report.c_str(), nobody, nobody) == 0);
    REQUIRE(::chown(folder.c_str(), nobody, nobody) == 0);
  }
  REQUIRE(::chmod(report.c_str(), 0644) == 0);
  REQUIRE(::chmod(folder.c_str(), 0555) == 0);
  const std::string failure = inChild([&] {
    if (::geteuid() == 0 && (::setgid(nobody) != 0 || ::setuid(nobody) != 0)) return std::string("cannot become nobody");
    return replaceFileAtomically(report.string(), kOriginal, kFixed).value_or("replaced");
  });
  ::chmod(folder.c_str(), 0755);
  CHECK(failure == "cannot create a temporary file in " + folder.string() +
                       " to write the fixed report (Permission denied); make the folder writable to use --fix; "
                       "the file was left as it was");
  CHECK(readBytes(report.string()) == kOriginal);
  CHECK(filesIn(folder) == 1);
}

TEST_CASE("check --fix in a read-only folder reports the original's findings and keeps the file", "[cli][fix][atomic]") {
  TempDir dir;
  const fs::path folder = dir.path() / "readonly";
  fs::create_directories(folder);
  const fs::path report = folder / "report.txt";
  writeBytes(report, kOriginal);
  const uid_t nobody = 65534;
  if (::geteuid() == 0) {
    REQUIRE(::chown(report.c_str(), nobody, nobody) == 0);
    REQUIRE(::chown(folder.c_str(), nobody, nobody) == 0);
  }
  REQUIRE(::chmod(folder.c_str(), 0555) == 0);
  const std::string result = inChild([&] {
    if (::geteuid() == 0 && (::setgid(nobody) != 0 || ::setuid(nobody) != 0)) return std::string("cannot become nobody");
    const gklint::clitest::CliRun run = runGklint({"check", "--fix", "--no-config", "--fail-on", "never", report.string()});
    return std::to_string(run.code) + "\n" + run.out + "\n" + run.err;
  });
  ::chmod(folder.c_str(), 0755);
  CHECK(result.rfind("0\n", 0) == 0);
  // The comma is still there, so its finding is still reported (at its code-point column, after 𠀋 too).
  CHECK(result.find(report.string() + ":2:7: info: 中文语句中应使用全角标点：“,”应为“，” [text/halfwidth-punct]") !=
        std::string::npos);
  CHECK(result.find(report.string() + ": not fixed: cannot create a temporary file in " + folder.string() +
                    " to write the fixed report (Permission denied)") != std::string::npos);
  CHECK(readBytes(report.string()) == kOriginal);
}
