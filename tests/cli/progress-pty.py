#!/usr/bin/env python3
"""progress-pty: `gklint check` draws its progress bar on standard error when that is a
terminal (a pseudo-terminal here), and never in a pipe, under CI=true, or with
--progress=never; standard output is the same in every case.

usage: progress-pty.py GKLINT SEEDS_DIR
"""
import os
import pty
import shutil
import subprocess
import sys
import tempfile
import threading

gklint, seeds = sys.argv[1], sys.argv[2]
failures = []


checks = 0


def check(what, ok):
    global checks
    checks += 1
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def run(args, env_extra, stderr_tty):
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env.update({"TERM": "xterm", "GKLINT_PROGRESS_DELAY_MS": "0"})
    env.update(env_extra)
    if not stderr_tty:
        p = subprocess.run([gklint] + args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        return p.returncode, p.stdout, p.stderr
    master, slave = pty.openpty()
    p = subprocess.Popen([gklint] + args, env=env, stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    out_chunks = []
    reader = threading.Thread(target=lambda: out_chunks.append(p.stdout.read()))
    reader.start()  # standard output is read meanwhile, so a full pipe never blocks gklint
    err = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        err += chunk
    reader.join(timeout=120)
    out = b"".join(out_chunks)
    p.wait(timeout=120)
    os.close(master)
    return p.returncode, out, err


with tempfile.TemporaryDirectory() as folder:
    # A batch of 60 reports: the five seeds, twelve times each.
    names = sorted(n for n in os.listdir(seeds) if n.endswith(".txt"))
    for copy in range(12):
        for n in names:
            shutil.copy(os.path.join(seeds, n), os.path.join(folder, "%02d_%s" % (copy, n)))
    total = 12 * len(names)
    args = ["check", "--fail-on", "never", "-j", "2", "--format", "json", folder]

    code, out_tty, err_tty = run(args, {}, True)
    check("exit 0 under a terminal", code == 0)
    check("the bar is drawn on the terminal: %r" % err_tty[-200:],
          b"/%d files" % total in err_tty and b"files/s" in err_tty and b"\r[" in err_tty)
    check("the bar reaches the total", b"%d/%d files" % (total, total) in err_tty)
    check("the bar is cleared before the summary", b"\r\x1b[K" in err_tty)
    check("standard output holds no bar", b"files/s" not in out_tty and b"\r" not in out_tty)

    code, out_pipe, err_pipe = run(args, {}, False)
    check("a pipe gets no bar: %r" % err_pipe[:200], b"files/s" not in err_pipe and b"\r" not in err_pipe)
    check("standard output is the same with and without the bar", out_pipe == out_tty)

    code, _, err_ci = run(args, {"CI": "true"}, True)
    check("CI=true gets no bar", b"files/s" not in err_ci)
    code, _, err_never = run(args + ["--progress", "never"], {}, True)
    check("--progress never gets no bar", b"files/s" not in err_never)
    code, _, err_dumb = run(args, {"TERM": "dumb"}, True)
    check("TERM=dumb gets no bar", b"files/s" not in err_dumb)
    code, _, err_always = run(args + ["--progress", "always"], {}, False)
    check("--progress always draws even into a pipe", b"%d/%d files" % (total, total) in err_always)

    # Without the test override, auto waits a second: a batch this small never shows a bar.
    code, _, err_quick = run(["check", "--fail-on", "never", os.path.join(seeds, names[0])],
                             {"GKLINT_PROGRESS_DELAY_MS": "1000"}, True)
    check("a one-file run under a second shows no bar", b"files/s" not in err_quick)

print("%d checks, %d failed" % (checks, len(failures)))
sys.exit(1 if failures else 0)
