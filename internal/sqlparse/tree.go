package sqlparse

import (
	"sort"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// Parsed is one statement of a script together with its parse tree and the
// comments written right before it, for callers that judge statements by
// their structure (the lint rules) rather than by their text.
type Parsed struct {
	Statement
	// Node is the statement's parse tree (a RawStmt's stmt).
	Node *pg_query.Node
	// Comments are the comments between the end of the previous statement
	// (or the start of the script) and this statement's first token, in
	// order.
	Comments []Comment
}

// Comment is one "--" or "/* */" comment of a script.
type Comment struct {
	// Text is the comment as written, "--" or "/*" included, without the
	// line break that ends a "--" comment.
	Text string
	// Line and Column locate the comment's first character (1-based);
	// Offset is its byte offset in the script.
	Line, Column, Offset int
}

// Script is a parsed SQL script: its statements with their trees, and the
// comments after the last statement, which precede nothing.
type Script struct {
	Statements []Parsed
	Trailing   []Comment
}

// ParseScript parses sql once and returns its statements with positions,
// parse trees and leading comments. Like Split, empty input or input holding
// only comments yields no statements and no error.
func ParseScript(sql string) (*Script, error) {
	return parseScript(sql, true)
}

// ParseStatements is ParseScript without the comments, which saves a scan
// of the whole text: statement positions and trees only.
func ParseStatements(sql string) ([]Parsed, error) {
	s, err := parseScript(sql, false)
	if err != nil {
		return nil, err
	}
	return s.Statements, nil
}

func parseScript(sql string, withComments bool) (*Script, error) {
	tree, err := pg_query.Parse(sql)
	if err != nil {
		return nil, syntaxError(sql, 0, err)
	}
	lines := newCursor(sql)
	var comments []Comment
	if withComments {
		if comments, err = scanComments(sql, newCursor(sql)); err != nil {
			return nil, syntaxError(sql, 0, err)
		}
	}
	out := &Script{}
	next := 0 // index of the first comment not yet given to a statement
	for _, raw := range tree.GetStmts() {
		start := int(raw.GetStmtLocation())
		end := len(sql)
		if l := int(raw.GetStmtLen()); l > 0 {
			end = start + l
		}
		text := sql[start:end]
		first := firstToken(sql, comments, start, end)
		if rest := sql[first:end]; !withComments && (strings.HasPrefix(rest, "--") || strings.HasPrefix(rest, "/*")) {
			first = start + leadingTrivia(sql[start:end])
		}
		text = strings.TrimRight(text[first-start:], " \t\r\n;")
		if text == "" {
			continue
		}
		var lead []Comment
		for next < len(comments) && comments[next].Offset < first {
			lead = append(lead, comments[next])
			next++
		}
		// Comments inside the statement belong to no one.
		for next < len(comments) && comments[next].Offset < end {
			next++
		}
		line, col := lines.at(first)
		out.Statements = append(out.Statements, Parsed{
			Statement: Statement{SQL: text, Line: line, Column: col, Offset: first, Start: start,
				NoTransaction: noTransactionReason(raw.GetStmt())},
			Node:     raw.GetStmt(),
			Comments: lead,
		})
	}
	out.Trailing = comments[next:]
	return out, nil
}

// firstToken returns the byte offset of the first token of the statement
// text sql[start:end]: the first offset that is neither white space nor
// inside a comment.
func firstToken(sql string, comments []Comment, start, end int) int {
	i := sort.Search(len(comments), func(i int) bool { return comments[i].Offset >= start })
	pos := start
	for {
		for pos < end && strings.IndexByte(" \t\r\n\f\v", sql[pos]) >= 0 {
			pos++
		}
		if i < len(comments) && comments[i].Offset == pos {
			pos += len(comments[i].Text)
			i++
			continue
		}
		return pos
	}
}

// scanComments returns every comment of sql in order, found by the
// parser's own scanner so string literals and dollar quotes are honoured.
func scanComments(sql string, lines *cursor) ([]Comment, error) {
	res, err := pg_query.Scan(sql)
	if err != nil {
		return nil, err
	}
	var out []Comment
	for _, tok := range res.GetTokens() {
		switch tok.GetToken() {
		case pg_query.Token_SQL_COMMENT, pg_query.Token_C_COMMENT:
			s, e := int(tok.GetStart()), int(tok.GetEnd())
			text := strings.TrimRight(sql[s:e], "\r\n")
			line, col := lines.at(s)
			out = append(out, Comment{Text: text, Line: line, Column: col, Offset: s})
		}
	}
	return out, nil
}
