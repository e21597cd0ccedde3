package config

import "testing"

func TestExpand(t *testing.T) {
	vars := map[string]string{"A": "a", "EMPTY": "", "URL": "postgres://u@h/db", "NESTED": "${A}"}
	lookup := func(name string) (string, bool) {
		v, ok := vars[name]
		return v, ok
	}
	tests := []struct {
		in, want, err string
	}{
		{in: "plain", want: "plain"},
		{in: "${A}", want: "a"},
		{in: "x${A}y${A}z", want: "xayaz"},
		{in: "${EMPTY}", want: ""},
		{in: "${EMPTY:-d}", want: "d"},
		{in: "${UNSET:-d}", want: "d"},
		{in: "${UNSET:-}", want: ""},
		{in: "${A:-d}", want: "a"},
		{in: "${UNSET:-${A}-${UNSET2:-z}}", want: "a-z"},
		{in: "${UNSET:-{x}}", want: "{x}"}, // the first } ends the default
		{in: "${UNSET:-a}b}", want: "ab}"},
		{in: "${URL}", want: "postgres://u@h/db"},
		{in: "${NESTED}", want: "${A}"}, // values are not expanded again
		{in: "$$", want: "$"},
		{in: "$${A}", want: "${A}"},
		{in: "pa$$word", want: "pa$word"},
		{in: "pa$word", want: "pa$word"},
		{in: "trailing$", want: "trailing$"},
		{in: "${UNSET:-$${x}}", want: "${x}"},
		{in: "${UNSET}", err: "variable UNSET is not set (set it in the environment, pass -x UNSET=..., or write ${UNSET:-default})"},
		{in: "${A", err: "unterminated ${ (write $$ for a literal $)"},
		{in: "${UNSET:-${A}", err: "unterminated ${ (write $$ for a literal $)"},
		{in: "${}", err: "invalid variable reference: want ${NAME} or ${NAME:-default} with NAME made of letters, digits and _ (write $$ for a literal $)"},
		{in: "${1A}", err: "invalid variable reference: want ${NAME} or ${NAME:-default} with NAME made of letters, digits and _ (write $$ for a literal $)"},
		{in: "${A-b}", err: "invalid variable reference: want ${NAME} or ${NAME:-default} with NAME made of letters, digits and _ (write $$ for a literal $)"},
	}
	for _, tt := range tests {
		got, err := expand(tt.in, lookup)
		switch {
		case tt.err != "":
			if err == nil || err.Error() != tt.err {
				t.Errorf("expand(%q) error = %v, want %q", tt.in, err, tt.err)
			}
		case err != nil:
			t.Errorf("expand(%q): %v", tt.in, err)
		case got != tt.want:
			t.Errorf("expand(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		name string
		want string
	}{
		{"schema", "schemas"},
		{"databse", "database"},
		{"verison_table", "version_table"},
		{"uri", "url"},
		{"completely_different", ""},
		{"go2", "go"},
	}
	cands := []string{"schemas", "database", "version_table", "url", "go", "sql"}
	for _, tt := range tests {
		if got := suggest(tt.name, cands); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
