package revision

import (
	"bytes"
	"unicode/utf8"

	"fmt"
	"github.com/migrate-tool/migrate/internal/sqlparse"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// diffRevision describes how b differs from a in what the file format
// stores; empty when they are the same.
func diffRevision(a, b *Revision) string {
	var d []string
	check := func(field string, x, y any) {
		if fmt.Sprint(x) != fmt.Sprint(y) {
			d = append(d, fmt.Sprintf("%s: %q != %q", field, fmt.Sprint(x), fmt.Sprint(y)))
		}
	}
	check("id", a.ID, b.ID)
	check("parents", strings.Join(a.Parents, " "), strings.Join(b.Parents, " "))
	check("depends-on", strings.Join(a.DependsOn, " "), strings.Join(b.DependsOn, " "))
	check("labels", strings.Join(a.BranchLabels, " "), strings.Join(b.BranchLabels, " "))
	check("message", a.Message, b.Message)
	if !a.Created.Equal(b.Created) {
		d = append(d, fmt.Sprintf("created: %v != %v", a.Created, b.Created))
	}
	check("transactional", a.Transactional, b.Transactional)
	for _, s := range []struct {
		name string
		x, y *Section
	}{{"upgrade", a.Upgrade, b.Upgrade}, {"downgrade", a.Downgrade, b.Downgrade}} {
		if (s.x == nil) != (s.y == nil) {
			d = append(d, s.name+": presence differs")
			continue
		}
		if s.x == nil {
			continue
		}
		check(s.name+" text", s.x.Text, s.y.Text)
		check(s.name+" irreversible", s.x.Irreversible, s.y.Irreversible)
		check(s.name+" reason", s.x.Reason, s.y.Reason)
		check(s.name+" statements", len(s.x.Statements), len(s.y.Statements))
	}
	return strings.Join(d, "; ")
}

var (
	sqlLines = []string{
		"CREATE TABLE t (id int PRIMARY KEY);\n",
		"ALTER TABLE t ADD COLUMN name text;\n",
		"-- a comment; with a semicolon\n",
		"\n",
		"INSERT INTO t VALUES (1), (2);\n",
		"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\n",
		"/* block\n comment */ SELECT 'a;b';\n",
		"CREATE INDEX CONCURRENTLY t_name ON t (name);\n",
	}
	commentLines = []string{"-- cannot undo\n", "\n", "/* nothing */\n"}
	msgChars     = "abcdefghijklmnopqrstuvwxyz ABC 0123456789 _-,.:;'\"()[]!?éü✓"
)

func randID(rng *rand.Rand) string {
	if rng.IntN(4) == 0 {
		const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
		n := 1 + rng.IntN(20)
		var b strings.Builder
		for range n {
			b.WriteByte(chars[rng.IntN(len(chars))])
		}
		if ValidateID(b.String()) != nil {
			return "x" + b.String()
		}
		return b.String()
	}
	return fmt.Sprintf("%012x", rng.Uint64()&0xffffffffffff)
}

func randText(rng *rand.Rand, pool []string, max int) string {
	var b strings.Builder
	for range rng.IntN(max + 1) {
		b.WriteString(pool[rng.IntN(len(pool))])
	}
	return b.String()
}

func randMessage(rng *rand.Rand) string {
	chars := []rune(msgChars)
	var lines []string
	for range rng.IntN(3) + rng.IntN(2) {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteRune(chars[rng.IntN(len(chars))])
		}
		lines = append(lines, strings.TrimSpace(b.String()))
	}
	return strings.Join(lines, "\n")
}

func randRevision(rng *rand.Rand) *Revision {
	r := &Revision{ID: randID(rng), Transactional: rng.IntN(3) > 0, Message: randMessage(rng)}
	seen := map[string]bool{r.ID: true}
	uniq := func() string {
		for {
			id := randID(rng)
			if !seen[id] {
				seen[id] = true
				return id
			}
		}
	}
	for range rng.IntN(3) {
		r.Parents = append(r.Parents, uniq())
	}
	for range rng.IntN(2) {
		r.DependsOn = append(r.DependsOn, uniq())
	}
	for i := range rng.IntN(3) {
		r.BranchLabels = append(r.BranchLabels, fmt.Sprintf("label_%d.%d", i, rng.IntN(100)))
	}
	if rng.IntN(4) > 0 {
		r.Created = time.Unix(rng.Int64N(4e9), int64(rng.IntN(3))*int64(rng.IntN(1e9))).UTC()
	}
	pool := sqlLines
	if r.Transactional {
		pool = pool[:len(pool)-1] // CREATE INDEX CONCURRENTLY is last
	}
	r.Upgrade = &Section{Text: randText(rng, pool, 5)}
	if rng.IntN(5) == 0 {
		r.Downgrade = &Section{Text: randText(rng, commentLines, 2), Irreversible: true,
			Reason: strings.TrimSpace(randMessage(rng))}
		r.Downgrade.Reason, _, _ = strings.Cut(r.Downgrade.Reason, "\n")
	} else {
		r.Downgrade = &Section{Text: randText(rng, pool, 4)}
	}
	return r
}

// TestFormatParseProperty: for random revisions, Parse(Format(r)) == r and
// Format is a fixed point.
func TestFormatParseProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		r := randRevision(rng)
		out := Format(r)
		got, err := Parse("gen.sql", out)
		if err != nil {
			t.Fatalf("case %d: Parse(Format(r)): %v\n%s", i, err, out)
		}
		// Statement counts of the original are unknown; take them from
		// the parse so only the stored fields are compared.
		r.Upgrade.Statements, r.Downgrade.Statements = got.Upgrade.Statements, got.Downgrade.Statements
		if d := diffRevision(r, got); d != "" {
			t.Fatalf("case %d: round trip differs: %s\n%s", i, d, out)
		}
		if again := Format(got); string(again) != string(out) {
			t.Fatalf("case %d: Format(Parse(Format(r))) differs:\n%s\n---\n%s", i, out, again)
		}
		h, err := ParseHeader("gen.sql", out)
		if err != nil {
			t.Fatalf("case %d: ParseHeader: %v", i, err)
		}
		h.Upgrade, h.Downgrade = got.Upgrade, got.Downgrade
		if d := diffRevision(got, h); d != "" {
			t.Fatalf("case %d: header-only parse differs: %s", i, d)
		}
	}
}

// FuzzParse checks that Parse never panics and that whatever it accepts
// formats back to a file with the same meaning. Run it by hand:
//
//	go test -run '^$' -fuzz FuzzParse -fuzztime 60s ./revision/
func FuzzParse(f *testing.F) {
	f.Add([]byte(sampleFile))
	f.Add([]byte("-- migrate:revision aaaa\n-- migrate:upgrade\n-- migrate:irreversible why\n-- c\n"))
	f.Add([]byte("-- migrate:revision aaaa\n-- migrate:message a\n-- migrate:message\n-- migrate:upgrade\nSELECT 1;-- migrate:downgrade\n"))
	f.Add([]byte("\ufeff--migrate:revision a_b\r\n--  migrate:parents x y\r\n-- migrate:upgrade\r\nSELECT $$;$$;\r\n-- migrate:downgrade"))
	f.Add([]byte("-- migrate:revision aaaa\n-- migrate:upgrade\nCREATE TABLE t (id int);\n-- x \x00 y\nDROP TABLE t;\n-- migrate:downgrade\n"))
	f.Add([]byte("-- migrate:revision aaaa\n-- migrate:message caf\xe9\n-- migrate:upgrade\nSELECT 1;\n-- migrate:downgrade\n"))
	f.Add([]byte("-- migrate:revision aaaa\n-- migrate:upgrade\nSELECT 1;;\n/* a; */ SELECT 2 -- b\n;\n-- migrate:downgrade\nSELECT 'x\xff';\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("fuzz.sql", data)
		h, herr := ParseHeader("fuzz.sql", data)
		if err == nil && (bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data)) {
			t.Fatalf("accepted a file with a NUL byte or invalid UTF-8: %q", data)
		}
		if err != nil {
			if _, ok := err.(*FileError); !ok {
				t.Fatalf("error is %T, want *FileError: %v", err, err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error %q", err)
			}
			return
		}
		if herr != nil {
			t.Fatalf("Parse accepted what ParseHeader rejected: %v", herr)
		}
		if h.ID != r.ID || h.Message != r.Message {
			t.Fatalf("header-only parse differs")
		}
		for _, sec := range []*Section{r.Upgrade, r.Downgrade} {
			if d := droppedText(sec); d != "" {
				t.Fatalf("text dropped from a section: %s\n%q", d, sec.Text)
			}
		}
		out := Format(r)
		back, err := Parse("fuzz.sql", out)
		if err != nil {
			t.Fatalf("Parse(Format(Parse(data))): %v\n%q", err, out)
		}
		for _, s := range [][2]*Section{{r.Upgrade, back.Upgrade}, {r.Downgrade, back.Downgrade}} {
			for i := range s[0].Statements {
				if i >= len(s[1].Statements) || s[0].Statements[i].SQL != s[1].Statements[i].SQL {
					t.Fatalf("statement %d changed by the round trip\n%q\n%q", i, data, out)
				}
			}
		}
		for _, s := range [][2]*Section{{r.Upgrade, back.Upgrade}, {r.Downgrade, back.Downgrade}} {
			if s[0].Checksum() != s[1].Checksum() {
				t.Fatalf("section changed by the round trip: %q -> %q", s[0].Text, s[1].Text)
			}
			// Format adds a final newline where the file had none.
			s[1].Text = s[0].Text
		}
		if d := diffRevision(r, back); d != "" {
			t.Fatalf("round trip differs: %s\n%q\n%q", d, data, out)
		}
	})
}

// droppedText checks that a section's statements account for all of its
// text: each statement sits where its line and column say, and what lies
// between them holds no statement (only whitespace, comments and
// semicolons). It returns what is wrong, or "".
func droppedText(sec *Section) string {
	text := sec.Text
	var rest strings.Builder
	prev := 0
	for i, st := range sec.Statements {
		off := byteOffset(text, st.Line-sec.Line+1, st.Column)
		if off < prev || !strings.HasPrefix(text[off:], st.SQL) {
			return fmt.Sprintf("statement %d (%q) is not at line %d column %d", i+1, st.SQL, st.Line, st.Column)
		}
		rest.WriteString(text[prev:off])
		rest.WriteString("\n")
		prev = off + len(st.SQL)
	}
	rest.WriteString(text[prev:])
	if sec.Statements == nil && strings.TrimSpace(text) != "" && !sec.Irreversible {
		// Text-only sections are not split; nothing to account for.
		return ""
	}
	left, err := sqlparse.Split(rest.String())
	if err != nil {
		return fmt.Sprintf("text between statements does not parse: %v", err)
	}
	if len(left) > 0 {
		return fmt.Sprintf("text between statements holds %q", left[0].SQL)
	}
	return ""
}

// byteOffset converts a 1-based line and character column into a byte
// offset of text.
func byteOffset(text string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(text); c++ {
		_, size := utf8.DecodeRuneInString(text[off:])
		off += size
	}
	return off
}
