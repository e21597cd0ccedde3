package revision

import (
	"fmt"
	"io/fs"
	"strings"
)

// FileError is a problem in one revision file, located by line (and column
// for SQL syntax errors). Line 0 means the whole file.
type FileError struct {
	Path   string
	Line   int
	Column int
	Err    error
}

func (e *FileError) Error() string {
	var s string
	switch {
	case e.Line > 0 && e.Column > 0:
		s = fmt.Sprintf("%s:%d:%d: %v", e.Path, e.Line, e.Column, e.Err)
	case e.Line > 0:
		s = fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	default:
		s = fmt.Sprintf("%s: %v", e.Path, e.Err)
	}
	// PostgreSQL quotes the text near a syntax error, which may span lines;
	// an error stays one line.
	return oneLine(s)
}

// oneLine escapes line breaks so a message stays on one line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", `\n`)
	s = strings.ReplaceAll(s, "\n", `\n`)
	return strings.ReplaceAll(s, "\r", `\r`)
}

func (e *FileError) Unwrap() error { return e.Err }

// CycleError reports revisions that are (transitively) their own ancestors
// through parents or depends-on. IDs lists the cycle in order, with the first
// id repeated at the end.
type CycleError struct {
	IDs []string
	// Path and Line locate the header line of the first revision that points
	// into the cycle.
	Path string
	Line int
}

func (e *CycleError) Error() string {
	return fmt.Sprintf("%s:%d: cycle in revision graph: %s (a revision cannot descend from itself)",
		e.Path, e.Line, strings.Join(e.IDs, " -> "))
}

// ResolveError is a target specification that does not name what the caller
// needs: unknown, ambiguous, or outside the graph.
type ResolveError struct {
	Spec string
	// Reason says what is wrong and what to do instead.
	Reason string
	// Candidates are the revision ids an ambiguous spec matches.
	Candidates []string
}

func (e *ResolveError) Error() string {
	return fmt.Sprintf("revision %q: %s", e.Spec, e.Reason)
}

// IrreversibleError is returned for a downgrade plan that would run a
// downgrade section marked "-- migrate:irreversible".
type IrreversibleError struct {
	ID     string
	Path   string
	Line   int
	Reason string
}

func (e *IrreversibleError) Error() string {
	msg := fmt.Sprintf("%s:%d: revision %s cannot be downgraded: its downgrade is marked irreversible", e.Path, e.Line, e.ID)
	if e.Reason != "" {
		msg += " (" + e.Reason + ")"
	}
	return msg + "; downgrade to a revision above it, or restore from a backup"
}

// CurrentError is a version-table content that does not fit the graph, such
// as a row naming a revision that no versions directory contains.
type CurrentError struct {
	ID     string
	Reason string
}

func (e *CurrentError) Error() string {
	return fmt.Sprintf("version table row %q: %s", e.ID, e.Reason)
}

// MissingDirError is a versions directory that does not exist. It matches
// fs.ErrNotExist with errors.Is.
type MissingDirError struct {
	Dir string
}

func (e *MissingDirError) Error() string {
	return fmt.Sprintf("versions directory %s does not exist: create it with migrate init or migrate revision, or fix [versions] dirs", e.Dir)
}

// Is reports whether target is fs.ErrNotExist.
func (e *MissingDirError) Is(target error) bool { return target == fs.ErrNotExist }
