// Command probe measures migrate's introspection on its own and the floor
// under it, for scenario 2 of the benchmarks (bench/run.sh).
//
//	probe introspect [-record FILE]  connect to $BENCH_DATABASE_URL, introspect
//	                                 the public schema, print what was read and
//	                                 how many statements and round trips it took;
//	                                 -record writes the statements sent
//	probe floor -queries FILE        replay the recorded statements bare: same
//	                                 connection settings, same batching, rows read
//	                                 and discarded without decoding
//	probe sql -queries FILE          print them as a psql script (arguments
//	                                 inlined as literals)
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
)

func main() {
	if err := run(context.Background(), os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "probe:", err)
		os.Exit(2)
	}
}

func run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: probe introspect|floor|sql [flags]")
	}
	fs := flag.NewFlagSet("probe "+args[0], flag.ContinueOnError)
	record := fs.String("record", "", "introspect: write the statements sent to this file (JSON)")
	queries := fs.String("queries", "", "floor, sql: statements recorded by introspect -record")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	url := os.Getenv("BENCH_DATABASE_URL")
	switch args[0] {
	case "introspect":
		return runIntrospect(ctx, url, *record)
	case "floor":
		groups, err := readGroups(*queries)
		if err != nil {
			return err
		}
		return runFloor(ctx, url, groups)
	case "sql":
		groups, err := readGroups(*queries)
		if err != nil {
			return err
		}
		return writeSQL(os.Stdout, groups)
	default:
		return fmt.Errorf("unknown mode %q: use introspect, floor or sql", args[0])
	}
}
