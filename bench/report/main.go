// Command report renders docs/performance.md from what bench/run.sh left in
// bench/results: hyperfine JSON exports, max RSS, the machine and versions,
// the exact commands, skipped scenarios and profiles. It computes the
// ratios against the peer and checks each goal of the design's performance
// budget, saying by how much a missed one is missed.
//
//	go run ./bench/report -results bench/results -out docs/performance.md [-notes bench/analysis.md]
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	dir := flag.String("results", "bench/results", "directory bench/run.sh wrote")
	out := flag.String("out", "docs/performance.md", "markdown file to write")
	notes := flag.String("notes", "", "markdown file with the analysis of the run, included as is (optional)")
	flag.Parse()
	r, err := load(*dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(2)
	}
	if *notes != "" {
		data, err := os.ReadFile(*notes)
		if err != nil {
			fmt.Fprintln(os.Stderr, "report:", err)
			os.Exit(2)
		}
		r.analysis = string(data)
	}
	doc := render(r)
	if err := os.WriteFile(*out, []byte(doc), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "report:", err)
		os.Exit(2)
	}
}
