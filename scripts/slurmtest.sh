#!/usr/bin/env bash
# make slurmtest: a night through a real Slurm scheduler (deploy/slurm/,
# scripts/slurm-night.sh) as a job array of 4 shards on a single-node cluster
# started here on localhost without systemd (munged, slurmctld, slurmd and a
# generated slurm.conf; see docs/scale-out.md), then a second night as 3 shards,
# each compared byte for byte with a single-machine `cdrate run` of the same night. The daemons are stopped by their
# pids at the end. Not part of make test. Prints "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cdrate=${CDRATE_BINARY:-$root/.build/release/cdrate}
shards=${SLURMTEST_SHARDS:-4}
records=${SLURMTEST_RECORDS:-200000}

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
        echo "installing slurm-wlm and munge"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null || exit 1
    else
        echo "make slurmtest needs Slurm and munge: run 'sudo apt-get install slurm-wlm munge' and retry"; exit 1
    fi
fi
[ -x "$cdrate" ] || { echo "no $cdrate: build it first (make release)"; exit 1; }

scratch=$(mktemp -d /tmp/cdrate-slurmtest.XXXXXX)
pids=()
started_munged=0
stop() {
    # slurmd, then slurmctld, then munged (if this script started it), each by its pid.
    for f in "$scratch/slurmd.pid" "$scratch/slurmctld.pid" $([ $started_munged = 1 ] && echo "$scratch/munge/munged.pid"); do
        [ -f "$f" ] || continue
        pid=$(cat "$f")
        kill -TERM "$pid" 2>/dev/null || continue
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    done
}
trap 'stop; [ "${SLURMTEST_KEEP:-0}" = 1 ] || rm -rf "$scratch"' EXIT

# munge: systemd would make /run/munge; a munged already running is used as it is.
if ! (munge -n | unmunge) >/dev/null 2>&1; then
    mkdir -p /run/munge && chown munge:munge /run/munge && chmod 0755 /run/munge
    mkdir -p "$scratch/munge" && chown munge "$scratch/munge" && chmod 0755 "$scratch"
    runuser -u munge -- /usr/sbin/munged --pid-file="$scratch/munge/munged.pid" || { echo "munged did not start"; exit 1; }
    started_munged=1
    for _ in $(seq 1 50); do (munge -n | unmunge) >/dev/null 2>&1 && break; sleep 0.1; done
fi

# slurm.conf: ports of their own, so that no other cluster on the machine is disturbed.
port=$((17000 + RANDOM % 2000))
host=$(hostname -s)
memory=$(free -m | awk '/^Mem:/ { print $2 }')
mkdir -p "$scratch/state" "$scratch/spool"
cat > "$scratch/slurm.conf" <<CONF
ClusterName=cdratetest
SlurmctldHost=localhost
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
ReturnToService=2
MailProg=/bin/true
MinJobAge=4
StateSaveLocation=$scratch/state
SlurmdSpoolDir=$scratch/spool
SlurmctldPidFile=$scratch/slurmctld.pid
SlurmdPidFile=$scratch/slurmd.pid
SlurmctldLogFile=$scratch/slurmctld.log
SlurmdLogFile=$scratch/slurmd.log
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) RealMemory=$memory State=UNKNOWN
PartitionName=night Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$scratch/slurm.conf
/usr/sbin/slurmctld -c || { echo "slurmctld did not start (see $scratch/slurmctld.log)"; exit 1; }
/usr/sbin/slurmd -c || { echo "slurmd did not start (see $scratch/slurmd.log)"; exit 1; }
for _ in $(seq 1 100); do
    [ "$(sinfo -h -o %T 2>/dev/null | head -1)" = "idle" ] && break
    sleep 0.2
done
echo "slurm: $(sinfo -h -o '%P %D %T %c CPUs')"

passed=0 failed=0
check() { if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $*"; fi; }

# Two nights, generated (night one: the files of 21-24 September; night two: the
# inbox as it stands then, every file); single-machine runs of them; the same nights
# through Slurm, as 4 shards and then 3 (N may change from one night to the next).
"$cdrate" generate --subscribers 5000 --records "$records" --seed 12 --bad 3 --out "$scratch/world" >/dev/null || exit 1
mkdir -p "$scratch/inbox-1" "$scratch/inbox-2"
for f in "$scratch"/world/inbox/*; do
    name=$(basename "$f")
    date=$(echo "$name" | cut -d_ -f2)
    [ "$date" -le 20260924 ] && cp "$f" "$scratch/inbox-1/"
    cp "$f" "$scratch/inbox-2/"
done
cd "$scratch"
night=0
for n in "$shards" 3; do
    night=$((night + 1))
    run=runs/R000000$night state=state/R000000$night
    "$cdrate" run --inbox "$scratch/inbox-$night" --tariffs "$scratch/world/Tariffs" --work "$scratch/single" >/dev/null 2>&1
    check test $? = 0
    start=$(date +%s.%N)
    "$root/scripts/slurm-night.sh" --work "$scratch/sharded" --inbox "$scratch/inbox-$night" \
        --tariffs "$scratch/world/Tariffs" --shards "$n" --cdrate "$cdrate" --wait
    check test $? = 0
    echo "night $night through slurm as $n shards: $(echo "$(date +%s.%N) - $start" | bc) s (submission to merged run)"
    tail -n 1 "$(ls -t "$scratch"/cdrate-merge-*.out | head -1)"
    for f in rated.dat roamers.dat rejects.dat duplicates.dat alerts.dat fraud.dat quarantine.txt collection.log; do
        check cmp -s "$scratch/single/$run/$f" "$scratch/sharded/$run/$f"
    done
    check diff <(cat "$scratch/single/$run/MANIFEST") <(grep -v '^shards ' "$scratch/sharded/$run/MANIFEST")
    check grep -qx "shards $n" "$scratch/sharded/$run/MANIFEST"
    check diff -r "$scratch/single/$state" "$scratch/sharded/$state"
    check diff -r "$scratch/single/archive/R000000$night" "$scratch/sharded/archive/R000000$night"
    check "$cdrate" verify "R000000$night" --work "$scratch/sharded" >/dev/null
done
check test "$(ls "$scratch"/cdrate-rate-*.out | wc -l)" = "$((shards + 3))"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
