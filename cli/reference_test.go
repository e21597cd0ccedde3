package cli

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

var updateReference = flag.Bool("update-reference", false, "rewrite docs/reference.md from the command tree")

// TestReferenceMatchesHelp keeps docs/reference.md equal to what the command
// tree says about itself, so a flag or command added without docs fails CI.
func TestReferenceMatchesHelp(t *testing.T) {
	root := (&App{}).newRootCmd()
	got := renderReference(root)
	const path = "../docs/reference.md"
	if *updateReference {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run: go test ./cli -run TestReferenceMatchesHelp -update-reference)", err)
	}
	if string(want) != got {
		t.Errorf("docs/reference.md is out of date with the command tree; run: go test ./cli -run TestReferenceMatchesHelp -update-reference\n%s", firstDiff(string(want), got))
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n  docs: %q\n  tree: %q", i+1, x, y)
		}
	}
	return ""
}

// renderReference writes one section per command: synopsis, description,
// arguments and flags, in command-tree order.
func renderReference(root *cobra.Command) string {
	var b bytes.Buffer
	b.WriteString("# Command reference\n\n")
	b.WriteString("Generated from the command tree (`go test ./cli -run TestReferenceMatchesHelp -update-reference`);\n")
	b.WriteString("CI fails when it differs from `migrate --help`. Configuration keys are in\n")
	b.WriteString("[configuration.md](configuration.md).\n\n")
	b.WriteString("Exit codes: 0 success, 1 something to report (`check` found drift), 2 usage or runtime error.\n\n")
	b.WriteString("## Global flags\n\n")
	writeFlags(&b, root.PersistentFlags())
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if sub.Hidden || sub.Name() == "help" || sub.Name() == "completion" {
				continue
			}
			fmt.Fprintf(&b, "## %s\n\n", sub.CommandPath())
			fmt.Fprintf(&b, "```\n%s\n```\n\n", sub.UseLine())
			if sub.Long != "" {
				b.WriteString(strings.TrimSpace(sub.Long) + "\n\n")
			} else if sub.Short != "" {
				b.WriteString(sub.Short + "\n\n")
			}
			if sub.Example != "" {
				fmt.Fprintf(&b, "Examples:\n\n```\n%s\n```\n\n", strings.TrimRight(sub.Example, "\n"))
			}
			writeFlags(&b, sub.LocalFlags())
			walk(sub)
		}
	}
	walk(root)
	return b.String()
}

func writeFlags(b *bytes.Buffer, fs *pflag.FlagSet) {
	var rows []string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Name == "help" || f.Name == "version" {
			return
		}
		name := "`--" + f.Name + "`"
		if f.Shorthand != "" {
			name = "`-" + f.Shorthand + "`, " + name
		}
		typ, usage := pflag.UnquoteUsage(f)
		if typ != "" {
			name += " " + typ
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "[]" {
			def = " (default `" + f.DefValue + "`)"
		}
		rows = append(rows, fmt.Sprintf("| %s | %s%s |", name, strings.ReplaceAll(usage, "|", `\|`), def))
	})
	if len(rows) == 0 {
		return
	}
	b.WriteString("| flag | meaning |\n|---|---|\n")
	b.WriteString(strings.Join(rows, "\n"))
	b.WriteString("\n\n")
}
