#!/usr/bin/env python3
"""Times two commands against each other, interleaved, for scripts/bench.sh.

    timepair.py RUNS LABEL OUT_A OUT_B -- CMD_A... -- CMD_B...

Each of RUNS rounds runs A, then B, with stdin, stdout and stderr on
/dev/null; a round counts only when both exit 0 and write a non-empty
OUT_A / OUT_B (each removed before its run; "-": no output to check). Wall time is measured around
posix_spawn and wait4 (no shell, no `date` forks inside the interval), CPU
time is user + sys of the child from wait4. Printed: best against best for
wall and CPU, and the lowest and highest of the rounds' ratios (B / A).
"""
import os
import sys
import time


def run(cmd, out):
    if out != "-" and os.path.exists(out):
        os.remove(out)
    null = os.open(os.devnull, os.O_RDWR)
    acts = [(os.POSIX_SPAWN_DUP2, null, 0), (os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)]
    t = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=acts)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t
    os.close(null)
    if os.waitstatus_to_exitcode(status) != 0 or (out != "-" and (not os.path.exists(out) or os.path.getsize(out) == 0)):
        sys.exit(f"{' '.join(cmd)}: failed (exit {os.waitstatus_to_exitcode(status)}) or wrote nothing")
    return wall, ru.ru_utime + ru.ru_stime


def main():
    runs, label, out_a, out_b = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    rest = sys.argv[5:]
    i = rest.index("--", 1)
    cmd_a, cmd_b = rest[1:i], rest[i + 1:]
    a, b = [], []
    for _ in range(runs):
        a.append(run(cmd_a, out_a))
        b.append(run(cmd_b, out_b))
    # STARTUP_MS: A's best wall time doing nothing (its start-up), if known:
    # the wall line then also says the ratio A would reach with no work at
    # all beyond starting, B's best over that.
    startup = float(os.environ.get("STARTUP_MS", "0")) / 1000
    for k, what in ((0, "wall"), (1, "CPU")):
        ba, bb = min(x[k] for x in a), min(x[k] for x in b)
        rounds = sorted(y[k] / x[k] for x, y in zip(a, b))
        ceiling = f"; start-up alone would be {bb / startup:.2f}x" if startup and k == 0 else ""
        print(f"import {label:<42} {what:<4} {os.path.basename(cmd_a[0])} {ba * 1000:7.1f} ms, {os.path.basename(cmd_b[0])} {bb * 1000:7.1f} ms:"
              f" {bb / ba:5.2f}x (rounds {rounds[0]:.2f}-{rounds[-1]:.2f}x{ceiling})")


main()
