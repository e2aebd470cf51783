#!/usr/bin/env bash
# Fuzzes one Tumen reader with afl-fuzz for a bounded time: fuzz/run.sh HARNESS SECONDS
# Harnesses: person-list capture-csv link-settings pdf docx html markdown text backup
# Needs Debian's afl++ (apt-get install afl++). Publishes fuzz/Tumen.Fuzz, instruments Tumen's
# assemblies and the third-party parsers with SharpFuzz, runs afl-fuzz on fuzz/seeds/HARNESS, and
# copies any crash or hang into fuzz/crashes/HARNESS/, which the replay tests
# (tests/Tumen.Fuzz.Tests) run on every test run. Findings stay in fuzz/out/ (not committed).
# Exit 0: no crash and no hang; 3: some were found (and copied); 1 or 2: the run could not start.
set -euo pipefail
harness="${1:?usage: fuzz/run.sh HARNESS SECONDS}"
seconds="${2:?usage: fuzz/run.sh HARNESS SECONDS}"
here="$(cd "$(dirname "$0")" && pwd)"
[ -d "$here/seeds/$harness" ] || { echo "run.sh: no seeds for '$harness' (fuzz/seeds/$harness)" >&2; exit 2; }
command -v afl-fuzz >/dev/null || { echo "run.sh: afl-fuzz is missing: apt-get install -y afl++" >&2; exit 2; }

out="$here/out"
bin="$out/bin"
tools="$out/tools"
if [ ! -x "$tools/sharpfuzz" ]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools" >/dev/null
fi

# Build and instrument a fresh copy whenever a source file is newer than the last instrumentation.
stamp="$(find "$here/Tumen.Fuzz" "$here/../src" -name '*.cs' -newer "$bin/.instrumented" 2>/dev/null | head -1 || true)"
if [ ! -f "$bin/.instrumented" ] || [ -n "$stamp" ]; then
  dotnet build "$here/Tumen.Fuzz" -c Release --nologo -v quiet
  rm -rf "$bin" && mkdir -p "$bin"
  cp -r "$here/Tumen.Fuzz/bin/Release/net10.0/." "$bin/"
  for dll in Tumen.Core Tumen.Ingest Tumen.Estimation Tumen.Linkage Tumen.Storage AngleSharp \
             UglyToad.PdfPig UglyToad.PdfPig.Core UglyToad.PdfPig.Tokenization UglyToad.PdfPig.Tokens \
             UglyToad.PdfPig.Fonts UglyToad.PdfPig.DocumentLayoutAnalysis; do
    [ -f "$bin/$dll.dll" ] && "$tools/sharpfuzz" "$bin/$dll.dll" >/dev/null
  done
  touch "$bin/.instrumented"
fi

findings="$out/$harness"
mkdir -p "$findings"
resume="$here/seeds/$harness"
[ -d "$findings/default/queue" ] && resume="-"   # go on from the last run's queue
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
export AFL_AUTORESUME=1 DOTNET_TieredPGO=0
# -t: an input that takes 10 s is a hang (the readers give up after 20 s); -m none: .NET reserves much address space.
timeout --signal=INT "$((seconds + 60))" \
  afl-fuzz -i "$resume" -o "$findings" -V "$seconds" -t 10000 -m none -- dotnet "$bin/Tumen.Fuzz.dll" "$harness" >"$findings/afl.log" 2>&1 || true

stats="$findings/default/fuzzer_stats"
[ -f "$stats" ] || { echo "run.sh: afl-fuzz did not start; see $findings/afl.log" >&2; tail -30 "$findings/afl.log" >&2; exit 1; }
mkdir -p "$here/crashes/$harness"
for f in "$findings"/default/crashes/id:* "$findings"/default/hangs/id:*; do
  [ -f "$f" ] && cp "$f" "$here/crashes/$harness/$(basename "$(dirname "$f")")-$(sha256sum "$f" | cut -c1-16)"
done
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|stability) ' "$stats" | sed "s/^/$harness: /"
found="$(awk '$1 == "saved_crashes" || $1 == "saved_hangs" { n += $3 } END { print n + 0 }' "$stats")"
if [ "$found" -gt 0 ]; then
  echo "run.sh: $harness: $found crash(es) or hang(s), copied to fuzz/crashes/$harness/ (replay: dotnet fuzz/Tumen.Fuzz/bin/Release/net10.0/Tumen.Fuzz.dll $harness FILE)" >&2
  exit 3
fi
