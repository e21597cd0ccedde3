#!/usr/bin/env bash
# bench/run.sh — the benchmarks behind docs/performance.md (`make bench`).
#
# Times migrate and its peer (Alembic, psql) as whole processes with
# hyperfine on one private PostgreSQL server, records max RSS with
# /usr/bin/time, then renders docs/performance.md from bench/results/.
# A scenario whose migrate command does not exist yet (or fails its
# pre-flight run) is recorded as skipped with the reason, never faked.
#
# Environment knobs (defaults are what `make bench` uses):
#   BENCH_WORK=/tmp/migrate-bench   generated projects, the server, binaries
#   BENCH_SIZES="100 500 2000"      table counts for the no-op check scenario
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
GRAPH=${BENCH_GRAPH:-10000}
CHAIN=${BENCH_CHAIN:-1000}
INTRO=2000
# Runs per command: fast commands get many, Alembic at 2,000 tables few.
RUNS_FAST=10
RUNS_PEER=5
RUNS_UPGRADE=5
RUNS_SLOW=3
if [[ ${BENCH_QUICK:-0} == 1 ]]; then
	SIZES=${BENCH_SIZES:-20 50}
	GRAPH=${BENCH_GRAPH:-300}
	CHAIN=${BENCH_CHAIN:-40}
	INTRO=50
	RUNS_FAST=2
	RUNS_PEER=2
	RUNS_UPGRADE=2
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
	# The introspection probe needs package introspect; without it scenario 2
	# is skipped.
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
# The bench server: one private cluster with default settings except
# max_locks_per_transaction, which creating 2,000 tables in one transaction
# needs (PostgreSQL's default 64 stops at about 800 such tables).
PGPORT_BENCH=${BENCH_PGPORT:-55439}
start_server() {
	local pgdir=$W/pg run=()
	if [[ $(id -u) == 0 ]]; then
		local u=postgres
		id "$u" >/dev/null 2>&1 || u=nobody
		run=(runuser -u "$u" --)
		mkdir -p "$pgdir"
		chown "$u" "$pgdir"
		chmod 755 "$W"
	fi
	mkdir -p "$pgdir"
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
recreate_db() { dropdb --if-exists "$1" && createdb "$1"; }

# ---------------------------------------------------------------- recording
# Every timed command is recorded in commands.tsv (name, scenario, the
# exact command line) so the report can print what was run.
record_cmd() { printf '%s\t%s\n' "$1" "$2" >>"$RESULTS/commands.tsv"; }
skip() { printf '%s\t%s\n' "$1" "$2" >>"$RESULTS/skipped.tsv"; log "skipped $1: $2"; }
note() { printf '%s\t%s\n' "$1" "$2" >>"$RESULTS/notes.tsv"; }

# bench_cmds FILE RUNS WARMUP [-p PREPARE] NAME CMD [NAME CMD ...]
# One hyperfine invocation; commands run without a shell (-N), so each CMD
# is a plain argument list in one string. The env BENCH_DATABASE_URL is
# inherited.
bench_cmds() {
	local file=$1 runs=$2 warm=$3
	shift 3
	local args=(-N --style basic --runs "$runs" --warmup "$warm" --export-json "$RESULTS/$file.json")
	while [[ $1 == -p ]]; do
		args+=(--prepare "$2")
		shift 2
	done
	while (($#)); do
		args+=(-n "$1" "$2")
		record_cmd "$1" "$2"
		shift 2
	done
	log "hyperfine $file"
	hyperfine "${args[@]}" >"$RESULTS/$file.log" 2>&1 || {
		tail -5 "$RESULTS/$file.log" >&2
		skip "$file" "hyperfine failed: $(grep -m1 -i error "$RESULTS/$file.log" || true)"
	}
}

# preflight NAME EXPECTED_EXIT CMD...: run once under /usr/bin/time. On
# the expected exit status its max RSS is recorded under NAME and its wall
# time left in LAST_SECS (for plan_runs); otherwise the scenario is
# recorded as skipped with the first lines of its output (for a check that
# finds drift: the false differences).
LAST_SECS=0
preflight() {
	local name=$1 want=$2
	shift 2
	local rc=0
	/usr/bin/time -f '%e %M' -o "$W/rss.out" "$@" >"$W/preflight.out" 2>&1 || rc=$?
	if [[ $rc != "$want" ]]; then
		skip "$name" "exit $rc from \`${*##*/}\`: $(grep -v '^$' "$W/preflight.out" | head -4 | tr '\n' ' ' | cut -c1-500)"
		return 1
	fi
	local secs kb
	read -r secs kb < <(tail -1 "$W/rss.out")
	LAST_SECS=$secs
	printf '%s\t%s\n' "$name" "$kb" >>"$RESULTS/rss.tsv"
}

# plan_runs [SECS]: sets RUNS and WARMUP from how long one run took (the
# last preflight by default), so that slow commands (Alembic at 2,000
# tables, cold runs) keep the whole bench within its time budget.
plan_runs() {
	local secs=${1:-$LAST_SECS}
	if awk -v s="$secs" 'BEGIN { exit !(s < 1) }'; then
		RUNS=$RUNS_FAST WARMUP=2
	elif awk -v s="$secs" 'BEGIN { exit !(s < 8) }'; then
		RUNS=$RUNS_PEER WARMUP=1
	else
		RUNS=$RUNS_SLOW WARMUP=0
	fi
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
	kv graph "$GRAPH"
	kv chain "$CHAIN"
	kv introspect_tables "$INTRO"
	kv load_before "$(cut -d' ' -f1-3 /proc/loadavg)"
	kv runs "by the duration of a first (untimed) run: under 1 s: $RUNS_FAST runs after 2 warmups; under 8 s: $RUNS_PEER runs (1 warmup for migrate warm runs); longer: $RUNS_SLOW runs; cold runs and Alembic get no warmup; upgrade: $RUNS_UPGRADE runs after 1 warmup"
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
# No-op check and autogenerate on N tables, migrate (warm cache, cold cache;
# SQL target and Go target) against Alembic on the same database.
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
	local acheck arev="$PY -m alembic -c $ini revision --autogenerate -m noop"
	acheck=$(alembic_check_cmd "$ini")
	if preflight "check-$n-alembic" 0 $acheck && preflight "revision-$n-alembic" 0 $arev; then
		plan_runs
		bench_cmds "check-$n-alembic" "$RUNS" 0 \
			"check-$n-alembic" "$acheck" \
			"revision-$n-alembic" "$arev"
		if ls "$dir/alembic/versions" | grep -qv '^base.py$\|__pycache__'; then
			note "revision-$n-alembic" "Alembic wrote a revision file: its no-op was not empty"
		fi
	fi

	# The floor at this size: migrate's catalog queries replayed bare.
	if ((HAVE_PROBE == 1)); then
		if ! "$W/bin/probe" introspect -record "$W/queries-$n.json" >"$RESULTS/introspect-$n-queries.txt" 2>"$W/probe.err"; then
			skip "floor-$n" "probe introspect failed: $(head -1 "$W/probe.err")"
		elif preflight "floor-$n" 0 "$W/bin/probe" floor -queries "$W/queries-$n.json"; then
			bench_cmds "floor-$n" "$RUNS_FAST" 2 "floor-$n" "$W/bin/probe floor -queries $W/queries-$n.json"
		fi
	else
		skip "floor-$n" "bench/probe does not build: $(head -3 "$W/probe-build.log" | tr '\n' ' ')"
	fi

	# Target modes: SQL files; the Go package through the loader (go run);
	# the Go package linked into the team's own binary.
	local mode toml cmd bin
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
		local cache=$dir/.migrate/cache
		for cmd in check revision; do
			local line="$bin -c $toml check" key=$cmd-$n-migrate-$mode
			[[ $cmd == revision ]] && line="$bin -c $toml revision --autogenerate -m noop"
			if ! has "$cmd"; then
				skip "$key" "migrate has no $cmd command yet"
				continue
			fi
			local before
			before=$(ls "$dir/versions" | wc -l)
			# The first run is cold (it fills the cache), the second warm:
			# both must find nothing to do before anything is timed.
			rm -rf "$cache"
			preflight "$key-cold" 0 $line || continue
			local cold=$LAST_SECS
			preflight "$key-warm" 0 $line || continue
			plan_runs
			bench_cmds "$key-warm" "$RUNS" "$WARMUP" "$key-warm" "$line"
			plan_runs "$cold"
			bench_cmds "$key-cold" "$RUNS" 0 -p "rm -rf $cache" "$key-cold" "$line"
			if [[ $(ls "$dir/versions" | wc -l) != "$before" ]]; then
				note "$key" "migrate wrote a revision file: its no-op was not empty"
			fi
		done
	done
}

# ---------------------------------------------------------------- scenario 2
# Introspection alone at INTRO tables: the tool's introspection in a
# process of its own (bench/probe), against its own catalog queries run
# bare (the floor) and SQLAlchemy's reflection of the same tables.
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
	local reflect="$PY $BENCH/peer/sqla_reflect.py"
	if ((HAVE_PROBE == 0)); then
		skip "introspect-$n" "bench/probe does not build (package introspect missing?): $(head -3 "$W/probe-build.log" | tr '\n' ' ')"
		preflight "introspect-$n-sqlalchemy" 0 $reflect &&
			bench_cmds "introspect-$n-peer" "$RUNS_FAST" 1 "introspect-$n-sqlalchemy" "$reflect"
		return 0
	fi
	# The probe records the queries introspection sends (text and
	# arguments) so the floor can replay exactly them.
	[[ -f $RESULTS/introspect-$n-queries.txt ]] ||
		"$W/bin/probe" introspect -record "$W/queries-$n.json" >"$RESULTS/introspect-$n-queries.txt" ||
		{ skip "introspect-$n" "probe introspect failed"; return; }
	cp "$W/queries-$n.json" "$W/queries.json"
	"$W/bin/probe" sql -queries "$W/queries.json" >"$W/floor.sql"
	local args=()
	preflight "introspect-$n-migrate" 0 "$W/bin/probe" introspect &&
		args+=("introspect-$n-migrate" "$W/bin/probe introspect")
	if has inspect && preflight "introspect-$n-migrate-inspect" 0 $MIGRATE -c "$dir/migrate.toml" inspect --json; then
		args+=("introspect-$n-migrate-inspect" "$MIGRATE -c $dir/migrate.toml inspect --json")
	fi
	preflight "introspect-$n-floor-go" 0 "$W/bin/probe" floor -queries "$W/queries.json" &&
		args+=("introspect-$n-floor-go" "$W/bin/probe floor -queries $W/queries.json")
	preflight "introspect-$n-floor-psql" 0 psql -XqAt -v ON_ERROR_STOP=1 -o /dev/null -d "$db" -f "$W/floor.sql" &&
		args+=("introspect-$n-floor-psql" "psql -XqAt -v ON_ERROR_STOP=1 -o /dev/null -d $db -f $W/floor.sql")
	preflight "introspect-$n-sqlalchemy" 0 $reflect &&
		args+=("introspect-$n-sqlalchemy" "$reflect")
	((${#args[@]})) && bench_cmds "introspect-$n" "$RUNS_FAST" 2 "${args[@]}"
	return 0
}

# ---------------------------------------------------------------- scenario 3
scenario_graph() {
	local n=$GRAPH dir=$W/graph-$GRAPH
	log "scenario 3: graph of $n revisions"
	"$W/bin/gen" graph -revisions "$n" -out "$dir"
	export BENCH_DATABASE_URL
	BENCH_DATABASE_URL=$(dburl postgres)
	local ini=$dir/alembic/alembic.ini
	# Alembic compiles each revision module once into __pycache__: warm it
	# so its timed runs read the cached bytecode, as a developer's do.
	$PY -m alembic -c "$ini" heads >/dev/null 2>&1 || true
	local c
	for c in heads history; do
		local args=()
		if has "$c"; then
			preflight "$c-$n-migrate" 0 $MIGRATE -c "$dir/migrate.toml" "$c" &&
				args+=("$c-$n-migrate" "$MIGRATE -c $dir/migrate.toml $c")
		else
			skip "$c-$n-migrate" "migrate has no $c command yet"
		fi
		((${#args[@]})) && bench_cmds "$c-$n-migrate" "$RUNS_FAST" 2 "${args[@]}"
		if preflight "$c-$n-alembic" 0 $PY -m alembic -c "$ini" "$c"; then
			plan_runs
			bench_cmds "$c-$n-alembic" "$RUNS" 0 "$c-$n-alembic" "$PY -m alembic -c $ini $c"
		fi
	done
	if has history; then
		bench_cmds "history-verbose-$n-migrate" "$RUNS_FAST" 2 \
			"history-verbose-$n-migrate" "$MIGRATE -c $dir/migrate.toml history --verbose"
	fi
}

# ---------------------------------------------------------------- scenario 4
scenario_upgrade() {
	local n=$CHAIN dir=$W/chain-$CHAIN db=bench_up
	log "scenario 4: upgrade through $n revisions"
	"$W/bin/gen" chain -revisions "$n" -out "$dir"
	export BENCH_DATABASE_URL
	BENCH_DATABASE_URL=$(dburl "$db")
	local reset="sh -c 'dropdb --if-exists $db && createdb $db'"
	local mig="$MIGRATE -c $dir/migrate.toml upgrade head"
	local psq="psql -XqAt -1 -v ON_ERROR_STOP=1 -d $db -f $dir/upgrade.sql"
	local psr="psql -XqAt -v ON_ERROR_STOP=1 -d $db -f $dir/upgrade-per-revision.sql"
	local alu="$PY -m alembic -c $dir/alembic/alembic.ini upgrade head"
	local args=()
	recreate_db "$db"
	if ! has upgrade; then
		skip "upgrade-$n-migrate" "migrate has no upgrade command yet"
	elif preflight "upgrade-$n-migrate" 0 $mig; then
		args+=("upgrade-$n-migrate" "$mig")
		recreate_db "$db"
		if preflight "upgrade-$n-migrate-txall" 0 $mig --transaction=all; then
			args+=("upgrade-$n-migrate-txall" "$mig --transaction=all")
		fi
	fi
	# Alembic compiles its scripts on first use: not part of any run.
	$PY -m alembic -c "$dir/alembic/alembic.ini" heads >/dev/null 2>&1 || true
	local name line
	for name in psql psql-per-revision alembic; do
		case $name in
		psql) line=$psq ;;
		psql-per-revision) line=$psr ;;
		alembic) line=$alu ;;
		esac
		recreate_db "$db"
		preflight "upgrade-$n-$name" 0 $line && args+=("upgrade-$n-$name" "$line")
	done
	((${#args[@]})) && bench_cmds "upgrade-$n" "$RUNS_UPGRADE" 1 -p "$reset" "${args[@]}"
	return 0
}

# ---------------------------------------------------------------- profiles
# profile NAME [PREPARE] -- ARGS...: one run of the CLI under bench/prof,
# summarized by `go tool pprof -top` in results/profiles/NAME.txt. The
# report shows the profiles of commands that miss a goal.
profile() {
	local name=$1 prepare=
	shift
	if [[ $1 != -- ]]; then prepare=$1; shift; fi
	shift
	mkdir -p "$RESULTS/profiles" "$W/prof"
	[[ -n $prepare ]] && sh -c "$prepare" >/dev/null 2>&1
	if "$W/bin/prof" -o "$W/prof/$name.pprof" -- "$@" >/dev/null 2>&1; then
		go tool pprof -top -cum -nodecount=25 "$W/bin/prof" "$W/prof/$name.pprof" 2>/dev/null |
			grep -v '^Type:\|^Time:\|^Showing\|^Dropped' >"$RESULTS/profiles/$name.txt" || true
	fi
}

collect_profiles() {
	log "CPU profiles"
	local n dir mode toml
	for n in $SIZES; do
		dir=$W/schema-$n
		export BENCH_DATABASE_URL
		BENCH_DATABASE_URL=$(dburl "bench_$n")
		# The linked-in mode's profile is the go mode's minus the loader.
		for mode in sql go; do
			toml=$dir/migrate.toml
			[[ $mode == go ]] && toml=$dir/migrate-go.toml
			[[ -f $toml ]] || continue
			if has check; then
				profile "check-$n-migrate-$mode-warm" -- -c "$toml" check
				profile "check-$n-migrate-$mode-cold" "rm -rf $dir/.migrate/cache" -- -c "$toml" check
			fi
		done
	done
	BENCH_DATABASE_URL=$(dburl postgres)
	has history && profile "history-$GRAPH-migrate" -- -c "$W/graph-$GRAPH/migrate.toml" history
	has heads && profile "heads-$GRAPH-migrate" -- -c "$W/graph-$GRAPH/migrate.toml" heads
	BENCH_DATABASE_URL=$(dburl bench_up)
	has upgrade && profile "upgrade-$CHAIN-migrate" "dropdb --if-exists bench_up && createdb bench_up" -- \
		-c "$W/chain-$CHAIN/migrate.toml" upgrade head
	return 0
}

# ---------------------------------------------------------------- main
main() {
	local t0=$SECONDS
	ensure_tools
	build
	mkdir -p "$RESULTS"
	rm -f "$RESULTS"/*.json "$RESULTS"/*.log "$RESULTS"/*.tsv "$RESULTS"/*.txt
	rm -rf "$RESULTS/profiles"
	start_server
	write_meta
	local n
	for n in $SIZES; do scenario_check "$n"; done
	scenario_introspect
	scenario_graph
	scenario_upgrade
	collect_profiles
	printf 'elapsed\t%s s\nload_after\t%s\n' "$((SECONDS - t0))" "$(cut -d' ' -f1-3 /proc/loadavg)" >>"$RESULTS/meta.tsv"
	"$W/bin/report" -results "$RESULTS" -out "$ROOT/docs/performance.md"
	log "done in $((SECONDS - t0)) s: docs/performance.md"
}

main "$@"
