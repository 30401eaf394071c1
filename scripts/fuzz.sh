#!/usr/bin/env bash
# Builds the fuzzers of Fuzz/ with libFuzzer and AddressSanitizer and runs
# each for FUZZ_SECONDS (default 60) over a seed corpus made from the example
# practice and the test fixtures. Linux only: libFuzzer ships with Swift
# there. A crash, a hang (over FUZZ_TIMEOUT seconds on one input) or a leak
# stops the run and leaves the input in .build-fuzz/findings/; exit status 1.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'groupchart fuzz: %s\n' "$*"; }

if [ "$(uname -s)" != Linux ]; then
  say "the fuzzers need libFuzzer, which Swift ships on Linux only; skipping"
  exit 0
fi

seconds="${FUZZ_SECONDS:-60}"
timeout="${FUZZ_TIMEOUT:-20}"
out=.build-fuzz
# A new file in GroupChartKit is seen only when the build is planned anew.
rm -f "$out/release.yaml" "$out"/*/release/description.json
say "building the fuzzers (libFuzzer, AddressSanitizer)"
mkdir -p "$out"
# Optimised: the sanitizers still see every bad access, at several times the
# executions a second of a debug build.
if ! swift build --package-path Fuzz --build-path "$out" -c release \
     -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld >"$out/build.log" 2>&1; then
  tail -30 "$out/build.log"
  say "the fuzzers did not build (log: $out/build.log)"
  exit 1
fi

rm -rf "$out/seeds"
scripts/fuzz-seeds.py "$out/seeds"
mkdir -p "$out/findings"
status=0
for target in document practice; do
  binary="$out/release/Fuzz${target^}"
  # Each run starts from the seeds: libFuzzer reads its whole corpus before
  # the clock starts, so a corpus grown over many runs would stretch the
  # time given. What a run adds stays in the corpus folder until the next.
  corpus="$out/corpus/$target"
  rm -rf "$corpus"
  mkdir -p "$corpus"
  max_len=32768
  [ "$target" = practice ] && max_len=65536
  say "running Fuzz${target^} for ${seconds}s"
  # The practice fuzzer writes a practice and its build on every input: keep
  # that in memory (tmpfs) where there is one.
  tmp="${TMPDIR:-/tmp}"
  [ -d /dev/shm ] && [ -w /dev/shm ] && tmp=/dev/shm
  scratch=$(mktemp -d "$tmp/groupchart-fuzz.XXXXXX")
  log="$out/fuzz-$target.log"
  if TMPDIR="$scratch" "$binary" -max_total_time="$seconds" -timeout="$timeout" -max_len="$max_len" \
       -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$out/findings/$target-" \
       "$corpus" "$out/seeds/$target" >"$log" 2>&1; then
    runs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1)
    say "Fuzz${target^}: ${runs:-finished}, no crash (log: $log)"
  else
    status=1
    say "Fuzz${target^} found a problem (log: $log):"
    grep -E 'ERROR|SUMMARY|Test unit written|Fatal error|crash|timeout' "$log" | head -20 || true
  fi
  rm -rf "$scratch"
done
exit $status
