package revision

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/migrate-tool/migrate/internal/sqlparse"
)

// Header keys of "-- migrate:<key> <value>" lines, and the section markers.
const (
	keyRevision     = "revision"
	keyParents      = "parents"
	keyMessage      = "message"
	keyCreated      = "created"
	keyDependsOn    = "depends-on"
	keyBranchLabels = "branch-labels"
	keyTransaction  = "transaction"

	markUpgrade      = "upgrade"
	markDowngrade    = "downgrade"
	markIrreversible = "irreversible"
	// markNolint lines inside a section suppress lint rules for the
	// statement below (package lint); they are comments to the runner.
	markNolint = "nolint"

	markerPrefix = "migrate:"
)

// Parse reads a whole revision file: the header, and both sections split
// into statements by pg_query. path is used in error messages.
func Parse(path string, data []byte) (*Revision, error) {
	return parse(path, data, true)
}

// ParseHeader reads only the header of a revision file: it stops at the
// first section marker and does not look at the SQL, so Upgrade and
// Downgrade are nil.
func ParseHeader(path string, data []byte) (*Revision, error) {
	return parse(path, data, false)
}

// parser holds the state of one file being read line by line.
type parser struct {
	path string
	data []byte
	full bool
	// textOnly keeps section text without splitting it into statements.
	textOnly bool
	r        *Revision

	// current open section and where its text starts
	sec      *Section
	secStart int
	secKind  string
	msg      []string
}

func (p *parser) errf(line int, format string, args ...any) error {
	return &FileError{Path: p.path, Line: line, Err: fmt.Errorf(format, args...)}
}

// errNeedMore is parseHeaderPrefix's answer for a prefix that ends before
// the first section marker.
var errNeedMore = errors.New("revision header continues past the data read")

// parseHeaderPrefix parses the header from data, the first whole lines of a
// file; it returns errNeedMore when the lines end before the first section
// marker, so the caller reads more.
func parseHeaderPrefix(path string, data []byte) (*Revision, error) {
	return parseMode(path, data, false, true)
}

func parse(path string, data []byte, full bool) (*Revision, error) {
	return parseMode(path, data, full, false)
}

// parseSections reads the header and both sections; split says whether
// the sections are also split into statements (and so checked by the SQL
// parser) or only keep their text.
func parseSections(path string, data []byte, split bool) (*Revision, error) {
	return parseWith(path, data, true, false, !split)
}

func parseMode(path string, data []byte, full, partial bool) (*Revision, error) {
	return parseWith(path, data, full, partial, false)
}

func parseWith(path string, data []byte, full, partial, textOnly bool) (*Revision, error) {
	p := &parser{
		path:     path,
		data:     data,
		full:     full,
		textOnly: textOnly,
		r:        &Revision{Path: path, Transactional: true, Lines: map[string]int{}, src: -1},
	}
	// A UTF-8 byte order mark some editors add is not part of the header.
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	p.data = data
	pos, lineNo := 0, 0
	inHeader := true
	for pos < len(data) {
		end := bytes.IndexByte(data[pos:], '\n')
		next := len(data)
		if end < 0 {
			end = len(data)
		} else {
			end += pos
			next = end + 1
		}
		lineNo++
		if err := p.checkLine(lineNo, data[pos:end]); err != nil {
			return nil, err
		}
		line := string(bytes.TrimRight(data[pos:end], " \t\r"))
		key, val, isMarker := splitMarker(line)
		switch {
		case isMarker && (key == markUpgrade || key == markDowngrade || key == markIrreversible):
			if inHeader {
				if err := p.finishHeader(); err != nil {
					return nil, err
				}
				if key != markUpgrade {
					return nil, p.errf(lineNo, "-- migrate:%s before -- migrate:upgrade: the upgrade section comes first", key)
				}
				if !full {
					return p.r, nil
				}
				inHeader = false
			}
			if err := p.closeSection(pos); err != nil {
				return nil, err
			}
			if err := p.openSection(key, val, lineNo, next); err != nil {
				return nil, err
			}
		case isMarker && inHeader:
			if err := p.headerLine(key, val, lineNo); err != nil {
				return nil, err
			}
		case isMarker && key == markNolint:
		case isMarker:
			if isHeaderKey(key) {
				return nil, p.errf(lineNo, "header line -- migrate:%s after the sections start: move it above -- migrate:upgrade", key)
			}
			return nil, p.errf(lineNo, "unknown marker -- migrate:%s (want upgrade, downgrade or irreversible)", key)
		case inHeader:
			if t := strings.TrimSpace(line); t != "" && !strings.HasPrefix(t, "--") {
				return nil, p.errf(lineNo, "unexpected text before -- migrate:upgrade: the header holds only -- migrate:<key> <value> lines and comments")
			}
		}
		pos = next
	}
	if inHeader && partial {
		return nil, errNeedMore
	}
	if inHeader {
		if err := p.finishHeader(); err != nil {
			return nil, err
		}
		return nil, p.errf(max(lineNo, 1), "no -- migrate:upgrade section: a revision file has -- migrate:upgrade and -- migrate:downgrade sections")
	}
	if err := p.closeSection(len(data)); err != nil {
		return nil, err
	}
	if p.r.Downgrade == nil {
		return nil, p.errf(max(lineNo, 1), "no -- migrate:downgrade section: add one (it may be empty), or mark it -- migrate:irreversible <reason>")
	}
	return p.r, nil
}

// checkLine rejects a line PostgreSQL's parser would misread: a NUL byte
// ends the text for the C parser, so every statement after it would vanish
// without an error, and bytes that are not UTF-8 would reach the server (or
// the audit table's message) as garbage. The error names the line and the
// column of the first offending byte.
func (p *parser) checkLine(lineNo int, line []byte) error {
	if i := bytes.IndexByte(line, 0); i >= 0 {
		return &FileError{Path: p.path, Line: lineNo, Column: 1 + utf8.RuneCount(line[:i]),
			Err: errors.New("NUL byte: remove it (PostgreSQL would ignore everything after it)")}
	}
	if !utf8.Valid(line) {
		i := 0
		for i < len(line) {
			r, size := utf8.DecodeRune(line[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		return &FileError{Path: p.path, Line: lineNo, Column: 1 + utf8.RuneCount(line[:i]),
			Err: fmt.Errorf("invalid UTF-8 (byte 0x%02x): save the file as UTF-8", line[i])}
	}
	return nil
}

// splitMarker recognizes "-- migrate:<key> <value>" (spaces after "--" are
// optional) and returns key and trimmed value.
func splitMarker(line string) (key, val string, ok bool) {
	rest, ok := strings.CutPrefix(line, "--")
	if !ok {
		return "", "", false
	}
	rest, ok = strings.CutPrefix(strings.TrimLeft(rest, " \t"), markerPrefix)
	if !ok {
		return "", "", false
	}
	if i := strings.IndexAny(rest, " \t"); i >= 0 {
		key, val = rest[:i], rest[i+1:]
	} else {
		key, val = rest, ""
	}
	return key, strings.TrimSpace(val), true
}

// isHeaderKey reports the keys allowed in the header.
func isHeaderKey(key string) bool {
	switch key {
	case keyRevision, keyParents, keyMessage, keyCreated, keyDependsOn, keyBranchLabels, keyTransaction:
		return true
	}
	return false
}

func (p *parser) headerLine(key, val string, line int) error {
	r := p.r
	if !isHeaderKey(key) {
		return p.errf(line, "unknown header key -- migrate:%s (known: revision, parents, message, created, depends-on, branch-labels, transaction)", key)
	}
	if first, dup := r.Lines[key]; dup && key != keyMessage {
		return p.errf(line, "duplicate -- migrate:%s line (first at line %d)", key, first)
	}
	if _, seen := r.Lines[key]; !seen {
		r.Lines[key] = line
	}
	switch key {
	case keyRevision:
		if err := ValidateID(val); err != nil {
			return p.errf(line, "%v", err)
		}
		r.ID = val
	case keyParents, keyDependsOn:
		ids, err := idList(val)
		if err != nil {
			return p.errf(line, "-- migrate:%s: %v", key, err)
		}
		if key == keyParents {
			r.Parents = ids
		} else {
			r.DependsOn = ids
		}
	case keyBranchLabels:
		labels := strings.Fields(val)
		seen := map[string]bool{}
		for _, l := range labels {
			if err := ValidateLabel(l); err != nil {
				return p.errf(line, "%v", err)
			}
			if seen[l] {
				return p.errf(line, "branch label %q listed twice", l)
			}
			seen[l] = true
		}
		r.BranchLabels = labels
	case keyMessage:
		// A message of several lines is written as several message lines.
		p.msg = append(p.msg, val)
	case keyCreated:
		t, err := time.Parse(time.RFC3339, val)
		if err != nil {
			return p.errf(line, "-- migrate:created %q: want an RFC 3339 time such as 2026-01-02T15:04:05Z", val)
		}
		r.Created = t.UTC()
	case keyTransaction:
		switch val {
		case "true":
			r.Transactional = true
		case "false":
			r.Transactional = false
		default:
			return p.errf(line, "-- migrate:transaction %q: want true or false", val)
		}
	}
	return nil
}

func idList(val string) ([]string, error) {
	ids := strings.Fields(val)
	if len(ids) == 0 {
		return nil, nil
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if err := ValidateID(id); err != nil {
			return nil, err
		}
		if seen[id] {
			return nil, fmt.Errorf("%s listed twice", id)
		}
		seen[id] = true
	}
	return ids, nil
}

func (p *parser) finishHeader() error {
	p.r.Message = strings.Join(p.msg, "\n")
	if p.r.ID == "" {
		return p.errf(1, "missing -- migrate:revision line: a revision file starts with -- migrate:revision <id>")
	}
	for _, dep := range p.r.DependsOn {
		for _, par := range p.r.Parents {
			if dep == par {
				return p.errf(p.r.Lines[keyDependsOn], "%s is both a parent and a dependency: list it once, as a parent", dep)
			}
		}
	}
	for _, id := range append(append([]string{}, p.r.Parents...), p.r.DependsOn...) {
		if id == p.r.ID {
			return p.errf(p.r.Lines[keyRevision], "revision %s names itself as a parent or dependency", id)
		}
	}
	return nil
}

func (p *parser) openSection(kind, val string, line, textStart int) error {
	r := p.r
	switch kind {
	case markUpgrade:
		if r.Upgrade != nil {
			return p.errf(line, "duplicate -- migrate:upgrade section (first at line %d)", r.Lines[markUpgrade])
		}
		if r.Downgrade != nil {
			return p.errf(line, "-- migrate:upgrade after the downgrade section: the upgrade section comes first")
		}
		if val != "" {
			return p.errf(line, "-- migrate:upgrade takes no value")
		}
		r.Upgrade = &Section{Line: line + 1}
		p.sec = r.Upgrade
	case markDowngrade, markIrreversible:
		if r.Downgrade != nil {
			return p.errf(line, "duplicate downgrade section (first at line %d)", r.Lines[markDowngrade])
		}
		if kind == markDowngrade && val != "" {
			return p.errf(line, "-- migrate:downgrade takes no value (did you mean -- migrate:irreversible %s?)", val)
		}
		r.Downgrade = &Section{Line: line + 1, Irreversible: kind == markIrreversible, Reason: val}
		p.sec = r.Downgrade
		kind = markDowngrade
	}
	r.Lines[kind] = line
	p.secKind = kind
	p.secStart = textStart
	return nil
}

// closeSection ends the open section at byte offset end and splits its
// statements.
func (p *parser) closeSection(end int) error {
	s := p.sec
	if s == nil {
		return nil
	}
	p.sec = nil
	if p.secStart > end {
		p.secStart = end
	}
	s.Text = string(p.data[p.secStart:end])
	if p.textOnly {
		return nil
	}
	stmts, err := sqlparse.Split(s.Text)
	if err != nil {
		var se *sqlparse.SyntaxError
		if errors.As(err, &se) && se.Line > 0 {
			return &FileError{Path: p.path, Line: s.Line + se.Line - 1, Column: se.Column,
				Err: fmt.Errorf("syntax error in %s section: %s", p.secKind, se.Msg)}
		}
		return &FileError{Path: p.path, Line: s.Line, Err: fmt.Errorf("%s section: %w", p.secKind, err)}
	}
	if s.Irreversible && len(stmts) > 0 {
		return p.errf(s.Line+stmts[0].Line-1,
			"SQL in an irreversible downgrade section: remove it, or use -- migrate:downgrade to run it")
	}
	s.Statements = make([]Statement, len(stmts))
	for i, st := range stmts {
		line := s.Line + st.Line - 1
		if st.NoTransaction != "" && p.r.Transactional {
			return &FileError{Path: p.path, Line: line, Column: st.Column, Err: fmt.Errorf(
				"%s cannot run inside a transaction: add -- migrate:transaction false to the header", st.NoTransaction)}
		}
		s.Statements[i] = Statement{SQL: st.SQL, Line: line, Column: st.Column, NoTransaction: st.NoTransaction}
	}
	return nil
}
