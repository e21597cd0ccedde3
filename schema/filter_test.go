package schema

import (
	"slices"
	"testing"
)

func TestFilterKeep(t *testing.T) {
	f := Filter{
		Schemas: []string{"public", "app", "audit"},
		Exclude: []string{"audit.*", "app.tmp_*", "legacy", "*.backup_?"},
	}
	tests := []struct {
		q    QName
		want bool
	}{
		{QName{"public", "users"}, true},
		{QName{"other", "users"}, false},      // schema not listed
		{QName{"audit", "events"}, false},     // audit.*
		{QName{"app", "tmp_import"}, false},   // app.tmp_*
		{QName{"public", "tmp_import"}, true}, // pattern is schema-qualified
		{QName{"public", "legacy"}, false},    // bare name: any schema
		{QName{"app", "legacy"}, false},
		{QName{"app", "legacy2"}, true},
		{QName{"app", "backup_1"}, false},
		{QName{"app", "backup_10"}, true},
	}
	for _, tt := range tests {
		if got := f.Keep(tt.q); got != tt.want {
			t.Errorf("Keep(%s) = %v, want %v", tt.q, got, tt.want)
		}
	}
	if got := f.ExcludedSchemas(); !slices.Equal(got, []string{"audit"}) {
		t.Errorf("ExcludedSchemas = %v", got)
	}
	if (Filter{}).Keep(QName{"anything", "x"}) != true {
		t.Error("the zero filter keeps everything")
	}
	all := Filter{Schemas: []string{"*"}, Exclude: []string{"audit.*"}}
	if !all.Keep(QName{"anything", "x"}) || all.Keep(QName{"audit", "events"}) {
		t.Error(`schemas = ["*"] keeps every schema but the excluded ones`)
	}
}

func TestFilterApply(t *testing.T) {
	s := &Schema{
		Namespaces: []Namespace{{Name: "public"}, {Name: "audit"}},
		Extensions: []Extension{{Name: "citext", Schema: "public"}, {Name: "hstore", Schema: "audit"}},
		Tables:     []Table{{QName: QName{"public", "users"}}, {QName: QName{"public", "old_users"}}, {QName: QName{"audit", "log"}}},
		Views:      []View{{QName: QName{"public", "v"}}},
		Functions:  []Function{{QName: QName{"public", "old_f"}}, {QName: QName{"public", "f"}}},
	}
	got := Filter{Exclude: []string{"audit.*", "old_*"}}.Apply(s)
	if len(got.Namespaces) != 1 || got.Namespaces[0].Name != "public" {
		t.Errorf("namespaces: %+v", got.Namespaces)
	}
	if len(got.Extensions) != 1 || got.Extensions[0].Name != "citext" {
		t.Errorf("extensions: %+v", got.Extensions)
	}
	if len(got.Tables) != 1 || got.Tables[0].Name != "users" {
		t.Errorf("tables: %+v", got.Tables)
	}
	if len(got.Functions) != 1 || got.Functions[0].Name != "f" {
		t.Errorf("functions: %+v", got.Functions)
	}
	if len(s.Tables) != 3 {
		t.Error("Apply modified its input")
	}
}

func TestFilterValidate(t *testing.T) {
	for _, p := range []string{"", "[", "a.b.c"} {
		if err := (Filter{Exclude: []string{p}}).Validate(); err == nil {
			t.Errorf("pattern %q: no error", p)
		}
	}
	if err := (Filter{Exclude: []string{"a.*", "x", "s.t?"}}).Validate(); err != nil {
		t.Error(err)
	}
}

// TestFilterNotManaged: what a filter leaves out on purpose is not
// reported as not managed; the rest is.
func TestFilterNotManaged(t *testing.T) {
	s := &Schema{NotManaged: []NotManaged{
		{Kind: "aggregate", Schema: "public", Name: "public.total(integer)"},
		{Kind: "rule", Schema: "audit", Name: "r ON audit.log"},
		{Kind: "cast", Name: "(text AS public.email)"},
		{Kind: "schema", Name: "audit", Objects: 2},
		{Kind: "schema", Name: "billing", Objects: 1},
	}}
	got := Filter{Schemas: []string{"public"}, Exclude: []string{"audit.*"}}.Apply(s).NotManaged
	var names []string
	for _, n := range got {
		names = append(names, n.String())
	}
	want := []string{"aggregate public.total(integer)", "cast (text AS public.email)", "schema billing (1 object)"}
	if !slices.Equal(names, want) {
		t.Errorf("not managed after the filter = %q, want %q", names, want)
	}
}
