#!/bin/sh
# What docker-compose.yml asks of postgres:15-bookworm: a cluster in $PGDATA with trust
# authentication (POSTGRES_HOST_AUTH_METHOD=trust), the database POSTGRES_DB, listening on 5432.
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  initdb -D "$PGDATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  echo "listen_addresses = '*'" >> "$PGDATA/postgresql.conf"
  echo "host all all 0.0.0.0/0 trust" >> "$PGDATA/pg_hba.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
  createdb -U postgres "${POSTGRES_DB:-sanshen}"
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
fi
exec postgres -D "$PGDATA"
