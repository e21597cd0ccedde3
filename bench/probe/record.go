package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"sync"

	"github.com/jackc/pgx/v5"
)

// statement is one SQL statement sent to the server, with its arguments.
// ExecMode is set when the caller chose a pgx.QueryExecMode for it (pgx
// takes that as a leading argument); it is not a query parameter.
type statement struct {
	SQL      string             `json:"sql"`
	ExecMode *pgx.QueryExecMode `json:"exec_mode,omitempty"`
	Args     []any              `json:"args,omitempty"`
}

// newStatement separates pgx's per-query options from the parameters.
func newStatement(sql string, args []any) statement {
	st := statement{SQL: sql}
	for _, a := range args {
		if m, ok := a.(pgx.QueryExecMode); ok {
			st.ExecMode = &m
			continue
		}
		st.Args = append(st.Args, a)
	}
	return st
}

// queryArgs is what to pass to pgx to send st the way it was sent.
func (st statement) queryArgs() []any {
	if st.ExecMode == nil {
		return st.Args
	}
	return append([]any{*st.ExecMode}, st.Args...)
}

// group is what went to the server together: one query, or one batch.
type group struct {
	Batch      bool        `json:"batch"`
	Statements []statement `json:"statements"`
}

// recorder is a pgx tracer that keeps every statement sent, grouped as
// sent, so the floor can replay exactly the same work.
type recorder struct {
	groups []group
}

func (r *recorder) TraceQueryStart(ctx context.Context, _ *pgx.Conn, d pgx.TraceQueryStartData) context.Context {
	r.groups = append(r.groups, group{Statements: []statement{newStatement(d.SQL, d.Args)}})
	return ctx
}

func (r *recorder) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}

func (r *recorder) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	r.groups = append(r.groups, group{Batch: true})
	return ctx
}

func (r *recorder) TraceBatchQuery(_ context.Context, _ *pgx.Conn, d pgx.TraceBatchQueryData) {
	g := &r.groups[len(r.groups)-1]
	g.Statements = append(g.Statements, newStatement(d.SQL, d.Args))
}

func (r *recorder) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

// countingConn counts round trips: a write that follows a read starts a new
// exchange with the server.
type countingConn struct {
	net.Conn
	mu       sync.Mutex
	lastRead bool
	trips    int
}

func (c *countingConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	if c.lastRead || c.trips == 0 {
		c.trips++
	}
	c.lastRead = false
	c.mu.Unlock()
	return c.Conn.Write(p)
}

func (c *countingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.mu.Lock()
	c.lastRead = true
	c.mu.Unlock()
	return n, err
}

func (c *countingConn) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.trips
}

func writeGroups(path string, gs []group) error {
	data, err := json.MarshalIndent(gs, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// readGroups reads recorded statements back. JSON turns the []string
// arguments the catalog queries take into []any; they are restored so the
// floor sends them with the same types.
func readGroups(path string) ([]group, error) {
	if path == "" {
		return nil, fmt.Errorf("-queries is required")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var gs []group
	if err := json.Unmarshal(data, &gs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for gi := range gs {
		for si := range gs[gi].Statements {
			args := gs[gi].Statements[si].Args
			for i, a := range args {
				if list, ok := a.([]any); ok {
					ss := make([]string, len(list))
					for j, v := range list {
						s, ok := v.(string)
						if !ok {
							return nil, fmt.Errorf("%s: argument %d of a statement is not a list of strings", path, i+1)
						}
						ss[j] = s
					}
					args[i] = ss
				}
			}
		}
	}
	return gs, nil
}
