package config

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"
)

// ErrNoDatabase is returned by RequireDatabase when no database is set.
var ErrNoDatabase = errors.New("no database configured")

// RequireDatabase returns an error saying what to set when the
// configuration names no database. Commands that connect call it first.
func (c *Config) RequireDatabase() error {
	if c.Database.URL != "" {
		return nil
	}
	where := "in " + FileName
	if c.Path == "" {
		where = fmt.Sprintf("in a %s (run 'migrate init')", FileName)
	} else if c.Env != "" {
		where = fmt.Sprintf("in [env.%s] of %s", c.Env, c.Path)
	}
	return fmt.Errorf("%w: set database.url %s (a postgres:// URL, or %q for a private local cluster), or set $DATABASE_URL",
		ErrNoDatabase, where, EmbeddedURL)
}

// Source says where a setting's value came from: "default",
// "migrate.toml:12", "migrate.toml:14 [env.prod]", "$DATABASE_URL" or
// "-x DATABASE_URL". Key is a dotted key such as "database.url".
func (c *Config) Source(key string) string {
	if s, ok := c.sources[key]; ok {
		return s
	}
	return sourceDefault
}

// Setting is one resolved key, for listings such as `migrate config`.
type Setting struct {
	Key string
	// Value is a string, []string, int or bool; durations are Go duration
	// strings ("3s"), "" when unset.
	Value  any
	Source string
}

// Settings lists every key in a fixed order with its value and source.
// Call it on Redacted() before printing.
func (c *Config) Settings() []Setting {
	dur := formatDuration
	values := map[string]any{
		"database.url":                  c.Database.URL,
		"database.version_schema":       c.Database.VersionSchema,
		"database.version_table":        c.Database.VersionTable,
		"database.history_table":        c.Database.HistoryTable,
		"versions.dirs":                 c.Versions.Dirs,
		"target.go":                     c.Target.Go,
		"target.sql":                    c.Target.SQL,
		"target.schemas":                c.Target.Schemas,
		"target.exclude":                c.Target.Exclude,
		"scratch.url":                   c.Scratch.URL,
		"autogen.concurrent_indexes":    c.Autogen.ConcurrentIndexes,
		"autogen.not_valid_constraints": c.Autogen.NotValidConstraints,
		"fleet.databases":               c.Fleet.Databases,
		"fleet.query":                   c.Fleet.Query,
		"fleet.parallel":                c.Fleet.Parallel,
		"lock_timeout":                  dur(c.LockTimeout),
		"statement_timeout":             dur(c.StatementTimeout),
		"lock_wait_timeout":             dur(c.LockWaitTimeout),
	}
	maps.Copy(values, c.Lint.values())
	out := make([]Setting, 0, len(keySpecs))
	for _, s := range keySpecs {
		v := values[s.name]
		if l, ok := v.([]string); ok && l == nil {
			v = []string{}
		}
		out = append(out, Setting{Key: s.name, Value: v, Source: c.Source(s.name)})
	}
	return out
}

// Redacted returns a copy safe to print: passwords removed from the URLs,
// and -x variables that hold a password (or are named like one) masked.
func (c *Config) Redacted() *Config {
	r := *c
	r.Database.URL = RedactURL(c.Database.URL)
	r.Scratch.URL = RedactURL(c.Scratch.URL)
	var secrets []string
	secrets = append(secrets, passwordsIn(c.Database.URL)...)
	secrets = append(secrets, passwordsIn(c.Scratch.URL)...)
	if c.Fleet.Databases != nil {
		r.Fleet.Databases = make([]string, len(c.Fleet.Databases))
		for i, u := range c.Fleet.Databases {
			r.Fleet.Databases[i] = RedactURL(u)
			secrets = append(secrets, passwordsIn(u)...)
		}
	}
	if c.Vars != nil {
		r.Vars = make(map[string]string, len(c.Vars))
		for _, k := range slices.Sorted(maps.Keys(c.Vars)) {
			r.Vars[k] = redactVar(k, c.Vars[k], secrets)
		}
	}
	return &r
}

// redactVar masks a -x variable that is a secret: by name (password,
// secret, token, ...), by being a URL's password, or by holding a URL.
func redactVar(name, value string, secrets []string) string {
	lower := strings.ToLower(name)
	for _, w := range []string{"pass", "pwd", "secret", "token", "credential"} {
		if strings.Contains(lower, w) {
			return redacted
		}
	}
	for _, s := range secrets {
		if value == s || len(s) >= minSecret && strings.Contains(value, s) {
			return redacted
		}
	}
	return RedactURL(value)
}

// plainConfig has Config's fields without its JSON methods.
type plainConfig Config

// jsonConfig shadows the timeouts (depth 0 wins over the embedded fields)
// with Go duration strings ("3s"), which people and scripts read more
// easily than nanoseconds.
type jsonConfig struct {
	*plainConfig
	LockTimeout      string `json:"lock_timeout,omitempty"`
	StatementTimeout string `json:"statement_timeout,omitempty"`
	LockWaitTimeout  string `json:"lock_wait_timeout,omitempty"`
}

// MarshalJSON encodes the configuration with durations as strings. It does
// not redact: marshal Redacted() for output.
func (c Config) MarshalJSON() ([]byte, error) {
	d := formatDuration
	p := plainConfig(c)
	return json.Marshal(jsonConfig{&p, d(c.LockTimeout), d(c.StatementTimeout), d(c.LockWaitTimeout)})
}

// UnmarshalJSON decodes what MarshalJSON writes.
func (c *Config) UnmarshalJSON(b []byte) error {
	aux := jsonConfig{plainConfig: (*plainConfig)(c)}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	for _, f := range []struct {
		s   string
		dst *time.Duration
	}{
		{aux.LockTimeout, &c.LockTimeout},
		{aux.StatementTimeout, &c.StatementTimeout},
		{aux.LockWaitTimeout, &c.LockWaitTimeout},
	} {
		*f.dst = 0
		if f.s == "" {
			continue
		}
		v, err := time.ParseDuration(f.s)
		if err != nil {
			return fmt.Errorf("config JSON: %w", err)
		}
		*f.dst = v
	}
	return nil
}

// formatDuration writes d as a Go duration without the zero units
// time.Duration.String adds ("1m" rather than "1m0s"); "" for zero.
func formatDuration(d time.Duration) string {
	if d == 0 {
		return ""
	}
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
