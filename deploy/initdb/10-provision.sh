#!/bin/sh
# Runs once, when the postgres container starts on an empty data directory: provisions the
# application database and the key store, each with an owner role (migrations) and a runtime
# role (the app), using deploy/provision.sql. Passwords come from the container's environment
# (compose.yaml requires them); nothing here has a default.
set -eu

provision() {
  psql -X --username "$POSTGRES_USER" --dbname postgres -f /provision/provision.sql \
    -v db="$1" -v owner="$2" -v runtime="$3" -v owner_password="$4" -v runtime_password="$5"
}

provision ladys ladys_owner ladys_app "$DB_OWNER_PASSWORD" "$DB_APP_PASSWORD"
provision ladys_keys ladys_keys_owner ladys_keys_app "$KEYSTORE_OWNER_PASSWORD" "$KEYSTORE_APP_PASSWORD"
