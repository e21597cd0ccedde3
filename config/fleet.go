package config

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Fleet is the [fleet] table: the databases `migrate fleet` runs one
// revision history on. Exactly one of Databases and Query names them.
type Fleet struct {
	// Databases are connection strings (URLs or key=value DSNs), ${VAR}
	// expanded, in the order they run.
	Databases []string `json:"databases,omitempty"`
	// Query is run on database.url and returns one connection string per
	// row, in the order they run.
	Query string `json:"query,omitempty"`
	// Parallel is how many databases run at the same time.
	Parallel int `json:"parallel"`
}

// DefaultFleetParallel is fleet.parallel when the file does not set it.
const DefaultFleetParallel = 4

// ErrNoFleet is returned by RequireFleet when [fleet] names no databases.
var ErrNoFleet = errors.New("no fleet configured")

// RequireFleet returns an error saying what to set when the configuration
// names no fleet, or the deferred error of a fleet.databases entry whose
// variable is unset. The fleet commands call it first.
func (c *Config) RequireFleet() error {
	if c.fleetErr != nil {
		return c.fleetErr
	}
	if len(c.Fleet.Databases) > 0 || c.Fleet.Query != "" {
		return nil
	}
	where := "in " + FileName
	if c.Path == "" {
		where = fmt.Sprintf("in a %s (run 'migrate init')", FileName)
	} else if c.Env != "" {
		where = fmt.Sprintf("in %s or its [env.%s]", c.Path, c.Env)
	}
	return fmt.Errorf(`%w: set [fleet] databases = ["postgres://...", ...] or [fleet] query = "SELECT url FROM ..." (run on database.url) %s`,
		ErrNoFleet, where)
}

// parseParallel reads fleet.parallel, which decodeKey stored as decimal
// text.
func parseParallel(s string, dst *int) error {
	if s == "" {
		*dst = DefaultFleetParallel
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return fmt.Errorf("%s is not a number of databases: want 1 or more", s)
	}
	*dst = n
	return nil
}

// validateFleet checks [fleet]: one source of databases, and entries that
// look like connection strings. Messages never quote an entry, which may
// hold a password; they give its position in the array.
func validateFleet(v *validator, f Fleet) {
	if len(f.Databases) > 0 && f.Query != "" {
		v.fail("fleet.query", "fleet.databases and fleet.query are both set: list the databases or query them, not both (an overlay can clear the other with databases = [] or query = \"\")")
	}
	for i, u := range f.Databases {
		element := fmt.Sprintf("fleet.databases element %d", i+1)
		switch {
		case strings.TrimSpace(u) == "":
			v.fail("fleet.databases", "%s is empty", element)
		case u == EmbeddedURL:
			v.fail("fleet.databases", "%s: %q is one private database, not a fleet member: list server URLs", element, EmbeddedURL)
		case slices.Contains(f.Databases[:i], u):
			v.fail("fleet.databases", "%s repeats element %d: list each database once", element, slices.Index(f.Databases, u)+1)
		default:
			n := len(v.errs)
			v.url("fleet.databases", u)
			for _, e := range v.errs[n:] {
				e.Msg = strings.Replace(e.Msg, "fleet.databases:", element+":", 1)
			}
		}
	}
}
