package autogen

// Change is one schema change. The set of implementations is closed (the
// types in this package); switch on the concrete type to inspect one.
type Change interface {
	// Describe is a one-line human description: "add column public.users.email".
	Describe() string
	// statements renders the change; most changes are one statement.
	statements() []Statement
}

func one(sql string, hz ...Hazard) []Statement {
	return []Statement{{SQL: sql, Hazards: hz}}
}

// needsBodiesOff reports whether c creates a function whose body must not
// be validated at creation time.
func needsBodiesOff(c Change) bool {
	switch c.(type) {
	case *CreateFunction, *ReplaceFunction:
		return true
	}
	return false
}
