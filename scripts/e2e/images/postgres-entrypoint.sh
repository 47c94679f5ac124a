#!/bin/sh
# Entry point of flask-helm-wizard's e2e PostgreSQL stand-in (see CONTRACT.md): what
# the official image's docker-entrypoint.sh does that the postgresql subchart relies
# on. On every start: $PGDATA exists with mode 0700. On an empty $PGDATA: initdb with $POSTGRES_USER as the superuser and
# $POSTGRES_PASSWORD (read from a file in /tmp, never from argv), TCP on every
# address with scram-sha-256, then $POSTGRES_DB owned by that user. Then exec "$@".
set -eu
if [ "${1:-}" = postgres ]; then
  : "${PGDATA:=/var/lib/postgresql/data}"
  : "${POSTGRES_USER:=postgres}"
  : "${POSTGRES_DB:=$POSTGRES_USER}"
  # As the official image: the password may come from a file (the chart mounts its
  # Secret and sets POSTGRES_PASSWORD_FILE), so it never sits in the environment.
  if [ -n "${POSTGRES_PASSWORD_FILE:-}" ]; then
    POSTGRES_PASSWORD=$(cat "$POSTGRES_PASSWORD_FILE")
  fi
  # On every start, as the official image does: kubelet applies the pod's fsGroup to
  # the volume (group rw, setgid), and postgres refuses a data directory that is not 0700/0750.
  mkdir -p "$PGDATA"
  chmod 700 "$PGDATA"
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    if [ -z "${POSTGRES_PASSWORD:-}" ]; then
      echo "Error: Database is uninitialized and superuser password is not specified (POSTGRES_PASSWORD)." >&2
      exit 1
    fi
    pwfile=$(mktemp)
    printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
    initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile="$pwfile" -E UTF8 \
      --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    rm -f "$pwfile"
    echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
    echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
    if [ "$POSTGRES_DB" != postgres ]; then
      db=$(printf '%s' "$POSTGRES_DB" | sed 's/"/""/g')
      user=$(printf '%s' "$POSTGRES_USER" | sed 's/"/""/g')
      echo "CREATE DATABASE \"$db\" OWNER \"$user\";" | postgres --single -D "$PGDATA" -j postgres >/dev/null
    fi
    echo "PostgreSQL init process complete; ready for start up."
  fi
fi
exec "$@"
