package config

import (
	"reflect"
	"testing"
)

// TestLintSection loads [lint] at the top and in an overlay.
func TestLintSection(t *testing.T) {
	toml := `[database]
url = "embedded"

[lint]
in_check = true
disable = ["prefer-timestamptz"]
error = ["missing-lock-timeout"]

[env.prod]
lint.warning = ["drop-column"]
lint.error = []
`
	cfg, _, err := loadCase{toml: toml}.run(t)
	if err != nil {
		t.Fatal(err)
	}
	want := Lint{InCheck: true, Disable: []string{"prefer-timestamptz"}, Error: []string{"missing-lock-timeout"}}
	if !reflect.DeepEqual(cfg.Lint, want) {
		t.Errorf("base: got %+v, want %+v", cfg.Lint, want)
	}
	if got := cfg.Source("lint.error"); got != "migrate.toml:7" {
		t.Errorf("source of lint.error: %q", got)
	}
	cfg, _, err = loadCase{toml: toml, vars: map[string]string{"env": "prod"}}.run(t)
	if err != nil {
		t.Fatal(err)
	}
	want = Lint{InCheck: true, Disable: []string{"prefer-timestamptz"}, Error: []string{}, Warning: []string{"drop-column"}}
	if !reflect.DeepEqual(cfg.Lint, want) {
		t.Errorf("prod: got %+v, want %+v", cfg.Lint, want)
	}
}

func TestLintSectionErrors(t *testing.T) {
	tests := []struct {
		name, toml, want string
	}{
		{"unknown key", "[lint]\nin_check = true\nseverity = \"error\"\n",
			"migrate.toml:3: unknown key lint.severity ([lint] holds in_check, disable, error, warning)"},
		{"close spelling", "[lint]\ndisabled = [\"drop-column\"]\n",
			"migrate.toml:2: unknown key lint.disabled (did you mean disable?)"},
		{"wrong type", "[lint]\nin_check = \"yes\"\n",
			"migrate.toml:2: lint.in_check: want a boolean (true or false), got string"},
		{"a string for a list", "[lint]\ndisable = \"drop-column\"\n",
			`migrate.toml:2: lint.disable: want an array of strings, got string (write disable = ["..."])`},
		{"listed twice", "[lint]\ndisable = [\"drop-column\", \"drop-column\"]\n",
			`migrate.toml:2: lint.disable: "drop-column" is listed twice`},
		{"two settings for one rule", "[lint]\nerror = [\"drop-column\"]\nwarning = [\"drop-column\"]\n",
			`migrate.toml:3: lint.warning: "drop-column" is also in lint.error: give each rule one setting`},
		{"empty name", "[lint]\nwarning = [\"\"]\n",
			"migrate.toml:2: lint.warning: element 1 is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := loadCase{toml: tt.toml}.run(t)
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %v\nwant %s", err, tt.want)
			}
		})
	}
}
