package cli

import "strings"

// jsonError is what a --json command prints on stdout when it fails, next
// to the usual line on stderr, so that a script reading stdout always gets
// a JSON document: {"error": {"message": ..., "exit_code": 2}}.
type jsonError struct {
	Error jsonErrorBody `json:"error"`
}

type jsonErrorBody struct {
	Message  string `json:"message"`
	ExitCode int    `json:"exit_code"`
}

// wantsJSON reports whether the command line asked for JSON output: a
// --json flag before any "--". It looks at the arguments rather than the
// parsed flag so that a command whose flags failed to parse still answers
// in JSON.
func wantsJSON(args []string) bool {
	for _, a := range args {
		if a == "--" {
			return false
		}
		if a == "--json" || strings.HasPrefix(a, "--json=") && a != "--json=false" {
			return true
		}
	}
	return false
}

// printJSONError writes the error object on Stdout; msg is already
// redacted.
func (a *App) printJSONError(msg string, code int) {
	// An error while reporting an error has nowhere else to go.
	_ = a.printJSON(jsonError{Error: jsonErrorBody{Message: msg, ExitCode: code}})
}
