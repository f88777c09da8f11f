#!/usr/bin/env bash
# Where the ingest's CPU goes, by thread (docs/benchmarks.md, "Issue 4, fifth pass"): for a dry run, an ingest into a
# fresh seeded SQLite ledger and, when TREATYWATCH_TEST_PG is set (as under scripts/with-postgres.sh), into a fresh
# seeded PostgreSQL schema, `perf record -a -F 1000` samples every core once a millisecond; the samples are counted by
# thread name: the reading threads, the collector, the main thread (the writer), the PostgreSQL server, and idle cores.
# One sample is one millisecond of one core. Needs perf (Debian: apt-get install linux-perf) and the right to sample
# every CPU (root, or kernel.perf_event_paranoid <= 0).
#   scripts/ingest-cpu.sh [--runs N] [--articles N] [program]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3 articles=3000
while [ "$#" -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --articles) articles="$2"; shift 2 ;;
    --*) echo "ingest-cpu: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
command -v perf >/dev/null || { echo "ingest-cpu: needs perf (Debian: apt-get install linux-perf)" >&2; exit 2; }
program="${1:-}"
[ -n "$program" ] || { ./treatywatch --version >/dev/null; program=artifacts/cli/treatywatch; }
[ -x "$program" ] || { echo "ingest-cpu: $program is not an executable program" >&2; exit 2; }

work=$(mktemp -d /tmp/treatywatch-cpu.XXXXXX)
trap 'rm -rf "$work"' EXIT
scripts/synthetic-news.sh "$work/corpus" "$articles"
"$program" status LTU apmbc --db "sqlite:$work/seed.db" >/dev/null

# Samples by thread of the last recording: "readers=… collector=… writer=… postgres=… other=… busy=… idle=…".
count() {
  perf script -i "$work/perf.data" -F comm 2>/dev/null | awk '
    { k = $0; gsub(/^ +| +$/, "", k)
      if (k == "swapper") c["idle"]++; else if (k ~ /reader/) c["readers"]++; else if (k ~ /collec/) c["collector"]++
      else if (k == "treatywatch") c["writer"]++; else if (k == "postgres") c["postgres"]++; else c["other"]++
      if (k != "swapper") busy++ }
    END { printf "readers=%d collector=%d writer=%d postgres=%d other=%d busy=%d idle=%d\n",
          c["readers"], c["collector"], c["writer"], c["postgres"], c["other"], busy, c["idle"] }'
}
record() { perf record -q -a -F 1000 -o "$work/perf.data" "$program" ingest "$work/corpus" "$@" -f json >/dev/null 2>&1; count; }
seeder="$program"
# shellcheck source=scripts/bench-ledgers.sh
. scripts/bench-ledgers.sh

echo "$articles articles; ms of a core by thread (perf -a at 1 kHz), $runs run(s) each"
for r in $(seq "$runs"); do
  echo "dry run     $(record --db "$(fresh_sqlite)" --dry-run)"
  echo "SQLite      $(record --db "$(fresh_sqlite)")"
  if [ -n "${TREATYWATCH_TEST_PG:-}" ]; then echo "PostgreSQL  $(record --db "$(fresh_postgres cpu)")"; fi
done
