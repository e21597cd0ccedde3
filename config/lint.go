package config

// Lint is the [lint] table: how `migrate lint` judges revision files (rule
// ids are documented in docs/lint.md; the lint package checks that the
// names here are rules).
type Lint struct {
	// InCheck makes `migrate check` lint the revisions not yet applied and
	// fail on an error-level finding.
	InCheck bool `json:"in_check,omitempty"`
	// Disable turns rules off.
	Disable []string `json:"disable,omitempty"`
	// Error and Warning set rules' severities: an error finding makes lint
	// exit 1, a warning is reported only.
	Error   []string `json:"error,omitempty"`
	Warning []string `json:"warning,omitempty"`
}

// lintKeys are the settings of [lint], in the order `migrate config` prints
// them.
var lintKeys = []keySpec{
	{"lint.in_check", kindBool},
	{"lint.disable", kindStrings},
	{"lint.error", kindStrings},
	{"lint.warning", kindStrings},
}

// assignLint stores a [lint] value; ok is false for keys of other tables.
func assignLint(c *Config, name string, strs []string, b bool) (ok bool) {
	switch name {
	case "lint.in_check":
		c.Lint.InCheck = b
	case "lint.disable":
		c.Lint.Disable = strs
	case "lint.error":
		c.Lint.Error = strs
	case "lint.warning":
		c.Lint.Warning = strs
	default:
		return false
	}
	return true
}

// lintValues are the [lint] settings for Settings.
func (l Lint) values() map[string]any {
	return map[string]any{
		"lint.in_check": l.InCheck,
		"lint.disable":  l.Disable,
		"lint.error":    l.Error,
		"lint.warning":  l.Warning,
	}
}

// lint checks the rule lists' shape: no empty or repeated names, and no
// rule in two lists. Whether a name is a rule is the lint package's to say.
func (v *validator) lint(l Lint) {
	seen := map[string]string{}
	for _, list := range []struct {
		key   string
		names []string
	}{{"lint.disable", l.Disable}, {"lint.error", l.Error}, {"lint.warning", l.Warning}} {
		for i, n := range list.names {
			switch first, dup := seen[n]; {
			case n == "":
				v.fail(list.key, "%s: element %d is empty", list.key, i+1)
			case dup && first == list.key:
				v.fail(list.key, "%s: %q is listed twice", list.key, n)
			case dup:
				v.fail(list.key, "%s: %q is also in %s: give each rule one setting", list.key, n, first)
			default:
				seen[n] = list.key
			}
		}
	}
}
