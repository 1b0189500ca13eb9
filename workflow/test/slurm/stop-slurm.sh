#!/usr/bin/env bash
# Stops the daemons start-slurm.sh DIR started (by their pid files) and leaves DIR for inspection.
dir=${1:?usage: stop-slurm.sh DIR}
pids=("$dir"/slurmd.pid "$dir"/slurmctld.pid "$dir"/slurmdbd.pid "$dir"/mariadb.pid "$dir"/munge/munged.pid)
for pidfile in "${pids[@]}"; do
  [ -s "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null
done
for pidfile in "${pids[@]}"; do
  for _ in $(seq 1 50); do [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 0.1; done
done
exit 0
