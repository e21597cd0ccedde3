package autogen

import (
	"github.com/migrate-tool/migrate/schema"
)

// phase orders changes: every change is appended to one phase, and phases
// run in declaration order. Within a phase, changes keep the order they were
// emitted in, which follows canonical (sorted) object order or an explicit
// dependency sort.
type phase int

const (
	// Early drops: what depends on other objects goes first, so that the
	// objects it depends on can change.
	phGuard             phase = iota // guards that refuse the rows before anything changes
	phRename                         // table/column renames, sequences released from owners
	phDropTrigger                    // triggers before the functions and tables they use
	phDropPolicy                     // policies before the columns and functions they use
	phDropView                       // views, dependants first
	phDropRefFK                      // foreign keys referencing a partition tree that loses partitions: DETACH and DROP of a referenced partition need them gone
	phDetach                         // partitions detached, inheritance removed: before the parent's keys, indexes and checks are dropped, which would take the children's copies along
	phDropFK                         // foreign keys before the keys they reference
	phDropConstraint                 // other constraints (tables and domains)
	phDropIndex                      // indexes
	phDropTableFunction              // functions using table row types or naming tables in SQL-standard bodies: after the checks and indexes calling them
	phDropTable                      // tables, children first
	phReleaseColumn                  // identities whose sequence name a new sequence takes (identity -> serial), defaults calling a recreated function
	phDropFunctionEarly              // functions recreated under the same signature
	// Creations and alterations, in dependency order.
	phCreateSchema       // schemas first
	phCreateExtension    // extensions (their types may be used below)
	phCreateCollation    // collations (domains, columns and indexes may name them)
	phCreateEnum         // enums (domains and composites may use them)
	phCreateDomain       // domains and composite types, in dependency order
	phCreateSequence     // sequences before the defaults using them
	phCreateFunction     // functions before defaults, checks, triggers
	phCreateOperator     // operators: after their functions, before what uses them
	phCreateTable        // tables, parents before children
	phAlterTable         // columns, options, partitions
	phDropOldType        // recreated types: the old copy, once unused
	phSequenceOwner      // OWNED BY, once the column exists
	phAddConstraint      // primary keys, unique, checks, exclusions
	phCreateIndex        // indexes
	phAddFK              // foreign keys, once every key exists
	phValidate           // VALIDATE CONSTRAINT of NOT VALID additions
	phCreateLateFunction // functions whose signature uses a table row type
	phCreateView         // views in dependency order, with their indexes
	phCreateTrigger      // triggers
	phRLS                // row level security flags
	phCreatePolicy       // policies
	phComment            // comments
	phGrant              // grants and revokes
	phDropCopied         // old copies of recreated tables, once their rows are in the new ones
	// Late drops: objects that columns, defaults or functions may still
	// have used until the alterations above ran.
	phDropSequence    // sequences after the defaults using them
	phDropOperator    // operators after what uses them, before their functions
	phDropFunction    // functions after triggers, defaults and checks
	phDropDomain      // domains and composite types after the columns using them
	phDropOldTypeLate // recreated types whose old copy a dropped domain, composite or function used
	phDropCollation   // collations after the domains, columns and indexes naming them
	phDropEnum        //
	phDropExtension   //
	phDropSchema      // schemas last, when empty
	numPhases
)

// differ computes one direction of a diff.
type differ struct {
	from, to *schema.Schema
	opts     Options
	renames  resolvedRenames
	// seqRenames are the owned sequences that follow a renamed table or
	// column to the name the target gives them.
	seqRenames []*RenameSequence
	out        [numPhases][]Change

	fromTables, toTables map[schema.QName]*schema.Table
	fromViews, toViews   map[schema.QName]*schema.View

	// relation-level facts the per-kind diffs share
	tableGone     map[schema.QName]bool            // from-table dropped or recreated
	tableNew      map[schema.QName]bool            // to-table created (incl. recreated)
	colTouched    map[schema.QName]map[string]bool // from-columns dropped or retyped
	typeRecreated map[schema.QName]bool            // enums/domains recreated under the same name
	viewRecreated map[schema.QName]bool            // from-views dropped (and created again when kept)
	funcRecreated map[string]bool                  // functions dropped and created (by signature)
	keyGone       map[schema.QName][]*schema.Constraint
	// columnRecreated: from-columns dropped and added again (generated
	// expression changes)
	columnRecreated map[schema.QName]map[string]bool
	// recreateWhy says, for recreated columns whose values are lost, why
	// (no conversion between their types).
	recreateWhy map[schema.QName]map[string]string
	// handoff marks the sequences created to take over an identity
	// column's values (identity.go): the column's change creates them.
	handoff map[schema.QName]bool
	// refusals are the steps PostgreSQL cannot take (typedeps.go).
	refusals []string
	// carried marks the sequences (as nextval names them) whose value an
	// identity column continues.
	carried map[string]bool
	// viewFuncCreates and viewFuncDrops are the function changes that go
	// among the views (viewfunc.go): functions() leaves them to views().
	viewFuncCreates, viewFuncDrops []viewFunc
	// keyPlans say how the indexes and key constraints of partitioned
	// tables and their partitions come to exist (attach.go); names caches
	// the names taken in each schema of the target.
	keyPlans map[keyRef]*keyPlan
	names    map[string]map[string]bool
	// copies are the tables recreated with their rows (copytable.go), with
	// the name their old copy is renamed to; copyMember maps them and their
	// current partitions to the name they have until dropped.
	copies, copyMember map[schema.QName]schema.QName
	// unrunnable says why changes of this direction cannot run on the
	// server (an extension update without update scripts).
	unrunnable []string
}

func newDiffer(from, to *schema.Schema, opts Options, rn resolvedRenames) *differ {
	var seqRenames []*RenameSequence
	if len(rn) > 0 {
		from, seqRenames = rn.apply(from, to)
	}
	d := &differ{
		from: from, to: to, opts: opts, renames: rn, seqRenames: seqRenames,
		fromTables:    map[schema.QName]*schema.Table{},
		toTables:      map[schema.QName]*schema.Table{},
		fromViews:     map[schema.QName]*schema.View{},
		toViews:       map[schema.QName]*schema.View{},
		tableGone:     map[schema.QName]bool{},
		tableNew:      map[schema.QName]bool{},
		colTouched:    map[schema.QName]map[string]bool{},
		typeRecreated: map[schema.QName]bool{},
		viewRecreated: map[schema.QName]bool{},
		funcRecreated: map[string]bool{},
		keyGone:       map[schema.QName][]*schema.Constraint{},

		columnRecreated: map[schema.QName]map[string]bool{},
		recreateWhy:     map[schema.QName]map[string]string{},
		handoff:         map[schema.QName]bool{},
		carried:         map[string]bool{},
		keyPlans:        map[keyRef]*keyPlan{},
		names:           map[string]map[string]bool{},
	}
	for i := range from.Tables {
		d.fromTables[from.Tables[i].QName] = &from.Tables[i]
	}
	for i := range to.Tables {
		d.toTables[to.Tables[i].QName] = &to.Tables[i]
	}
	for i := range from.Views {
		d.fromViews[from.Views[i].QName] = &from.Views[i]
	}
	for i := range to.Views {
		d.toViews[to.Views[i].QName] = &to.Views[i]
	}
	return d
}

func (d *differ) add(p phase, c ...Change) { d.out[p] = append(d.out[p], c...) }

// run fills the phases. The order of the calls matters only where a later
// diff reads facts an earlier one recorded (types recreated -> columns to
// convert; tables and columns changed -> views to recreate).
func (d *differ) run() {
	d.renameChanges()
	d.namespaces()
	d.extensions()
	d.collations()
	d.enums()
	d.userTypes()
	d.planTables()
	d.checkRecreatedTypeUses()
	d.functions()
	d.operators()
	d.sequences()
	d.tables()
	d.views()
}

func (d *differ) changes() []Change {
	var out []Change
	for _, cs := range d.out {
		out = append(out, cs...)
	}
	return out
}

func (d *differ) touchColumn(t schema.QName, col string) {
	m := d.colTouched[t]
	if m == nil {
		m = map[string]bool{}
		d.colTouched[t] = m
	}
	m[col] = true
}
