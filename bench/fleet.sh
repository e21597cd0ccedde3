#!/usr/bin/env bash
# bench/fleet.sh — migrate fleet at scale: 1,000 tenant databases on one
# private PostgreSQL server, upgraded with --parallel 8.
#
# Measures, each as a whole process under /usr/bin/time -v (wall time and
# max RSS):
#   fleet upgrade head over 1,000 databases (3 revisions each)
#   the same again, every database already at head (the no-op pass)
#   fleet current over 1,000 databases
#   fleet upgrade head over the first 100 databases (memory must not grow
#   with the size of the fleet)
# and the peer: a shell loop running `migrate upgrade head` once per
# database, serially (what teams write without a fleet command) and with
# xargs -P 8, over the same 1,000 databases after `fleet downgrade base`.
#
# Results: bench/results/fleet.tsv (one row per measurement) and
# bench/results/fleet-per-database.txt (each database's own time in the
# 1,000-database upgrade); the raw JSON of the fleet runs stays in
# $BENCH_WORK. Not part of `make bench`; run it by hand:
#   bash bench/fleet.sh                 # 1,000 databases
#   FLEET_N=200 bash bench/fleet.sh     # a smaller fleet
# Knobs: FLEET_N (databases, default 1000), FLEET_PARALLEL (default 8),
# BENCH_WORK (default /tmp/migrate-bench-fleet), BENCH_PGPORT (default
# 55441), FLEET_PEER=0 skips the shell-loop peer.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RESULTS=$ROOT/bench/results
W=${BENCH_WORK:-/tmp/migrate-bench-fleet}
N=${FLEET_N:-1000}
P=${FLEET_PARALLEL:-8}
PORT=${BENCH_PGPORT:-55441}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

log() { printf '%s fleet-bench: %s\n' "$(date +%T)" "$*" >&2; }
die() { log "$*"; exit 2; }

[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing: apt-get install -y time"
command -v python3 >/dev/null || die "python3 is needed to read the JSON results"

mkdir -p "$W/bin" "$RESULTS"
log "building migrate"
(cd "$ROOT" && go build -o "$W/bin/migrate" ./cmd/migrate) || die "go build failed"
MIGRATE=$W/bin/migrate

# The server: initdb defaults (fsync on), as the postgres user when root.
pgdir=$W/pg run=()
mkdir -p "$pgdir"
if [[ $(id -u) == 0 ]]; then
	u=postgres
	id "$u" >/dev/null 2>&1 || u=nobody
	run=(runuser -u "$u" --)
	chown "$u" "$pgdir"
	chmod 755 "$W"
fi
stop_server() { "${run[@]}" "$PGBIN/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true; }
stop_server
rm -rf "$pgdir/data"
"${run[@]}" "$PGBIN/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --no-locale >"$W/initdb.log" 2>&1 ||
	die "initdb failed: see $W/initdb.log"
"${run[@]}" "$PGBIN/pg_ctl" -D "$pgdir/data" -l "$pgdir/postgres.log" -w \
	-o "-p $PORT -k $pgdir -c listen_addresses=127.0.0.1" start >/dev/null ||
	die "server did not start: see $pgdir/postgres.log"
trap stop_server EXIT
export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres
unset PGDATABASE PGPASSWORD PGSERVICE
PSQL=("$PGBIN/psql" -XqAt -v ON_ERROR_STOP=1)

log "creating $N tenant databases from a template"
"${PSQL[@]}" -d postgres -c "CREATE DATABASE tenant_tmpl"
"${PSQL[@]}" -d tenant_tmpl -c "CREATE TABLE accounts (id int PRIMARY KEY, balance numeric NOT NULL);
	INSERT INTO accounts SELECT g, g * 1.5 FROM generate_series(1, 100) g;"
seq -f 'tenant_%04g' 0 $((N - 1)) |
	xargs -P 4 -I{} "${PSQL[@]}" -d postgres -c "CREATE DATABASE {} TEMPLATE tenant_tmpl"

proj=$W/project
rm -rf "$proj"
mkdir -p "$proj/versions"
cat >"$proj/migrate.toml" <<EOF
[database]
url = "postgres://postgres@127.0.0.1:$PORT/postgres?sslmode=disable"

[versions]
dirs = ["versions"]

[fleet]
query = '''SELECT format('postgres://postgres@127.0.0.1:%s/%s?sslmode=disable', current_setting('port'), datname)
           FROM pg_database WHERE datname LIKE 'tenant\\_0%' ORDER BY datname'''

[env.hundred]
fleet.query = '''SELECT format('postgres://postgres@127.0.0.1:%s/%s?sslmode=disable', current_setting('port'), datname)
                 FROM pg_database WHERE datname LIKE 'tenant\\_0%' ORDER BY datname LIMIT 100'''
EOF
rev() { # id parent message up down
	{
		echo "-- migrate:revision $1"
		[[ -n $2 ]] && echo "-- migrate:parents $2"
		printf -- '-- migrate:message %s\n-- migrate:created 2026-01-02T03:04:05Z\n\n' "$3"
		printf -- '-- migrate:upgrade\n%s\n\n-- migrate:downgrade\n%s\n' "$4" "$5"
	} >"$proj/versions/$1.sql"
}
rev f1ee7b000001 "" "add currency" \
	"ALTER TABLE accounts ADD COLUMN currency text NOT NULL DEFAULT 'EUR';" "ALTER TABLE accounts DROP COLUMN currency;"
rev f1ee7b000002 f1ee7b000001 "balances are not negative" \
	"ALTER TABLE accounts ADD CONSTRAINT balance_nonneg CHECK (balance >= 0);" "ALTER TABLE accounts DROP CONSTRAINT balance_nonneg;"
rev f1ee7b000003 f1ee7b000002 "ledger" \
	"CREATE TABLE ledger (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, account int NOT NULL REFERENCES accounts, amount numeric NOT NULL);
CREATE INDEX ledger_account ON ledger (account);" "DROP TABLE ledger;"

TSV=$RESULTS/fleet.tsv
printf 'measurement\tdatabases\tparallel\twall_s\tper_database_ms\tmax_rss_kb\tnotes\n' >"$TSV"

# measure NAME DATABASES NOTES -- command...: runs the command in the
# project under /usr/bin/time -v, stdout to $RESULTS/fleet-NAME.json.
measure() {
	local name=$1 dbs=$2 notes=$3
	shift 4
	log "$name"
	local out=$W/fleet-$name.json tf=$W/time-$name.txt
	(cd "$proj" && /usr/bin/time -v -o "$tf" "$@" >"$out" 2>"$W/$name.stderr"; echo $? >"$W/$name.rc") || true
	local wall rss
	wall=$(python3 - "$tf" <<'PY'
import sys, re
t = open(sys.argv[1]).read()
m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", t)
h, mnt, s = m.group(1), m.group(2), m.group(3)
print(f"{(int(h or 0) * 3600 + int(mnt) * 60 + float(s)):.2f}")
PY
)
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tf")
	local per
	per=$(python3 -c "print(f'{$wall * 1000 / $dbs:.1f}')")
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$dbs" "$P" "$wall" "$per" "$rss" "$notes (exit $(cat "$W/$name.rc"))" >>"$TSV"
}

measure upgrade "$N" "3 revisions per database" -- "$MIGRATE" fleet upgrade head --parallel "$P" --json
python3 - "$W/fleet-upgrade.json" <<'PY' | tee "$RESULTS/fleet-per-database.txt" >&2
import json, sys, statistics
d = json.load(open(sys.argv[1]))
s = sorted(x["seconds"] for x in d["databases"])
print("fleet upgrade head, %d databases: per-database seconds (start to done, parallel runs overlap): "
      "median %.3f, p95 %.3f, max %.3f; summary %s" % (
    len(s), statistics.median(s), s[int(len(s) * 0.95)], s[-1], json.dumps(d["summary"], sort_keys=True)))
PY
measure noop "$N" "every database already at head" -- "$MIGRATE" fleet upgrade head --parallel "$P" --json
measure current "$N" "read-only" -- "$MIGRATE" fleet current --parallel "$P" --json
measure hundred $((N < 100 ? N : 100)) "first 100 databases (memory vs fleet size)" -- "$MIGRATE" -x env=hundred fleet upgrade head --parallel "$P" --json

if [[ ${FLEET_PEER:-1} == 1 ]]; then
	urls=$W/urls.txt
	"${PSQL[@]}" -d postgres -c "SELECT format('postgres://postgres@127.0.0.1:%s/%s?sslmode=disable', current_setting('port'), datname) FROM pg_database WHERE datname LIKE 'tenant\\_0%' ORDER BY datname" >"$urls"
	# The peer's project: the same versions, the database from DATABASE_URL.
	mkdir -p "$W/peer"
	printf '[versions]\ndirs = ["%s"]\n' "$proj/versions" >"$W/peer/migrate.toml"
	measure downgrade "$N" "fleet downgrade base (reset for the peer)" -- "$MIGRATE" fleet downgrade base --parallel "$P" --json
	cat >"$W/loop.sh" <<EOF
#!/usr/bin/env bash
# The shell loop a team writes without a fleet command.
status=0
while read -r url; do DATABASE_URL=\$url "$MIGRATE" -c "$W/peer/migrate.toml" upgrade head >/dev/null || status=1; done <"$urls"
exit \$status
EOF
	measure shell-loop "$N" "peer: one migrate upgrade head per database, serial" -- bash "$W/loop.sh"
	measure downgrade2 "$N" "fleet downgrade base (reset for the peer)" -- "$MIGRATE" fleet downgrade base --parallel "$P" --json
	cat >"$W/xargs.sh" <<EOF
#!/usr/bin/env bash
# The same loop with xargs -P: parallel, but no canary, no stop on failure,
# no summary.
xargs -P $P -I{} env DATABASE_URL={} "$MIGRATE" -c "$W/peer/migrate.toml" upgrade head <"$urls" >/dev/null
EOF
	measure shell-xargs "$N" "peer: xargs -P $P migrate upgrade head" -- bash "$W/xargs.sh"
fi

log "results in $TSV"
column -t -s $'\t' "$TSV" >&2
