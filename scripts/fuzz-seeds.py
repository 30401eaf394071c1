#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora from the example practice and the test
fixtures: one input per document for FuzzDocument (its first byte the kind of
document, as Fuzz/Sources/FuzzDocument reads it), one input per practice for
FuzzPractice (files separated by the byte 0x1E, each its path, a newline and
its bytes), one of them with the built-in templates as the practice's own.
Usage: fuzz-seeds.py OUTPUT-FOLDER"""
import hashlib
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests/GroupChartKitTests/Fixtures")
KINDS = [  # the order of `kinds` in FuzzDocument.swift
    r"practice\.yaml",
    r"groups/[^/]+\.md",
    r"members/[^/]+/profile\.md",
    r"members/[^/]+/plan[^/]*\.md",
    r"sessions/[^/]+/session\.md",
    r"sessions/[^/]+/[^/]+\.md",
    r"members/[^/]+/individual/[^/]+\.md",
]


def files(folder):
    """Relative path -> bytes of every regular file below folder (links skipped)."""
    found = {}
    for base, _, names in os.walk(folder):
        for name in names:
            full = os.path.join(base, name)
            if not os.path.islink(full) and os.path.isfile(full):
                with open(full, "rb") as handle:
                    found[os.path.relpath(full, folder)] = handle.read()
    return found


def overlaid(overlay):
    practice = files(os.path.join(FIXTURES, "base"))
    removals = os.path.join(overlay, "REMOVE")
    if os.path.exists(removals):
        for path in open(removals).read().split():
            practice.pop(path, None)
    for path, data in files(overlay).items():
        if path not in ("REMOVE", "EXPECTED"):
            practice[path] = data
    return practice


def save(folder, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as handle:
        handle.write(data)


def main(output):
    practices = [files(os.path.join(ROOT, "examples/dbt-skills")), files(os.path.join(FIXTURES, "base")),
                 overlaid(os.path.join(FIXTURES, "defects"))]
    # The built-in templates as a practice's own, so that templates are fuzzed too.
    templates = {"templates/" + path: data for path, data in files(os.path.join(ROOT, "templates")).items()}
    practices.append({**files(os.path.join(FIXTURES, "base")), **templates})
    rules = os.path.join(FIXTURES, "rules")
    for rule in sorted(os.listdir(rules)):
        for side in ("fail", "pass"):
            if os.path.isdir(os.path.join(rules, rule, side)):
                practices.append(overlaid(os.path.join(rules, rule, side)))
    for practice in practices:
        practice = {path: data for path, data in practice.items() if not path.startswith("build/")}
        save(os.path.join(output, "practice"),
             b"\x1e".join(path.encode() + b"\n" + data for path, data in sorted(practice.items())))
        for path, data in practice.items():
            for kind, pattern in enumerate(KINDS):
                if re.fullmatch(pattern, path):
                    save(os.path.join(output, "document"), bytes([kind]) + data)
                    break


if __name__ == "__main__":
    main(sys.argv[1])
