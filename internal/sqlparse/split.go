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
func Split(sql string) ([]Statement, error) {
	tree, err := pg_query.Parse(sql)
	if err != nil {
		return nil, syntaxError(sql, 0, err)
	}
	stmts := tree.GetStmts()
	out := make([]Statement, 0, len(stmts))
	// Statements come in order: positions are counted on from the last
	// one, not from the start of the input each time (quadratic on a
	// schema of thousands of statements).
	var pos positionCounter
	for _, raw := range stmts {
		start := int(raw.GetStmtLocation())
		end := len(sql)
		if l := int(raw.GetStmtLen()); l > 0 {
			end = start + l
		}
		text := sql[start:end]
		skip := leadingTrivia(text)
		text = strings.TrimRight(text[skip:], " \t\r\n;")
		if text == "" {
			continue
		}
		off := start + skip
		line, col := pos.at(sql, off)
		out = append(out, Statement{SQL: text, Line: line, Column: col, Offset: off, Start: start,
			NoTransaction: noTransactionReason(raw.GetStmt())})
	}
	return out, nil
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
// offset off in s.
func Position(s string, off int) (line, col int) {
	if off > len(s) {
		off = len(s)
	}
	line = 1 + strings.Count(s[:off], "\n")
	lineStart := strings.LastIndexByte(s[:off], '\n') + 1
	col = 1 + len([]rune(s[lineStart:off]))
	return line, col
}

// positionCounter computes Position for increasing offsets of one text in
// time proportional to the text, remembering where the last call ended.
type positionCounter struct {
	off, line, lineStart int
}

func (p *positionCounter) at(s string, off int) (line, col int) {
	if off > len(s) {
		off = len(s)
	}
	if p.line == 0 || off < p.off {
		*p = positionCounter{line: 1}
	}
	chunk := s[p.off:off]
	if n := strings.Count(chunk, "\n"); n > 0 {
		p.line += n
		p.lineStart = p.off + strings.LastIndexByte(chunk, '\n') + 1
	}
	p.off = off
	return p.line, 1 + utf8.RuneCountInString(s[p.lineStart:off])
}

// leadingTrivia returns the number of bytes of whitespace and comments at the
// start of a statement's text, so positions point at its first token. It uses
// the scanner rather than hand-written comment rules.
func leadingTrivia(text string) int {
	res, err := pg_query.Scan(text)
	if err != nil {
		return len(text) - len(strings.TrimLeft(text, " \t\r\n"))
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
