#!/usr/bin/env bash
# Submits one night run as shards to Slurm (SPEC section 12, deploy/slurm/):
#   collect (one job) -> rate (a job array of N shards, afterok) -> merge (afterok).
# usage: scripts/slurm-night.sh --work DIR --inbox DIR --tariffs DIR --shards N
#            [--cdrate PATH] [--parallel P] [--threads T] [--wait] [--partition P]
# --work, --inbox and --tariffs must be paths every node sees (NFS or the like).
# Prints the three job ids; with --wait, waits for the merge and exits with its code
# (or the first failing step's).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work= inbox= tariffs= shards= cdrate=cdrate parallel= threads=1 wait=0 partition=
while [ $# -gt 0 ]; do
    case $1 in
        --work) work=$2; shift 2 ;;
        --inbox) inbox=$2; shift 2 ;;
        --tariffs) tariffs=$2; shift 2 ;;
        --shards) shards=$2; shift 2 ;;
        --cdrate) cdrate=$2; shift 2 ;;
        --parallel) parallel=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --partition) partition=$2; shift 2 ;;
        --wait) wait=1; shift ;;
        *) echo "slurm-night.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
if [ -z "$work" ] || [ -z "$inbox" ] || [ -z "$tariffs" ] || [ -z "$shards" ]; then
    echo "usage: scripts/slurm-night.sh --work DIR --inbox DIR --tariffs DIR --shards N [--cdrate PATH] [--parallel P] [--threads T] [--wait]" >&2
    exit 2
fi
abs() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
export CDRATE=$(abs "$cdrate") WORK=$(abs "$work") INBOX=$(abs "$inbox") TARIFFS=$(abs "$tariffs")
# N for every task, also for a later rerun of some indices (whose task count is smaller).
export CDRATE_SHARDS=$shards
[ -x "$CDRATE" ] || CDRATE=$(command -v "$cdrate")
extra=()
[ -n "$partition" ] && extra+=(--partition "$partition")
array="0-$((shards - 1))"
[ -n "$parallel" ] && array="$array%$parallel"   # at most P shards at once
collect=$(sbatch --parsable "${extra[@]}" --export=ALL "$here/deploy/slurm/collect.sbatch")
rate=$(sbatch --parsable "${extra[@]}" --export=ALL --dependency=afterok:"$collect" --kill-on-invalid-dep=yes \
    --array="$array" --cpus-per-task="$threads" "$here/deploy/slurm/rate.sbatch")
merge_args=(--parsable "${extra[@]}" --export=ALL --dependency=afterok:"$rate" --kill-on-invalid-dep=yes)
[ "$wait" = 1 ] && merge_args+=(--wait)
echo "collect $collect"
echo "rate $rate (array $array)"
if [ "$wait" = 1 ]; then
    set +e
    merge=$(sbatch "${merge_args[@]}" "$here/deploy/slurm/merge.sbatch")
    rc=$?
    echo "merge $merge"
    exit $rc
fi
merge=$(sbatch "${merge_args[@]}" "$here/deploy/slurm/merge.sbatch")
echo "merge $merge"
