#include "cli/AtomicFileWrite.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace gklint::cli {
namespace {

std::string folderOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string nameOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string reason(int error) { return std::strerror(error); }

std::string untouched(const std::string& what) { return what + "; the file was left as it was"; }

// Whether the file at `path` holds exactly `expected` now.
std::optional<std::string> changedSinceRead(const std::string& path, std::string_view expected) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return untouched("cannot read the file again before replacing it (" + reason(errno) + ")");
  std::string now;
  now.reserve(expected.size());
  char buffer[1 << 16];
  ssize_t got = 0;
  while ((got = ::read(fd, buffer, sizeof buffer)) > 0) {
    now.append(buffer, static_cast<size_t>(got));
    if (now.size() > expected.size()) break;
  }
  const int readError = got < 0 ? errno : 0;
  ::close(fd);
  if (readError != 0) return untouched("cannot read the file again before replacing it (" + reason(readError) + ")");
  if (now != expected) {
    return untouched("the file changed on disk after gklint read it, so the fixes were not written; run gklint check --fix again");
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> replaceFileAtomically(const std::string& path, std::string_view expected,
                                                 std::string_view bytes, const WriteFunction& write) {
  struct stat original {};
  if (::stat(path.c_str(), &original) != 0) return untouched("cannot find the file to replace (" + reason(errno) + ")");
  if (!S_ISREG(original.st_mode)) return untouched("not a regular file, so it cannot be replaced safely");
  if (auto changed = changedSinceRead(path, expected)) return changed;

  const std::string folder = folderOf(path);
  std::string temp = folder + "/." + nameOf(path) + ".gklint-fix-XXXXXX";
  std::vector<char> templ(temp.begin(), temp.end());
  templ.push_back('\0');
  const int fd = ::mkstemp(templ.data());
  if (fd < 0) {
    return untouched("cannot create a temporary file in " + folder + " to write the fixed report (" + reason(errno) +
                     "); make the folder writable to use --fix");
  }
  temp.assign(templ.data());
  auto fail = [&](const std::string& what, int error) {
    ::close(fd);
    ::unlink(temp.c_str());
    return untouched(what + " (" + reason(error) + ")");
  };
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = write ? write(fd, bytes.data() + done, bytes.size() - done)
                            : ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail("cannot write the fixed report to " + temp, n == 0 ? EIO : errno);
    done += static_cast<size_t>(n);
  }
  if (::fchmod(fd, original.st_mode & 07777) != 0) return fail("cannot give the fixed report the file's permissions", errno);
  if (::fchown(fd, original.st_uid, original.st_gid) != 0 && geteuid() == 0) {
    return fail("cannot give the fixed report the file's owner", errno);
  }
  if (::fsync(fd) != 0) return fail("cannot flush the fixed report to disk", errno);
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    return untouched("cannot close the fixed report (" + reason(error) + ")");
  }
  // The narrowest window: a last look just before the rename.
  if (auto changed = changedSinceRead(path, expected)) {
    ::unlink(temp.c_str());
    return changed;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    return untouched("cannot move the fixed report over the file (" + reason(error) + ")");
  }
  // Make the rename itself durable; a failure here leaves the new file in place either way.
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return std::nullopt;
}

}  // namespace gklint::cli
