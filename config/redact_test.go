package config

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://u:pw@h/db", "postgres://u:xxxxx@h/db"},
		{"postgresql://app:p%40ss%3Aw@db.example.com:5432/app?sslmode=require", "postgresql://app:xxxxx@db.example.com:5432/app?sslmode=require"},
		{"postgres://u:p@ss@h/db", "postgres://u:xxxxx@h/db"},
		{"postgres://:pw@h/db", "postgres://:xxxxx@h/db"},
		{"postgres://u:pw@[::1]:5432/db", "postgres://u:xxxxx@[::1]:5432/db"},
		{"postgres://u@h/db", "postgres://u@h/db"},
		{"postgres://h:5432/db", "postgres://h:5432/db"},
		{"postgres://[::1]:5432/db", "postgres://[::1]:5432/db"},
		{"POSTGRES://U:PW@H/DB", "POSTGRES://U:xxxxx@H/DB"},
		{`connecting to "postgres://u:pw@h/db": refused`, `connecting to "postgres://u:xxxxx@h/db": refused`},
		{"a postgres://a:1@h and postgres://b:2@k", "a postgres://a:xxxxx@h and postgres://b:xxxxx@k"},
		{"postgres://u:pw@h/db?password=qs&sslmode=disable", "postgres://u:xxxxx@h/db?password=xxxxx&sslmode=disable"},
		{"host=h password=secret dbname=x", "host=h password=xxxxx dbname=x"},
		{"host=h password = 'sec ret' dbname=x", "host=h password = xxxxx dbname=x"},
		{`host=h password='it\'s' dbname=x`, "host=h password=xxxxx dbname=x"},
		{"host=h password='unterminated and more", "host=h password=xxxxx"},
		{"PGPASSWORD=secret psql", "PGPASSWORD=xxxxx psql"},
		{"sslpassword=secret", "sslpassword=xxxxx"},
		{"no secrets here: user=app host=h", "no secrets here: user=app host=h"},
	}
	for _, tt := range tests {
		if got := Redact(tt.in); got != tt.want {
			t.Errorf("Redact(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestRedactURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://u:pa ss@h/db", "postgres://u:xxxxx@h/db"},
		{"postgres://u:pa/ss@h/db", "postgres://u:xxxxx@h/db"},
		{`postgres://u:pa"ss@h/db`, "postgres://u:xxxxx@h/db"},
		{"postgres://u@h/db", "postgres://u@h/db"},
		{"embedded", "embedded"},
		{"", ""},
		{"host=h password=pw", "host=h password=xxxxx"},
	}
	for _, tt := range tests {
		if got := RedactURL(tt.in); got != tt.want {
			t.Errorf("RedactURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRedacted(t *testing.T) {
	const pw = "Hunter2Hunter2"
	cfg, _, err := loadCase{
		toml: `[database]
url = "postgres://app:${PW}@db/app"
[scratch]
url = "host=scratch password='` + pw + `' dbname=tmp"
`,
		vars: map[string]string{"PW": pw, "db_password": "other-secret", "region": "eu"},
	}.run(t)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(cfg.Database.URL, pw) {
		t.Fatalf("Load must not redact the config itself: %q", cfg.Database.URL)
	}
	r := cfg.Redacted()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	out := string(b)
	for _, s := range []string{pw, "other-secret"} {
		if strings.Contains(out, s) {
			t.Errorf("redacted JSON shows %q: %s", s, out)
		}
	}
	if r.Database.URL != "postgres://app:xxxxx@db/app" || r.Scratch.URL != "host=scratch password=xxxxx dbname=tmp" {
		t.Errorf("urls = %q, %q", r.Database.URL, r.Scratch.URL)
	}
	if r.Vars["region"] != "eu" || r.Vars["PW"] != "xxxxx" || r.Vars["db_password"] != "xxxxx" {
		t.Errorf("vars = %v", r.Vars)
	}
	if cfg.Vars["PW"] != pw {
		t.Error("Redacted changed the original")
	}
}

// TestErrorsNeverShowPasswords covers values too malformed for Redact's
// patterns: the loader scrubs every password it has seen.
func TestErrorsNeverShowPasswords(t *testing.T) {
	const pw = "Sup3rS3cretPw"
	env := map[string]string{
		"DATABASE_URL": "postgres://app:" + pw + "@h:port/db",
		"PROD_URL":     "postgres://app:" + pw + "@h/db",
	}
	docs := []string{
		"[database]\nurl = postgres://app:" + pw + "@h/db\n",
		"[database]\nurl = \"postgres://app:" + pw + "@h/db\n",
		"[database]\nurl = \"postgres://app:" + pw + "@h/db\" junk\n",
		"[database]\nurl = \"postgres://app:" + pw + "\\q@h/db\"\n",
		"[database]\nurl = \"postgres://app:" + pw + "%zz@h/db\"\n",
		"[database]\nurl = \"postgres://app:pa ss" + pw + "@h/db\"\nversion_table = \"postgres://app:pa ss" + pw + "@h/db\"\n",
		"[database]\nurl = \"mysql://app:" + pw + "@h/db\"\n",
		"[database]\nurl = \"postgres://app:" + pw + "@h:port/db\"\n",
		"[database]\nversion_table = \"host=h password='" + pw + "\"\n",
		"[database]\nurl = \"host=h password=" + pw + "\"\nversion_table = \"host=h password=" + pw + "\"\n",
		"lock_timeout = \"postgres://app:" + pw + "@h/db\"\n",
		"lock_timeout = \"${PROD_URL}\"\n",
		"[database]\nversion_table = \"${PROD_URL}\"\n",
		"[database]\nurl = \"${PROD_URL}\"\n[scratch]\nurl = \"${PROD_URL}\"\n",
		"\"postgres://app:" + pw + "@h/db\" = 1\n",
		"[database]\n\"postgres://app:" + pw + "@h/db\" = 1\n",
		"[env.\"postgres://app:" + pw + "@h/db\"]\nx = 1\n",
		"[database]\nurl = \"postgres://app:${" + pw + "@h/db\"\n",
		"[database]\nurl = \"postgres://app:" + pw + "@h/db\"\nurl = \"postgres://app:" + pw + "@h/db\"\n",
		"", // DATABASE_URL with a bad port
	}
	for i, doc := range docs {
		for _, vars := range []map[string]string{nil, {"env": "prod"}, {"env": "postgres://app:" + pw + "@h/db"}} {
			_, _, err := loadCase{toml: doc, env: env, vars: vars}.run(t)
			if err == nil {
				t.Errorf("doc %d %v: want an error", i, vars)
				continue
			}
			if strings.Contains(err.Error(), pw) {
				t.Errorf("doc %d %v: error shows the password: %s", i, vars, err)
			}
		}
	}
}
