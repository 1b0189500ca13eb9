#!/usr/bin/env bash
# Starts munged, a private MariaDB, slurmdbd, slurmctld and slurmd for a single-node Slurm on localhost, configured by
# slurm.conf.in and slurmdbd.conf.in beside this script, with every file under DIR. Prints
# "export SLURM_CONF=DIR/slurm.conf" on success. On failure it prints why (and the daemons' logs) to stderr and exits
# non-zero; stop-slurm.sh DIR stops what was started.
# Needs root (the daemons run as root here) and the Debian packages slurm-wlm, slurmdbd, munge and mariadb-server.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:?usage: start-slurm.sh DIR}
fail() { echo "start-slurm.sh: $*" >&2; for f in "$dir"/munge/munged.log "$dir"/mariadb.log "$dir"/slurmdbd.log "$dir"/slurmctld.log "$dir"/slurmd.log; do [ -s "$f" ] && { echo "--- $f" >&2; tail -20 "$f" >&2; }; done; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "must run as root (slurmd and slurmctld run as root in this test setup); running as uid $(id -u)"
for tool in munged mungekey slurmctld slurmd slurmdbd sinfo sbatch scontrol sacct sacctmgr mariadb-install-db mariadbd mariadb; do
  command -v "$tool" >/dev/null || fail "$tool not found: install the Debian packages slurm-wlm, slurmdbd, munge and mariadb-server"
done

mkdir -p "$dir"/munge "$dir"/state "$dir"/spool "$dir"/db
chmod 0700 "$dir" "$dir"/munge
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
cpus=$(nproc)
mem_mb=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 * 8 / 10 ))
db_port=$(free_port); dbd_port=$(free_port)
fill() { sed -e "s|@DIR@|$dir|g" -e "s|@CPUS@|$cpus|g" -e "s|@MEM_MB@|$mem_mb|g" -e "s|@DB_PORT@|$db_port|g" -e "s|@DBD_PORT@|$dbd_port|g" \
    -e "s|@CTLD_PORT@|$ctld_port|g" -e "s|@SLURMD_PORT@|$slurmd_port|g" "$1"; }
ctld_port=$(free_port); slurmd_port=$(free_port)
fill "$here/slurm.conf.in" > "$dir/slurm.conf"
fill "$here/slurmdbd.conf.in" > "$dir/slurmdbd.conf"   # slurmdbd reads the slurmdbd.conf beside SLURM_CONF
chmod 0600 "$dir/slurmdbd.conf"
export SLURM_CONF="$dir/slurm.conf"

mungekey --create --keyfile="$dir/munge/munge.key" --force >/dev/null 2>&1 || fail "mungekey could not create $dir/munge/munge.key"
chmod 0600 "$dir/munge/munge.key"
munged --force --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
  --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munged.seed" \
  || fail "munged did not start"
munge -n --socket="$dir/munge/munge.socket" | unmunge --socket="$dir/munge/munge.socket" >/dev/null \
  || fail "munge credentials do not round-trip through $dir/munge/munge.socket"

mariadb-install-db --no-defaults --user=root --datadir="$dir/db" --auth-root-authentication-method=socket --skip-test-db \
  > "$dir/mariadb-install.log" 2>&1 || { cat "$dir/mariadb-install.log" >&2; fail "mariadb-install-db could not create $dir/db"; }
mariadbd --no-defaults --user=root --datadir="$dir/db" --socket="$dir/mariadb.sock" --pid-file="$dir/mariadb.pid" \
  --bind-address=127.0.0.1 --port="$db_port" --log-error="$dir/mariadb.log" --skip-name-resolve > "$dir/mariadb.out" 2>&1 &
for _ in $(seq 1 60); do mariadb --no-defaults --socket="$dir/mariadb.sock" -e "select 1" >/dev/null 2>&1 && break; sleep 0.5; done
mariadb --no-defaults --socket="$dir/mariadb.sock" -e "CREATE USER 'slurm'@'127.0.0.1' IDENTIFIED BY 'crbn-test-only';
  GRANT ALL ON slurm_acct_db.* TO 'slurm'@'127.0.0.1';" || fail "MariaDB did not start on 127.0.0.1:$db_port"

slurmdbd || fail "slurmdbd did not start"
for _ in $(seq 1 60); do (exec 3<>"/dev/tcp/127.0.0.1/$dbd_port") 2>/dev/null && break; sleep 0.5; done
sacctmgr -i add cluster crbn-test >/dev/null 2>&1 || fail "sacctmgr could not register cluster crbn-test with slurmdbd (port $dbd_port)"

slurmctld -f "$SLURM_CONF" -i || fail "slurmctld did not start"
slurmd -f "$SLURM_CONF" -N localhost || fail "slurmd did not start"

for _ in $(seq 1 60); do
  state=$(sinfo -h -N -n localhost -o '%T' 2>/dev/null || true)
  case "$state" in
    idle*|mixed*|allocated*) echo "export SLURM_CONF=$SLURM_CONF"; exit 0 ;;
  esac
  sleep 0.5
done
fail "node localhost is not idle after 30 s (sinfo state: '${state:-no answer from slurmctld}')"
