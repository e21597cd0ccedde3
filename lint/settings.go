package lint

import "fmt"

// SettingError is a rule list of the configuration that names something
// other than a rule.
type SettingError struct {
	// Key is the setting: "lint.disable", "lint.error" or "lint.warning".
	Key string
	Err error
}

func (e *SettingError) Error() string { return e.Key + ": " + e.Err.Error() }

func (e *SettingError) Unwrap() error { return e.Err }

// Settings builds Options.Severity from the rule lists of migrate.toml's
// [lint] table: rules to turn off, to report as errors and as warnings.
func Settings(disable, errorRules, warningRules []string) (map[string]Severity, error) {
	out := map[string]Severity{}
	for _, l := range []struct {
		key string
		ids []string
		to  Severity
	}{
		{"lint.disable", disable, SeverityOff},
		{"lint.error", errorRules, SeverityError},
		{"lint.warning", warningRules, SeverityWarning},
	} {
		for _, id := range l.ids {
			if _, ok := Lookup(id); !ok {
				return nil, &SettingError{Key: l.key, Err: unknownRuleError(id)}
			}
			if prev, dup := out[id]; dup && prev != l.to {
				return nil, &SettingError{Key: l.key, Err: fmt.Errorf("rule %s has two settings", id)}
			}
			out[id] = l.to
		}
	}
	return out, nil
}
