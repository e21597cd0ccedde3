// Package sqlparse wraps pg_query_go for the rest of the tool: it splits SQL
// text into statements with their positions, classifies statements, and
// normalizes expressions. It is the only place that talks to the parser, so
// no other package ever splits SQL by hand.
package sqlparse

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
	"unsafe"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"github.com/pganalyze/pg_query_go/v5/parser"
)

// Statement is one SQL statement cut out of a larger text.
type Statement struct {
	// SQL is the statement text without leading comments, surrounding
	// whitespace or the terminating semicolon.
	SQL string
	// Line and Column locate the statement's first token in the input,
	// both 1-based, so errors can point at file:line:column.
	Line, Column int
	// Offset is the byte offset of the first token in the input.
	Offset int
	// Start is where the statement's raw text begins: just after the
	// semicolon ending the statement before it (0 for the first), a
	// point between statements where the input can be cut.
	Start int
	// NoTransaction is non-empty when PostgreSQL refuses to run the
	// statement inside a transaction block; it names the statement kind
	// (e.g. "CREATE INDEX CONCURRENTLY"). See NeedsNoTransaction.
	NoTransaction string
}

// SyntaxError is a parse failure with its position in the input.
type SyntaxError struct {
	Msg          string
	Line, Column int // 1-based; 0 when the parser gave no position
	Offset       int // byte offset into the input, -1 when unknown
}

func (e *SyntaxError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d:%d: syntax error: %s", e.Line, e.Column, e.Msg)
	}
	return "syntax error: " + e.Msg
}

// Split parses sql and returns its statements in order. Empty input, or
// input holding only comments, yields no statements and no error.
//
// Its cost is linear in the size of sql, so a revision of a million
// statements splits in seconds: the parser reports only where statements
// start and end (no parse tree crosses from C to Go), positions are tracked
// with a cursor that only moves forward, and a statement is parsed again on
// its own only when it holds a keyword of the statements that cannot run in
// a transaction block (see noTxCandidate).
//
// A NUL byte or invalid UTF-8 is a *SyntaxError: PostgreSQL's parser stops
// reading at a NUL, so whatever followed it would silently vanish.
func Split(sql string) ([]Statement, error) {
	if err := checkText(sql); err != nil {
		return nil, err
	}
	spans, err := statementSpans(sql)
	if err != nil {
		return nil, err
	}
	out := make([]Statement, 0, len(spans))
	pos := newCursor(sql)
	for _, sp := range spans {
		text := sql[sp.start:sp.end]
		skip := leadingTrivia(text)
		text = strings.TrimRight(text[skip:], " \t\r\n;")
		if text == "" {
			continue
		}
		off := sp.start + skip
		line, col := pos.at(off)
		st := Statement{SQL: text, Line: line, Column: col, Offset: off, Start: sp.start}
		if noTxCandidate(text) {
			if st.NoTransaction, err = classify(text); err != nil {
				return nil, relocate(sql, syntaxError(text, off, err))
			}
		}
		out = append(out, st)
	}
	return out, nil
}

// span is a statement's byte range in the input, as the parser reports it:
// from the end of the previous statement (so it may start with whitespace
// and comments) to the end of this one, without its semicolon.
type span struct{ start, end int }

// statementSpans runs the parser over sql and returns where its
// statements are. pg_query_go returns the statements as substrings of its
// input; their offsets come from the shared memory, checked, so that a
// future version that copies the text makes this fall back to a full parse
// rather than misplace a statement.
func statementSpans(sql string) ([]span, error) {
	parts, err := pg_query.SplitWithParser(sql, false)
	if err != nil {
		return nil, syntaxError(sql, 0, err)
	}
	out := make([]span, 0, len(parts))
	base := uintptr(unsafe.Pointer(unsafe.StringData(sql)))
	for _, p := range parts {
		if p == "" {
			continue
		}
		off := int(uintptr(unsafe.Pointer(unsafe.StringData(p))) - base)
		if off < 0 || off+len(p) > len(sql) || unsafe.StringData(sql[off:]) != unsafe.StringData(p) {
			return treeSpans(sql)
		}
		out = append(out, span{off, off + len(p)})
	}
	return out, nil
}

// treeSpans finds the statements from the full parse tree: slower, used
// only when the substrings of statementSpans cannot be located.
func treeSpans(sql string) ([]span, error) {
	tree, err := pg_query.Parse(sql)
	if err != nil {
		return nil, syntaxError(sql, 0, err)
	}
	out := make([]span, 0, len(tree.GetStmts()))
	for _, raw := range tree.GetStmts() {
		start := int(raw.GetStmtLocation())
		end := len(sql)
		if l := int(raw.GetStmtLen()); l > 0 {
			end = start + l
		}
		out = append(out, span{start, end})
	}
	return out, nil
}

// relocate gives a syntax error found in a statement cut out of sql (its
// Offset already counts from the start of sql) the line and column of that
// offset in sql.
func relocate(sql string, err error) error {
	var se *SyntaxError
	if errors.As(err, &se) && se.Offset >= 0 {
		se.Line, se.Column = Position(sql, se.Offset)
	}
	return err
}

// classify parses one statement and says why it cannot run in a
// transaction block ("" when it can).
func classify(stmt string) (string, error) {
	tree, err := pg_query.Parse(stmt)
	if err != nil {
		return "", err
	}
	for _, raw := range tree.GetStmts() {
		if r := noTransactionReason(raw.GetStmt()); r != "" {
			return r, nil
		}
	}
	return "", nil
}

// checkText rejects text the parser would misread: a NUL byte (the C
// parser's end of string) or bytes that are not UTF-8.
func checkText(sql string) error {
	if i := strings.IndexByte(sql, 0); i >= 0 {
		line, col := Position(sql, i)
		return &SyntaxError{Msg: "NUL byte in SQL text: remove it (PostgreSQL would ignore everything after it)", Line: line, Column: col, Offset: i}
	}
	if !utf8.ValidString(sql) {
		i := invalidUTF8(sql)
		line, col := Position(sql, i)
		return &SyntaxError{Msg: "invalid UTF-8: save the file as UTF-8", Line: line, Column: col, Offset: i}
	}
	return nil
}

// invalidUTF8 returns the byte offset of the first invalid UTF-8 sequence
// in s, or len(s).
func invalidUTF8(s string) int {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return i
			}
		}
	}
	return len(s)
}

// syntaxError converts a pg_query error into a SyntaxError positioned in the
// input that started at byte base of a larger text.
func syntaxError(sql string, base int, err error) error {
	var pe *parser.Error
	if !errors.As(err, &pe) {
		return &SyntaxError{Msg: err.Error(), Offset: -1}
	}
	se := &SyntaxError{Msg: pe.Message, Offset: -1}
	if pe.Cursorpos > 0 {
		off := runeOffset(sql, pe.Cursorpos-1)
		se.Offset = base + off
		se.Line, se.Column = Position(sql, off)
	}
	return se
}

// runeOffset converts a 0-based character index (what PostgreSQL reports as a
// cursor position) into a byte offset.
func runeOffset(s string, chars int) int {
	n := 0
	for i := range s {
		if n == chars {
			return i
		}
		n++
	}
	return len(s)
}

// Position returns the 1-based line and column (in characters) of byte
// offset off in s. It scans s up to off: for many positions in one text,
// in increasing order, use a cursor (Split does).
func Position(s string, off int) (line, col int) {
	return newCursor(s).at(off)
}

// cursor converts increasing byte offsets of one text into lines and
// columns, scanning each byte of the text at most once.
type cursor struct {
	s         string
	off       int // bytes before off are counted
	line      int // line of off
	lineStart int // byte offset where that line starts
}

func newCursor(s string) *cursor { return &cursor{s: s, line: 1} }

// at returns the position of byte offset off. An offset before the last
// one asked for starts over from the beginning of the text.
func (c *cursor) at(off int) (line, col int) {
	off = min(max(off, 0), len(c.s))
	if off < c.off {
		*c = cursor{s: c.s, line: 1}
	}
	for {
		i := strings.IndexByte(c.s[c.off:off], '\n')
		if i < 0 {
			break
		}
		c.line++
		c.lineStart = c.off + i + 1
		c.off = c.lineStart
	}
	c.off = off
	return c.line, 1 + utf8.RuneCountInString(c.s[c.lineStart:off])
}

// leadingTrivia returns the number of bytes of whitespace and comments at
// the start of a statement's text, so positions point at its first token.
// Text that does not start with a comment after its whitespace needs no
// scanner; otherwise the scanner (not hand-written comment rules) decides.
func leadingTrivia(text string) int {
	ws := len(text) - len(strings.TrimLeft(text, " \t\r\n\f\v"))
	rest := text[ws:]
	if !strings.HasPrefix(rest, "--") && !strings.HasPrefix(rest, "/*") {
		return ws
	}
	res, err := pg_query.Scan(text)
	if err != nil {
		return ws
	}
	for _, tok := range res.GetTokens() {
		switch tok.GetToken() {
		case pg_query.Token_SQL_COMMENT, pg_query.Token_C_COMMENT:
			continue
		}
		return int(tok.GetStart())
	}
	return len(text)
}
