#!/usr/bin/env python3
"""Re-runs every command of CLI scenario files and writes their fresh output back, for review
with `git diff` when a change alters output on purpose. Run from the package root after
`swift build`:  python3 scripts/rerecord-scenarios.py Tests/CLITests/Scenarios/diff.md"""
import os, re, subprocess, sys

binary = os.path.join(".build", "debug", "planbridge")

def run(command, stdin):
    # The scenario runner starts planbridge in the package root with the same arguments.
    words = command[len("planbridge"):].strip()
    args = subprocess.run(["bash", "-c", 'printf "%s\\0" ' + words],
                          capture_output=True, text=True).stdout.split("\0")[:-1] if words else []
    done = subprocess.run([binary] + args, input=stdin.encode(), capture_output=True,
                          env=dict(os.environ, TZ="UTC", NO_COLOR="1"))
    return done.stdout.decode(), done.stderr.decode(), done.returncode

def rerecord(text):
    out, lines, k = [], text.split("\n"), 0
    while k < len(lines):
        line = lines[k]
        if line != "% planbridge" and not line.startswith("% planbridge "):
            out.append(line); k += 1; continue
        command, k = line[2:], k + 1
        stdin = []
        while k < len(lines) and lines[k] != "^D":
            stdin.append(lines[k]); k += 1
        k += 1  # ^D
        while k < len(lines) and lines[k] != "```":
            k += 1
        stdout, stderr, status = run(command, "\n".join(stdin) + ("\n" if stdin else ""))
        out += [line] + stdin + ["^D"]
        out += stdout.rstrip("\n").split("\n") if stdout else []
        out += ["2> " + x for x in stderr.rstrip("\n").split("\n")] if stderr else []
        if status != 0: out.append(f"=> {status}")
    return "\n".join(out)

for path in sys.argv[1:]:
    with open(path) as f: text = f.read()
    with open(path, "w") as f: f.write(rerecord(text))
