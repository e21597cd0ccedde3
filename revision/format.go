package revision

import (
	"bytes"
	"strings"
	"time"
	"unicode"
)

// Format writes r as a revision file. Parse(path, Format(r)) gives back r's
// header fields and section texts as long as r is something Parse could
// have produced: one-line values without surrounding spaces, Created in
// UTC, and section texts that end with a newline (Format adds
// one to a non-empty text that lacks it) and hold no "-- migrate:" lines.
func Format(r *Revision) []byte {
	var b bytes.Buffer
	line := func(key, val string) {
		b.WriteString("-- " + markerPrefix + key)
		if val != "" {
			b.WriteString(" " + val)
		}
		b.WriteByte('\n')
	}
	line(keyRevision, r.ID)
	if len(r.Parents) > 0 {
		line(keyParents, strings.Join(r.Parents, " "))
	}
	if len(r.DependsOn) > 0 {
		line(keyDependsOn, strings.Join(r.DependsOn, " "))
	}
	if len(r.BranchLabels) > 0 {
		line(keyBranchLabels, strings.Join(r.BranchLabels, " "))
	}
	if r.Message != "" {
		for _, m := range strings.Split(r.Message, "\n") {
			line(keyMessage, m)
		}
	}
	if !r.Created.IsZero() {
		line(keyCreated, r.Created.UTC().Format(time.RFC3339Nano))
	}
	if !r.Transactional {
		line(keyTransaction, "false")
	}
	b.WriteByte('\n')
	line(markUpgrade, "")
	if r.Upgrade != nil {
		writeText(&b, r.Upgrade.Text)
	}
	if r.Downgrade != nil && r.Downgrade.Irreversible {
		line(markIrreversible, r.Downgrade.Reason)
	} else {
		line(markDowngrade, "")
	}
	if r.Downgrade != nil {
		writeText(&b, r.Downgrade.Text)
	}
	return b.Bytes()
}

func writeText(b *bytes.Buffer, text string) {
	b.WriteString(text)
	if text != "" && !strings.HasSuffix(text, "\n") {
		b.WriteByte('\n')
	}
}

// maxSlugLen keeps file names short enough to read in a directory listing.
const maxSlugLen = 40

// Slug turns a message into the file-name part after the id: lowercase
// letters and digits joined by '_', at most 40 bytes, cut at a word
// boundary when possible.
func Slug(message string) string {
	var b strings.Builder
	sep := false
	for _, c := range strings.ToLower(message) {
		if c < 128 && (unicode.IsLetter(c) || unicode.IsDigit(c)) {
			if sep && b.Len() > 0 {
				b.WriteByte('_')
			}
			sep = false
			b.WriteRune(c)
			continue
		}
		sep = true
	}
	s := b.String()
	if len(s) > maxSlugLen {
		cut := s[:maxSlugLen]
		if i := strings.LastIndexByte(cut, '_'); i > maxSlugLen/2 {
			cut = cut[:i]
		}
		s = strings.TrimRight(cut, "_")
	}
	return s
}

// FileName is the conventional file name of r: "<id>_<slug>.sql", or
// "<id>.sql" when the message has no letters or digits. The header, not the
// name, defines the revision's identity.
func FileName(r *Revision) string {
	if s := Slug(r.Message); s != "" {
		return r.ID + "_" + s + ".sql"
	}
	return r.ID + ".sql"
}

// NewSection returns a section holding sql laid out the way new revisions
// are written: the statements, then a blank line before the next marker.
// An empty sql gives a section with a single blank line.
func NewSection(sql string) *Section {
	sql = strings.TrimSpace(sql)
	if sql == "" {
		return &Section{Text: "\n"}
	}
	return &Section{Text: sql + "\n\n"}
}
