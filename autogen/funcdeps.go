package autogen

import (
	"strings"

	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/schema"
)

// funcDeps is what one side of a diff knows about the order its functions
// can be created in. Only SQL-standard bodies (BEGIN ATOMIC, RETURN expr)
// matter: PostgreSQL resolves them at creation time whatever
// check_function_bodies says, while other bodies are only checked when
// they run.
type funcDeps struct {
	// order lists function indices so that a function comes after the
	// functions its SQL-standard body calls.
	order []int
	// dropOrder lists function indices so that a function comes before
	// the functions it calls: the order to drop them in.
	dropOrder []int
	// late marks (by signature) the functions that must wait for the tables
	// and views: their signature uses a row type, their SQL-standard body
	// names a relation (or cannot be analysed), or it calls a late function.
	late map[string]bool
}

// analyzeFunctions computes funcDeps for funcs, given the relations of the
// same side.
func analyzeFunctions(funcs []schema.Function, tables map[schema.QName]*schema.Table, views map[schema.QName]*schema.View) funcDeps {
	fd := funcDeps{late: map[string]bool{}}
	calls := make([][]int, len(funcs))
	late := make([]bool, len(funcs))
	for i, f := range funcs {
		late[i] = usesRowType(f, tables, views)
		if !standardBody(f) {
			continue
		}
		rels, called, err := sqlparse.References(f.Definition)
		if err != nil || len(rels) > 0 {
			late[i] = true
		}
		for _, c := range called {
			for j, g := range funcs {
				if j != i && g.Name == c.Name && (c.Schema == "" || c.Schema == g.Schema) {
					calls[i] = append(calls[i], j)
				}
			}
		}
	}
	const (
		unseen = iota
		visiting
		done
	)
	state := make([]int, len(funcs))
	var visit func(i int)
	visit = func(i int) {
		state[i] = visiting
		for _, j := range calls[i] {
			switch state[j] {
			case unseen:
				visit(j)
			case visiting:
				// A cycle of SQL-standard bodies cannot be created in any
				// order; leave it to the end, where PostgreSQL will say so.
				late[i] = true
			}
			if late[j] {
				late[i] = true
			}
		}
		state[i] = done
		fd.order = append(fd.order, i)
	}
	for i := range funcs {
		if state[i] == unseen {
			visit(i)
		}
	}
	for i, f := range funcs {
		if late[i] {
			fd.late[f.Signature()] = true
		}
	}
	callers := make([][]int, len(funcs))
	for i, cs := range calls {
		for _, j := range cs {
			callers[j] = append(callers[j], i)
		}
	}
	seen := make([]bool, len(funcs))
	var visitDrop func(i int)
	visitDrop = func(i int) {
		seen[i] = true
		for _, j := range callers[i] {
			if !seen[j] {
				visitDrop(j)
			}
		}
		fd.dropOrder = append(fd.dropOrder, i)
	}
	for i := range funcs {
		if !seen[i] {
			visitDrop(i)
		}
	}
	return fd
}

// standardBody reports whether a function has a SQL-standard body.
func standardBody(f schema.Function) bool {
	return strings.Contains(f.Definition, "BEGIN ATOMIC") || strings.Contains(f.Definition, "\nRETURN ")
}

// usesRowType reports whether a function's arguments or result name a
// table's or view's row type.
func usesRowType(f schema.Function, tables map[schema.QName]*schema.Table, views map[schema.QName]*schema.View) bool {
	sig := f.Arguments + " " + f.Result
	if !strings.Contains(sig, ".") {
		return false
	}
	for q := range tables {
		if mentionsType(sig, q) {
			return true
		}
	}
	for q := range views {
		if mentionsType(sig, q) {
			return true
		}
	}
	return false
}
