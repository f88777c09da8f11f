#!/usr/bin/env bash
# The ingest benchmark of docs/benchmarks.md: ingest into the ledger against the in-memory pipeline (`--dry-run`).
# Each round runs, one after the other, a dry run and an ingest by each program given, each into a fresh copy of a
# seeded SQLite ledger (and, when TREATYWATCH_TEST_PG is set, as under scripts/with-postgres.sh, into a fresh seeded
# schema of that PostgreSQL database too); it prints each run's wall time, the medians, and each median's ratio to
# the dry run's. Alternating the programs in every round keeps a machine whose speed drifts from minute to minute fair.
#   scripts/bench-ingest.sh [--rounds N] [--articles N] [--threads N] [program...]
# The programs default to ./treatywatch's native build (artifacts/cli/treatywatch); give an older build to compare.
# Example: scripts/with-postgres.sh scripts/bench-ingest.sh --rounds 7 artifacts/cli/treatywatch /tmp/before/treatywatch
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=5 articles=3000 threads=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --articles) articles="$2"; shift 2 ;;
    --threads) threads="--threads $2"; shift 2 ;;
    --*) echo "bench-ingest: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
programs=("$@")
[ "${#programs[@]}" -gt 0 ] || { ./treatywatch --version >/dev/null; programs=(artifacts/cli/treatywatch); }
for p in "${programs[@]}"; do [ -x "$p" ] || { echo "bench-ingest: $p is not an executable program" >&2; exit 2; }; done

work=$(mktemp -d /tmp/treatywatch-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
scripts/synthetic-news.sh "$work/corpus" "$articles"
# A seeded ledger (the bundled data loaded by a first command), copied before every run.
"${programs[0]}" status LTU apmbc --db "sqlite:$work/seed.db" >/dev/null

ms() { local a b; a=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "bench-ingest: failed: $*" >&2; exit 1; }; b=$(date +%s%N); echo $(((b - a) / 1000000)); }
seeder="${programs[0]}"
# shellcheck source=scripts/bench-ledgers.sh
. scripts/bench-ledgers.sh

declare -A times
targets=(sqlite); [ -n "${TREATYWATCH_TEST_PG:-}" ] && targets+=(postgres)
for r in $(seq "$rounds"); do
  # shellcheck disable=SC2086
  times[dry]+="$(ms "${programs[0]}" ingest "$work/corpus" --db "$(fresh_sqlite)" --dry-run $threads -f json) "
  for t in "${targets[@]}"; do
    for i in "${!programs[@]}"; do
      spec=$([ "$t" = sqlite ] && fresh_sqlite || fresh_postgres bench)
      # shellcheck disable=SC2086
      times["$t $i"]+="$(ms "${programs[$i]}" ingest "$work/corpus" --db "$spec" $threads -f json) "
    done
  done
  echo "round $r of $rounds done" >&2
done

median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
dry=$(median "${times[dry]}")
echo "$articles articles, $rounds rounds${threads:+, $threads}; wall ms"
echo "dry run (${programs[0]}): ${times[dry]}-> median $dry"
for t in "${targets[@]}"; do
  for i in "${!programs[@]}"; do
    m=$(median "${times[$t $i]}")
    echo "$t (${programs[$i]}): ${times[$t $i]}-> median $m, $(awk -v x="$m" -v y="$dry" 'BEGIN {printf "%.2f", x / y}') x the dry run"
  done
done
