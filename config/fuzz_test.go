package config

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzPassword is planted in every URL and DSN of the fuzzed documents and
// environment; it must never come out of Load in an error or a redacted
// configuration.
const fuzzPassword = "Fz9pW0rdQx"

// FuzzLoad runs the loader over arbitrary documents in which @URL@, @DSN@
// and @ENCURL@ stand for connection strings holding the password, with
// variables that also hold it. Run: go test ./config -fuzz FuzzLoad -fuzztime 30s
func FuzzLoad(f *testing.F) {
	seeds := []struct{ doc, env string }{
		{"[database]\nurl = \"@URL@\"\n", ""},
		{"[database]\nurl = \"@URL@\"\n[env.prod]\ndatabase.url = \"${PROD_URL}\"\nlock_timeout = \"3s\"\n", "prod"},
		{"[database]\nurl = \"${DATABASE_URL:-@URL@}\"\n", ""},
		{"[database]\nurl = \"@DSN@\"\n[scratch]\nurl = \"@ENCURL@\"\n", ""},
		{"[database]\nurl = @URL@\n", ""},
		{"[database]\nurl = \"@URL@\n", ""},
		{"[database]\nversion_table = \"@URL@\"\n", ""},
		{"lock_timeout = \"@DSN@\"\n", ""},
		{"[env.prod]\ndatabase = { url = \"@URL@:x\" }\n", "prod"},
		{"[target]\nschemas = [\"@URL@\", 1]\n", ""},
		{"\"@URL@\" = 1\n", ""},
		{"[database]\nurl = \"${@URL@}\"\n", ""},
		{"[database]\nurl = \"postgres://u:${PW}@h/db\"\nhistory_table = \"${PW}\"\n", ""},
		{"[env.x]\n[env.y]\n", "z"},
	}
	for _, s := range seeds {
		f.Add(s.doc, s.env)
	}
	f.Fuzz(func(t *testing.T, doc, envName string) {
		if strings.Contains(doc, fuzzPassword) || strings.Contains(envName, fuzzPassword) {
			t.Skip("the password must only appear where it is a password")
		}
		doc = strings.NewReplacer(
			"@URL@", "postgres://app:"+fuzzPassword+"@db.example.com:5432/app",
			"@ENCURL@", "postgresql://app:"+fuzzPassword+"%40%2F@db/app?sslmode=disable",
			"@DSN@", "host=db password='"+fuzzPassword+"' dbname=app",
		).Replace(doc)
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, FileName), []byte(doc), 0o644); err != nil {
			t.Fatal(err)
		}
		env := map[string]string{
			"DATABASE_URL": "postgres://env:" + fuzzPassword + "@h:bad/db",
			"PROD_URL":     "postgres://prod:" + fuzzPassword + "@h/db",
		}
		vars := map[string]string{"PW": fuzzPassword}
		if envName != "" {
			vars["env"] = envName
		}
		cfg, err := Load(Options{Vars: vars, Getenv: mapEnv(env), WorkDir: dir})
		if err != nil {
			if strings.Contains(err.Error(), fuzzPassword) {
				t.Fatalf("error shows the password: %s", err)
			}
			return
		}
		out, err := json.Marshal(cfg.Redacted())
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(out), fuzzPassword) {
			t.Fatalf("redacted config shows the password: %s", out)
		}
	})
}
