package revision

// Direction says which section of a revision a step runs.
type Direction int

// The two directions a step can run in.
const (
	Up Direction = iota + 1
	Down
)

func (d Direction) String() string {
	switch d {
	case Up:
		return "upgrade"
	case Down:
		return "downgrade"
	}
	return "unknown"
}

// Plan is the ordered list of steps that takes the database from its current
// heads to a target. Running the steps in order, each with its version-table
// change, is always valid: a step's revisions prerequisites run before it.
type Plan struct {
	Direction Direction
	Steps     []Step
	// From are the heads recorded in the version table before the plan;
	// To are the heads after the last step.
	From, To []string
}

// Step runs one revision in one direction and moves the version table rows:
// it deletes the rows in Delete and inserts the rows in Insert (Alembic's
// semantics: an upgrade replaces its parents' rows with its own, a merge
// replaces several rows by one, a downgrade puts back the parents that are
// not otherwise reachable from the remaining heads).
type Step struct {
	Revision  *Revision
	Direction Direction
	Delete    []string
	Insert    []string
}

// Section returns the section the step runs.
func (s Step) Section() *Section {
	if s.Direction == Down {
		return s.Revision.Downgrade
	}
	return s.Revision.Upgrade
}
