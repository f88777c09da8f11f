# Sourced by the benchmark scripts (bench-ingest.sh, ingest-cpu.sh): a fresh ledger for each run.
# Needs $work (a scratch folder holding seed.db, a seeded SQLite ledger) and $seeder (a treatywatch program).
# fresh_sqlite: a copy of the seeded ledger; fresh_postgres SCHEMA: that schema of the database TREATYWATCH_TEST_PG
# names (as scripts/with-postgres.sh sets it), dropped, made again and seeded. Each prints its --db spec.
fresh_sqlite() { rm -f "$work"/l.db*; cp "$work/seed.db" "$work/l.db"; echo "sqlite:$work/l.db"; }
fresh_postgres() {
  local bin port s="$1"
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$TREATYWATCH_TEST_PG")
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d treatywatch_test -qtA \
    -c "SET client_min_messages=warning; DROP SCHEMA IF EXISTS $s CASCADE; CREATE SCHEMA $s" >/dev/null
  "$seeder" status LTU apmbc --db "$TREATYWATCH_TEST_PG;Search Path=$s" >/dev/null
  echo "$TREATYWATCH_TEST_PG;Search Path=$s"
}
