#!/usr/bin/env python3
"""make bench: times groupchart against the cmark CLI on the same files, in one run.

For practices of 5,000, 10,000 and 20,000 progress notes (bench/generate-practice.py:
10 groups of 10 members, 50, 100 and 200 sessions each), it times

  - `cmark` converting every Markdown file of the practice, 1,000 files per process
    (the reference: what reading the notes costs at all; the best of three runs, after
    one that warms the page cache);
  - `groupchart check`;
  - `groupchart build` from nothing, again with nothing changed, and again after one
    note was edited;

and prints each time as a ratio of the cmark reference measured in the same run (the
machines are shared and noisy: absolute seconds mean little), the peak resident memory
of each command, and the time per note at each size (linearity).

    bench/run.py [--sizes 50,100,200] [--binary .build/release/groupchart] [--work DIR]
"""
import argparse, os, resource, shutil, subprocess, sys, tempfile, time

TODAY = "2026-06-02"

def run(command, cwd=None):
    """Runs a command; returns (seconds, peak resident MiB, exit status)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return seconds, peak, os.waitstatus_to_exitcode(status)

def cmark_reference(practice):
    files = sorted(os.path.relpath(os.path.join(root, name), practice)
                   for root, dirs, names in os.walk(practice) if "/build" not in root + "/"
                   for name in names if name.endswith(".md"))
    total, peak = 0.0, 0.0
    for start in range(0, len(files), 1000):
        seconds, memory, _ = run(["cmark"] + files[start:start + 1000], cwd=practice)
        total += seconds
        peak = max(peak, memory)
    return total, peak, len(files)

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="50,100,200", help="sessions per group (10 groups of 10 members)")
    parser.add_argument("--binary", default=os.path.join(here, "..", ".build", "release", "groupchart"))
    parser.add_argument("--work", default=None, help="where the practices are generated (default: a temporary folder)")
    args = parser.parse_args()
    if not shutil.which("cmark"):
        sys.exit("bench: the cmark command is missing (Debian: apt-get install cmark; Homebrew: brew install cmark)")
    work = args.work or tempfile.mkdtemp(prefix="groupchart-bench-")
    binary = os.path.abspath(args.binary)
    print(f"groupchart {binary}\nwork folder {work}\n")
    header = f"{'notes':>6} {'cmark s':>8} | {'check':>6} {'build':>6} {'again':>6} {'1 edit':>6} | {'peak MiB':>8} | {'build µs/note':>13}"
    print("times as ratios of the cmark reference of the same size, in the same run")
    print(header)
    print("-" * len(header))
    results = []
    for sessions in [int(size) for size in args.sizes.split(",")]:
        practice = os.path.join(work, f"practice-{sessions}")
        if not os.path.exists(practice):
            subprocess.run([sys.executable, os.path.join(here, "generate-practice.py"), practice, "--groups", "10",
                            "--sessions", str(sessions), "--members", "10"], check=True)
        notes = 10 * 10 * sessions
        shutil.rmtree(os.path.join(practice, "build"), ignore_errors=True)
        # The reference is the best of three, after a first run that brings
        # the files into the page cache, so that both sides read from memory.
        cmark_reference(practice)
        reference = min(cmark_reference(practice)[0] for _ in range(3))
        check, check_memory, _ = run([binary, "check", practice, "--today", TODAY])
        build, build_memory, _ = run([binary, "build", practice, "--today", TODAY])
        again, again_memory, _ = run([binary, "build", practice, "--today", TODAY])
        note = os.path.join(practice, "sessions", sorted(os.listdir(os.path.join(practice, "sessions")))[-1], "member-00-00.md")
        if not os.path.exists(note):
            note = next(os.path.join(root, name) for root, _, names in os.walk(os.path.join(practice, "sessions"))
                        for name in names if name != "session.md")
        with open(note, "a", encoding="utf-8") as f:
            f.write("\nAddendum text added by the benchmark to edit one note.\n")
        edited, edit_memory, _ = run([binary, "build", practice, "--today", TODAY])
        peak = max(check_memory, build_memory, again_memory, edit_memory)
        results.append((notes, reference, check, build, again, edited, peak))
        print(f"{notes:>6} {reference:>8.2f} | {check / reference:>6.2f} {build / reference:>6.2f} {again / reference:>6.2f} "
              f"{edited / reference:>6.2f} | {peak:>8.0f} | {build / notes * 1e6:>13.0f}")
    notes, reference, check, build, again, edited, peak = results[-1]
    smallest = results[0]
    linear = (build / notes) / (smallest[3] / smallest[0])
    print()
    print(f"largest practice ({notes} notes): check {check:.2f} s, build {build:.2f} s, cmark {reference:.2f} s")
    goals = [
        ("build at most 1.0 x cmark", build / reference, 1.0),
        ("second build, nothing changed, at most 0.10 x the first", again / build, 0.10),
        ("build after one edited note at most 0.15 x the first", edited / build, 0.15),
        ("peak resident memory at most 256 MiB", peak, 256.0),
        (f"time per note at {notes} notes vs {smallest[0]} notes (linear: about 1)", linear, 1.25),
    ]
    for name, value, limit in goals:
        print(f"  {'met ' if value <= limit else 'MISS'}  {name}: {value:.2f}")

main()
