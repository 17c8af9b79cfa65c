#!/usr/bin/env bash
# The Slurm job array of docs/cluster.md, run for real: starts a single-node Slurm cluster from Debian's packages
# (munge, slurmctld, slurmd; installed with apt-get when missing and running as root), submits
# scenarios/sweeps/sweep.sbatch for a small sweep in 3 shards, waits, merges the shards, and checks that
# the merged result is byte-identical to the same sweep run unsharded in one process.
# Prints "SKIPPED: <reason>" and exits 0 where Slurm cannot be started (not root, no apt, no packages).
# Run it: sudo bash test/slurm/slurm-sweep.sh   (CI runs it from .ci/run)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"

skip() { echo "SKIPPED: $*"; exit 0; }
[ "$(id -u)" = 0 ] || skip "needs root to start munge and the Slurm daemons"
if ! command -v slurmctld > /dev/null || ! command -v munged > /dev/null; then
  command -v apt-get > /dev/null || skip "Slurm is not installed and there is no apt-get to install it"
  echo "== installing slurm-wlm and munge from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge > /tmp/trustfall-slurm-apt.log 2>&1 ||
    (apt-get update -q > /dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge > /tmp/trustfall-slurm-apt.log 2>&1) ||
    skip "apt-get could not install slurm-wlm and munge (see /tmp/trustfall-slurm-apt.log)"
fi

WORK="$(mktemp -d /tmp/trustfall-slurm.XXXXXX)"
chmod 755 "$WORK" # munged runs as the munge user and must reach its folder
HOST="$(hostname -s)"
CPUS="$(nproc)"
# Stops the daemons and waits until they have gone (slurmctld writes its state as it stops).
stop_daemon() {
  [ -f "$1" ] || return 0
  local pid
  pid="$(cat "$1" 2> /dev/null)" || return 0
  kill "$pid" 2> /dev/null || return 0
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2> /dev/null || return 0
    sleep 0.2
  done
}
cleanup() {
  stop_daemon "$WORK/slurmd.pid"
  stop_daemon "$WORK/slurmctld.pid"
  stop_daemon "$WORK/munge/munged.pid"
}
trap cleanup EXIT

echo "== munge"
mkdir -p "$WORK/munge" /run/munge
chown munge:munge "$WORK/munge" /run/munge
dd if=/dev/urandom bs=1 count=1024 of="$WORK/munge/munge.key" status=none
chown munge:munge "$WORK/munge/munge.key"
chmod 400 "$WORK/munge/munge.key"
SOCKET="$WORK/munge/munge.socket"
su -s /bin/sh munge -c "/usr/sbin/munged --key-file=$WORK/munge/munge.key --socket=$SOCKET --pid-file=$WORK/munge/munged.pid --log-file=$WORK/munge/munged.log --seed-file=$WORK/munge/munged.seed --force" ||
  skip "munged did not start"
munge -n -S "$SOCKET" | unmunge -S "$SOCKET" > /dev/null || skip "munge does not answer"

echo "== slurm (one node, $CPUS CPUs)"
mkdir -p "$WORK/state" "$WORK/spool" "$WORK/log"
cat > "$WORK/slurm.conf" << CONF
ClusterName=trustfall
SlurmctldHost=$HOST
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$SOCKET
CredType=cred/munge
StateSaveLocation=$WORK/state
SlurmdSpoolDir=$WORK/spool
SlurmctldPidFile=$WORK/slurmctld.pid
SlurmdPidFile=$WORK/slurmd.pid
SlurmctldLogFile=$WORK/log/slurmctld.log
SlurmdLogFile=$WORK/log/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobCompType=jobcomp/none
NodeName=$HOST CPUs=$CPUS State=UNKNOWN
PartitionName=main Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$WORK/slurm.conf"
/usr/sbin/slurmctld -f "$SLURM_CONF" || skip "slurmctld did not start (log: $WORK/log/slurmctld.log)"
/usr/sbin/slurmd -f "$SLURM_CONF" || skip "slurmd did not start (log: $WORK/log/slurmd.log)"
for _ in $(seq 1 60); do
  sinfo -h -o '%t' 2> /dev/null | grep -q idle && break
  sleep 1
done
sinfo -h -o '%t' | grep -q idle || skip "the node did not become idle (logs in $WORK/log)"

echo "== a small sweep (8 runs), unsharded in one process"
SWEEP="$WORK/sweep.json"
cat > "$SWEEP" << JSON
{
  "name": "Slurm test: profiling multiplier",
  "base": {
    "name": "Small Task Force county",
    "run": { "years": 1, "activationDay": 120, "burnInWeeks": 8 },
    "jurisdictions": [{ "name": "County", "residents": 3000, "policy": { "model": "taskForce" } }]
  },
  "parameters": [{ "path": "jurisdictions[0].policy.profilingMultiplier", "values": [1, 4] }],
  "replicates": 4,
  "seed": 11
}
JSON
npm run -s sim -- sweep "$SWEEP" --workers 1 --quiet --out "$WORK/unsharded.json"

echo "== the same sweep as a Slurm job array of 3 shards (scenarios/sweeps/sweep.sbatch)"
JOB="$(sbatch --parsable --wait --array=1-3 --cpus-per-task=1 --output="$WORK/log/task-%a.log" \
  --export=ALL,SWEEP="$SWEEP",SHARDS=3,OUT="$WORK/out" scenarios/sweeps/sweep.sbatch)" || {
  cat "$WORK"/log/task-*.log 2> /dev/null || true
  echo "FAILED: the job array did not finish cleanly"
  exit 1
}
echo "job $JOB finished: every task of the array exited 0 (sbatch --wait says so)"
ls "$WORK/out"

echo "== merge and compare"
npm run -s sim -- merge "$WORK"/out/shard-*.json --out "$WORK/merged.json"
if cmp "$WORK/merged.json" "$WORK/unsharded.json"; then
  echo "PASSED: the merged shards of the Slurm job array are byte-identical to the unsharded sweep ($(wc -c < "$WORK/merged.json") bytes)"
  cleanup
  rm -rf "$WORK" 2> /dev/null || echo "(left $WORK behind)"
else
  echo "FAILED: the merged shards differ from the unsharded sweep"
  diff <(tr ',' '\n' < "$WORK/merged.json") <(tr ',' '\n' < "$WORK/unsharded.json") | head -20
  exit 1
fi
