package runner

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/migrate-tool/migrate/revision"
)

// The online runner and the offline script are built from the same batches
// of SQL: what a script would make psql run is exactly what the runner
// sends. A batch goes to the server as one simple-protocol message (one
// round trip, however many statements), or into the script as text.

type partKind int

const (
	partSetup     partKind = iota // BEGIN, SET LOCAL, set_config
	partStatement                 // a statement of the revision
	partRecord                    // version-table and audit rows, COMMIT
)

// part is one SQL statement of a batch, without its terminator.
type part struct {
	kind partKind
	sql  string
	// stmt indexes the section's statements for a partStatement.
	stmt int
}

type batch []part

// render returns the batch as text and the character (not byte) offset of
// each part in it, so a server error position can be traced back to its
// statement. Revision statements are set off by blank lines.
func (b batch) render() (string, []int) {
	var sb strings.Builder
	offsets := make([]int, len(b))
	chars := 0
	for i, p := range b {
		if i > 0 && (p.kind == partStatement || b[i-1].kind == partStatement || b[i-1].kind != p.kind) {
			sb.WriteString("\n")
			chars++
		}
		offsets[i] = chars
		text := p.sql + terminator(p.sql)
		sb.WriteString(text)
		chars += utf8.RuneCountInString(text)
	}
	return sb.String(), offsets
}

// terminator ends a statement. When its last line holds a -- comment the
// semicolon goes on a line of its own so the comment cannot swallow it.
func terminator(sql string) string {
	if strings.Contains(sql[strings.LastIndexByte(sql, '\n')+1:], "--") {
		return "\n;\n"
	}
	return ";\n"
}

// builder makes the batches of a run.
type builder struct {
	tables           Tables
	lockTimeout      time.Duration
	statementTimeout time.Duration
	toolVersion      string
	// checkInterval is set when the server takes
	// client_connection_check_interval: the session sets it again after
	// each reset.
	checkInterval bool
}

// reset returns the session to the state a new connection has, so that
// every revision starts from the same state whatever the one before it
// did: settings (search_path, check_function_bodies, timeouts, role and
// session authorization), cursors, LISTENs, prepared statements, temporary
// tables and sequence caches. DISCARD ALL would do it in one statement but
// cannot run in a transaction block, and also drops session advisory
// locks, the migration lock among them. What no statement can reset stays:
// advisory locks a revision took itself, prepared transactions.
//
// The reset goes in front of a revision's batch (nothing when it is the
// first of the run), so it costs no round trip: its statements join the
// revision's transaction.
func (bl builder) reset(first bool) batch {
	if first {
		return nil
	}
	b := batch{
		{kind: partSetup, sql: "RESET SESSION AUTHORIZATION"},
		{kind: partSetup, sql: "RESET ROLE"},
		{kind: partSetup, sql: "RESET ALL"},
		{kind: partSetup, sql: "CLOSE ALL"},
		{kind: partSetup, sql: "UNLISTEN *"},
		{kind: partSetup, sql: "DEALLOCATE ALL"},
		{kind: partSetup, sql: "DISCARD TEMP"},
		{kind: partSetup, sql: "DISCARD SEQUENCES"},
	}
	if bl.checkInterval {
		b = append(b, part{kind: partSetup, sql: checkIntervalSetting})
	}
	return b
}

func (bl builder) tool() string {
	if bl.toolVersion == "" {
		return "unknown"
	}
	return bl.toolVersion
}

// begin opens a transaction with the configured timeouts.
func (bl builder) begin() batch {
	b := batch{{kind: partSetup, sql: "BEGIN"}}
	for _, c := range timeoutCommands("SET LOCAL", bl.lockTimeout, bl.statementTimeout) {
		b = append(b, part{kind: partSetup, sql: c})
	}
	return b
}

func statements(st revision.Step) batch {
	var b batch
	for i, s := range st.Section().Statements {
		b = append(b, part{kind: partStatement, sql: s.SQL, stmt: i})
	}
	return b
}

// Where a step's audit row takes its start time: inside a per-revision
// transaction now() is the revision's start; elsewhere (one transaction for
// the run, or no transaction) the start is kept in a session setting.
const (
	startNow     = "now()"
	startSetting = "current_setting('migrate.started_at')::timestamptz"
)

func markStart(local bool) part {
	return part{kind: partSetup, sql: fmt.Sprintf("SELECT set_config('migrate.started_at', clock_timestamp()::text, %t)", local)}
}

// transactional is a step in its own transaction: one batch, one round
// trip. first says whether it is the run's first step (no reset).
func (bl builder) transactional(st revision.Step, first bool) batch {
	b := append(bl.reset(first), bl.begin()...)
	b = append(b, statements(st)...)
	b = append(b, bl.record(st, startNow)...)
	return append(b, part{kind: partRecord, sql: "COMMIT"})
}

// inRun is a step inside the run-wide transaction of --transaction=all.
// The reset also clears the transaction's SET LOCAL timeouts, so they are
// set again.
func (bl builder) inRun(st revision.Step, first bool) batch {
	b := bl.reset(first)
	if !first {
		for _, c := range timeoutCommands("SET LOCAL", bl.lockTimeout, bl.statementTimeout) {
			b = append(b, part{kind: partSetup, sql: c})
		}
	}
	b = append(b, markStart(true))
	b = append(b, statements(st)...)
	return append(b, bl.record(st, startSetting)...)
}

// autocommitSetup, the step's statements one batch each, autocommitRecord
// and autocommitReset run a "transaction false" step.
func (bl builder) autocommitSetup() batch {
	var b batch
	for _, c := range timeoutCommands("SET", bl.lockTimeout, bl.statementTimeout) {
		b = append(b, part{kind: partSetup, sql: c})
	}
	return append(b, markStart(false))
}

func (bl builder) autocommitRecord(st revision.Step) batch {
	b := batch{{kind: partRecord, sql: "BEGIN"}}
	b = append(b, bl.record(st, startSetting)...)
	return append(b, part{kind: partRecord, sql: "COMMIT"})
}

func (bl builder) autocommitReset() batch {
	var b batch
	if bl.lockTimeout > 0 {
		b = append(b, part{kind: partSetup, sql: "RESET lock_timeout"})
	}
	if bl.statementTimeout > 0 {
		b = append(b, part{kind: partSetup, sql: "RESET statement_timeout"})
	}
	return b
}

// record moves the version-table rows of a step and appends its audit row,
// in one statement: the server parses and plans one statement instead of
// three, which is most of the runner's own cost per revision.
func (bl builder) record(st revision.Step, start string) batch {
	a := auditEntry{id: st.Revision.ID, direction: st.Direction.String(), checksum: st.Revision.Checksum(), message: st.Revision.Message}
	return batch{{kind: partRecord, sql: bl.moveRowsCTE(st.Delete, st.Insert) + bl.auditInsert(a, start)}}
}

// moveRowsCTE renders the version-table changes as WITH clauses to put in
// front of an INSERT.
func (bl builder) moveRowsCTE(del, ins []string) string {
	v := bl.tables.versionIdent()
	var ctes []string
	if len(del) > 0 {
		ctes = append(ctes, fmt.Sprintf("del AS (DELETE FROM %s WHERE version_num IN (%s))", v, literalList(del)))
	}
	if len(ins) > 0 {
		rows := make([]string, len(ins))
		for i, id := range ins {
			rows[i] = "(" + quoteLiteral(id) + ")"
		}
		ctes = append(ctes, fmt.Sprintf("ins AS (INSERT INTO %s (version_num) VALUES %s)", v, strings.Join(rows, ", ")))
	}
	if len(ctes) == 0 {
		return ""
	}
	return "WITH " + strings.Join(ctes, ",\n     ") + "\n"
}

func (bl builder) auditInsert(a auditEntry, start string) string {
	checksum := "NULL"
	if a.checksum != "" {
		checksum = quoteLiteral(a.checksum)
	}
	return fmt.Sprintf(
		"INSERT INTO %s (version_num, direction, started_at, duration, checksum, tool_version, message)\n"+
			"    VALUES (%s, %s, %s, clock_timestamp() - %s, %s, %s, %s)",
		bl.tables.historyIdent(), quoteLiteral(a.id), quoteLiteral(a.direction), start, start,
		checksum, quoteLiteral(bl.tool()), quoteLiteral(a.message))
}

// stamp replaces the version-table rows del by ins, with audit rows, in
// one transaction.
func (bl builder) stamp(del, ins []string, audits []auditEntry) batch {
	b := batch{{kind: partRecord, sql: "BEGIN"}}
	moves := bl.moveRowsCTE(del, ins)
	if len(audits) == 0 && moves != "" {
		// The rows change but no revision changes state (rows that
		// were not normalized): the WITH clauses still need a statement.
		b = append(b, part{kind: partRecord, sql: moves + "SELECT 1"})
	}
	for i, a := range audits {
		sql := bl.auditInsert(a, startNow)
		if i == 0 {
			sql = moves + sql
		}
		b = append(b, part{kind: partRecord, sql: sql})
	}
	return append(b, part{kind: partRecord, sql: "COMMIT"})
}

// StepLine describes a step the way Alembic does:
// "upgrade 1a2b -> 3c4d, add users", "downgrade 3c4d -> 1a2b, add users";
// a base has nothing on its parents' side.
func StepLine(st revision.Step) string {
	r := st.Revision
	parents := strings.Join(r.Parents, ", ")
	var s string
	if st.Direction == revision.Down {
		s = fmt.Sprintf("downgrade %s -> %s", r.ID, parents)
	} else {
		s = fmt.Sprintf("upgrade %s -> %s", parents, r.ID)
	}
	if r.Message != "" {
		s += ", " + r.Message
	}
	return s
}

// quoteLiteral renders s as an SQL string literal that means s whatever
// standard_conforming_strings says.
func quoteLiteral(s string) string {
	q := "'" + strings.ReplaceAll(s, "'", "''") + "'"
	if strings.Contains(s, `\`) {
		return "E" + strings.ReplaceAll(q, `\`, `\\`)
	}
	return q
}

func literalList(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = quoteLiteral(id)
	}
	return strings.Join(q, ", ")
}
