package target

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/migrate-tool/migrate/internal/sqlparse"
)

// declStmt is one statement of a declaration, with what incremental
// materialization needs to know about it.
type declStmt struct {
	statement
	hash  string
	start int // SQL targets: the cut point before it in its file
	info  sqlparse.DeclStatement
}

func stmtHash(sql string) string {
	h := sha256.Sum256([]byte(sql))
	return hex.EncodeToString(h[:16])
}

// analyses remembers the analysis of statements by hash, so a statement
// seen in the previous declaration is not parsed again.
type analyses map[string]sqlparse.DeclStatement

// analyze fills in d.info, from known when the statement was seen before.
func (known analyses) analyze(d *declStmt) error {
	if info, ok := known[d.hash]; ok {
		d.info = info
		return nil
	}
	info, err := sqlparse.AnalyzeDeclaration(d.sql)
	if err != nil {
		return err
	}
	d.info = info
	known[d.hash] = info
	return nil
}

// newDeclStmt wraps a statement split from src.
func newDeclStmt(src *source, s sqlparse.Statement) (declStmt, error) {
	role, err := sqlparse.ClassifyScriptStatement(s.SQL)
	if err != nil {
		return declStmt{}, fmt.Errorf("%s:%d:%d: %w", src.name, s.Line, s.Column, err)
	}
	return declStmt{
		statement: statement{sql: s.SQL, source: src, offset: s.Offset, noTx: s.NoTransaction, role: role},
		hash:      stmtHash(s.SQL),
		start:     s.Start,
	}, nil
}

// splitDecl splits a whole source.
func splitDecl(src *source) ([]declStmt, error) {
	stmts, err := sqlparse.Split(src.text)
	if err != nil {
		return nil, err
	}
	out := make([]declStmt, 0, len(stmts))
	for _, s := range stmts {
		d, err := newDeclStmt(src, s)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// resplit returns the statements of src, whose previous text was oldText
// split into old, parsing only the parts of the file that changed: each
// changed run of lines, widened to the cut points between statements
// around it. ok is false when that cannot be done safely (a changed part
// that does not parse on its own, or does not end a statement where the
// file goes on); the caller then splits the whole file, which reports
// syntax errors with their position.
func resplit(src *source, oldText string, old []declStmt) (out []declStmt, ok bool) {
	if src.text == oldText {
		out = make([]declStmt, len(old))
		for i, d := range old {
			d.source = src
			out[i] = d
		}
		return out, true
	}
	a, b := strings.SplitAfter(oldText, "\n"), strings.SplitAfter(src.text, "\n")
	hunks, ok := diffSeq(a, b, 2000)
	if !ok {
		return nil, false
	}
	lineOff := func(lines []string) []int {
		offs := make([]int, len(lines)+1)
		for i, l := range lines {
			offs[i+1] = offs[i] + len(l)
		}
		return offs
	}
	ao, bo := lineOff(a), lineOff(b)
	cuts := make([]int, 0, len(old)+2)
	cuts = append(cuts, 0)
	for _, d := range old {
		cuts = append(cuts, d.start)
	}
	cuts = append(cuts, len(oldText))
	// Regions of the old text to parse again, as cut points, merged
	// when they overlap; delta is how far the new text has moved.
	type region struct{ a, b, delta0, delta1 int }
	var regions []region
	delta := 0
	for _, h := range hunks {
		oa, ob := ao[h.A0], ao[h.A1]
		d0 := delta
		delta += (bo[h.B1] - bo[h.B0]) - (ob - oa)
		ra, rb := 0, len(oldText)
		for _, c := range cuts {
			if c <= oa {
				ra = max(ra, c)
			}
			if c >= ob && c < rb {
				rb = c
			}
		}
		if n := len(regions); n > 0 && ra < regions[n-1].b {
			regions[n-1].b = max(regions[n-1].b, rb)
			regions[n-1].delta1 = delta
			continue
		}
		regions = append(regions, region{ra, rb, d0, delta})
	}
	at := 0 // index into old
	for _, r := range regions {
		for at < len(old) && old[at].start < r.a {
			d := old[at]
			d.source, d.offset, d.start = src, d.offset+r.delta0, d.start+r.delta0
			out = append(out, d)
			at++
		}
		for at < len(old) && old[at].start < r.b {
			at++
		}
		na, nb := r.a+r.delta0, r.b+r.delta1
		text := src.text[na:nb]
		stmts, err := sqlparse.Split(text)
		if err != nil {
			return nil, false
		}
		if len(stmts) > 0 && nb < len(src.text) && !sqlparse.EndsWithSemicolon(text) {
			return nil, false
		}
		for _, s := range stmts {
			s.Offset += na
			s.Start += na
			d, err := newDeclStmt(src, s)
			if err != nil {
				return nil, false
			}
			out = append(out, d)
		}
	}
	last := 0
	if len(regions) > 0 {
		last = regions[len(regions)-1].delta1
	}
	for ; at < len(old); at++ {
		d := old[at]
		d.source, d.offset, d.start = src, d.offset+last, d.start+last
		out = append(out, d)
	}
	return out, true
}
