package schema

import (
	"strings"
	"testing"
)

func TestObjectName(t *testing.T) {
	x40 := strings.Repeat("x", 40)
	tests := []struct{ n1, n2, label, want string }{
		{"users", "", "pkey", "users_pkey"},
		{"users", "email", "key", "users_email_key"},
		{"t", "", "check", "t_check"},
		// The longer part is shortened first; the result is 63 bytes.
		{x40, "c" + x40, "key", x40[:29] + "_c" + x40[:28] + "_key"},
		{x40 + x40, "id", "fkey", (x40 + x40)[:55] + "_id_fkey"},
		// A multibyte character is never split.
		{strings.Repeat("é", 40), "", "pkey", strings.Repeat("é", 29) + "_pkey"},
	}
	for _, tt := range tests {
		got := ObjectName(tt.n1, tt.n2, tt.label)
		if got != tt.want {
			t.Errorf("ObjectName(%q, %q, %q) = %q, want %q", tt.n1, tt.n2, tt.label, got, tt.want)
		}
		if len(got) > MaxIdentifierLength {
			t.Errorf("ObjectName(%q, %q, %q) is %d bytes", tt.n1, tt.n2, tt.label, len(got))
		}
	}
}

func TestChooseName(t *testing.T) {
	taken := map[string]bool{"t_a_key": true, "t_a_key1": true}
	if got := ChooseName("t", "a", "key", func(n string) bool { return taken[n] }); got != "t_a_key2" {
		t.Errorf("ChooseName = %q, want t_a_key2", got)
	}
	if got := ChooseName("t", "a", "key", nil); got != "t_a_key" {
		t.Errorf("ChooseName = %q, want t_a_key", got)
	}
}

func TestIndexColumnNames(t *testing.T) {
	got := IndexColumnNames([]string{"a", "", "lower", "", "a"})
	want := []string{"a", "expr", "lower", "expr1", "a1"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("IndexColumnNames = %v, want %v", got, want)
	}
}
