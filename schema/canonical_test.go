package schema

import "testing"

func TestQuoteIdent(t *testing.T) {
	tests := []struct{ in, want string }{
		{"users", "users"},
		{"user", `"user"`},
		{"Users", `"Users"`},
		{"order", `"order"`},
		{"name", "name"}, // unreserved keyword
		{"a b", `"a b"`},
		{"1a", `"1a"`},
		{"a$1", "a$1"},
		{`we"ird`, `"we""ird"`},
		{"", `""`},
		{"varchar", `"varchar"`}, // col_name keyword
		{"left", `"left"`},       // type_func_name keyword
	}
	for _, tt := range tests {
		if got := QuoteIdent(tt.in); got != tt.want {
			t.Errorf("QuoteIdent(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
