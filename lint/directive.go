package lint

import (
	"errors"
	"strings"
)

// nolintMarker starts a suppression comment: "-- migrate:nolint RULE reason".
const nolintMarker = "migrate:nolint"

// hazardMarker starts a hazard comment: "-- hazard KIND (RULE): message".
const hazardMarker = "hazard"

// Directive is what one comment before a statement says to the linter.
type Directive struct {
	// Nolint is true for a "-- migrate:nolint" line, false for a hazard
	// comment.
	Nolint bool
	// Rules are the rule ids named: the nolint list, or the ids in
	// parentheses after a hazard kind. They may be unknown ids; the caller
	// checks them.
	Rules []string
	// Kind is a hazard comment's kind ("data-loss").
	Kind string
	// Reason is the nolint reason or the hazard message.
	Reason string
}

// errNoReason is a nolint line that names rules but gives no reason.
var errNoReason = errors.New("-- migrate:nolint needs a reason after the rule list, e.g. -- migrate:nolint drop-column the column was unused since v3")

// errNoRule is a nolint line that names no rule.
var errNoRule = errors.New("-- migrate:nolint needs a rule and a reason: -- migrate:nolint RULE[,RULE] reason")

// ParseDirective reads one SQL comment as written (with its "--"). It
// returns ok false for a comment that is not a directive (block comments
// never are), and an error for a nolint line that is malformed.
//
// The forms are:
//
//	-- migrate:nolint RULE[,RULE...] reason
//	-- hazard KIND: message                  (before rule ids existed)
//	-- hazard KIND (RULE[, RULE...]): message
func ParseDirective(comment string) (d Directive, ok bool, err error) {
	body, isLine := strings.CutPrefix(comment, "--")
	if !isLine {
		return Directive{}, false, nil
	}
	body = strings.TrimSpace(body)
	if rest, found := strings.CutPrefix(body, nolintMarker); found && (rest == "" || isSpace(rest[0])) {
		d, err := parseNolint(rest)
		return d, true, err
	}
	if rest, found := strings.CutPrefix(body, hazardMarker); found && rest != "" && isSpace(rest[0]) {
		return parseHazard(strings.TrimSpace(rest))
	}
	return Directive{}, false, nil
}

// parseNolint reads what follows "migrate:nolint": a comma-separated rule
// list (spaces after the commas are allowed), then the reason.
func parseNolint(rest string) (Directive, error) {
	d := Directive{Nolint: true}
	rest = strings.TrimSpace(rest)
	for {
		word, tail := cutWord(rest)
		if word == "" {
			break
		}
		for _, id := range strings.Split(word, ",") {
			if id != "" {
				d.Rules = append(d.Rules, id)
			}
		}
		rest = tail
		if !strings.HasSuffix(word, ",") && !strings.HasPrefix(tail, ",") {
			break
		}
	}
	if len(d.Rules) == 0 {
		return d, errNoRule
	}
	d.Reason = strings.TrimSpace(rest)
	if d.Reason == "" {
		return d, errNoReason
	}
	return d, nil
}

// parseHazard reads what follows "hazard": KIND, an optional "(RULE, ...)"
// and ": message". Anything else is an ordinary comment that happens to
// start with the word hazard.
func parseHazard(rest string) (Directive, bool, error) {
	end := strings.IndexAny(rest, " \t:(")
	if end <= 0 {
		return Directive{}, false, nil
	}
	d := Directive{Kind: rest[:end]}
	if !isKindWord(d.Kind) {
		return Directive{}, false, nil
	}
	rest = strings.TrimSpace(rest[end:])
	if inner, found := strings.CutPrefix(rest, "("); found {
		list, tail, closed := strings.Cut(inner, ")")
		if !closed {
			return Directive{}, false, nil
		}
		for _, id := range strings.Split(list, ",") {
			if id = strings.TrimSpace(id); !isKindWord(id) {
				return Directive{}, false, nil
			}
			d.Rules = append(d.Rules, id)
		}
		rest = strings.TrimSpace(tail)
	}
	msg, found := strings.CutPrefix(rest, ":")
	if !found {
		return Directive{}, false, nil
	}
	d.Reason = strings.TrimSpace(msg)
	return d, true, nil
}

// isKindWord reports whether s looks like a hazard kind or rule id:
// lowercase letters, digits and hyphens.
func isKindWord(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '-' && (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return s != ""
}

// cutWord splits s at its first run of white space.
func cutWord(s string) (word, rest string) {
	s = strings.TrimLeft(s, " \t")
	i := strings.IndexAny(s, " \t")
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimLeft(s[i:], " \t")
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }
