package pgdial

import "testing"

// Only what ParseConfig makes of sslmode=prefer for one TCP host is
// handled; the rest goes to pgx unchanged.
func TestPreferShape(t *testing.T) {
	for _, tt := range []struct {
		url  string
		want bool
	}{
		{"postgres://u@127.0.0.1:5432/db", true},
		{"postgres://u@localhost/db?sslmode=prefer", true},
		{"host=db.example.com user=u", true},
		{"postgres://u@127.0.0.1/db?sslmode=disable", false},
		{"postgres://u@127.0.0.1/db?sslmode=allow", false},
		{"postgres://u@127.0.0.1/db?sslmode=require", false},
		{"postgres://u@127.0.0.1/db?sslmode=verify-full", false},
		{"postgres://u@127.0.0.1/db?sslnegotiation=direct", false},
		{"postgres://u@/db?host=/tmp", false},
		{"postgres://u@h1:5432,h2:5433/db", false},
	} {
		if got := preferShape(parseConfig(t, tt.url)); got != tt.want {
			t.Errorf("preferShape(%s) = %v, want %v", tt.url, got, tt.want)
		}
	}
}
