#!/bin/sh
# Installs what building and testing migrate needs and is missing: the
# PostgreSQL server binaries (Debian package postgresql), make and a C
# compiler (pg_query_go uses cgo). Safe to run again: it installs nothing
# when everything is there. Go itself must already be installed.
set -eu

have_pg_bindir() {
	# Same search as internal/pgcluster.FindBinDir.
	for dir in "${MIGRATE_PG_BINDIR:-}" \
		"$(pg_config --bindir 2>/dev/null || true)" \
		"$(dirname "$(readlink -f "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")")" \
		/usr/lib/postgresql/*/bin; do
		if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/postgres" ]; then
			echo "$dir"
			return 0
		fi
	done
	return 1
}

missing=""
if ! have_pg_bindir >/dev/null; then
	missing="$missing postgresql"
fi
if ! command -v make >/dev/null 2>&1; then
	missing="$missing make"
fi
if ! command -v gcc >/dev/null 2>&1 && ! command -v cc >/dev/null 2>&1; then
	missing="$missing gcc libc6-dev"
fi

if [ -n "$missing" ]; then
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "setup: missing:$missing; install them (or set MIGRATE_PG_BINDIR to the directory holding initdb and postgres)" >&2
		exit 1
	fi
	sudo=""
	if [ "$(id -u)" -ne 0 ]; then
		sudo="sudo"
	fi
	echo "setup: installing$missing" >&2
	apt="$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends"
	$sudo apt-get update -q
	case "$missing" in
	*postgresql*)
		# Only the binaries are wanted: tests and the embedded database
		# run private clusters, so Debian must not create and start its
		# own "main" cluster when the server package is installed.
		$apt postgresql-common
		conf=/etc/postgresql-common/createcluster.conf
		if ! grep -q '^[[:space:]]*create_main_cluster' "$conf" 2>/dev/null; then
			echo "create_main_cluster = false" | $sudo tee -a "$conf" >/dev/null
		fi
		;;
	esac
	# shellcheck disable=SC2086 # the package list is split on purpose
	$apt $missing
	if ! have_pg_bindir >/dev/null; then
		echo "setup: PostgreSQL binaries still not found after installing: set MIGRATE_PG_BINDIR" >&2
		exit 1
	fi
fi

if ! command -v go >/dev/null 2>&1; then
	echo "setup: go not found on PATH: install Go (see go.mod for the version) from https://go.dev/dl" >&2
	exit 1
fi
echo "setup: PostgreSQL binaries in $(have_pg_bindir)" >&2
