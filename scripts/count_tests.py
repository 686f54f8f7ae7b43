#!/usr/bin/env python3
"""Prints how many tests passed (or failed) in a test layer's log.

Understands cargo's "test result: ok. N passed; M failed" lines (summed over every test
binary, native or wasm-bindgen-test) and node's test runner ("ℹ pass N" / "ℹ fail N").
Usage: count_tests.py pass|fail LOG
"""
import re
import sys

which, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8", errors="replace").read()
total = 0
for m in re.finditer(r"test result: \w+\. (\d+) passed; (\d+) failed", text):
    total += int(m.group(1) if which == "pass" else m.group(2))
for m in re.finditer(r"^ℹ (pass|fail) (\d+)$", text, flags=re.M):
    if m.group(1) == which:
        total += int(m.group(2))
print(total)
