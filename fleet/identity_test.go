package fleet

import (
	"strings"
	"testing"
)

// TestIdentify: entries reaching one database are refused, whatever the
// spelling; invalid entries are named by position; no message or name
// shows a password.
func TestIdentify(t *testing.T) {
	const secret = "s3cret-pw"
	tests := []struct {
		name    string
		conns   []string
		wantErr string // "" for none
		names   []string
	}{
		{name: "distinct databases and servers",
			conns: []string{"postgres://app:" + secret + "@db1/tenant_a", "postgres://app@db1/tenant_b", "postgres://app@db2/tenant_a", "postgres://app@db1:6432/tenant_a"},
			names: []string{"postgres://app:xxxxx@db1/tenant_a", "postgres://app@db1/tenant_b", "postgres://app@db2/tenant_a", "postgres://app@db1:6432/tenant_a"}},
		{name: "same URL with another password",
			conns:   []string{"postgres://app:" + secret + "@db1/t", "postgres://app:other-pw@db1/t"},
			wantErr: `databases 1 (postgres://app:xxxxx@db1/t) and 2 (postgres://app:xxxxx@db1/t) are the same database "t" on db1 port 5432`},
		{name: "another user, explicit default port",
			conns:   []string{"postgres://app@db1/t", "postgres://admin@DB1:5432/t?sslmode=disable"},
			wantErr: "databases 1 (postgres://app@db1/t) and 2 (postgres://admin@DB1:5432/t?sslmode=disable) are the same"},
		{name: "loopback spellings",
			conns:   []string{"postgres://app@localhost/t", "host=127.0.0.1 dbname=t user=app password=" + secret},
			wantErr: "databases 1 (postgres://app@localhost/t) and 2 (host=127.0.0.1 dbname=t user=app password=xxxxx) are the same"},
		{name: "database defaults to the user",
			conns:   []string{"postgres://app@db1/app", "postgres://app@db1"},
			wantErr: "are the same database \"app\""},
		{name: "unix socket directory",
			conns:   []string{"postgres://app@/t?host=/run/pg/", "host=/run/pg dbname=t"},
			wantErr: "are the same database \"t\" on /run/pg"},
		{name: "invalid entry named by position",
			conns:   []string{"postgres://app@db1/t", "postgres://app:" + secret + "@db1:notaport/t"},
			wantErr: "database 2 (postgres://app:xxxxx@db1:notaport/t): invalid connection string"},
		{name: "embedded is not a fleet member",
			conns:   []string{"embedded"},
			wantErr: `database 1 (embedded): "embedded" is one private database`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			names, err := identify(tc.conns)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				if strings.Join(names, "\n") != strings.Join(tc.names, "\n") {
					t.Errorf("names = %q, want %q", names, tc.names)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("error = %v, want it to contain %q", err, tc.wantErr)
			}
			if strings.Contains(err.Error(), secret) {
				t.Errorf("the error shows the password: %v", err)
			}
		})
	}
}
