package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// runFloor sends the recorded statements the way introspection sent them
// (the same groups, batches and arguments, the same pgx defaults) and reads
// every row without decoding it: the least a client of these catalog
// queries can do.
func runFloor(ctx context.Context, url string, groups []group) error {
	conn, _, err := connect(ctx, url, nil)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	rows := 0
	for _, g := range groups {
		if !g.Batch {
			for _, st := range g.Statements {
				n, err := drain(conn.Query(ctx, st.SQL, st.queryArgs()...))
				if err != nil {
					return err
				}
				rows += n
			}
			continue
		}
		b := &pgx.Batch{}
		for _, st := range g.Statements {
			b.Queue(st.SQL, st.queryArgs()...)
		}
		br := conn.SendBatch(ctx, b)
		for range g.Statements {
			n, err := drain(br.Query())
			if err != nil {
				br.Close()
				return err
			}
			rows += n
		}
		if err := br.Close(); err != nil {
			return err
		}
	}
	fmt.Printf("%d rows\n", rows)
	return nil
}

func drain(rows pgx.Rows, err error) (int, error) {
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		_ = rows.RawValues()
		n++
	}
	rows.Close()
	return n, rows.Err()
}

// writeSQL prints the statements as a psql script, arguments inlined.
func writeSQL(w io.Writer, groups []group) error {
	for _, g := range groups {
		for _, st := range g.Statements {
			sql, err := inline(st.SQL, st.Args)
			if err != nil {
				return err
			}
			if _, err := fmt.Fprintf(w, "%s;\n", strings.TrimRight(strings.TrimSpace(sql), ";")); err != nil {
				return err
			}
		}
	}
	return nil
}

// inline replaces $N placeholders with literals, highest N first so that
// $1 does not eat the start of $10.
func inline(sql string, args []any) (string, error) {
	idx := make([]int, len(args))
	for i := range idx {
		idx[i] = i
	}
	sort.Sort(sort.Reverse(sort.IntSlice(idx)))
	for _, i := range idx {
		lit, err := literal(args[i])
		if err != nil {
			return "", fmt.Errorf("argument $%d: %w", i+1, err)
		}
		sql = strings.ReplaceAll(sql, "$"+strconv.Itoa(i+1), lit)
	}
	return sql, nil
}

func literal(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return quote(v), nil
	case []string:
		elems := make([]string, len(v))
		for i, s := range v {
			elems[i] = `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
		}
		return quote("{" + strings.Join(elems, ",") + "}"), nil
	case int, int32, int64, float64:
		return fmt.Sprint(v), nil
	case nil:
		return "NULL", nil
	}
	return "", fmt.Errorf("cannot inline a %T", v)
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
