#!/bin/sh
# Runs once, when the postgres container starts on an empty volume: creates Waarborg's schema owner (used only for
# migrations) and its application login (rows only), so that neither Waarborg nor its migrations use the superuser.
set -eu
psql --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v db="$POSTGRES_DB" \
     -v owner_user="$WAARBORG_DB_OWNER_USER" -v owner_password="$WAARBORG_DB_OWNER_PASSWORD" \
     -v app_user="$WAARBORG_DB_USER" -v app_password="$WAARBORG_DB_PASSWORD" \
     -f /docker-entrypoint-initdb.d/waarborg-roles.psql
