package sqlparse

import (
	"slices"
	"testing"
)

func TestEqualExpr(t *testing.T) {
	opts := NormalizeOptions{}
	tests := []struct {
		a, b string
		want bool
	}{
		{"now()", "CURRENT_TIMESTAMP", true},
		{"now()", "current_timestamp", true},
		{"transaction_timestamp()", "now()", true},
		{"CURRENT_TIMESTAMP(3)", "now()", false},
		{"pg_catalog.now()", "now()", true},
		{"0", "'0'::integer", true},
		{"-1", "'-1'::integer", true},
		{"(0)::numeric", "0", true},
		{"'x'::text", "'x'", true},
		{"'x'::character varying", "'x'::text", true},
		{"1.5", "'1.5'::numeric", true},
		{"true", "TRUE", true},
		{"NULL", "'NULL'", false},
		{"1", "2", false},
		{"nextval('public.s'::regclass)", "nextval('s')", true},
		{"nextval('app.s'::regclass)", "nextval('s')", false},
		{"lower((name)::text)", "lower(name)", true},
		{"lower(name::integer)", "lower(name)", false},
		{"(a + b)", "a+b", true},
		{"a + b", "b + a", false},
		{"x IN (1, 2)", "x = ANY (ARRAY[1, 2])", true},
		{"x NOT IN (1, 2)", "x <> ALL (ARRAY[1, 2])", true},
		{"x IN (1, 2)", "x = ANY (ARRAY[1, 3])", false},
		{"((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))", "status IN ('a', 'b')", true},
		{"((status)::text = ANY (ARRAY[('a'::character varying)::text, ('b'::character varying)::text]))", "status IN ('a', 'b')", true},
		{"x BETWEEN 1 AND 10", "x >= 1 AND x <= 10", true},
		{"x NOT BETWEEN 1 AND 10", "x < 1 OR x > 10", true},
		{"s LIKE 'a%'", "s ~~ 'a%'::text", true},
		{"s ILIKE 'a%'", "s ~~* 'a%'", true},
		{"a AND (b AND c)", "(a AND b) AND c", true},
		{"a AND (b OR c)", "(a AND b) OR c", false},
		{"'{}'::text[]", "'{}'", true},
		{"''", "''::text", true},
		{"x::int4", "x::integer", true},
		{"x::int8", "x::bigint", true},
		{"x::int8", "x::integer", false},
	}
	for _, tt := range tests {
		if got := EqualExpr(tt.a, tt.b, opts); got != tt.want {
			na, _ := NormalizeExpr(tt.a, opts)
			nb, _ := NormalizeExpr(tt.b, opts)
			t.Errorf("EqualExpr(%q, %q) = %v, want %v\n a: %s\n b: %s", tt.a, tt.b, got, tt.want, na, nb)
		}
	}
}

func TestEqualConstraintAndStatement(t *testing.T) {
	opts := NormalizeOptions{}
	if !EqualConstraint("CHECK ((price > (0)::numeric))", "CHECK (price > 0)", opts) {
		t.Error("check with cast")
	}
	if !EqualConstraint("FOREIGN KEY (a) REFERENCES public.t(id)", "FOREIGN KEY (a) REFERENCES t (id)", opts) {
		t.Error("foreign key with default schema")
	}
	if EqualConstraint("FOREIGN KEY (a) REFERENCES app.t(id)", "FOREIGN KEY (a) REFERENCES t (id)", opts) {
		t.Error("foreign key to another schema must differ")
	}
	if !EqualStatement("CREATE INDEX i ON public.t USING btree (a)", "create index i on t (a)", opts) {
		t.Error("index with default method and schema")
	}
	if EqualStatement("CREATE INDEX i ON public.t USING btree (a)", "CREATE UNIQUE INDEX i ON t (a)", opts) {
		t.Error("unique index must differ")
	}
	if EqualExpr("(", "(", opts) != true {
		t.Error("identical text is equal even when it does not parse")
	}
	if EqualExpr("(", ")", opts) {
		t.Error("unparsable texts that differ are different")
	}
	if _, err := NormalizeExpr("1 +", opts); err == nil {
		t.Error("want a syntax error")
	}
}

func TestReferences(t *testing.T) {
	rels, funcs, err := References(`SELECT a.id, public.f(b.x), lower(c.y)
		FROM public.a JOIN app.b ON true, LATERAL (SELECT * FROM c WHERE c.z IN (SELECT z FROM public.d)) c`)
	if err != nil {
		t.Fatal(err)
	}
	want := map[Name]bool{{"public", "a"}: true, {"app", "b"}: true, {"", "c"}: true, {"public", "d"}: true}
	if len(rels) != len(want) {
		t.Errorf("relations = %v", rels)
	}
	for _, r := range rels {
		if !want[r] {
			t.Errorf("unexpected relation %v", r)
		}
	}
	if !slices.Contains(funcs, Name{"public", "f"}) || !slices.Contains(funcs, Name{"", "lower"}) {
		t.Errorf("functions = %v", funcs)
	}
}

func TestArgTypes(t *testing.T) {
	a, err := ArgTypes("a integer, b text")
	if err != nil {
		t.Fatal(err)
	}
	b, err := ArgTypes("x int4, y text")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a, b) {
		t.Errorf("names should not matter: %v vs %v", a, b)
	}
	c, _ := ArgTypes("a integer, VARIADIC b text[]")
	if slices.Equal(a, c) {
		t.Error("modes and array types matter")
	}
	d, _ := ArgTypes("double precision")
	e, _ := ArgTypes("r double precision")
	if !slices.Equal(d, e) {
		t.Errorf("unnamed vs named: %v vs %v", d, e)
	}
}
