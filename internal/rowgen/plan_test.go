package rowgen

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/migrate-tool/migrate/autogen"
	"github.com/migrate-tool/migrate/schema"
)

func TestParseChecks(t *testing.T) {
	tests := []struct {
		def, col string
		want     cons
	}{
		{"CHECK ((price > (0)::numeric))", "price", cons{hasMin: true, min: 5e-324}},
		{"CHECK (((n >= 1) AND (n <= 10)))", "n", cons{hasMin: true, min: 1, hasMax: true, max: 10}},
		{"CHECK ((status = ANY (ARRAY['a'::text, 'b'::text])))", "status", cons{hasAllowed: true, allowed: []string{"a", "b"}}},
		{"CHECK ((name <> ''::text))", "name", cons{minLen: 1}},
		{"CHECK ((char_length(code) <= 10))", "code", cons{maxLen: 10}},
		{"CHECK ((s ~~ 'a%'::text))", "s", cons{like: []string{"a%"}}},
		{"CHECK ((VALUE > 0))", "value", cons{hasMin: true, min: 5e-324}},
		{"CHECK ((currency = upper(currency)))", "currency", cons{upper: true}},
		{"CHECK ((a < b))", "a", cons{}},
	}
	for _, tt := range tests {
		got := parseChecks(tt.def)[tt.col]
		if got.hasMin != tt.want.hasMin || got.min != tt.want.min || got.hasMax != tt.want.hasMax || got.max != tt.want.max ||
			!slices.Equal(got.allowed, tt.want.allowed) || got.minLen != tt.want.minLen || got.maxLen != tt.want.maxLen ||
			!slices.Equal(got.like, tt.want.like) || got.upper != tt.want.upper {
			t.Errorf("%s: got %+v, want %+v", tt.def, got, tt.want)
		}
	}
}

func TestResolveTypes(t *testing.T) {
	s := &schema.Schema{
		Enums:   []schema.Enum{{QName: schema.QName{Schema: "public", Name: "st"}, Values: []string{"a", "b"}}},
		Domains: []schema.Domain{{QName: schema.QName{Schema: "public", Name: "pos"}, Type: "integer", Checks: []schema.DomainCheck{{Name: "c", Definition: "CHECK ((VALUE > 0))"}}}},
	}
	r := newResolver(s, nil)
	tests := []struct {
		typ  string
		kind kind
	}{
		{"character varying(32)", kText}, {"numeric(10,2)", kNumeric}, {"integer[]", kArray},
		{"timestamp(3) with time zone", kTimestamp}, {"public.st", kEnum}, {"public.pos", kDomain},
		{"public.st[]", kArray}, {"jsonb", kJSON}, {"int4range", kRange}, {"public.nope", kUnknown},
	}
	for _, tt := range tests {
		if got := r.resolve(tt.typ).kind; got != tt.kind {
			t.Errorf("%s: kind %d, want %d", tt.typ, got, tt.kind)
		}
	}
	if sp := r.resolve("character varying(32)"); sp.maxLen != 32 {
		t.Errorf("varchar(32): maxLen %d", sp.maxLen)
	}
	if sp := r.resolve("numeric(10,2)"); sp.prec != 10 || sp.scale != 2 {
		t.Errorf("numeric(10,2): %d,%d", sp.prec, sp.scale)
	}
	if c, _ := r.resolve("public.pos").domainCons(); !c.hasMin {
		t.Errorf("domain check not read: %+v", c)
	}
}

// A table with the kinds of columns the generator must respect.
func sampleSchema() *schema.Schema {
	q := func(n string) schema.QName { return schema.QName{Schema: "public", Name: n} }
	return &schema.Schema{
		Enums: []schema.Enum{{QName: q("st"), Values: []string{"draft", "live"}}},
		Tables: []schema.Table{
			{QName: q("child"), Columns: []schema.Column{
				{Name: "id", Type: "integer", NotNull: true, Default: "nextval('public.child_id_seq'::regclass)"},
				{Name: "parent_id", Type: "bigint", NotNull: true},
				{Name: "up", Type: "integer"},
			}, Constraints: []schema.Constraint{
				{Name: "child_pkey", Type: schema.PrimaryKey, Columns: []string{"id"}},
				{Name: "child_parent_fkey", Type: schema.ForeignKey, Columns: []string{"parent_id"}, RefTable: ptr(q("parent")), RefColumns: []string{"id"}},
				{Name: "child_up_fkey", Type: schema.ForeignKey, Columns: []string{"up"}, RefTable: ptr(q("child")), RefColumns: []string{"id"}},
			}},
			{QName: q("parent"), Columns: []schema.Column{
				{Name: "id", Type: "bigint", NotNull: true},
				{Name: "code", Type: "character varying(8)", NotNull: true},
				{Name: "note", Type: "text"},
				{Name: "st", Type: "public.st", NotNull: true},
				{Name: "price", Type: "numeric(6,2)"},
			}, Constraints: []schema.Constraint{
				{Name: "parent_pkey", Type: schema.PrimaryKey, Columns: []string{"id"}},
				{Name: "parent_code_key", Type: schema.Unique, Columns: []string{"code"}},
				{Name: "parent_price_check", Type: schema.Check, Definition: "CHECK ((price > (0)::numeric))"},
			}},
		},
	}
}

func ptr[T any](v T) *T { return &v }

func TestPlanOrderAndRows(t *testing.T) {
	p := NewPlan(sampleSchema(), Options{Seed: 7, Rows: 40})
	var order []string
	for _, tp := range p.Tables {
		order = append(order, tp.Name.Name)
	}
	if !slices.Equal(order, []string{"parent", "child"}) {
		t.Fatalf("fill order %v: parents first", order)
	}
	parent, child := p.Tables[0], p.Tables[1]
	if cols := child.Columns(); slices.Contains(cols, "id") {
		t.Errorf("serial column in the INSERT list %v: the database must fill it", cols)
	}
	for i := 0; i < parent.Rows; i++ {
		row, ok := parent.Row(i, nil)
		if !ok {
			t.Fatalf("row %d refused", i)
		}
		if again, _ := parent.Row(i, nil); row != again {
			t.Fatalf("row %d not deterministic:\n%s\n%s", i, row, again)
		}
		if strings.HasPrefix(row, "(NULL") {
			t.Errorf("row %d: NULL primary key: %s", i, row)
		}
	}
	// hostile rows hold texts longer than common narrowed lengths
	ni := parent.colIndex("note")
	long := false
	for i := 0; i < parent.Rows; i++ {
		cp := parent.cols[ni]
		v, _ := value(cp.typ, cp.cs, cell{rng: parent.rng(ni, i), row: i, col: ni, hostile: true})
		long = long || utf8.RuneCountInString(v) >= 45
	}
	if !long {
		t.Errorf("no hostile long value in %d rows of a text column", parent.Rows)
	}
	if _, ok := child.Row(0, Keys{}); ok {
		t.Errorf("a child row without parent keys must be refused (NOT NULL foreign key)")
	}
	row, ok := child.Row(3, Keys{"public.parent(id)": {{"5"}, {"6"}}, "public.child(id)": {{"1"}}})
	if !ok || !strings.Contains(row, "'5'") && !strings.Contains(row, "'6'") {
		t.Errorf("child row does not reference a parent key: %s", row)
	}
}

func TestValuesRespectConstraints(t *testing.T) {
	s := sampleSchema()
	p := NewPlan(s, Options{Seed: 1, Rows: 200})
	tp := p.Tables[0]
	code, price, st := tp.colIndex("code"), tp.colIndex("price"), tp.colIndex("st")
	seen := map[string]bool{}
	for i := 0; i < tp.Rows; i++ {
		for ci, cp := range tp.cols {
			if ci != code && ci != price && ci != st {
				continue
			}
			v, ok := value(cp.typ, cp.cs, cell{rng: tp.rng(ci, i), row: i, col: ci, unique: cp.unique, hostile: true})
			if !ok {
				t.Fatalf("%s row %d: no value", cp.name, i)
			}
			switch ci {
			case code:
				if utf8.RuneCountInString(v) > 8 {
					t.Errorf("code %q longer than varchar(8)", v)
				}
				if seen[v] {
					t.Errorf("unique code %q repeated", v)
				}
				seen[v] = true
			case price:
				if strings.HasPrefix(v, "-") || strings.Trim(v, "0.") == "" {
					t.Errorf("price %q violates CHECK (price > 0)", v)
				}
				if whole, _, _ := strings.Cut(v, "."); len(whole) > 4 {
					t.Errorf("price %q does not fit numeric(6,2)", v)
				}
			case st:
				if v != "draft" && v != "live" {
					t.Errorf("enum value %q", v)
				}
			}
		}
	}
}

func TestCompatibleRowsFitTarget(t *testing.T) {
	old := sampleSchema()
	tgt := sampleSchema()
	tgt.Tables[1].Columns[2].Type = "character varying(5)" // note: text -> varchar(5)
	tgt.Tables[1].Columns[1].Type = "integer"              // code: varchar(8) -> integer
	p := NewPlan(old, Options{Seed: 3, Rows: 100, Target: tgt})
	tp := p.Tables[0]
	for i := 0; i < tp.Rows; i++ {
		for _, name := range []string{"note", "code"} {
			ci := tp.colIndex(name)
			cp := tp.cols[ci]
			v, ok := value(cp.typ, cp.cs, cell{rng: tp.rng(ci, i), row: i, col: ci, unique: cp.unique})
			if !ok {
				continue
			}
			if name == "note" && utf8.RuneCountInString(v) > 5 {
				t.Errorf("note %q does not fit the target's varchar(5)", v)
			}
			if name == "code" && strings.Trim(v, "-0123456789") != "" {
				t.Errorf("code %q does not convert to the target's integer", v)
			}
		}
	}
}

func TestAnalyze(t *testing.T) {
	loss := []autogen.Hazard{{Kind: autogen.HazardDataLoss, Message: "gone"}}
	eff, err := Analyze([]autogen.Statement{
		{SQL: "ALTER TABLE public.customers RENAME TO clients"},
		{SQL: "ALTER TABLE public.clients RENAME COLUMN nm TO name"},
		{SQL: "ALTER SEQUENCE public.customers_n_seq RENAME TO clients_n_seq"},
		{SQL: "ALTER TABLE public.clients DROP COLUMN legacy", Hazards: loss},
		{SQL: "DROP TABLE public.old_stuff", Hazards: loss},
		{SQL: "ALTER TABLE app.events SET SCHEMA audit"},
		{SQL: "ALTER TABLE public.clients DROP COLUMN other"}, // no hazard: covers nothing
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	q := func(s, n string) schema.QName { return schema.QName{Schema: s, Name: n} }
	if got := eff.Mapping.Table(q("public", "customers")); got != q("public", "clients") {
		t.Errorf("table mapping: %v", got)
	}
	if got := eff.Mapping.Table(q("app", "events")); got != q("audit", "events") {
		t.Errorf("schema move: %v", got)
	}
	if got := eff.Mapping.Column(q("public", "customers"), "nm"); got != "name" {
		t.Errorf("column mapping: %v", got)
	}
	if got := eff.Mapping.Sequence(q("public", "customers_n_seq")); got != q("public", "clients_n_seq") {
		t.Errorf("sequence mapping: %v", got)
	}
	want := []string{"column public.customers.legacy", "table public.old_stuff"}
	if got := eff.Covered.Describe(); !slices.Equal(got, want) {
		t.Errorf("covered %v, want %v (by their old names)", got, want)
	}
}

func TestSectionStatements(t *testing.T) {
	stmts := []autogen.Statement{
		{SQL: "ALTER TABLE public.t DROP COLUMN c", Hazards: []autogen.Hazard{{Kind: autogen.HazardDataLoss, Message: "dropping column public.t.c deletes its data"}}},
		{SQL: "CREATE INDEX i ON public.t (a)"},
	}
	got, err := SectionStatements(autogen.Render(stmts))
	if err != nil {
		t.Fatal(err)
	}
	// Render writes the hazards Annotate gives (with their lint rule ids);
	// they are read back as written.
	want := autogen.Annotate(stmts)
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if !slices.Equal(got[i].Hazards, want[i].Hazards) || got[i].SQL != want[i].SQL {
			t.Errorf("statement %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if got[0].Hazards[0].Kind != autogen.HazardDataLoss || got[0].Hazards[0].Rule != "drop-column" {
		t.Errorf("drop column hazard read back as %+v", got[0].Hazards[0])
	}
}
func TestPartitionRoutes(t *testing.T) {
	q := func(n string) schema.QName { return schema.QName{Schema: "public", Name: n} }
	s := &schema.Schema{Tables: []schema.Table{
		{QName: q("m"), PartitionKey: "RANGE (at)", Columns: []schema.Column{{Name: "at", Type: "date"}}},
		{QName: q("m_2024"), PartitionOf: ptr(q("m")), PartitionBound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"},
		{QName: q("m_min"), PartitionOf: ptr(q("m")), PartitionBound: "FOR VALUES FROM (MINVALUE) TO ('2000-01-01')"},
		{QName: q("m_list"), PartitionOf: ptr(q("m")), PartitionBound: "FOR VALUES IN ('2030-01-01')"},
		{QName: q("m_def"), PartitionOf: ptr(q("m")), PartitionBound: "DEFAULT"},
	}}
	rs := routes(s, &s.Tables[0])
	var got []string
	for _, r := range rs {
		got = append(got, r["at"])
	}
	slices.Sort(got)
	if want := []string{"", "2024-01-01", "2030-01-01"}; !slices.Equal(got, want) {
		t.Errorf("routes %v, want %v (MINVALUE left out, DEFAULT any)", got, want)
	}
}

func TestWentBack(t *testing.T) {
	tests := []struct {
		name          string
		before, after SeqState
		want          bool
	}{
		{"advanced", SeqState{LastValue: 200, IsCalled: true, Increment: 1, Next: 201}, SeqState{Increment: 1, Next: 201}, false},
		{"reset", SeqState{LastValue: 200, IsCalled: true, Increment: 1, Next: 201}, SeqState{Increment: 1, Next: 1}, true},
		{"reissues the last value", SeqState{LastValue: 200, IsCalled: true, Increment: 1, Next: 201}, SeqState{Increment: 1, Next: 200}, true},
		{"smaller increment", SeqState{LastValue: 2090, IsCalled: true, Increment: 10, Next: 2100}, SeqState{Increment: 1, Next: 2091}, false},
		{"never called, start kept", SeqState{Increment: 1, Next: 5}, SeqState{Increment: 1, Next: 5}, false},
		{"descending", SeqState{LastValue: -10, IsCalled: true, Increment: -1, Next: -11}, SeqState{Increment: -1, Next: -1}, true},
	}
	for _, tt := range tests {
		if got := wentBack(tt.before, tt.after); got != tt.want {
			t.Errorf("%s: wentBack = %v", tt.name, got)
		}
	}
}

func TestOverlappingForeignKeysAgree(t *testing.T) {
	q := func(n string) schema.QName { return schema.QName{Schema: "public", Name: n} }
	s := &schema.Schema{Tables: []schema.Table{{QName: q("shops"),
		Columns: []schema.Column{{Name: "id", Type: "integer", NotNull: true}, {Name: "region_id", Type: "integer"}, {Name: "region_code", Type: "text"}},
		Constraints: []schema.Constraint{
			{Name: "shops_pkey", Type: schema.PrimaryKey, Columns: []string{"id"}},
			{Name: "a_region_fkey", Type: schema.ForeignKey, Columns: []string{"region_id"}, RefTable: ptr(q("regions")), RefColumns: []string{"id"}},
			{Name: "b_region_code_fkey", Type: schema.ForeignKey, Columns: []string{"region_id", "region_code"}, RefTable: ptr(q("regions")), RefColumns: []string{"id", "code"}},
		}}}}
	tp := NewPlan(s, Options{Seed: 1, Rows: 20}).Tables[0]
	keys := Keys{"public.regions(id)": {{"1"}, {"2"}, {"3"}}, "public.regions(id,code)": {{"1", "a"}, {"2", "b"}, {"3", "c"}}}
	pairs := map[string]string{"'1'": "'a'", "'2'": "'b'", "'3'": "'c'"}
	for i := 0; i < tp.Rows; i++ {
		row, ok := tp.Row(i, keys)
		if !ok {
			t.Fatalf("row %d refused", i)
		}
		f := strings.Split(strings.Trim(row, "()"), ", ")
		if f[1] != "NULL" && pairs[f[1]] != f[2] {
			t.Errorf("row %d: region_id %s with region_code %s matches no region", i, f[1], f[2])
		}
	}
}

func TestQuoteElementLikeOutput(t *testing.T) {
	tests := []struct{ in, array, record string }{
		{"abc", "abc", "abc"},
		{"a b", `"a b"`, `"a b"`},
		{"", `""`, `""`},
		{`a"b`, `"a\"b"`, `"a""b"`},
		{"a,b", `"a,b"`, `"a,b"`},
		{"{x}", `"{x}"`, "{x}"},
		{"(x)", "(x)", `"(x)"`},
	}
	for _, tt := range tests {
		if got := quoteElement(tt.in, `{}",\`, false, arrayEscapes); got != tt.array {
			t.Errorf("array element %q: %s, want %s", tt.in, got, tt.array)
		}
		if got := quoteElement(tt.in, `(),"\`, false, recordEscapes); got != tt.record {
			t.Errorf("record field %q: %s, want %s", tt.in, got, tt.record)
		}
	}
}
