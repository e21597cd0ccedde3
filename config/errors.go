package config

import (
	"fmt"
	"strconv"
	"strings"
)

// Error is a configuration problem: where it is (file:line, the key) and
// what to do. Its message is already redacted; Err keeps the underlying
// cause (for errors.Is, e.g. fs.ErrNotExist) but is never printed.
type Error struct {
	// File is the config file as shown to the user; empty when the problem
	// is not in a file (no migrate.toml, $DATABASE_URL).
	File string
	// Line and Col are 1-based; 0 when unknown.
	Line, Col int
	// Key is the dotted key the problem is about ("env.prod.database.url"),
	// or "" when it is not about one key.
	Key string
	// Msg says what is wrong and what to do. It includes Key when useful.
	Msg string
	// Err is the underlying cause, if any.
	Err error
}

// Error renders "file:line: message", redacted.
func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		if e.Line > 0 {
			b.WriteString(":" + strconv.Itoa(e.Line))
			if e.Col > 0 {
				b.WriteString(":" + strconv.Itoa(e.Col))
			}
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return Redact(b.String())
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// errorList collects problems found while decoding and reports the first one
// in file order, so the user fixes the file top to bottom.
type errorList struct {
	file string
	errs []*Error
}

func (l *errorList) add(line int, key, format string, args ...any) {
	l.errs = append(l.errs, &Error{File: l.file, Line: line, Key: key, Msg: fmt.Sprintf(format, args...)})
}

// first returns the earliest error, or nil.
func (l *errorList) first() *Error {
	var best *Error
	for _, e := range l.errs {
		if best == nil || e.Line < best.Line {
			best = e
		}
	}
	return best
}
