package config

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
)

// Default values of the settings that have one.
const (
	DefaultVersionSchema = "public"
	DefaultVersionTable  = "migrate_version"
	DefaultHistoryTable  = "migrate_history"
	DefaultVersionsDir   = "versions"
	DefaultSchema        = "public"
)

// Sources of values that do not come from a line of the file.
const (
	sourceDefault     = "default"
	sourceDatabaseURL = "$DATABASE_URL"
)

// defaults returns the configuration used when the file says nothing.
func defaults() *Config {
	c := &Config{
		Database: Database{
			VersionSchema: DefaultVersionSchema,
			VersionTable:  DefaultVersionTable,
			HistoryTable:  DefaultHistoryTable,
		},
		Versions: Versions{Dirs: []string{DefaultVersionsDir}},
		Target:   Target{Schemas: []string{DefaultSchema}},
		Fleet:    Fleet{Parallel: DefaultFleetParallel},
		sources:  map[string]string{},
	}
	for _, s := range keySpecs {
		c.sources[s.name] = sourceDefault
	}
	return c
}

// apply expands the chosen settings into cfg, falls back to $DATABASE_URL
// and resolves relative paths against cfg.Dir.
func (ld *loader) apply(cfg *Config, settings layer) error {
	for _, spec := range keySpecs {
		s := settings[spec.name]
		if s == nil {
			continue
		}
		fail := func(err error) error {
			var ee *expandError
			if errors.As(err, &ee) {
				return &Error{File: ld.file, Line: s.line, Key: s.key, Msg: s.key + ": " + ee.msg}
			}
			return &Error{File: ld.file, Line: s.line, Key: s.key, Msg: s.key + ": " + err.Error(), Err: err}
		}
		str, err := expand(s.str, ld.lookup)
		var ee *expandError
		if err != nil && spec.name == "database.url" && ld.opts.DeferDatabaseURL && errors.As(err, &ee) && ee.unset {
			cfg.urlErr = ld.finish(fail(err))
			cfg.sources[spec.name] = fmt.Sprintf("%s:%d", ld.file, s.line)
			continue
		}
		if err != nil {
			return fail(err)
		}
		ld.scrub.addFrom(str)
		strs := make([]string, len(s.strs))
		for i, v := range s.strs {
			if strs[i], err = expand(v, ld.lookup); err != nil {
				break
			}
			ld.scrub.addFrom(strs[i])
		}
		if err != nil && spec.name == "fleet.databases" && ld.opts.DeferDatabaseURL && errors.As(err, &ee) && ee.unset {
			// Like database.url: only the fleet commands need it.
			cfg.fleetErr = ld.finish(fail(err))
			cfg.sources[spec.name] = fmt.Sprintf("%s:%d", ld.file, s.line)
			continue
		}
		if err != nil {
			return fail(err)
		}
		if err := assign(cfg, spec.name, str, strs, s.b); err != nil {
			return fail(err)
		}
		cfg.sources[spec.name] = fmt.Sprintf("%s:%d", ld.file, s.line)
		if strings.HasPrefix(s.key, envTable+".") {
			cfg.sources[spec.name] += " [env." + cfg.Env + "]"
		}
	}
	// A deferred database.url error must not fall back to another database.
	if cfg.Database.URL == "" && cfg.urlErr == nil {
		if u, ok := ld.lookup("DATABASE_URL"); ok && u != "" {
			cfg.Database.URL = u
			cfg.sources["database.url"] = sourceDatabaseURL
			if _, fromVar := ld.opts.Vars["DATABASE_URL"]; fromVar {
				cfg.sources["database.url"] = "-x DATABASE_URL"
			}
		}
	}
	cfg.Versions.Dirs = resolveAll(cfg.Dir, cfg.Versions.Dirs)
	cfg.Target.SQL = resolveAll(cfg.Dir, cfg.Target.SQL)
	if isLocalPackage(cfg.Target.Go) {
		cfg.Target.Go = resolve(cfg.Dir, cfg.Target.Go)
	}
	return nil
}

// assign stores one expanded value. An empty string means "not set": the
// default stays, so an overlay can clear a base value with "".
func assign(c *Config, name, str string, strs []string, b bool) error {
	switch name {
	case "database.url":
		c.Database.URL = str
	case "database.version_schema":
		c.Database.VersionSchema = orDefault(str, DefaultVersionSchema)
	case "database.version_table":
		c.Database.VersionTable = orDefault(str, DefaultVersionTable)
	case "database.history_table":
		c.Database.HistoryTable = orDefault(str, DefaultHistoryTable)
	case "versions.dirs":
		c.Versions.Dirs = strs
	case "target.go":
		c.Target.Go = str
	case "target.sql":
		c.Target.SQL = strs
	case "target.schemas":
		c.Target.Schemas = strs
	case "target.exclude":
		c.Target.Exclude = strs
	case "scratch.url":
		c.Scratch.URL = str
	case "autogen.concurrent_indexes":
		c.Autogen.ConcurrentIndexes = b
	case "autogen.not_valid_constraints":
		c.Autogen.NotValidConstraints = b
	case "fleet.databases":
		c.Fleet.Databases = strs
	case "fleet.query":
		c.Fleet.Query = str
	case "fleet.parallel":
		return parseParallel(str, &c.Fleet.Parallel)
	case "lock_timeout":
		return parseDuration(str, true, &c.LockTimeout)
	case "statement_timeout":
		return parseDuration(str, true, &c.StatementTimeout)
	case "lock_wait_timeout":
		return parseDuration(str, false, &c.LockWaitTimeout)
	default:
		if assignLint(c, name, strs, b) {
			return nil
		}
		return fmt.Errorf("no field for key %s", name)
	}
	return nil
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// parseDuration reads a Go duration. Server-side timeouts (PostgreSQL's
// lock_timeout, statement_timeout) take whole milliseconds.
func parseDuration(s string, serverSide bool, dst *time.Duration) error {
	if s == "" {
		*dst = 0
		return nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		hint := `use a Go duration such as "500ms", "3s", "1m" or "1h30m"`
		if strings.HasSuffix(s, "min") {
			hint = fmt.Sprintf("write %q: minutes are m in Go durations", strings.TrimSuffix(s, "in"))
		}
		return fmt.Errorf("%q is not a duration (%s)", s, hint)
	}
	if d < 0 {
		return fmt.Errorf("%q is negative (use \"0\" for no timeout)", s)
	}
	if serverSide && d%time.Millisecond != 0 {
		return fmt.Errorf("%q is not a whole number of milliseconds, which PostgreSQL needs", s)
	}
	*dst = d
	return nil
}

// isLocalPackage reports whether target.go names a directory (./models,
// ../x, /abs) rather than an import path (example.com/app/models).
func isLocalPackage(p string) bool {
	return p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") || filepath.IsAbs(p)
}

func resolve(dir, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

func resolveAll(dir string, ps []string) []string {
	if ps == nil {
		return nil
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = resolve(dir, p)
	}
	return out
}
