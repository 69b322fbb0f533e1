#!/usr/bin/env bash
# make bench: measures cdrate against zcat of the same gzip input, in one invocation.
#
#   scripts/bench.sh [RECORDS]      default 10,000,000 (BENCH_RECORDS in the Makefile)
#   BENCH_SCALES="1000000 3000000 10000000" scripts/bench.sh   the growth table
#
# Worlds are generated once with `cdrate generate` (200,000 subscribers, ~100,000
# records per gzip file) and cached under var/bench/<records>/. Each measurement runs
# cdrate on a fresh work area; peak resident memory comes from /usr/bin/time -v.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/cdrate
records=${1:-10000000}
scales=${BENCH_SCALES:-$records}
threads=${BENCH_THREADS:-$(nproc)}

world() {  # world <records>: generates (once) and prints the world's directory
  local n=$1 dir=var/bench/$1
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    mkdir -p var/bench
    "$bin" generate --subscribers 200000 --records "$n" --seed 7 --out "$dir" >&2
    touch "$dir/.complete"
  fi
  echo "$dir"
}

seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.2f}')" "$1"; }

measure() {  # measure <records>: prints one table row
  local n=$1 dir
  dir=$(world "$n")
  sync
  local t0 t1 zwall
  t0=$(date +%s.%N)
  cat "$dir"/inbox/*.cdr.gz | zcat > /dev/null
  t1=$(date +%s.%N)
  zwall=$(python3 -c "print($t1 - $t0)")
  local work=var/bench/work-$n
  rm -rf "$work"
  local tv
  tv=$(mktemp)
  t0=$(date +%s.%N)
  /usr/bin/time -v "$bin" run --inbox "$dir/inbox" --tariffs "$dir/Tariffs" --work "$work" --threads "$threads" \
    > "$work.summary" 2> "$tv" || { cat "$tv"; exit 1; }
  t1=$(date +%s.%N)
  local wall rss
  wall=$(python3 -c "print($t1 - $t0)")
  rss=$(grep "Maximum resident set size" "$tv" | awk '{print $NF}')
  rm -f "$tv"
  local inrec
  inrec=$(grep -oE 'records [0-9]+ in' "$work.summary" | grep -oE '[0-9]+')
  python3 - "$n" "$inrec" "$wall" "$rss" "$zwall" <<'PY'
import sys
n, inrec, wall, rss, zwall = sys.argv[1:]
inrec, wall, rss, zwall = int(inrec), float(wall), int(rss), float(zwall)
print(f"| {inrec:>11,} | {zwall:>8.2f} | {inrec / zwall:>12,.0f} | {wall:>8.2f} | {inrec / wall:>12,.0f} | {rss / 1024:>9,.0f} | {wall / zwall:>6.2f} |")
PY
  rm -rf "$work"
}

echo "cdrate bench: $(nproc) cores, $threads threads, $(date -u +%Y-%m-%d)"
echo
echo "| records     | zcat s   | zcat rec/s   | cdrate s | cdrate rec/s | peak MiB  | ratio  |"
echo "|-------------|----------|--------------|----------|--------------|-----------|--------|"
for n in $scales; do measure "$n"; done
