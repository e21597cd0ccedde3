package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/BurntSushi/toml"
)

// FileName is the configuration file looked for in the working directory.
const FileName = "migrate.toml"

// Options says where Load finds the configuration.
type Options struct {
	// Path is the config file; empty means ./migrate.toml in WorkDir when it
	// exists, else built-in defaults. A relative Path is relative to WorkDir.
	Path string
	// Vars are the -x key=value pairs; "env" selects an [env.NAME] overlay.
	// All of them (env included) can be referenced as ${NAME}.
	Vars map[string]string
	// Getenv reads the environment for ${VAR} expansion and DATABASE_URL;
	// os.Getenv when nil. An empty value counts as unset.
	Getenv func(string) string
	// WorkDir is the process working directory ("" = os.Getwd).
	WorkDir string
	// DeferDatabaseURL makes an unset ${VAR} in database.url no error at
	// Load: the URL stays empty and Config.DatabaseURLError returns the
	// error, for the caller to report once it needs the database. Commands
	// that need none (history, offline scripts) then work without it.
	DeferDatabaseURL bool
}

// Load reads, overlays, expands, defaults and validates the configuration.
// Every error it returns is an *Error whose message is redacted.
func Load(opts Options) (*Config, error) {
	ld := &loader{opts: opts, getenv: opts.Getenv}
	if ld.getenv == nil {
		ld.getenv = os.Getenv
	}
	for _, v := range opts.Vars {
		ld.scrub.addFrom(v)
	}
	cfg, err := ld.load()
	if err != nil {
		return nil, ld.finish(err)
	}
	return cfg, nil
}

// loader holds the state of one Load.
type loader struct {
	opts   Options
	getenv func(string) string
	file   string // the config file as shown in messages; "" without one
	scrub  scrubber
}

// finish turns any error into a redacted *Error.
func (ld *loader) finish(err error) error {
	var e *Error
	if !errors.As(err, &e) {
		e = &Error{File: ld.file, Msg: err.Error(), Err: err}
	}
	e.Msg = ld.scrub.scrub(e.Msg)
	e.Key = ld.scrub.scrub(e.Key)
	return e
}

func (ld *loader) load() (*Config, error) {
	workDir, err := ld.workDir()
	if err != nil {
		return nil, err
	}
	path, src, err := ld.readFile(workDir)
	if err != nil {
		return nil, err
	}
	cfg := defaults()
	cfg.Dir = workDir
	cfg.Env = ld.opts.Vars["env"]
	for k, v := range ld.opts.Vars {
		if k != "env" {
			if cfg.Vars == nil {
				cfg.Vars = map[string]string{}
			}
			cfg.Vars[k] = v
		}
	}

	root := &node{table: map[string]*node{}}
	if path != "" {
		cfg.Path = path
		cfg.Dir = filepath.Dir(path)
		ld.scrub.addFrom(src)
		if root, err = ld.parse(src); err != nil {
			return nil, err
		}
	}

	errs := &errorList{file: ld.file}
	base, envs := decodeLayer(root, true, errs)
	overlays := map[string]layer{}
	for _, name := range sortedEnvNames(envs) {
		overlays[name], _ = decodeLayer(envs[name], false, errs)
	}
	if e := errs.first(); e != nil {
		return nil, e
	}

	settings := base
	if cfg.Env != "" {
		over, ok := overlays[cfg.Env]
		if !ok {
			return nil, ld.unknownEnv(cfg.Env, workDir, sortedEnvNames(envs))
		}
		settings = merge(base, over)
	}
	if err := ld.apply(cfg, settings); err != nil {
		return nil, err
	}
	if err := validate(cfg, settings, ld.file); err != nil {
		return nil, err
	}
	return cfg, nil
}

func (ld *loader) workDir() (string, error) {
	dir := ld.opts.WorkDir
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return "", fmt.Errorf("finding the working directory: %w", err)
		}
		dir = wd
	}
	return filepath.Abs(dir)
}

// readFile finds and reads the config file; path is "" when there is none
// (no Path given and no migrate.toml in the working directory).
func (ld *loader) readFile(workDir string) (path, src string, err error) {
	explicit := ld.opts.Path != ""
	path = ld.opts.Path
	if !explicit {
		path = FileName
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(workDir, path)
	}
	ld.file = displayPath(workDir, path)
	data, err := os.ReadFile(path)
	switch {
	case err == nil:
		return path, string(data), nil
	case errors.Is(err, fs.ErrNotExist) && !explicit:
		ld.file = ""
		return "", "", nil
	case errors.Is(err, fs.ErrNotExist):
		return "", "", &Error{File: ld.file, Err: err,
			Msg: "config file does not exist (check --config and $MIGRATE_CONFIG)"}
	default:
		var pe *fs.PathError
		msg := err.Error()
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		return "", "", &Error{File: ld.file, Err: err, Msg: "cannot read config file: " + msg}
	}
}

// displayPath shows path relative to the working directory when it is
// inside it, as users wrote it.
func displayPath(workDir, path string) string {
	if rel, err := filepath.Rel(workDir, path); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return rel
	}
	return path
}

// parse parses the file into a positioned tree and remembers every string
// value as written after TOML unescaping, for the scrubber.
func (ld *loader) parse(src string) (*node, error) {
	root, err := parseTree(src)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			pos := newlinePosition(src, pe.Message, pe.Position)
			return nil, &Error{File: ld.file, Line: pos.Line, Col: checkedCol(src, pos), Err: err,
				Msg: "invalid TOML: " + pe.Message}
		}
		return nil, &Error{File: ld.file, Err: err, Msg: "invalid TOML: " + err.Error()}
	}
	var walk func(n *node)
	walk = func(n *node) {
		ld.scrub.addFrom(strings.Join(n.path, " "))
		for _, c := range n.table {
			walk(c)
		}
		ld.scrubValue(n.value)
	}
	walk(root)
	return root, nil
}

// newlinePosition corrects the position of an error about an unexpected
// line break ("[database" without its "]"): the decoder counts the break
// as the start of the next line, but keeps the column of the line it ends,
// which is where the fix goes.
func newlinePosition(src, msg string, p toml.Position) toml.Position {
	if !strings.Contains(msg, `'\n'`) || p.Line < 2 {
		return p
	}
	lines := strings.Split(src, "\n")
	if p.Line-2 < len(lines) && p.Col == len(lines[p.Line-2])+1 {
		p.Line--
	}
	return p
}

// checkedCol returns the column of a TOML syntax error, or 0 when the
// decoder's column does not fall on the reported line (it is computed from
// the last token read, which for some errors is past the line's end).
func checkedCol(src string, p toml.Position) int {
	lines := strings.Split(src, "\n")
	if p.Line < 1 || p.Line > len(lines) || p.Col < 1 || p.Col > len(lines[p.Line-1])+1 {
		return 0
	}
	return p.Col
}

func (ld *loader) scrubValue(v any) {
	switch v := v.(type) {
	case string:
		ld.scrub.addFrom(v)
	case []any:
		for _, e := range v {
			ld.scrubValue(e)
		}
	case map[string]any:
		for k, e := range v {
			ld.scrub.addFrom(k)
			ld.scrubValue(e)
		}
	case []map[string]any:
		for _, e := range v {
			ld.scrubValue(e)
		}
	}
}

// unknownEnv explains a -x env=NAME that has no overlay.
func (ld *loader) unknownEnv(name, workDir string, defined []string) error {
	if ld.file == "" {
		return &Error{Key: "env", Msg: fmt.Sprintf("-x env=%s: no %s in %s to hold [env.%s] (run 'migrate init' or pass --config)",
			name, FileName, workDir, name)}
	}
	msg := fmt.Sprintf("-x env=%s: no [env.%s] table", name, name)
	if len(defined) == 0 {
		msg += " (the file defines no [env.NAME] overlays)"
	} else {
		msg += fmt.Sprintf(" (defined: %s)", strings.Join(defined, ", "))
	}
	return &Error{File: ld.file, Key: "env", Msg: msg}
}

// lookup resolves a variable: -x variables first, then the environment.
// Every value read is remembered by the scrubber.
func (ld *loader) lookup(name string) (string, bool) {
	if v, ok := ld.opts.Vars[name]; ok {
		return v, true
	}
	v := ld.getenv(name)
	ld.scrub.addFrom(v)
	return v, v != ""
}
