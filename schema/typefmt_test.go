package schema

import "testing"

func TestFormatType(t *testing.T) {
	qualify := func(name string) string {
		if name == "status" {
			return "app"
		}
		return ""
	}
	tests := []struct{ in, want string }{
		{"int", "integer"},
		{"int4", "integer"},
		{"INTEGER", "integer"},
		{"pg_catalog.int4", "integer"},
		{"int8", "bigint"},
		{"int2", "smallint"},
		{"varchar(100)", "character varying(100)"},
		{"character varying", "character varying"},
		{"char(3)", "character(3)"},
		{"char", "character(1)"},
		{"bpchar", "bpchar"},
		{`"char"`, `"char"`},
		{"timestamptz", "timestamp with time zone"},
		{"timestamp(3)", "timestamp(3) without time zone"},
		{"timestamp(9) with time zone", "timestamp(6) with time zone"},
		{"timetz(2)", "time(2) with time zone"},
		{"interval day to second(3)", "interval day to second(3)"},
		{"interval(2)", "interval(2)"},
		{"interval year to month", "interval year to month"},
		{"bool", "boolean"},
		{"float", "double precision"},
		{"float(10)", "real"},
		{"float8", "double precision"},
		{"decimal(10,2)", "numeric(10,2)"},
		{"numeric(5)", "numeric(5,0)"},
		{"bit", "bit(1)"},
		{"varbit(4)", "bit varying(4)"},
		{"int[]", "integer[]"},
		{"integer[][]", "integer[]"},
		{"int array", "integer[]"},
		{"text", "text"},
		{"status", "app.status"},
		{"status[]", "app.status[]"},
		{"citext", "public.citext"},
		{"Billing.Invoice", "billing.invoice"},
		{`"Billing"."Invoice"`, `"Billing"."Invoice"`},
		{"vector(3)", "public.vector(3)"},
	}
	for _, tt := range tests {
		got, err := FormatType(tt.in, qualify)
		if err != nil {
			t.Errorf("FormatType(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("FormatType(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, bad := range []string{"", "int, text", "int COLLATE \"C\"", "text(3)", "varchar(0)", "numeric(2000)", "a.b.c", "int; DROP TABLE x"} {
		if got, err := FormatType(bad, nil); err == nil {
			t.Errorf("FormatType(%q) = %q, want an error", bad, got)
		}
	}
}

func TestSerialType(t *testing.T) {
	for in, want := range map[string]string{"serial": "integer", "SERIAL4": "integer", "bigserial": "bigint", "serial8": "bigint", "smallserial": "smallint", "serial2": "smallint",
		`"serial"`: "integer", `pg_catalog.bigserial`: "bigint", `U&"\0073erial"`: "integer", ` BigSerial `: "bigint"} {
		got, ok := SerialType(in)
		if !ok || got != want {
			t.Errorf("SerialType(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"int", "serial[]", "public.serial", "text", "varchar(40)", `U&"\0074ext"`, "serial(4)"} {
		if _, ok := SerialType(in); ok {
			t.Errorf("SerialType(%q) reports a serial type", in)
		}
	}
}
