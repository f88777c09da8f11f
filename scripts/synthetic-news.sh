#!/usr/bin/env bash
# Writes N small synthetic news articles (about 5 KB each, written for this project: no third-party text) into a
# folder, for the ingest benchmark (docs/benchmarks.md). Each reports a parliament's vote and a government's
# recommendation on a weapons treaty, with dates and vote figures, among paragraphs of neutral filler; each is unique.
#   scripts/synthetic-news.sh <folder> <count>
set -euo pipefail
[ "$#" -eq 2 ] || { echo "usage: scripts/synthetic-news.sh <folder> <count>" >&2; exit 2; }
mkdir -p "$1"
awk -v dir="$1" -v count="$2" 'BEGIN {
  split("Finland Estonia Latvia Lithuania Poland Norway Ukraine Austria", st, " ");
  split("January February March April May June July August September October November", mo, " ");
  for (n = 0; n < count; n++) {
    s = st[n % 8 + 1]; m = mo[int(n / 8) % 11 + 1]; d = n % 27 + 1;
    t = (n % 3 == 0) ? "the Convention on Cluster Munitions" : "the Ottawa Convention";
    f = sprintf("%s/%06d.txt", dir, n);
    printf "Parliament vote on a weapons treaty, report %d\n\nPublished %d %s 2025\n\n", n, d + 1, m > f;
    for (p = 0; p < 20; p++) {
      if (p == 6) {
        printf "%s'\''s parliament voted on %d %s 2025 to withdraw from %s, with %d votes in favour and %d against.\n", s, d, m, t, 100 + n % 50, n % 30 > f;
        printf "The government had recommended the withdrawal on 1 January 2025.\n" > f;
      }
      printf "Paragraph %d of report %d. The committee met in the morning and heard evidence from several witnesses about budgets, roads and schools. Members asked for more figures before the next session, and the chair promised a written answer within a fortnight.\n", p, n > f;
    }
    close(f);
  }
}'
