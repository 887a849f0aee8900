#!/bin/sh
# Start a throwaway PostgreSQL on loopback for the store tests and print the
# export line for its URL. Sourced by .ci/run: installs Debian's PostgreSQL
# 15 when it is missing, runs the server as the postgres user (initdb
# refuses root) in a temporary directory, and registers its shutdown.
# Prints nothing and returns 1 when PostgreSQL cannot be had; the store
# tests then skip their PostgreSQL half with a message.
set -u
pgbin=""
for d in /usr/lib/postgresql/*/bin; do
	[ -x "$d/initdb" ] && pgbin=$d
done
if [ -z "$pgbin" ] && command -v apt-get >/dev/null 2>&1; then
	echo "installing PostgreSQL (Debian package postgresql-15)" >&2
	(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15) >&2 || true
	for d in /usr/lib/postgresql/*/bin; do
		[ -x "$d/initdb" ] && pgbin=$d
	done
fi
[ -n "$pgbin" ] || { echo "PostgreSQL not available: store tests run on SQLite only" >&2; return 1 2>/dev/null || exit 1; }
run() {
	if [ "$(id -u)" = 0 ]; then
		id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
		su postgres -s /bin/sh -c "$*"
	else
		sh -c "$*"
	fi
}
pgdir=$(mktemp -d /tmp/tidings-pg.XXXXXX)
chmod 777 "$pgdir"
port=55432
run "'$pgbin/initdb' -D '$pgdir/data' -U tidings --auth=trust -E UTF8 >/dev/null" >&2 &&
	run "'$pgbin/pg_ctl' -D '$pgdir/data' -o \"-p $port -k '$pgdir' -c listen_addresses=127.0.0.1 -c fsync=off\" -l '$pgdir/log' -w start >/dev/null" >&2 &&
	run "'$pgbin/createdb' -h 127.0.0.1 -p $port -U tidings tidings_test" >&2 ||
	{ echo "PostgreSQL did not start (see $pgdir/log)" >&2; return 1 2>/dev/null || exit 1; }
trap "run \"'$pgbin/pg_ctl' -D '$pgdir/data' -m immediate stop\" >/dev/null 2>&1; rm -rf '$pgdir'" EXIT
export TIDINGS_TEST_POSTGRES="postgres://tidings@127.0.0.1:$port/tidings_test?sslmode=disable"
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port for the store tests" >&2
