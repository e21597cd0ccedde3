package cli_test

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/migrate-tool/migrate/internal/pgcluster"
	"github.com/migrate-tool/migrate/internal/pgtest"
)

// Revisions of the fleet tests: over an accounts table the tenants had
// before migrate (three rows each), add a column, then a check constraint
// that a tenant with a negative balance fails.
const (
	fleetRev1 = "f1ee7c000001"
	fleetRev2 = "f1ee7c000002"
	// fleetRows are every tenant's accounts rows, which no revision changes.
	fleetRows = "1:10.50 2:0 3:99999.99"
	// fleetPoison is the row that makes fleetRev2 fail.
	fleetPoison = "INSERT INTO accounts VALUES (4, -5)"
)

// fleetProject writes a project with the two revisions, a SQL target
// matching them, and extra as the rest of migrate.toml.
func fleetProject(t *testing.T, extra string) string {
	t.Helper()
	dir := t.TempDir()
	cfgWriteFile(t, filepath.Join(dir, "migrate.toml"), defaultToml+"[target]\nsql = [\"schema.sql\"]\n\n"+extra)
	cfgWriteFile(t, filepath.Join(dir, "versions/1_currency.sql"), revText(fleetRev1, "", "add currency",
		"ALTER TABLE accounts ADD COLUMN currency text NOT NULL DEFAULT 'EUR';", "ALTER TABLE accounts DROP COLUMN currency;"))
	cfgWriteFile(t, filepath.Join(dir, "versions/2_nonneg.sql"), revText(fleetRev2, fleetRev1, "balances are not negative",
		"ALTER TABLE accounts ADD CONSTRAINT balance_nonneg CHECK (balance >= 0);", "ALTER TABLE accounts DROP CONSTRAINT balance_nonneg;"))
	cfgWriteFile(t, filepath.Join(dir, "schema.sql"), `CREATE TABLE accounts (
	id int PRIMARY KEY,
	balance numeric NOT NULL,
	currency text NOT NULL DEFAULT 'EUR',
	CONSTRAINT balance_nonneg CHECK (balance >= 0)
);
`)
	return dir
}

// tenantServer is a PostgreSQL server the fleet tests create tenant
// databases on.
type tenantServer struct {
	admin string // URL of the maintenance database, as the superuser
	// socket and port reach the server over its unix socket, for
	// password logins (the clusters listen on no TCP address); socket
	// is "" when not known.
	socket string
	port   int
	// hba is the server's pg_hba.conf, for password roles; "" when it
	// cannot be edited from here.
	hba string
}

// mainServer is the test binary's server (pgtest).
func mainServer(t *testing.T) tenantServer {
	t.Helper()
	admin := pgtest.AdminURL(t)
	if _, err := url.Parse(admin); err != nil || !strings.HasPrefix(admin, "postgres") {
		t.Skip("the fleet tests need a postgres:// URL in " + pgtest.EnvURL)
	}
	return tenantServer{admin: admin}
}

// secondServer starts a cluster of its own for the test (another server
// next to pgtest's), stopped and removed at the end.
func secondServer(t *testing.T) tenantServer {
	t.Helper()
	dir, err := pgcluster.TempDir("migrate-fleet-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	c, err := pgcluster.Start(context.Background(), pgcluster.Options{Dir: dir, Throwaway: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.Stop(); err != nil {
			t.Error(err)
		}
	})
	return tenantServer{admin: c.URL("postgres"), socket: c.SocketDir, port: c.Port, hba: filepath.Join(c.DataDir, "pg_hba.conf")}
}

// url is the server's URL for database db, as the superuser.
func (s tenantServer) url(db string) string {
	u, _ := url.Parse(s.admin)
	u.Path, u.RawPath = "/"+db, ""
	return u.String()
}

// exec runs sql in database db.
func (s tenantServer) exec(t *testing.T, db, sql string) {
	t.Helper()
	execSQL(t, s.url(db), sql)
}

// tenants creates n databases prefix_00... from a template holding the
// accounts table, dropped at the end of the test, and returns their names.
func (s tenantServer) tenants(t *testing.T, prefix string, n int) []string {
	t.Helper()
	tmpl := prefix + "_tmpl"
	names := []string{tmpl}
	t.Cleanup(func() {
		for _, db := range names {
			execSQL(t, s.admin, "DROP DATABASE IF EXISTS "+pgx.Identifier{db}.Sanitize()+" WITH (FORCE)")
		}
	})
	execSQL(t, s.admin, "CREATE DATABASE "+pgx.Identifier{tmpl}.Sanitize())
	s.exec(t, tmpl, `CREATE TABLE accounts (id int PRIMARY KEY, balance numeric NOT NULL);
		INSERT INTO accounts VALUES (1, 10.50), (2, 0), (3, 99999.99);`)
	for i := range n {
		names = append(names, fmt.Sprintf("%s_%02d", prefix, i))
	}
	// Copies of one template can be made side by side; four at a time
	// keep a small machine busy without queueing on it.
	work := make(chan string)
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for db := range work {
				errs <- createFrom(s.admin, db, tmpl)
			}
		}()
	}
	for _, db := range names[1:] {
		work <- db
	}
	close(work)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	return names[1:]
}

// createFrom creates database db as a copy of tmpl.
func createFrom(admin, db, tmpl string) error {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	_, err = conn.Exec(ctx, fmt.Sprintf("CREATE DATABASE %s TEMPLATE %s", pgx.Identifier{db}.Sanitize(), pgx.Identifier{tmpl}.Sanitize()))
	if err != nil {
		return fmt.Errorf("create database %s: %w", db, err)
	}
	return nil
}

// passwordRole creates role (owning database db and its accounts table),
// makes the server ask it for password pw, and returns its TCP URL for db.
func (s tenantServer) passwordRole(t *testing.T, role, pw, db string) string {
	t.Helper()
	if s.hba == "" {
		t.Fatal("no pg_hba.conf to edit")
	}
	data, err := os.ReadFile(s.hba)
	if err != nil {
		t.Fatal(err)
	}
	rules := fmt.Sprintf("local all %s scram-sha-256\n", role)
	if err := os.WriteFile(s.hba, append([]byte(rules), data...), 0o600); err != nil {
		t.Fatal(err)
	}
	execSQL(t, s.admin, fmt.Sprintf("CREATE ROLE %s LOGIN PASSWORD '%s'", role, pw))
	execSQL(t, s.admin, fmt.Sprintf("ALTER DATABASE %s OWNER TO %s; SELECT pg_reload_conf()", db, role))
	s.exec(t, db, "ALTER TABLE accounts OWNER TO "+role)
	at := func(user *url.Userinfo) string {
		return (&url.URL{Scheme: "postgres", User: user, Path: "/" + db,
			RawQuery: url.Values{"host": {s.socket}, "port": {fmt.Sprint(s.port)}}.Encode()}).String()
	}
	u := at(url.UserPassword(role, pw))
	// The reload is asynchronous: wait until the server asks for it.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		wrong := at(url.UserPassword(role, "wrong"))
		c, err := pgx.Connect(context.Background(), wrong)
		if err == nil {
			c.Close(context.Background())
		}
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == "28P01" {
			return u
		}
		if time.Now().After(deadline) {
			t.Fatalf("the server does not ask %s for a password: %v", role, err)
		}
	}
}

// fleetState is a tenant database as the tests check it: its version
// rows ("none" without a version table, "base" when empty) and its
// accounts rows.
func fleetState(t *testing.T, dbURL string) (rows, accounts string) {
	t.Helper()
	switch ids := versionRows(t, dbURL); {
	case ids == nil:
		rows = "none"
	case len(ids) == 0:
		rows = "base"
	default:
		rows = strings.Join(ids, ",")
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if err := conn.QueryRow(ctx, "SELECT string_agg(id || ':' || balance, ' ' ORDER BY id) FROM accounts").Scan(&accounts); err != nil {
		t.Fatal(err)
	}
	return rows, accounts
}
