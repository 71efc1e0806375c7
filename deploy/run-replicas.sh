#!/usr/bin/env bash
# Start N asylum-prep replicas on loopback, all on one PostgreSQL database and one master key,
# for nginx to balance (deploy/nginx.conf). Stops them all on Ctrl+C or TERM.
#
#   ASYLUM_PREP_DATABASE_URL=postgresql+psycopg://asylum@db.internal/asylum \
#   ASYLUM_PREP_MASTER_KEY="$(cat /etc/asylum-prep/master.key)" \
#   deploy/run-replicas.sh [N=2] [FIRST_PORT=8601]
#
# Environment:
#   ASYLUM_PREP_DATABASE_URL   required; a PostgreSQL URL shared by every replica
#   ASYLUM_PREP_MASTER_KEY     required; the same master key for every replica
#   ASYLUM_PREP_RUN_DIR        where replica data dirs, logs and pids go (default ./run)
#   STREAMLIT_SERVER_COOKIE_SECRET  shared by every replica; generated once if unset
#   ASYLUM_PREP_BIN            the asylum-prep command (default .venv/bin/asylum-prep)
set -euo pipefail

count="${1:-2}"
first_port="${2:-8601}"
run_dir="${ASYLUM_PREP_RUN_DIR:-./run}"
bin="${ASYLUM_PREP_BIN:-.venv/bin/asylum-prep}"

die() { echo "run-replicas: $*" >&2; exit 1; }
[[ "$count" =~ ^[1-9][0-9]?$ ]] || die "N must be a number from 1 to 99, not '$count'"
[[ "$first_port" =~ ^[0-9]+$ ]] || die "FIRST_PORT must be a port number, not '$first_port'"
[ -n "${ASYLUM_PREP_DATABASE_URL:-}" ] || die "set ASYLUM_PREP_DATABASE_URL to the shared PostgreSQL database"
case "$ASYLUM_PREP_DATABASE_URL" in
  postgresql*) ;;
  *) die "replicas need one shared PostgreSQL database; SQLite is for a single server" ;;
esac
[ -n "${ASYLUM_PREP_MASTER_KEY:-}" ] || die "set ASYLUM_PREP_MASTER_KEY (the same key on every replica)"
command -v "$bin" >/dev/null 2>&1 || [ -x "$bin" ] || die "cannot run $bin (run 'make run' once, or set ASYLUM_PREP_BIN)"

# Streamlit signs its XSRF cookie with this secret: every replica must share it.
if [ -z "${STREAMLIT_SERVER_COOKIE_SECRET:-}" ]; then
  STREAMLIT_SERVER_COOKIE_SECRET="$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
fi
export STREAMLIT_SERVER_COOKIE_SECRET ASYLUM_PREP_DATABASE_URL ASYLUM_PREP_MASTER_KEY

umask 077
mkdir -p "$run_dir"
pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT
trap 'exit 0' INT TERM

for ((i = 0; i < count; i++)); do
  port=$((first_port + i))
  data_dir="$run_dir/replica-$port"
  mkdir -p "$data_dir"
  ASYLUM_PREP_DATA_DIR="$data_dir" "$bin" serve --port "$port" --address 127.0.0.1 \
    >"$run_dir/replica-$port.log" 2>&1 &
  pids+=("$!")
  echo "$!" >"$run_dir/replica-$port.pid"
  echo "replica $((i + 1)) of $count: http://127.0.0.1:$port (pid $!, log $run_dir/replica-$port.log)"
done
echo "nginx upstream lines:"
for ((i = 0; i < count; i++)); do
  echo "        server 127.0.0.1:$((first_port + i)) max_fails=3 fail_timeout=10s;"
done

# Wait until any replica stops, then stop the others (a supervisor restarts the set).
wait -n "${pids[@]}" || true
echo "run-replicas: a replica stopped; stopping the others" >&2
exit 1
