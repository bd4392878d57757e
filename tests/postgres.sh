#!/usr/bin/env bash
# Start a throwaway PostgreSQL server (Debian's package) on 127.0.0.1 and run the store and API
# tests against it, then stop it. Used by `make test` when run as root; installs PostgreSQL if it
# is missing. Usage: bash tests/postgres.sh [PYTHON]
set -euo pipefail
python=${1:-.venv/bin/python}
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
data=$(mktemp -d /tmp/scamrank-pg.XXXXXX)
chown postgres "$data"
as_pg() { runuser -u postgres -- "$@"; }
as_pg "$bin/initdb" -D "$data/db" -U postgres --auth=trust -E UTF8 >/dev/null
# A port the system says is free: a random one in 40000-49999 could be some connection's own
# local port (that range is within Linux's ephemeral ports), and the server then failed to
# bind. Tried again a few times, as another process may take the port before the server does.
free_port() { "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
for try in 1 2 3 4 5; do
  port=$(free_port)
  if as_pg "$bin/pg_ctl" -D "$data/db" -o "-c listen_addresses=127.0.0.1 -p $port -k $data" \
    -l "$data/log" -w start >/dev/null 2>&1; then
    break
  fi
  if [ "$try" = 5 ]; then
    tail -n 5 "$data/log" >&2
    rm -rf "$data"
    exit 1
  fi
done
trap 'as_pg "$bin/pg_ctl" -D "$data/db" -m fast stop >/dev/null; rm -rf "$data"' EXIT
as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres scamrank
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port: store tests"
SCAMRANK_TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$port/scamrank" \
  "$python" -m pytest -q tests/serve/test_store.py tests/serve/test_linked_cases.py
