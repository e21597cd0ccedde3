#!/usr/bin/env bash
# bench/run.sh — the benchmarks behind docs/performance.md (`make bench`).
#
# Times migrate and its peers (Alembic, psql) as whole processes with
# hyperfine on one private PostgreSQL server, records max RSS with
# /usr/bin/time, takes CPU profiles, then renders docs/performance.md from
# bench/results/. Every command first runs once untimed (the pre-flight):
# one that fails, finds drift where there is none, or does not exist yet is
# recorded as skipped with its first output lines, never timed.
#
# Environment knobs (defaults are what `make bench` uses):
#   BENCH_WORK=/tmp/migrate-bench   generated projects, the server, binaries
#   BENCH_SIZES="100 500 2000"      table counts for the no-op check scenario
#   BENCH_DAILY="500 2000"          table counts for the daily-edit scenario (of BENCH_SIZES)
#   BENCH_GRAPH=10000               revisions in the graph scenario
#   BENCH_CHAIN=1000                revisions in the upgrade scenario
#   BENCH_QUICK=1                   tiny sizes and 2 runs: a smoke test of the script
#   BENCH_INSTALL=0                 do not apt-get install missing peer tools
#   BENCH_KEEP_SERVER=1             leave the bench server running at the end
#   BENCH_PGPORT=55439              the bench server's port
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH=$ROOT/bench
RESULTS=$BENCH/results
W=${BENCH_WORK:-/tmp/migrate-bench}
SIZES=${BENCH_SIZES:-100 500 2000}
DAILY=${BENCH_DAILY:-500 2000}
GRAPH=${BENCH_GRAPH:-10000}
CHAIN=${BENCH_CHAIN:-1000}
INTRO=2000
# Runs per command, chosen by how long its pre-flight run took (plan_runs):
# under 1 s RUNS_FAST, under 8 s RUNS_PEER, under SINGLE_SECS RUNS_SLOW;
# a command slower than that (Alembic and cold runs at 2,000 tables) is
# reported from its pre-flight run alone, to keep the bench near 20 minutes.
RUNS_FAST=10
RUNS_PEER=5
RUNS_SLOW=3
SINGLE_SECS=20
if [[ ${BENCH_QUICK:-0} == 1 ]]; then
	SIZES=${BENCH_SIZES:-20 50}
	DAILY=${BENCH_DAILY:-50}
	GRAPH=${BENCH_GRAPH:-300}
	CHAIN=${BENCH_CHAIN:-40}
	INTRO=50
	RUNS_FAST=2
	RUNS_PEER=2
	RUNS_SLOW=2
fi
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PY=/usr/bin/python3

log() { printf '%s bench: %s\n' "$(date +%T)" "$*" >&2; }
die() { log "$*"; exit 2; }

# ---------------------------------------------------------------- tools
ensure_tools() {
	local missing=()
	command -v hyperfine >/dev/null || missing+=(hyperfine)
	[[ -x /usr/bin/time ]] || missing+=(time)
	$PY -c 'import alembic' 2>/dev/null || missing+=(python3-alembic)
	$PY -c 'import psycopg2' 2>/dev/null || missing+=(python3-psycopg2)
	command -v psql >/dev/null || missing+=(postgresql-client-15)
	((${#missing[@]} == 0)) && return
	[[ ${BENCH_INSTALL:-1} == 1 && $(id -u) == 0 ]] ||
		die "missing ${missing[*]}: apt-get install -y ${missing[*]}"
	log "installing ${missing[*]} from Debian"
	apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

build() {
	mkdir -p "$W/bin"
	log "building migrate and the bench helpers"
	(cd "$ROOT" && go build -o "$W/bin/migrate" ./cmd/migrate) ||
		die "go build ./cmd/migrate failed"
	(cd "$ROOT" && go build -o "$W/bin/gen" ./bench/gen && go build -o "$W/bin/report" ./bench/report &&
		go build -o "$W/bin/prof" ./bench/prof) || die "go build ./bench/... failed"
	# The introspection probe needs package introspect; without it the
	# floor and scenario 2's migrate side are skipped.
	if (cd "$ROOT" && go build -o "$W/bin/probe" ./bench/probe) 2>"$W/probe-build.log"; then
		HAVE_PROBE=1
	else
		HAVE_PROBE=0
	fi
	MIGRATE=$W/bin/migrate
}

# has CMD...: the migrate subcommand exists (cobra rejects unknown ones).
has() { "$MIGRATE" "$@" --help >/dev/null 2>&1; }

# ---------------------------------------------------------------- server
# The bench server: one private cluster with initdb's defaults (fsync on)
# except max_locks_per_transaction, which creating 2,000 tables in one
# transaction needs (the default 64 runs out at about 800 such tables).
PGPORT_BENCH=${BENCH_PGPORT:-55439}
start_server() {
	local pgdir=$W/pg run=()
	mkdir -p "$pgdir"
	if [[ $(id -u) == 0 ]]; then
		local u=postgres
		id "$u" >/dev/null 2>&1 || u=nobody
		run=(runuser -u "$u" --)
		chown "$u" "$pgdir"
		chmod 755 "$W"
	fi
	if [[ -f $pgdir/data/postmaster.pid ]]; then
		"${run[@]}" "$PGBIN/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$pgdir/data"
	"${run[@]}" "$PGBIN/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --no-locale >"$W/initdb.log" 2>&1 ||
		die "initdb failed: see $W/initdb.log"
	"${run[@]}" "$PGBIN/pg_ctl" -D "$pgdir/data" -l "$pgdir/postgres.log" -w \
		-o "-p $PGPORT_BENCH -k $pgdir -c listen_addresses=127.0.0.1 -c max_locks_per_transaction=1024" \
		start >/dev/null || die "server did not start: see $pgdir/postgres.log"
	STOP_SERVER=("${run[@]}" "$PGBIN/pg_ctl" -D "$pgdir/data" -m fast -w stop)
	trap 'stop_server' EXIT
	export PGHOST=127.0.0.1 PGPORT=$PGPORT_BENCH PGUSER=postgres
	unset PGDATABASE PGPASSWORD PGSERVICE
}
stop_server() {
	if [[ ${BENCH_KEEP_SERVER:-0} == 1 ]]; then
		log "server left running on port $PGPORT_BENCH (BENCH_KEEP_SERVER=1): ${STOP_SERVER[*]}"
		return
	fi
	"${STOP_SERVER[@]}" >/dev/null 2>&1 || true
}

dburl() { echo "postgres://postgres@127.0.0.1:$PGPORT_BENCH/$1?sslmode=disable"; }
recreate_db() { dropdb --if-exists "$1" 2>/dev/null && createdb "$1"; }

# ---------------------------------------------------------------- measuring
# Every timed command is recorded in commands.tsv with its exact command
# line, so the report can print what was run.
record_cmd() { printf '%s\t%s\n' "$1" "$2" >>"$RESULTS/commands.tsv"; }
skip() { printf '%s\t%s\n' "$1" "$2" >>"$RESULTS/skipped.tsv"; log "skipped $1: $2"; }
note() { printf '%s\t%s\n' "$1" "$2" >>"$RESULTS/notes.tsv"; }

# preflight NAME CMD...: run once under /usr/bin/time. On exit status 0 its
# max RSS is recorded under NAME and its wall and CPU times are left in
# LAST_SECS, LAST_USER, LAST_SYS; otherwise NAME is recorded as skipped
# with the first lines of its output (for a check that finds drift where
# there is none: the false differences).
LAST_SECS=0 LAST_USER=0 LAST_SYS=0
preflight() {
	local name=$1
	shift
	local rc=0
	/usr/bin/time -f '%e %M %U %S' -o "$W/time.out" "$@" >"$W/preflight.out" 2>&1 || rc=$?
	if [[ $rc != 0 ]]; then
		skip "$name" "exit $rc from \`${*##*/}\`: $(grep -v '^$' "$W/preflight.out" | head -4 | tr '\n' ' ' | cut -c1-500)"
		return 1
	fi
	local kb
	read -r LAST_SECS kb LAST_USER LAST_SYS < <(tail -1 "$W/time.out")
	printf '%s\t%s\n' "$name" "$kb" >>"$RESULTS/rss.tsv"
}

# plan_runs: RUNS and WARMUP for a command whose pre-flight took LAST_SECS.
plan_runs() {
	if awk -v s="$LAST_SECS" 'BEGIN { exit !(s < 1) }'; then
		RUNS=$RUNS_FAST WARMUP=2
	elif awk -v s="$LAST_SECS" 'BEGIN { exit !(s < 8) }'; then
		RUNS=$RUNS_PEER WARMUP=1
	else
		RUNS=$RUNS_SLOW WARMUP=0
	fi
}

# single NAME: the pre-flight run is the result, written in hyperfine's
# JSON shape (one run).
single() {
	cat >"$RESULTS/$1.json" <<EOF
{"results": [{"command": "$1", "mean": $LAST_SECS, "stddev": 0, "median": $LAST_SECS,
  "user": $LAST_USER, "system": $LAST_SYS, "min": $LAST_SECS, "max": $LAST_SECS,
  "times": [$LAST_SECS], "exit_codes": [0]}]}
EOF
	log "single run $1: $LAST_SECS s"
}

# measure NAME [-p PREPARE] -- CMD...: pre-flight (after PREPARE), then
# hyperfine -N with runs planned from the pre-flight's duration, PREPARE
# before every run; a command slower than SINGLE_SECS keeps its pre-flight
# as its only run. CMD is a plain argument list (no shell). The environment
# (BENCH_DATABASE_URL) is inherited.
measure() {
	local name=$1 prepare=
	shift
	if [[ $1 == -p ]]; then
		prepare=$2
		shift 2
	fi
	[[ $1 == -- ]] && shift
	[[ -n $prepare ]] && sh -c "$prepare" >/dev/null 2>&1
	preflight "$name" "$@" || return 0
	record_cmd "$name" "$*${prepare:+   (before each run: $prepare)}"
	if awk -v s="$LAST_SECS" -v l="$SINGLE_SECS" 'BEGIN { exit !(s >= l) }'; then
		single "$name"
		return 0
	fi
	plan_runs
	local args=(-N --style basic --runs "$RUNS" --warmup "$WARMUP" --export-json "$RESULTS/$name.json")
	# -N runs the prepare command without a shell too: give it one.
	[[ -n $prepare ]] && args+=(--prepare "sh -c '$prepare'")
	log "hyperfine $name ($RUNS runs)"
	hyperfine "${args[@]}" -n "$name" "$*" >"$RESULTS/$name.log" 2>&1 || {
		rm -f "$RESULTS/$name.json"
		skip "$name" "hyperfine failed: $(grep -m1 -i 'error\|fail' "$RESULTS/$name.log" || true)"
	}
	return 0
}

# ---------------------------------------------------------------- metadata
write_meta() {
	local m=$RESULTS/meta.tsv
	: >"$m"
	kv() { printf '%s\t%s\n' "$1" "$2" >>"$m"; }
	kv date "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
	kv commit "$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo uncommitted)"
	kv nproc "$(nproc)"
	kv memory "$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
	kv cpu "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
	kv kernel "$(uname -sr)"
	kv go "$(go version | awk '{print $3}')"
	kv postgresql "$(psql -XAtc 'show server_version' -d postgres)"
	kv alembic "$($PY -c 'import alembic; print(alembic.__version__)')"
	kv sqlalchemy "$($PY -c 'import sqlalchemy; print(sqlalchemy.__version__)')"
	kv psycopg2 "$($PY -c 'import psycopg2; print(psycopg2.__version__.split()[0])')"
	kv python "$($PY -c 'import platform; print(platform.python_version())')"
	kv hyperfine "$(hyperfine --version | awk '{print $2}')"
	kv alembic_deb "$(dpkg-query -W -f '${Version}' python3-alembic 2>/dev/null || echo n/a)"
	kv server_settings "max_locks_per_transaction=1024, everything else initdb defaults (fsync on)"
	kv sizes "$SIZES"
	kv daily_sizes "$(for n in $DAILY; do [[ " $SIZES " == *" $n "* ]] && printf '%s ' "$n"; done)"
	kv graph "$GRAPH"
	kv chain "$CHAIN"
	kv introspect_tables "$INTRO"
	kv load_before "$(cut -d' ' -f1-3 /proc/loadavg)"
	kv runs "chosen by the duration of an untimed first run: under 1 s $RUNS_FAST runs after 2 warmups, under 8 s $RUNS_PEER runs after 1, under $SINGLE_SECS s $RUNS_SLOW runs; slower commands are reported from that first run alone (1 run)"
}

# alembic_check_cmd INI: `alembic check` where Alembic has it (1.9+), else
# bench/peer/alembic_check.py, which runs the same code path.
alembic_check_cmd() {
	if $PY -m alembic check --help >/dev/null 2>&1; then
		echo "$PY -m alembic -c $1 check"
	else
		echo "$PY $BENCH/peer/alembic_check.py -c $1"
	fi
}

# ---------------------------------------------------------------- scenario 1
# No-op check and autogenerate on N tables: migrate (SQL target, Go target
# through the loader, Go target linked in; warm and cold cache) against
# Alembic on the same database, and the floor.
scenario_check() {
	local n=$1 dir=$W/schema-$n db=bench_$n
	log "scenario 1: $n tables"
	"$W/bin/gen" schema -tables "$n" -out "$dir" -repo "$ROOT"
	recreate_db "$db"
	export BENCH_DATABASE_URL
	BENCH_DATABASE_URL=$(dburl "$db")
	# Build the database the way a user does: migrate applies the revision
	# that creates the schema. Without `migrate upgrade`, psql builds it.
	if has upgrade; then
		"$MIGRATE" -c "$dir/migrate.toml" upgrade head >"$W/build-$n.log" 2>&1 ||
			die "migrate upgrade head ($n tables) failed: $(tail -3 "$W/build-$n.log")"
	else
		psql -XqAt -v ON_ERROR_STOP=1 -d "$db" -f "$dir/schema/schema.sql" >/dev/null
	fi
	psql -XqAt -d "$db" -c 'VACUUM ANALYZE' >/dev/null
	(cd "$dir/alembic" && $PY -m alembic -c alembic.ini stamp head >/dev/null 2>&1)

	local ini=$dir/alembic/alembic.ini
	measure "check-$n-alembic" -- $(alembic_check_cmd "$ini")
	measure "revision-$n-alembic" -- $PY -m alembic -c "$ini" revision --autogenerate -m noop
	if ls "$dir/alembic/versions" | grep -qv '^base.py$\|__pycache__'; then
		note "revision-$n-alembic" "Alembic wrote a revision file: its no-op was not empty"
	fi

	# The floor at this size: migrate's catalog queries replayed bare.
	if ((HAVE_PROBE == 0)); then
		skip "floor-$n" "bench/probe does not build: $(head -3 "$W/probe-build.log" | tr '\n' ' ')"
	elif ! "$W/bin/probe" introspect -record "$W/queries-$n.json" >"$RESULTS/introspect-$n-queries.txt" 2>"$W/probe.err"; then
		skip "floor-$n" "probe introspect failed: $(head -1 "$W/probe.err")"
	else
		measure "floor-$n" -- "$W/bin/probe" floor -queries "$W/queries-$n.json"
	fi

	# Target modes: SQL files; the Go package through the loader (go run);
	# the Go package linked into the team's own binary. Cold runs start
	# without .migrate/cache; the cold pre-flight leaves it filled for the
	# warm runs.
	local mode toml cmd bin line cache=$dir/.migrate/cache before
	for mode in sql go linked; do
		toml=$dir/migrate.toml bin=$MIGRATE
		case $mode in
		go) toml=$dir/migrate-go.toml ;;
		linked)
			toml=$dir/migrate-go.toml bin=$dir/bin/migrate-linked
			if ! (cd "$dir" && go build -o bin/migrate-linked ./linked) >"$W/linked-$n.log" 2>&1; then
				skip "check-$n-migrate-linked" "go build ./linked failed: $(head -3 "$W/linked-$n.log" | tr '\n' ' ')"
				continue
			fi
			;;
		esac
		for cmd in check revision; do
			if ! has "$cmd"; then
				skip "$cmd-$n-migrate-$mode" "migrate has no $cmd command yet"
				continue
			fi
			line="$bin -c $toml check"
			[[ $cmd == revision ]] && line="$bin -c $toml revision --autogenerate -m noop"
			before=$(ls "$dir/versions" | wc -l)
			# revision --autogenerate loads the target exactly as check does:
			# its cold runs are timed for the SQL target only.
			if [[ $cmd == check || $mode == sql ]]; then
				measure "$cmd-$n-migrate-$mode-cold" -p "rm -rf $cache" -- $line
			fi
			measure "$cmd-$n-migrate-$mode-warm" -- $line
			if [[ $(ls "$dir/versions" | wc -l) != "$before" ]]; then
				note "$cmd-$n-migrate-$mode" "migrate wrote a revision file: its no-op was not empty"
			fi
		done
	done
}

# ---------------------------------------------------------------- scenario 1b
# The daily edit on N tables: the database is at head (scenario 1 left it
# there, with warm caches), the declaration gets one table added, one
# column added and one default changed (gen -edit), and each tool writes
# the revision. Before every run the revision file is removed and
# migrate's cache is put back as the last no-op run left it, so every run
# is the first after the edit. Afterwards the file each migrate mode wrote
# is compared with the one a --no-cache run writes.
scenario_daily() {
	local n=$1 dir=$W/schema-$n edit=$W/edit-$n db=bench_$n
	log "scenario 1b: daily edit on $n tables"
	export BENCH_DATABASE_URL
	BENCH_DATABASE_URL=$(dburl "$db")
	"$W/bin/gen" schema -tables "$n" -out "$edit" -repo "$ROOT" -edit
	local snap=$W/cache-$n cache=$dir/.migrate/cache
	# The cache as a developer's last runs before the edit leave it: a
	# check in each target mode (scenario 1 ends with the linked mode's
	# cold runs, which emptied it of the other modes' entries).
	"$MIGRATE" -c "$dir/migrate.toml" check >/dev/null 2>&1 || true
	"$MIGRATE" -c "$dir/migrate-go.toml" check >/dev/null 2>&1 || true
	[[ -x $dir/bin/migrate-linked ]] && { "$dir/bin/migrate-linked" -c "$dir/migrate-go.toml" check >/dev/null 2>&1 || true; }
	rm -rf "$snap"
	cp -a "$cache" "$snap"
	# The edited declaration, in place of the original.
	cp "$edit/schema/schema.sql" "$dir/schema/schema.sql"
	rm -f "$dir"/models/*.go
	cp "$edit"/models/*.go "$dir/models/"
	cp "$edit/alembic/models.py" "$dir/alembic/models.py"
	local linked=$dir/bin/migrate-linked-edit
	(cd "$dir" && go build -o "$linked" ./linked) >"$W/linked-edit-$n.log" 2>&1 || linked=
	local reset="rm -rf $cache && cp -a $snap $cache && rm -f $dir/versions/*_daily_edit.sql"
	# A developer's earlier edits leave the project's kept scratch database
	# (target/keptdb.go: an empty database the edits are replayed in, and
	# rolled back). Make it once, untimed, and keep its record in the
	# snapshot, so the timed runs are a later edit, not the project's first.
	"$MIGRATE" -c "$dir/migrate.toml" revision --autogenerate -m daily_edit >/dev/null 2>&1 || true
	cp "$cache"/kept-*.json "$snap"/ 2>/dev/null || true
	sh -c "$reset"
	local ini=$dir/alembic/alembic.ini
	measure "daily-$n-alembic" -p "rm -f $dir/alembic/versions/*_daily_edit.py" -- $PY -m alembic -c "$ini" revision --autogenerate -m daily_edit
	local mode toml bin name out want
	for mode in sql go linked; do
		name=daily-$n-migrate-$mode toml=$dir/migrate.toml bin=$MIGRATE
		case $mode in
		go) toml=$dir/migrate-go.toml ;;
		linked)
			toml=$dir/migrate-go.toml bin=$linked
			if [[ -z $bin ]]; then
				skip "$name" "go build ./linked with the edited models failed: $(head -3 "$W/linked-edit-$n.log" | tr '\n' ' ')"
				continue
			fi
			;;
		esac
		measure "$name" -p "$reset" -- "$bin" -c "$toml" revision --autogenerate -m daily_edit
		# The revision the fast path writes, against a full rebuild's.
		sh -c "$reset"
		"$bin" -c "$toml" revision --autogenerate -m daily_edit >/dev/null 2>&1 || true
		out=$(ls "$dir"/versions/*_daily_edit.sql 2>/dev/null | head -1)
		[[ -n $out ]] && sed -n '/^-- migrate:upgrade/,$p' "$out" >"$W/$name.fast"
		sh -c "$reset"
		"$bin" -c "$toml" revision --autogenerate --no-cache -m daily_edit >/dev/null 2>&1 || true
		want=$(ls "$dir"/versions/*_daily_edit.sql 2>/dev/null | head -1)
		[[ -n $want ]] && sed -n '/^-- migrate:upgrade/,$p' "$want" >"$W/$name.full"
		if [[ -z $out || -z $want ]]; then
			note "$name-same" "no revision written"
		elif ! cmp -s "$W/$name.fast" "$W/$name.full"; then
			note "$name-same" "differs from the --no-cache revision: $(diff "$W/$name.fast" "$W/$name.full" | head -4 | tr '\n' ' ' | cut -c1-300)"
		elif ! grep -q "t$(printf '%05d' $((n + 1)))" "$W/$name.fast" || ! grep -qi "extra" "$W/$name.fast" || ! grep -qi "DEFAULT 1" "$W/$name.fast"; then
			note "$name-same" "same as --no-cache but missing part of the edit"
		else
			note "$name-same" "same as --no-cache"
		fi
		cp "$W/$name.fast" "$RESULTS/$name.sql" 2>/dev/null || true
		sh -c "$reset"
	done
	rm -f "$dir"/alembic/versions/*_daily_edit.py
	# Back to the original declaration for the scenarios after this one.
	"$W/bin/gen" schema -tables "$n" -out "$dir" -repo "$ROOT"
	rm -rf "$cache"
	cp -a "$snap" "$cache"
}

# ---------------------------------------------------------------- scenario 2
# Introspection alone at INTRO tables: the tool's introspection in a
# process of its own (bench/probe) and through the CLI (migrate inspect),
# against its own catalog queries run bare (the floor) and SQLAlchemy's
# reflection of the same tables.
scenario_introspect() {
	local n=$INTRO db=bench_$INTRO dir=$W/schema-$INTRO
	log "scenario 2: introspection at $n tables"
	export BENCH_DATABASE_URL
	BENCH_DATABASE_URL=$(dburl "$db")
	[[ -f $dir/migrate.toml ]] || "$W/bin/gen" schema -tables "$n" -out "$dir" -repo "$ROOT"
	if ! psql -XAtc 'select 1' -d "$db" >/dev/null 2>&1; then
		recreate_db "$db"
		psql -XqAt -v ON_ERROR_STOP=1 -d "$db" -f "$dir/schema/schema.sql" >/dev/null
		psql -XqAt -d "$db" -c 'VACUUM ANALYZE' >/dev/null
	fi
	if ((HAVE_PROBE == 1)); then
		# The probe records the statements introspection sends (text and
		# arguments) so the floor replays exactly them.
		if [[ -f $W/queries-$n.json ]] ||
			"$W/bin/probe" introspect -record "$W/queries-$n.json" >"$RESULTS/introspect-$n-queries.txt"; then
			"$W/bin/probe" sql -queries "$W/queries-$n.json" >"$W/floor-$n.sql"
			measure "introspect-$n-migrate" -- "$W/bin/probe" introspect
			measure "introspect-$n-floor-go" -- "$W/bin/probe" floor -queries "$W/queries-$n.json"
			measure "introspect-$n-floor-psql" -- psql -XqAt -v ON_ERROR_STOP=1 -o /dev/null -d "$db" -f "$W/floor-$n.sql"
		else
			skip "introspect-$n" "probe introspect failed"
		fi
	else
		skip "introspect-$n" "bench/probe does not build (package introspect missing?): $(head -3 "$W/probe-build.log" | tr '\n' ' ')"
	fi
	if has inspect; then
		measure "introspect-$n-migrate-inspect" -- "$MIGRATE" -c "$dir/migrate.toml" inspect --json
	fi
	measure "introspect-$n-sqlalchemy" -- $PY "$BENCH/peer/sqla_reflect.py"
}

# ---------------------------------------------------------------- scenario 3
scenario_graph() {
	local n=$GRAPH dir=$W/graph-$GRAPH
	log "scenario 3: graph of $n revisions"
	"$W/bin/gen" graph -revisions "$n" -out "$dir"
	export BENCH_DATABASE_URL
	BENCH_DATABASE_URL=$(dburl postgres)
	local ini=$dir/alembic/alembic.ini c
	# Alembic compiles each revision module once into __pycache__: that is
	# not part of any timed run, as on a developer's machine.
	$PY -m alembic -c "$ini" heads >/dev/null 2>&1 || true
	for c in heads history; do
		if has "$c"; then
			measure "$c-$n-migrate" -- "$MIGRATE" -c "$dir/migrate.toml" "$c"
		else
			skip "$c-$n-migrate" "migrate has no $c command yet"
		fi
		measure "$c-$n-alembic" -- $PY -m alembic -c "$ini" "$c"
	done
	if has history; then
		measure "history-verbose-$n-migrate" -- "$MIGRATE" -c "$dir/migrate.toml" history --verbose
	fi
}

# ---------------------------------------------------------------- scenario 4
# upgrade head through CHAIN small revisions from an empty database each
# run, against psql running the same SQL.
scenario_upgrade() {
	local n=$CHAIN dir=$W/chain-$CHAIN db=bench_up
	log "scenario 4: upgrade through $n revisions"
	"$W/bin/gen" chain -revisions "$n" -out "$dir"
	export BENCH_DATABASE_URL
	BENCH_DATABASE_URL=$(dburl "$db")
	local reset="dropdb --if-exists $db && createdb $db"
	# Alembic compiles its scripts on first use: not part of any run.
	$PY -m alembic -c "$dir/alembic/alembic.ini" heads >/dev/null 2>&1 || true
	if has upgrade; then
		measure "upgrade-$n-migrate" -p "$reset" -- "$MIGRATE" -c "$dir/migrate.toml" upgrade head
		measure "upgrade-$n-migrate-txall" -p "$reset" -- "$MIGRATE" -c "$dir/migrate.toml" upgrade head --transaction=all
	else
		skip "upgrade-$n-migrate" "migrate has no upgrade command yet"
	fi
	measure "upgrade-$n-psql" -p "$reset" -- psql -XqAt -1 -v ON_ERROR_STOP=1 -d "$db" -f "$dir/upgrade.sql"
	measure "upgrade-$n-psql-per-revision" -p "$reset" -- psql -XqAt -v ON_ERROR_STOP=1 -d "$db" -f "$dir/upgrade-per-revision.sql"
	measure "upgrade-$n-alembic" -p "$reset" -- $PY -m alembic -c "$dir/alembic/alembic.ini" upgrade head
}

# ---------------------------------------------------------------- profiles
# profile NAME [PREPARE] -- ARGS...: one run of the CLI under bench/prof,
# summarized by `go tool pprof -top` in results/profiles/NAME.txt. The
# report shows the profiles of commands that miss a goal. bench/prof is a
# build of its own, and the target cache is keyed by the tool build: a
# first unprofiled run fills the cache for it, so a warm profile is warm
# (a run with PREPARE, cold or upgrade, needs no such first run).
# PROFBIN=path profiles another binary that honours $BENCH_CPUPROFILE (the
# generated linked-in binary).
profile() {
	local name=$1 prepare=
	shift
	if [[ $1 != -- ]]; then
		prepare=$1
		shift
	fi
	shift
	mkdir -p "$RESULTS/profiles" "$W/prof"
	local out=$W/prof/$name.pprof bin=$W/bin/prof
	local run=("$W/bin/prof" -o "$out" --)
	if [[ -n ${PROFBIN:-} ]]; then
		bin=$PROFBIN
		run=(env "BENCH_CPUPROFILE=$out" "$PROFBIN")
	fi
	if [[ -n $prepare ]]; then
		sh -c "$prepare" >/dev/null 2>&1
	else
		"${run[@]}" "$@" >/dev/null 2>&1 || true
	fi
	if "${run[@]}" "$@" >/dev/null 2>&1; then
		# Leave out the header lines and the frames every command shares
		# (process start, cobra, the CLI entry points).
		go tool pprof -top -cum -nodecount=40 "$bin" "$out" 2>/dev/null |
			grep -v '^Type:\|^Time:\|^Showing\|^Dropped\|^File:\|^Build ID:' |
			grep -v 'spf13/cobra\|runtime\.main$\|main\.main$\|cli\.Main\|cli\.MainWithTarget\|cli\.(\*App)\.Run$\|cli\.new[A-Za-z]*Cmd\.func' |
			head -25 >"$RESULTS/profiles/$name.txt" || true
	fi
	return 0
}

collect_profiles() {
	log "CPU profiles"
	local n dir toml
	export BENCH_DATABASE_URL
	if has check; then
		for n in $SIZES; do
			dir=$W/schema-$n
			BENCH_DATABASE_URL=$(dburl "bench_$n")
			profile "check-$n-migrate-sql-warm" -- -c "$dir/migrate.toml" check
			profile "check-$n-migrate-go-warm" -- -c "$dir/migrate-go.toml" check
			[[ -x $dir/bin/migrate-linked ]] &&
				PROFBIN=$dir/bin/migrate-linked profile "check-$n-migrate-linked-warm" -- -c "$dir/migrate-go.toml" check
		done
		# One cold profile per target mode, at a middle size.
		n=$(echo "$SIZES" | awk '{print $(int((NF + 1) / 2))}')
		dir=$W/schema-$n
		BENCH_DATABASE_URL=$(dburl "bench_$n")
		for toml in migrate migrate-go; do
			local mode=sql
			[[ $toml == migrate-go ]] && mode=go
			profile "check-$n-migrate-$mode-cold" "rm -rf $dir/.migrate/cache" -- -c "$dir/$toml.toml" check
		done
	fi
	BENCH_DATABASE_URL=$(dburl postgres)
	if has history; then profile "history-$GRAPH-migrate" -- -c "$W/graph-$GRAPH/migrate.toml" history; fi
	if has heads; then profile "heads-$GRAPH-migrate" -- -c "$W/graph-$GRAPH/migrate.toml" heads; fi
	BENCH_DATABASE_URL=$(dburl bench_up)
	if has upgrade; then
		profile "upgrade-$CHAIN-migrate" "dropdb --if-exists bench_up && createdb bench_up" -- \
			-c "$W/chain-$CHAIN/migrate.toml" upgrade head
	fi
	return 0
}

# tree_state is a digest of the checkout's commit and uncommitted edits.
# The generated projects build against the checkout (their go.mod replaces
# migrate with it), so an edit while the bench runs changes what later
# scenarios measure, or breaks their build.
# What the bench writes itself (bench/results, docs/performance.md) does
# not count.
tree_state() {
	local mine=(':!bench/results' ':!docs/performance.md')
	(cd "$ROOT" && { git rev-parse HEAD; git status --porcelain -- . "${mine[@]}"; git diff -- . "${mine[@]}"; } 2>/dev/null | sha256sum | cut -c1-16)
}

# ---------------------------------------------------------------- main
main() {
	local t0=$SECONDS n state
	ensure_tools
	state=$(tree_state)
	build
	mkdir -p "$RESULTS"
	rm -f "$RESULTS"/*.json "$RESULTS"/*.log "$RESULTS"/*.tsv "$RESULTS"/*.txt
	rm -rf "$RESULTS/profiles"
	start_server
	write_meta
	for n in $SIZES; do
		scenario_check "$n"
		[[ " $DAILY " == *" $n "* ]] && scenario_daily "$n"
	done
	scenario_introspect
	scenario_graph
	scenario_upgrade
	collect_profiles
	if [[ $(tree_state) != "$state" ]]; then
		note "checkout" "the checkout changed while the bench ran (the generated projects build against it): figures after the change measure other code; run the bench on a clone nobody edits"
	fi
	printf 'elapsed\t%s s\nload_after\t%s\n' "$((SECONDS - t0))" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS/meta.tsv"
	local notes=()
	[[ -f $BENCH/analysis.md ]] && notes=(-notes "$BENCH/analysis.md")
	"$W/bin/report" -results "$RESULTS" -out "$ROOT/docs/performance.md" "${notes[@]}"
	log "done in $((SECONDS - t0)) s: docs/performance.md"
}

main "$@"
