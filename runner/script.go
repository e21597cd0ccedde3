package runner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/migrate-tool/migrate/revision"
)

// ScriptOptions configures an offline script.
type ScriptOptions struct {
	Tables           Tables
	Mode             TxMode
	LockTimeout      time.Duration
	StatementTimeout time.Duration
	ToolVersion      string
}

func (o ScriptOptions) builder() builder {
	return builder{tables: o.Tables.withDefaults(), lockTimeout: o.LockTimeout, statementTimeout: o.StatementTimeout, toolVersion: o.ToolVersion}
}

// WriteScript writes the SQL that applies plan, for running later with
// psql -v ON_ERROR_STOP=1 -f: the migration lock, the version and audit
// table DDL (IF NOT EXISTS), then the very batches an online run sends for
// each step. It needs no database: plan.From is where the script assumes
// the database starts.
func WriteScript(w io.Writer, plan *revision.Plan, o ScriptOptions) error {
	if err := CheckPlan(plan, o.Mode); err != nil {
		return err
	}
	bl := o.builder()
	sw := &scriptWriter{w: bufio.NewWriter(w), tables: bl.tables}
	sw.printf("-- migrate offline script: %s %s -> %s (%d %s)\n",
		plan.Direction, describeHeads(plan.From), describeHeads(plan.To), len(plan.Steps), plural(len(plan.Steps), "revision"))
	sw.preamble()
	all := o.Mode == All && len(plan.Steps) > 0
	if all {
		sw.batch(bl.begin())
	}
	for i, st := range plan.Steps {
		first := i == 0
		sw.printf("-- Running %s\n-- %s\n", StepLine(st), st.Revision.File())
		if !first {
			sw.printf("-- (the session is reset first: every revision starts from the same state)\n")
		}
		switch {
		case all:
			sw.batch(bl.inRun(st, first))
		case st.Revision.Transactional:
			sw.batch(bl.transactional(st, first))
		default:
			sw.printf("-- transaction false: each statement commits on its own\n")
			sw.batch(append(bl.reset(first), bl.autocommitSetup()...))
			sw.batch(statements(st))
			sw.batch(bl.autocommitRecord(st))
			sw.batch(bl.autocommitReset())
		}
	}
	if all {
		sw.batch(batch{{kind: partRecord, sql: "COMMIT"}})
	}
	sw.trailer()
	return sw.w.Flush()
}

// WriteStampScript writes the SQL that stamps the version table from rows
// from to rows to, with the same audit rows as Session.Stamp; g knows the
// revisions.
func WriteStampScript(w io.Writer, g *revision.Graph, from, to []string, o ScriptOptions) error {
	bl := o.builder()
	sw := &scriptWriter{w: bufio.NewWriter(w), tables: bl.tables}
	sw.printf("-- migrate offline script: stamp %s -> %s\n", describeHeads(from), describeHeads(to))
	sw.preamble()
	del, ins := rowDiff(from, to)
	if audits := stampAudit(g, from, to); len(del)+len(ins)+len(audits) > 0 {
		sw.batch(bl.stamp(del, ins, audits))
	}
	sw.trailer()
	return sw.w.Flush()
}

type scriptWriter struct {
	w      *bufio.Writer
	tables Tables
}

func (sw *scriptWriter) printf(format string, args ...any) {
	fmt.Fprintf(sw.w, format, args...)
}

func (sw *scriptWriter) batch(b batch) {
	if len(b) == 0 {
		return
	}
	text, _ := b.render()
	sw.printf("%s\n", text)
}

func (sw *scriptWriter) preamble() {
	t := sw.tables
	sw.printf("-- Run with: psql -v ON_ERROR_STOP=1 -f FILE\n\n")
	sw.printf("-- One deployer at a time (the lock online runs take too).\n")
	sw.printf("SELECT pg_advisory_lock(%d);\n\n", t.LockKey())
	if t.Schema != DefaultSchema {
		sw.printf("CREATE SCHEMA IF NOT EXISTS %s;\n\n", t.schemaIdent())
	}
	sw.printf("%s;\n\n%s;\n\n", t.createVersionTable(), t.createHistoryTable())
}

func (sw *scriptWriter) trailer() {
	sw.printf("SELECT pg_advisory_unlock(%d);\n", sw.tables.LockKey())
}

func describeHeads(h []string) string {
	if len(h) == 0 {
		return "base"
	}
	return strings.Join(h, ", ")
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
