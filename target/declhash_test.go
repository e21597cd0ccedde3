package target

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/migrate-tool/migrate/schema"
)

// TestDeclarationDigestFollowsJSON: two declarations get the same digest
// exactly when their JSON is the same, over edits of every kind of field
// the blog fixture has, and the server's cast catalog (not part of a
// declaration's JSON) does not count.
func TestDeclarationDigestFollowsJSON(t *testing.T) {
	raw, err := os.ReadFile("../decl/testdata/blog.json")
	if err != nil {
		t.Fatal(err)
	}
	load := func() *schema.Schema {
		var s schema.Schema
		if err := json.Unmarshal(raw, &s); err != nil {
			t.Fatal(err)
		}
		return &s
	}
	if len(load().Tables) == 0 || len(load().Tables[0].Columns) == 0 {
		t.Fatal("fixture has no table with columns")
	}
	edits := map[string]func(s *schema.Schema){
		"none":           func(*schema.Schema) {},
		"casts":          func(s *schema.Schema) { s.Casts = &schema.CastCatalog{} },
		"column renamed": func(s *schema.Schema) { s.Tables[0].Columns[0].Name += "x" },
		"column added": func(s *schema.Schema) {
			s.Tables[0].Columns = append(s.Tables[0].Columns, schema.Column{Name: "z", Type: "text"})
		},
		"table dropped":     func(s *schema.Schema) { s.Tables = s.Tables[1:] },
		"namespace comment": func(s *schema.Schema) { s.Namespaces[0].Comment = "changed" },
		"not managed": func(s *schema.Schema) {
			s.NotManaged = append(s.NotManaged, schema.NotManaged{Kind: "rule", Name: "r"})
		},
		"sequence added": func(s *schema.Schema) {
			s.Sequences = append(s.Sequences, schema.Sequence{QName: schema.QName{Schema: "public", Name: "s"}})
		},
		"object moved": func(s *schema.Schema) {
			s.Views = append(s.Views, schema.View{QName: s.Tables[0].QName})
		},
	}
	base := load()
	baseJSON, _ := json.Marshal(base)
	baseDigest, err := declarationDigest(base)
	if err != nil {
		t.Fatal(err)
	}
	for name, edit := range edits {
		s := load()
		edit(s)
		j, _ := json.Marshal(s)
		d, err := declarationDigest(s)
		if err != nil {
			t.Fatal(err)
		}
		if sameJSON, sameDigest := bytes.Equal(j, baseJSON), bytes.Equal(d, baseDigest); sameJSON != sameDigest {
			t.Errorf("%s: same JSON %v, same digest %v", name, sameJSON, sameDigest)
		}
	}
}
