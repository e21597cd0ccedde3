package goeval

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/schema"
)

// Output is what the evaluator program writes: the schema, the error the
// package's Schema function returned, or why the package was refused.
type Output struct {
	Schema      *schema.Schema `json:"schema,omitempty"`
	Error       string         `json:"error,omitempty"`
	Unsupported string         `json:"unsupported,omitempty"`
}

// Main is the evaluator program migrate builds inside a project's module:
//
//	evaluator EXPORTS.json PACKAGE_DIR OUT.json
//
// EXPORTS.json maps decl's and schema's import paths to their export
// data files. It writes an Output to OUT.json and exits 0, or prints why
// it could not and exits 1.
func Main(args []string) int {
	if len(args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: evaluator EXPORTS.json PACKAGE_DIR OUT.json")
		return 2
	}
	// decl.Build parses SQL after type-checking: the parser's one-time
	// set-up runs meanwhile.
	go sqlparse.Warm()
	var exports map[string]string
	b, err := os.ReadFile(args[0])
	if err == nil {
		err = json.Unmarshal(b, &exports)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	var out Output
	s, err := Eval(args[1], exports)
	var se *SchemaError
	switch {
	case err == nil:
		out.Schema = s
	case errors.As(err, &se):
		out.Error = se.Msg
	case errors.Is(err, ErrUnsupported):
		out.Unsupported = err.Error()
	default:
		out.Unsupported = err.Error()
	}
	b, err = json.Marshal(out)
	if err == nil {
		err = os.WriteFile(args[2], b, 0o600)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}
