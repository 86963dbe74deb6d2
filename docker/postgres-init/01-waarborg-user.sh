#!/bin/sh
# Runs once, when the postgres container starts on an empty volume: creates Waarborg's own login and gives it
# the waarborg database, so the application does not run as the superuser.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v app_user="$WAARBORG_DB_USER" -v app_password="$WAARBORG_DB_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
ALTER DATABASE waarborg OWNER TO :"app_user";
ALTER SCHEMA public OWNER TO :"app_user";
SQL
