package config

import (
	"fmt"
	"strings"
)

// lookupFunc returns a variable's value and whether it is set.
type lookupFunc func(name string) (string, bool)

// expandError explains why a value could not be expanded. It never quotes
// the value itself, which may hold a password.
type expandError struct {
	msg string
	// unset is true when the problem is a variable without a value, as
	// opposed to a malformed reference.
	unset bool
}

func (e *expandError) Error() string { return e.msg }

// expand replaces ${NAME} and ${NAME:-default} in s. The default is used
// when NAME is unset or empty and may itself contain ${...}. $$ is a
// literal dollar; a $ followed by anything else is kept as is, so
// passwords containing $ need no escaping unless a { follows.
func expand(s string, lookup lookupFunc) (string, error) {
	if !strings.Contains(s, "$") {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		if c != '$' || i+1 >= len(s) {
			b.WriteByte(c)
			i++
			continue
		}
		switch s[i+1] {
		case '$':
			b.WriteByte('$')
			i += 2
		case '{':
			end, err := matchBrace(s, i+2)
			if err != nil {
				return "", err
			}
			v, err := expandRef(s[i+2:end], lookup)
			if err != nil {
				return "", err
			}
			b.WriteString(v)
			i = end + 1
		default:
			b.WriteByte('$')
			i++
		}
	}
	return b.String(), nil
}

// matchBrace returns the index of the } closing a ${ whose body starts at
// start, skipping nested ${...} and $$ in defaults.
func matchBrace(s string, start int) (int, error) {
	depth := 0
	for i := start; i < len(s); i++ {
		switch {
		case s[i] == '$' && i+1 < len(s) && s[i+1] == '$':
			i++
		case s[i] == '$' && i+1 < len(s) && s[i+1] == '{':
			depth++
			i++
		case s[i] == '}':
			if depth == 0 {
				return i, nil
			}
			depth--
		}
	}
	return 0, &expandError{msg: "unterminated ${ (write $$ for a literal $)"}
}

// expandRef resolves the body of one ${...}.
func expandRef(body string, lookup lookupFunc) (string, error) {
	name, def, hasDef := strings.Cut(body, ":-")
	if !validVarName(name) {
		return "", &expandError{msg: "invalid variable reference: want ${NAME} or ${NAME:-default} with NAME made of letters, digits and _ (write $$ for a literal $)"}
	}
	v, ok := lookup(name)
	if hasDef {
		if ok && v != "" {
			return v, nil
		}
		return expand(def, lookup)
	}
	if !ok {
		return "", &expandError{unset: true, msg: fmt.Sprintf("variable %s is not set (set it in the environment, pass -x %s=..., or write ${%s:-default})", name, name, name)}
	}
	return v, nil
}

// validVarName reports whether name is a variable name: a letter or _
// followed by letters, digits or _.
func validVarName(name string) bool {
	if name == "" {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '_', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}
