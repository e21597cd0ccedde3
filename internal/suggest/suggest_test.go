package suggest

import "testing"

func TestClosest(t *testing.T) {
	keys := []string{"database", "schemas", "drop-column", "drop-table", "url"}
	for _, tt := range []struct{ name, want string }{
		{"databse", "database"}, {"schema", "schemas"}, {"drop-colum", "drop-column"},
		{"drop-tabel", "drop-table"}, {"uri", "url"}, {"ur", "url"}, {"host", ""}, {"", ""},
	} {
		if got := Closest(tt.name, keys); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := Closest("x", nil); got != "" {
		t.Errorf("no candidates: %q", got)
	}
}
