package sqlparse

import "testing"

// Function and type names compare by what they resolve to in catalog text
// (printed with an empty search_path): unqualified is pg_catalog.
func TestEqualExprFunctionIdentity(t *testing.T) {
	opts := NormalizeOptions{}
	tests := []struct {
		a, b string
		want bool
	}{
		{"gen_random_uuid()", "public.gen_random_uuid()", false},
		{"gen_random_uuid()", "pg_catalog.gen_random_uuid()", true},
		{"public.f(x)", "public.f(x)", true},
		{"public.f(x)", "app.f(x)", false},
		{"public.now()", "now()", false},
		{"x::public.text", "x::text", false},
		{"x::pg_catalog.int4", "x::integer", true},
		{"nextval('public.s'::regclass)", "nextval('s')", true},
	}
	for _, tt := range tests {
		if got := EqualExpr(tt.a, tt.b, opts); got != tt.want {
			t.Errorf("EqualExpr(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	if EqualStatement("CREATE INDEX i ON public.t USING btree (public.lower2(a))", "CREATE INDEX i ON public.t USING btree (lower2(a))", opts) {
		t.Error("index expressions calling public.lower2 and lower2 must differ")
	}
	if EqualConstraint("CHECK ((public.valid(a)))", "CHECK (valid(a))", opts) {
		t.Error("checks calling public.valid and valid must differ")
	}
}

func TestRenameColumn(t *testing.T) {
	local := ColumnRename{Old: "mail", New: "email", Local: true}
	tests := []struct {
		name string
		f    func(string, ColumnRename) (string, error)
		def  string
		r    ColumnRename
		want string // compared normalized
	}{
		{"index keys, include, expression, predicate", RenameColumnInIndex,
			"CREATE UNIQUE INDEX i ON public.u USING btree (mail, lower(mail)) INCLUDE (mail) WHERE (mail <> ''::text)", local,
			"CREATE UNIQUE INDEX i ON public.u USING btree (email, lower(email)) INCLUDE (email) WHERE (email <> ''::text)"},
		{"unique", RenameColumnInConstraint, "UNIQUE (mail)", local, "UNIQUE (email)"},
		{"check", RenameColumnInConstraint, "CHECK ((mail <> ''::text))", local, "CHECK ((email <> ''::text))"},
		{"foreign key, local side only", RenameColumnInConstraint,
			"FOREIGN KEY (mail) REFERENCES public.o(mail)", local, "FOREIGN KEY (email) REFERENCES public.o(mail)"},
		{"foreign key, referenced side only", RenameColumnInConstraint,
			"FOREIGN KEY (mail) REFERENCES public.u(mail)", ColumnRename{Old: "mail", New: "email", Referenced: true},
			"FOREIGN KEY (mail) REFERENCES public.u(email)"},
		{"exclusion", RenameColumnInConstraint, "EXCLUDE USING gist (mail WITH =) WHERE ((mail IS NOT NULL))", local,
			"EXCLUDE USING gist (email WITH =) WHERE ((email IS NOT NULL))"},
		{"generated", RenameColumnInExpr, "(mail || '@')", local, "(email || '@')"},
		{"partition key", RenameColumnInPartitionKey, "RANGE (mail)", local, "RANGE (email)"},
		{"trigger", RenameColumnInTrigger,
			"CREATE TRIGGER tr BEFORE UPDATE OF mail ON public.u FOR EACH ROW WHEN ((old.mail IS DISTINCT FROM new.mail)) EXECUTE FUNCTION public.f()", local,
			"CREATE TRIGGER tr BEFORE UPDATE OF email ON public.u FOR EACH ROW WHEN ((old.email IS DISTINCT FROM new.email)) EXECUTE FUNCTION public.f()"},
		{"untouched keeps its text", RenameColumnInConstraint, "CHECK ((a > 0))", local, "CHECK ((a > 0))"},
	}
	for _, tt := range tests {
		got, err := tt.f(tt.def, tt.r)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		eq := EqualStatement
		switch tt.name {
		case "unique", "check", "foreign key, local side only", "foreign key, referenced side only", "exclusion", "untouched keeps its text":
			eq = EqualConstraint
		case "generated":
			eq = EqualExpr
		case "partition key":
			got, tt.want = PartitionKeyPrefix+got, PartitionKeyPrefix+tt.want
		}
		if !eq(got, tt.want, NormalizeOptions{}) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	if got, _ := RenameColumnInConstraint("CHECK ((a > 0))", local); got != "CHECK ((a > 0))" {
		t.Errorf("a definition without the column must come back as it was, got %q", got)
	}
}
