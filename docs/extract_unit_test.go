package docs_test

import (
	"reflect"
	"testing"
)

func TestExtract(t *testing.T) {
	md := "# T\n" +
		"```go file=models/blog.go\n" +
		"package models\n" +
		"```\n" +
		"```sh\n" +
		"go mod init example.com/blog\n" +
		"migrate revision --autogenerate -m \"create users\"\n" +
		"$ migrate check   # exits 1 while the database is behind\n" +
		"migrate upgrade --sql base:head > upgrade.sql\n" +
		"```\n" +
		"```text\n" +
		"migrate not-a-command\n" +
		"```\n"
	got, err := extract(md)
	if err != nil {
		t.Fatal(err)
	}
	want := []step{
		{line: 2, file: "models/blog.go", content: "package models\n"},
		{line: 6, prog: "go", args: []string{"mod", "init", "example.com/blog"}},
		{line: 7, prog: "migrate", args: []string{"revision", "--autogenerate", "-m", "create users"}},
		{line: 8, prog: "migrate", args: []string{"check"}, wantExit: 1},
		{line: 9, prog: "migrate", args: []string{"upgrade", "--sql", "base:head"}, stdout: "upgrade.sql"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("extract:\n got %+v\nwant %+v", got, want)
	}
}

func TestParseCommandErrors(t *testing.T) {
	for _, line := range []string{
		`migrate upgrade head | tee log`,
		`migrate -c "$CONFIG" check`,
		`migrate revision -m 'open`,
		`migrate upgrade --sql > a > b`,
		`export X=1`,
	} {
		if _, err := parseCommand(line); err == nil {
			t.Errorf("parseCommand(%q): no error", line)
		}
	}
}

func TestExtractUnclosedBlock(t *testing.T) {
	if _, err := extract("```sh\nmigrate check\n"); err == nil {
		t.Fatal("no error for an unclosed block")
	}
}
