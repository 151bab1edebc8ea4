#!/usr/bin/env bash
# Batch conversion benchmark: 2,000 generated plans of four formats and five sizes (fixed seeds,
# PlanTestSupport's generator through `planbridge-bench generate`) converted to MS Project XML by
# the release `planbridge convert IN --out-dir DIR --to mspdi`, with --jobs 1 and --jobs 2.
# Prints files/s (from the batch's own summary line), wall time, peak memory (maximum resident
# set size from /usr/bin/time -v, else bash's `times` is all we have and memory is not shown)
# and the speed-up of --jobs 2 over --jobs 1. Each setting runs BENCH_RUNS times (default 3, in
# turns) after one warm-up run that fills the page cache; the best run of each counts.
#
# Environment: BENCH_OUT (work folder, default a temporary one), BENCH_RUNS, BENCH_JOBS (the
# --jobs values to compare, default "1 2"), BENCH_TO (target format, default mspdi).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${BENCH_RUNS:-3}"
jobs_list="${BENCH_JOBS:-1 2}"
target="${BENCH_TO:-mspdi}"

swift build -c release --product planbridge >&2
swift build -c release --product planbridge-bench >&2
bin="$(swift build -c release --show-bin-path)"
work="${BENCH_OUT:-$(mktemp -d)}"
mkdir -p "$work"

# 4 formats × 5 sizes × 100 seeds = 2,000 files, the same every time.
seeds="$(seq -s, 1 100)"
if [ ! -f "$work/in/.complete" ]; then
  rm -rf "$work/in"
  for format in json mspdi jira-csv ics; do
    "$bin/planbridge-bench" generate "$format" --tasks 5,20,60,150,400 --seed "$seeds" --out "$work/in/$format" >/dev/null 2>&1
  done
  touch "$work/in/.complete"
fi
files=$(find "$work/in" -type f ! -name '.*' | wc -l)
bytes=$(find "$work/in" -type f ! -name '.*' -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "inputs: $files files, $bytes bytes in $work/in; target $target; $(nproc) cores"

run_once() { # jobs → "files_per_s wall_s max_rss_kB"
  local jobs="$1" out="$work/out-$1"
  rm -rf "$out"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -v -o "$work/time.txt" "$bin/planbridge" convert "$work/in" --out-dir "$out" --to "$target" --jobs "$jobs" \
      2>"$work/stderr.txt" || true
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  else
    "$bin/planbridge" convert "$work/in" --out-dir "$out" --to "$target" --jobs "$jobs" 2>"$work/stderr.txt" || true
    rss="n/a"
  fi
  summary=$(tail -1 "$work/stderr.txt")
  rate=$(sed -E 's/.*\(([0-9.]+) files\/s\).*/\1/' <<<"$summary")
  wall=$(sed -E 's/.* read in ([0-9.]+) s .*/\1/' <<<"$summary")
  echo "$rate $wall $rss"
}

# The settings take turns run by run, so that a load that comes and goes (another build on the
# machine) hits them alike rather than spoiling one of them.
declare -A best_rate best_wall best_rss
for jobs in $jobs_list; do run_once "$jobs" >/dev/null; best_rate[$jobs]=0; done  # warm-up
for _ in $(seq "$runs"); do
  for jobs in $jobs_list; do
    read -r rate wall rss < <(run_once "$jobs")
    echo "  --jobs $jobs: $rate files/s, $wall s, max RSS $rss kB; load average $(cut -d' ' -f1 /proc/loadavg)"
    if awk -v a="$rate" -v b="${best_rate[$jobs]}" 'BEGIN {exit !(a > b)}'; then
      best_rate[$jobs]=$rate; best_wall[$jobs]=$wall; best_rss[$jobs]=$rss
    fi
  done
done
echo "  last summary: $(tail -1 "$work/stderr.txt")"
echo
echo "| --jobs | files/s | wall (s) | peak RSS (MB) |"
echo "|---:|---:|---:|---:|"
for jobs in $jobs_list; do
  mb=$(awk -v k="${best_rss[$jobs]}" 'BEGIN {if (k == "n/a") print "n/a"; else printf "%.1f", k / 1024}')
  echo "| $jobs | ${best_rate[$jobs]} | ${best_wall[$jobs]} | $mb |"
done
first=$(awk '{print $1}' <<<"$jobs_list"); last=$(awk '{print $NF}' <<<"$jobs_list")
awk -v a="${best_rate[$last]}" -v b="${best_rate[$first]}" -v f="$first" -v l="$last" \
  'BEGIN {printf "speed-up of --jobs %s over --jobs %s: %.2fx\n", l, f, a / b}'
