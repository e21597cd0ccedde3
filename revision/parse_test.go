package revision

import (
	"errors"
	"strings"
	"testing"
	"time"
)

const sampleFile = `-- migrate:revision 3f2a9c1b7d4e
-- migrate:parents 1a2b3c4d5e6f
-- migrate:message add avatar_url to users
-- migrate:created 2026-11-25T10:00:00Z
-- migrate:depends-on 9e8d7c6b5a40
-- migrate:branch-labels billing
-- migrate:transaction false
-- a free comment in the header

-- migrate:upgrade
ALTER TABLE users ADD COLUMN avatar_url varchar(500);
CREATE INDEX CONCURRENTLY users_avatar ON users (avatar_url);

-- migrate:downgrade
ALTER TABLE users DROP COLUMN avatar_url;
`

func TestParseSample(t *testing.T) {
	r, err := Parse("v/x.sql", []byte(sampleFile))
	if err != nil {
		t.Fatal(err)
	}
	if r.ID != "3f2a9c1b7d4e" || strings.Join(r.Parents, ",") != "1a2b3c4d5e6f" ||
		r.Message != "add avatar_url to users" || strings.Join(r.DependsOn, ",") != "9e8d7c6b5a40" ||
		strings.Join(r.BranchLabels, ",") != "billing" || r.Transactional {
		t.Errorf("header parsed wrong: %+v", r)
	}
	if want := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC); !r.Created.Equal(want) {
		t.Errorf("created = %v", r.Created)
	}
	if r.Upgrade.Line != 11 || len(r.Upgrade.Statements) != 2 {
		t.Fatalf("upgrade = %+v", r.Upgrade)
	}
	if st := r.Upgrade.Statements[1]; st.Line != 12 || st.Column != 1 || !strings.HasPrefix(st.SQL, "CREATE INDEX CONCURRENTLY") {
		t.Errorf("statement 2 = %+v", st)
	}
	if r.Downgrade.Line != 15 || len(r.Downgrade.Statements) != 1 || r.Downgrade.Statements[0].Line != 15 {
		t.Errorf("downgrade = %+v", r.Downgrade)
	}
	if r.Lines[keyDependsOn] != 5 || r.Lines[markDowngrade] != 14 {
		t.Errorf("lines = %v", r.Lines)
	}
	h, err := ParseHeader("v/x.sql", []byte(sampleFile))
	if err != nil {
		t.Fatal(err)
	}
	if h.Upgrade != nil || h.Downgrade != nil || h.ID != r.ID {
		t.Errorf("header-only parse = %+v", h)
	}
}

func TestParseIrreversible(t *testing.T) {
	src := "-- migrate:revision aaaa\n-- migrate:upgrade\nDROP TABLE t;\n-- migrate:irreversible the data is gone\n-- nothing to do\n"
	r, err := Parse("f.sql", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !r.Downgrade.Irreversible || r.Downgrade.Reason != "the data is gone" {
		t.Errorf("downgrade = %+v", r.Downgrade)
	}
	if got := string(Format(r)); !strings.Contains(got, "-- migrate:irreversible the data is gone\n-- nothing to do\n") {
		t.Errorf("Format lost the marker:\n%s", got)
	}
}

func TestParseMultilineMessage(t *testing.T) {
	src := "-- migrate:revision aaaa\n-- migrate:message first\n-- migrate:message\n-- migrate:message third\n-- migrate:upgrade\n-- migrate:downgrade\n"
	r, err := Parse("f.sql", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if r.Message != "first\n\nthird" || r.Lines[keyMessage] != 2 {
		t.Errorf("message = %q line %d", r.Message, r.Lines[keyMessage])
	}
}

func TestParseErrors(t *testing.T) {
	const ok = "-- migrate:upgrade\n-- migrate:downgrade\n"
	tests := []struct {
		name, src, want string
	}{
		{"unknown key", "-- migrate:revision aaaa\n-- migrate:parent bbbb\n" + ok,
			"f.sql:2: unknown header key -- migrate:parent (known: revision, parents, message, created, depends-on, branch-labels, transaction)"},
		{"missing revision", "-- migrate:parents bbbb\n" + ok,
			"f.sql:1: missing -- migrate:revision line: a revision file starts with -- migrate:revision <id>"},
		{"not a revision", "CREATE TABLE t (id int);\n",
			"f.sql:1: unexpected text before -- migrate:upgrade: the header holds only -- migrate:<key> <value> lines and comments"},
		{"empty file", "", "f.sql:1: missing -- migrate:revision line"},
		{"duplicate key", "-- migrate:revision aaaa\n-- migrate:revision bbbb\n" + ok,
			"f.sql:2: duplicate -- migrate:revision line (first at line 1)"},
		{"bad id", "-- migrate:revision ab-cd\n" + ok, `f.sql:1: revision id "ab-cd" has character '-'`},
		{"reserved id", "-- migrate:revision head\n" + ok, `f.sql:1: revision id "head" is a reserved word`},
		{"bad created", "-- migrate:revision aaaa\n-- migrate:created yesterday\n" + ok,
			`f.sql:2: -- migrate:created "yesterday": want an RFC 3339 time`},
		{"bad transaction", "-- migrate:revision aaaa\n-- migrate:transaction no\n" + ok,
			`f.sql:2: -- migrate:transaction "no": want true or false`},
		{"bad label", "-- migrate:revision aaaa\n-- migrate:branch-labels 1x\n" + ok,
			`f.sql:2: branch label "1x" must start with a letter or _`},
		{"self parent", "-- migrate:revision aaaa\n-- migrate:parents aaaa\n" + ok,
			"f.sql:1: revision aaaa names itself as a parent or dependency"},
		{"parent and dependency", "-- migrate:revision aaaa\n-- migrate:parents bbbb\n-- migrate:depends-on bbbb\n" + ok,
			"f.sql:3: bbbb is both a parent and a dependency"},
		{"no upgrade", "-- migrate:revision aaaa\n", "f.sql:1: no -- migrate:upgrade section"},
		{"no downgrade", "-- migrate:revision aaaa\n-- migrate:upgrade\nSELECT 1;\n", "f.sql:3: no -- migrate:downgrade section"},
		{"duplicate upgrade", "-- migrate:revision aaaa\n-- migrate:upgrade\n-- migrate:upgrade\n-- migrate:downgrade\n",
			"f.sql:3: duplicate -- migrate:upgrade section (first at line 2)"},
		{"duplicate downgrade", "-- migrate:revision aaaa\n" + ok + "-- migrate:downgrade\n",
			"f.sql:4: duplicate downgrade section (first at line 3)"},
		{"downgrade first", "-- migrate:revision aaaa\n-- migrate:downgrade\n-- migrate:upgrade\n",
			"f.sql:2: -- migrate:downgrade before -- migrate:upgrade"},
		{"header in body", "-- migrate:revision aaaa\n-- migrate:upgrade\n-- migrate:message late\n-- migrate:downgrade\n",
			"f.sql:3: header line -- migrate:message after the sections start"},
		{"unknown marker", "-- migrate:revision aaaa\n-- migrate:upgrade\n-- migrate:sideways\n-- migrate:downgrade\n",
			"f.sql:3: unknown marker -- migrate:sideways"},
		{"syntax error", "-- migrate:revision aaaa\n-- migrate:upgrade\nSELECT 1;\n\nCREATE TABLE t (id int,,);\n-- migrate:downgrade\n",
			`f.sql:5:24: syntax error in upgrade section: syntax error at or near ","`},
		{"syntax error in downgrade", "-- migrate:revision aaaa\n" + ok + "  DROP TABLEE t;\n",
			`f.sql:4:8: syntax error in downgrade section: syntax error at or near "TABLEE"`},
		{"sql in irreversible", "-- migrate:revision aaaa\n-- migrate:upgrade\n-- migrate:irreversible\n\nDROP TABLE t;\n",
			"f.sql:5: SQL in an irreversible downgrade section"},
		{"concurrently in a transaction", "-- migrate:revision aaaa\n-- migrate:upgrade\nCREATE INDEX CONCURRENTLY i ON t (a);\n-- migrate:downgrade\n",
			"f.sql:3:1: CREATE INDEX CONCURRENTLY cannot run inside a transaction: add -- migrate:transaction false to the header"},
		{"downgrade with value", "-- migrate:revision aaaa\n-- migrate:upgrade\n-- migrate:downgrade never\n",
			"f.sql:3: -- migrate:downgrade takes no value (did you mean -- migrate:irreversible never?)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.sql", []byte(tt.src))
			if err == nil {
				t.Fatalf("Parse succeeded, want %q", tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error:\n got %s\nwant %s", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("multi-line error %q", err)
			}
			var fe *FileError
			if !errors.As(err, &fe) || fe.Line == 0 {
				t.Errorf("error %T has no line", err)
			}
		})
	}
}

func TestHeaderOnlySkipsBodies(t *testing.T) {
	// A body the SQL parser rejects does not matter to header-only reading.
	src := "-- migrate:revision aaaa\n-- migrate:upgrade\nTHIS IS NOT SQL\n-- migrate:downgrade\n"
	if _, err := ParseHeader("f.sql", []byte(src)); err != nil {
		t.Fatalf("ParseHeader: %v", err)
	}
	if _, err := Parse("f.sql", []byte(src)); err == nil {
		t.Fatal("Parse accepted invalid SQL")
	}
}

func TestChecksum(t *testing.T) {
	a := &Section{Text: "SELECT 1;\n\n"}
	b := &Section{Text: "\r\nSELECT 1;\r\n"}
	c := &Section{Text: "SELECT 2;\n"}
	if a.Checksum() != b.Checksum() {
		t.Error("checksum depends on surrounding whitespace or line endings")
	}
	if a.Checksum() == c.Checksum() {
		t.Error("checksum ignores the SQL")
	}
	if len(a.Checksum()) != 64 {
		t.Errorf("checksum %q is not hex sha256", a.Checksum())
	}
}

func TestNewIDAndSlug(t *testing.T) {
	id := NewID()
	if len(id) != 12 || strings.Trim(id, "0123456789abcdef") != "" {
		t.Errorf("NewID() = %q", id)
	}
	if err := ValidateID(id); err != nil {
		t.Error(err)
	}
	for in, want := range map[string]string{
		"Add avatar_url to Users!":  "add_avatar_url_to_users",
		"  ":                        "",
		"émoji ✓ ok":                "moji_ok",
		strings.Repeat("word ", 20): "word_word_word_word_word_word_word_word",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	r := &Revision{ID: "abc", Message: "hello world"}
	if FileName(r) != "abc_hello_world.sql" {
		t.Errorf("FileName = %q", FileName(r))
	}
}
