// Command gen writes the synthetic projects the benchmarks run on (see
// bench/README.md). Each project holds the same thing spelled for both
// tools: migrate's migrate.toml, versions/ and target, and an Alembic
// project (alembic/) with SQLAlchemy models, on the same database.
//
//	go run ./bench/gen schema -tables 500 -out DIR [-repo SRC] [-edit]   # N tables: SQL, Go and SQLAlchemy
//	go run ./bench/gen graph -revisions 10000 -out DIR
//	go run ./bench/gen chain -revisions 1000 -out DIR
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: gen schema|graph|chain [flags] -out DIR")
	}
	fs := flag.NewFlagSet("gen "+args[0], flag.ContinueOnError)
	out := fs.String("out", "", "output directory (created; existing generated files are replaced)")
	n := fs.Int("tables", 100, "number of tables (schema)")
	revs := fs.Int("revisions", 1000, "number of revisions (graph, chain)")
	edit := fs.Bool("edit", false, "schema: declare the daily edit (one table added, one column added, one default changed) over the N tables versions/ creates")
	repo := fs.String("repo", "", "schema: migrate source tree for the Go target's go.mod (default: found from the working directory; \"none\" skips the Go target)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("-out is required")
	}
	switch args[0] {
	case "schema":
		if *n < 1 || (*edit && *n < 3*hubTables) {
			return fmt.Errorf("-tables must be at least 1 (%d with -edit)", 3*hubTables)
		}
		root := *repo
		switch root {
		case "none":
			root = ""
		case "":
			var err error
			if root, err = findRepo(); err != nil {
				return err
			}
		}
		return writeSchemaProject(*out, *n, root, *edit)
	case "graph":
		if *revs < 1 {
			return fmt.Errorf("-revisions must be at least 1")
		}
		return writeRevisionProject(*out, graphNodes(*revs), false)
	case "chain":
		if *revs < 1 {
			return fmt.Errorf("-revisions must be at least 1")
		}
		return writeRevisionProject(*out, chainNodes(*revs), true)
	default:
		return fmt.Errorf("unknown mode %q: use schema, graph or chain", args[0])
	}
}
