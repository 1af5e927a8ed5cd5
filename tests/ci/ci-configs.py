#!/usr/bin/env python3
"""ci-configs: runs exactly what the repository's CI integrations run.

- .pre-commit-hooks.yaml: the `gklint` hook's `files` pattern (Python re, as pre-commit uses)
  picks reports, and its `entry` run on fixture reports (pre-commit appends the file names)
  gives the gate's exit codes.
- action.yml: the composite action's shell steps, with the ${{ ... }} expressions of their
  env filled as the runner fills them and run as the runner runs `shell: bash`
  (bash --noprofile --norc -eo pipefail), write the SARIF log and the step outputs that the
  upload step (github/codeql-action/upload-sarif, pinned by commit; not run here) and the gate
  read. Nothing is downloaded.

usage: ci-configs.py GKLINT REPOSITORY_ROOT
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:  # python3-yaml (scripts/bootstrap.sh) not installed: ctest reports a skip
    print("skipped: python3-yaml is not installed (scripts/bootstrap.sh installs it)")
    sys.exit(77)

gklint, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures, checks = [], 0


def check(what, ok):
    global checks
    checks += 1
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


fixture = lambda *p: os.path.join(root, "tests", *p)
work = tempfile.mkdtemp(prefix="gklint-ci-")
bin_dir = os.path.join(work, "bin")
os.makedirs(bin_dir)
os.symlink(gklint, os.path.join(bin_dir, "gklint"))  # "installed": on PATH as gklint
env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_OUTPUT")}
env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
reports = os.path.join(work, "reports")
os.makedirs(reports)
shutil.copy(fixture("fixtures", "cli", "clean-2021.txt"), os.path.join(reports, "clean-2021.txt"))
shutil.copy(fixture("corpus", "seeds", "004_8d6632e4e8c36cd9.txt"), os.path.join(reports, "县政府2021.txt"))

# ---- .pre-commit-hooks.yaml ----
with open(os.path.join(root, ".pre-commit-hooks.yaml"), encoding="utf-8") as f:
    hooks = yaml.safe_load(f)
hook = next(h for h in hooks if h["id"] == "gklint")
check("the hook runs gklint as a system command", hook["language"] == "system" and hook["entry"].split()[0] == "gklint")
files = re.compile(hook["files"])
for name in ["a.txt", "报告.md", "b.html", "c.htm", "d.docx", "sub/e.TXT.txt"]:
    check("the hook takes " + name, files.search(name) is not None)
for name in ["a.pdf", "a.txt.bak", "notes.yaml", "a.markdownx"]:
    check("the hook leaves " + name, files.search(name) is None)


def run_hook(names):
    args = shlex.split(hook["entry"]) + hook.get("args", []) + names
    return subprocess.run(args, cwd=reports, env=env, capture_output=True, text=True, timeout=120)


clean = run_hook(["clean-2021.txt"])
check("hook: a clean report passes (exit 0): " + clean.stderr.strip(), clean.returncode == 0 and clean.stdout == "")
broken = run_hook(["clean-2021.txt", "县政府2021.txt"])
check("hook: a report with an error fails the commit (exit 1)", broken.returncode == 1)
check("hook: the finding is shown as path:line:col",
      "县政府2021.txt:206:2: error: " in broken.stdout and "[table/rows-missing]" in broken.stdout)
check("hook: no progress bar in pre-commit's captured output", "files/s" not in broken.stderr)

# ---- action.yml ----
with open(os.path.join(root, "action.yml"), encoding="utf-8") as f:
    action = yaml.safe_load(f)
check("the action is a composite action", action["runs"]["using"] == "composite")
steps = action["runs"]["steps"]
upload = next(s for s in steps if "uses" in s)
check("SARIF is uploaded with github/codeql-action/upload-sarif pinned by a full commit SHA: " + upload["uses"],
      re.fullmatch(r"github/codeql-action/upload-sarif@[0-9a-f]{40}", upload["uses"]) is not None)
check("the upload reads the SARIF file the check wrote", upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}")
check("the upload is skipped when nothing was written", "steps.check.outputs.upload == 'true'" in upload["if"])
inputs_default = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}


def fill(text, inputs, outputs):
    """The runner's expression substitution, for the expressions the action's env uses."""
    def value(m):
        expr = m.group(1).strip()
        if expr.startswith("inputs."):
            return inputs[expr[len("inputs."):]]
        s = re.fullmatch(r"steps\.(\w+)\.outputs\.([\w-]+)", expr)
        if s:
            return outputs.get(s.group(1), {}).get(s.group(2), "")
        raise ValueError("expression the test does not know: " + expr)
    return re.sub(r"\$\{\{(.*?)\}\}", value, str(text))


def run_action(given, cwd):
    inputs = dict(inputs_default, **given)
    outputs, results = {}, {}
    for step in steps:
        if "run" not in step:
            continue
        output_file = os.path.join(work, "github-output-" + step.get("id", "step"))
        open(output_file, "w").close()
        step_env = dict(env, GITHUB_OUTPUT=output_file)
        for k, v in step.get("env", {}).items():
            step_env[k] = fill(v, inputs, outputs)
        check("step %r runs in bash" % step["name"], step["shell"] == "bash")
        script = os.path.join(work, "step.sh")
        with open(script, "w", encoding="utf-8") as f:
            f.write(step["run"])
        p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=cwd, env=step_env,
                           capture_output=True, text=True, timeout=120)
        results[step["name"]] = p
        if "id" in step:
            with open(output_file, encoding="utf-8") as f:
                outputs[step["id"]] = dict(line.split("=", 1) for line in f.read().splitlines() if "=" in line)
    return outputs, results


outputs, results = run_action({"paths": "clean-2021.txt"}, reports)
sarif = json.load(open(os.path.join(reports, "gklint.sarif"), encoding="utf-8"))
check("action, clean report: exit-code 0, SARIF with no results, gate passes",
      outputs["check"] == {"exit-code": "0", "upload": "true"} and sarif["runs"][0]["results"] == []
      and results["Gate"].returncode == 0)

os.makedirs(os.path.join(reports, "out"))
outputs, results = run_action({"paths": ".", "sarif-file": "out/gk.sarif"}, reports)
sarif = json.load(open(os.path.join(reports, "out", "gk.sarif"), encoding="utf-8"))
rules = sorted({r["ruleId"] for r in sarif["runs"][0]["results"]})
check("action, a folder with a failing report: exit-code 1, the findings in the SARIF log",
      outputs["check"]["exit-code"] == "1" and "table/rows-missing" in rules
      and any(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
          "%E5%8E%BF%E6%94%BF%E5%BA%9C2021.txt") for r in sarif["runs"][0]["results"]))
check("action, failing report: the gate step fails the job with an annotation",
      results["Gate"].returncode == 1 and results["Gate"].stdout.startswith("::error title=gklint::"))

outputs, results = run_action({"paths": "clean-2021.txt", "fail-on": "never"}, reports)
check("action, fail-on never: passes", outputs["check"]["exit-code"] == "0" and results["Gate"].returncode == 0)

outputs, results = run_action({"paths": "missing.txt"}, reports)
check("action, a missing report: exit-code 2, the SARIF log still says why, the gate fails",
      outputs["check"] == {"exit-code": "2", "upload": "true"} and results["Gate"].returncode == 2)

broken_config = os.path.join(work, "broken-config")
os.makedirs(broken_config)
shutil.copy(fixture("fixtures", "cli", "clean-2021.txt"), broken_config)
with open(os.path.join(broken_config, ".gklint.yaml"), "w") as f:
    f.write("rules:\n  text/typoo: off\n")
outputs, results = run_action({"sarif-file": "g.sarif"}, broken_config)
check("action, a broken configuration: exit-code 2 and no upload (nothing was written)",
      outputs["check"] == {"exit-code": "2", "upload": "false"} and results["Gate"].returncode == 2
      and "text/typoo" in results["gklint check"].stderr)

shutil.rmtree(work)
print("%d passed, %d failed" % (checks - len(failures), len(failures)))
sys.exit(1 if failures else 0)
