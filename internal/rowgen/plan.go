package rowgen

import (
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/migrate-tool/migrate/internal/sqlparse"
	"github.com/migrate-tool/migrate/schema"
)

// DefaultRows is the number of rows a plan asks for per table.
const DefaultRows = 200

// Options tune a generation plan.
type Options struct {
	// Seed fixes every value: the same schema, options and seed give the
	// same rows. SeedFor derives one from a case name.
	Seed uint64
	// Rows per table; 0 means DefaultRows.
	Rows int
	// Facts describe the types the schema model does not (see Facts).
	Facts map[string]TypeFact
	// Target, when set, asks for compatible rows: values that also fit the
	// target's column types, checks, NOT NULLs, uniqueness and foreign
	// keys, so a change that refuses rows it cannot convert still gets
	// exercised. Without it the rows are hostile: near the limits of the
	// old types (a 45-character text, a numeric at its precision), where
	// a narrowing change would lose something.
	Target *schema.Schema
	// Mapping names the target's tables and columns (renames); used with
	// Target.
	Mapping Mapping
}

// SeedFor derives a seed from a name (a corpus case's).
func SeedFor(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return h.Sum64()
}

// Plan is the fill order of a schema's tables and how each is filled.
type Plan struct {
	Tables []*TablePlan
}

// TablePlan fills one table: the relation rows are inserted into (a
// partitioned table's root routes them to its leaves).
type TablePlan struct {
	Name schema.QName
	// Rows is the number of rows to insert.
	Rows    int
	seed    uint64
	hostile bool
	// partitioned: rows are routed to partitions (keys are read without ONLY)
	partitioned bool
	cols        []colPlan
	fks         []fkPlan
	routes      []route
}

type fillMode int

const (
	fillValue        fillMode = iota // a generated value (or NULL)
	fillSomeDefaults                 // DEFAULT for some rows, a value otherwise
	fillNull                         // always NULL (a foreign key to a table the old schema lacks)
)

type colPlan struct {
	name    string
	typ     *typeSpec
	cs      cons
	notNull bool
	unique  bool
	mode    fillMode
}

type fkPlan struct {
	ref      KeyRef
	cols     []string // child columns, in ref.Columns order
	nullable bool
	unique   bool // the child columns are unique: use each parent key once
}

// KeyRef names the referenced columns of a foreign key: the values the
// filler reads from the parent before it renders child rows.
type KeyRef struct {
	Table   schema.QName
	Columns []string
}

func (k KeyRef) String() string { return k.Table.String() + "(" + strings.Join(k.Columns, ",") + ")" }

// Keys are the values present in referenced tables, by KeyRef.String():
// tuples of text in a stable order.
type Keys map[string][][]string

// NewPlan plans the filling of every table of s that stores rows.
func NewPlan(s *schema.Schema, opts Options) *Plan {
	if opts.Rows <= 0 {
		opts.Rows = DefaultRows
	}
	res := newResolver(s, opts.Facts)
	var tres *resolver
	if opts.Target != nil {
		tres = newResolver(opts.Target, opts.Facts)
	}
	p := &Plan{}
	for i := range s.Tables {
		t := &s.Tables[i]
		if t.PartitionOf != nil {
			continue // filled through its root
		}
		p.Tables = append(p.Tables, planTable(s, t, res, tres, opts))
	}
	p.Tables = fillOrder(p.Tables)
	return p
}

func planTable(s *schema.Schema, t *schema.Table, res, tres *resolver, opts Options) *TablePlan {
	h := fnv.New64a()
	h.Write([]byte(t.QName.String()))
	tp := &TablePlan{Name: t.QName, Rows: opts.Rows, seed: opts.Seed ^ h.Sum64(), hostile: opts.Target == nil}
	checks := inheritedChecks(s, t)
	unique := uniqueColumns(s, t)
	var tt *schema.Table
	if opts.Target != nil {
		tt = opts.Target.Table(opts.Mapping.Table(t.QName))
	}
	var tchecks map[string]cons
	var tunique map[string]bool
	if tt != nil {
		tchecks, tunique = inheritedChecks(opts.Target, tt), uniqueColumns(opts.Target, tt)
	}
	for _, c := range t.Columns {
		if c.Generated != "" || c.Identity == "ALWAYS" || c.Identity == "BY DEFAULT" || strings.Contains(c.Default, "nextval(") {
			continue // the database fills it
		}
		cp := colPlan{name: c.Name, typ: res.resolve(c.Type), cs: checks[c.Name], notNull: c.NotNull, unique: unique[c.Name]}
		if c.Default != "" {
			cp.mode = fillSomeDefaults
		}
		if tt != nil {
			if nc := tt.Column(opts.Mapping.Column(t.QName, c.Name)); nc != nil {
				nspec := tres.resolve(nc.Type)
				cp.typ = compatSpec(cp.typ, nspec)
				dc, dnn := nspec.domainCons()
				cp.cs = cp.cs.and(tchecks[nc.Name]).and(dc)
				cp.notNull = cp.notNull || nc.NotNull || dnn
				cp.unique = cp.unique || tunique[nc.Name]
			}
		}
		if _, dnn := cp.typ.domainCons(); dnn {
			cp.notNull = true
		}
		cp.notNull = cp.notNull || cp.cs.notNull
		tp.cols = append(tp.cols, cp)
	}
	tp.fks = foreignKeys(t, tp)
	if tt != nil {
		tp.addTargetKeys(s, t, tt, opts)
	}
	tp.routes = routes(s, t)
	if tt != nil && tt.PartitionOf != nil && t.PartitionOf == nil && t.PartitionKey == "" {
		// a table the change attaches as a partition: rows inside its bound
		if r, ok := leafRoute(opts.Target, tt); ok {
			back := route{}
			for _, c := range t.Columns {
				if v, ok := r[opts.Mapping.Column(t.QName, c.Name)]; ok {
					back[c.Name] = v
				}
			}
			tp.routes = []route{back}
		}
	}
	tp.partitioned = t.PartitionKey != ""
	return tp
}

// inheritedChecks are the checks of t and of the tables it inherits from
// (classic inheritance: a child holds its parents' checks).
func inheritedChecks(s *schema.Schema, t *schema.Table) map[string]cons {
	out := tableChecks(t)
	seen := map[schema.QName]bool{t.QName: true}
	queue := slices.Clone(t.Inherits)
	for len(queue) > 0 {
		q := queue[0]
		queue = queue[1:]
		p := s.Table(q)
		if p == nil || seen[q] {
			continue
		}
		seen[q] = true
		for col, c := range tableChecks(p) {
			out[col] = out[col].and(c)
		}
		queue = append(queue, p.Inherits...)
	}
	return out
}

// tableChecks parses a table's CHECK constraints per column.
func tableChecks(t *schema.Table) map[string]cons {
	out := map[string]cons{}
	for _, k := range t.Constraints {
		if k.Type != schema.Check {
			continue
		}
		for col, c := range parseChecks(k.Definition) {
			out[col] = out[col].and(c)
		}
	}
	return out
}

// uniqueColumns are the columns of primary keys, unique and exclusion
// constraints and unique indexes (including the columns of key
// expressions) of t and, for a partition, of its ancestors: their values
// are built from the row number.
func uniqueColumns(s *schema.Schema, t *schema.Table) map[string]bool {
	out := map[string]bool{}
	if t.PartitionOf != nil {
		if p := s.Table(*t.PartitionOf); p != nil && p != t {
			for c := range uniqueColumns(s, p) {
				out[c] = true
			}
		}
	}
	for _, k := range t.Constraints {
		switch k.Type {
		case schema.PrimaryKey, schema.Unique, schema.Exclusion:
			for _, c := range k.Columns {
				out[c] = true
			}
		}
	}
	for _, ix := range t.Indexes {
		if !ix.Unique {
			continue
		}
		for _, key := range ix.Keys {
			ik, err := sqlparse.ParseIndexKey(key)
			if err != nil {
				continue
			}
			if ik.Column != "" {
				out[ik.Column] = true
				continue
			}
			cols, _ := sqlparse.ExprColumns(ik.Expr)
			for _, c := range cols {
				out[c] = true
			}
		}
	}
	return out
}

func foreignKeys(t *schema.Table, tp *TablePlan) []fkPlan {
	var out []fkPlan
	for _, k := range t.Constraints {
		if k.Type != schema.ForeignKey || k.RefTable == nil || len(k.Columns) != len(k.RefColumns) {
			continue
		}
		out = append(out, tp.fkPlan(*k.RefTable, k.Columns, k.RefColumns, t))
	}
	return out
}

func (tp *TablePlan) fkPlan(parent schema.QName, cols, refCols []string, t *schema.Table) fkPlan {
	fk := fkPlan{ref: KeyRef{Table: parent, Columns: refCols}, cols: cols, nullable: true, unique: true}
	for _, c := range cols {
		if col := t.Column(c); col == nil || col.NotNull {
			fk.nullable = false
		}
		if cp := tp.col(c); cp == nil || !cp.unique {
			fk.unique = false
		} else if cp.notNull {
			fk.nullable = false
		}
	}
	return fk
}

// addTargetKeys adds the target's foreign keys between tables the old
// schema has, and sets to NULL the columns of target foreign keys whose
// parent the old schema lacks.
func (tp *TablePlan) addTargetKeys(s *schema.Schema, t, tt *schema.Table, opts Options) {
	back := map[string]string{}
	for _, c := range t.Columns {
		back[opts.Mapping.Column(t.QName, c.Name)] = c.Name
	}
	tableBack := map[schema.QName]schema.QName{}
	for i := range s.Tables {
		tableBack[opts.Mapping.Table(s.Tables[i].QName)] = s.Tables[i].QName
	}
	for _, k := range tt.Constraints {
		if k.Type != schema.ForeignKey || k.RefTable == nil || len(k.Columns) != len(k.RefColumns) {
			continue
		}
		var cols []string
		for _, c := range k.Columns {
			if oc, ok := back[c]; ok {
				cols = append(cols, oc)
			}
		}
		if len(cols) != len(k.Columns) {
			continue
		}
		parent, ok := tableBack[*k.RefTable]
		if !ok {
			for _, c := range cols {
				if cp := tp.col(c); cp != nil && !cp.notNull {
					cp.mode = fillNull
				}
			}
			continue
		}
		var refCols []string
		pt := s.Table(parent)
		for _, rc := range k.RefColumns {
			for _, c := range pt.Columns {
				if opts.Mapping.Column(parent, c.Name) == rc {
					refCols = append(refCols, c.Name)
				}
			}
		}
		if len(refCols) != len(k.RefColumns) || tp.hasFK(parent, cols) {
			continue
		}
		tp.fks = append(tp.fks, tp.fkPlan(parent, cols, refCols, t))
	}
}

func (tp *TablePlan) hasFK(parent schema.QName, cols []string) bool {
	for _, fk := range tp.fks {
		if fk.ref.Table == parent && slices.Equal(fk.cols, cols) {
			return true
		}
	}
	return false
}

func (tp *TablePlan) col(name string) *colPlan {
	for i := range tp.cols {
		if tp.cols[i].name == name {
			return &tp.cols[i]
		}
	}
	return nil
}

// Parents are the key sets the table's rows reference.
func (tp *TablePlan) Parents() []KeyRef {
	var out []KeyRef
	for _, fk := range tp.fks {
		out = append(out, fk.ref)
	}
	return out
}

// fillOrder sorts tables so parents come before the tables referencing
// them; cycles are broken by name order (the second round of filling
// serves the keys the first round could not).
func fillOrder(ts []*TablePlan) []*TablePlan {
	byName := map[schema.QName]*TablePlan{}
	for _, t := range ts {
		byName[t.Name] = t
	}
	slices.SortFunc(ts, func(a, b *TablePlan) int { return a.Name.Compare(b.Name) })
	done := map[schema.QName]bool{}
	var out []*TablePlan
	for len(out) < len(ts) {
		progressed := false
		for _, t := range ts {
			if done[t.Name] {
				continue
			}
			ready := true
			for _, fk := range t.fks {
				if p := fk.ref.Table; p != t.Name && byName[p] != nil && !done[p] {
					ready = false
				}
			}
			if ready {
				done[t.Name] = true
				out = append(out, t)
				progressed = true
			}
		}
		if !progressed {
			for _, t := range ts {
				if !done[t.Name] {
					done[t.Name] = true
					out = append(out, t)
					break
				}
			}
		}
	}
	return out
}

// Columns lists the columns the INSERT names.
func (tp *TablePlan) Columns() []string {
	out := make([]string, len(tp.cols))
	for i, c := range tp.cols {
		out[i] = c.name
	}
	return out
}

// InsertSQL is the INSERT of rendered rows (see Row); with no columns to
// name, rows are inserted with DEFAULT VALUES one at a time by the caller.
func (tp *TablePlan) InsertSQL(rows []string) string {
	var b strings.Builder
	b.WriteString("INSERT INTO " + tp.Name.Qualified())
	if len(tp.cols) == 0 {
		b.WriteString(" DEFAULT VALUES")
		return b.String()
	}
	b.WriteString(" (")
	for i, c := range tp.cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(schema.QuoteIdent(c.name))
	}
	b.WriteString(") VALUES ")
	b.WriteString(strings.Join(rows, ", "))
	return b.String()
}

// Row renders row i as a VALUES tuple, with foreign keys taken from keys;
// ok is false when the row cannot be made (a NOT NULL foreign key whose
// parent has no rows yet).
func (tp *TablePlan) Row(i int, keys Keys) (string, bool) {
	vals := make([]string, len(tp.cols))
	set := make([]bool, len(tp.cols))
	// foreign keys first: they override generated values.
	div := 1
	for fi, fk := range tp.fks {
		ks := keys[fk.ref.String()]
		var tuple []string
		switch {
		case len(ks) == 0:
		case fk.nullable && !fk.unique && tp.hostile && (i+fi)%9 == 4:
		case fk.unique:
			tuple = ks[(i/div)%len(ks)]
			div *= len(ks)
		default:
			tuple = ks[int(tp.rng(1000+fi, i).IntN(len(ks)))]
		}
		if tuple == nil && !fk.nullable {
			return "", false
		}
		for j, c := range fk.cols {
			ci := tp.colIndex(c)
			if ci < 0 {
				continue
			}
			set[ci] = true
			if tuple == nil {
				vals[ci] = "NULL"
			} else {
				vals[ci] = literal(tuple[j])
			}
		}
	}
	if len(tp.routes) > 0 {
		r := tp.routes[i%len(tp.routes)]
		for c, v := range r {
			if ci := tp.colIndex(c); ci >= 0 && !set[ci] {
				vals[ci], set[ci] = literal(v), true
			}
		}
	}
	for ci, cp := range tp.cols {
		if set[ci] {
			continue
		}
		vals[ci] = tp.render(cp, ci, i)
	}
	return "(" + strings.Join(vals, ", ") + ")", true
}

func (tp *TablePlan) render(cp colPlan, ci, i int) string {
	rng := tp.rng(ci, i)
	switch {
	case cp.mode == fillNull:
		return "NULL"
	case cp.mode == fillSomeDefaults && !cp.unique && rng.IntN(5) == 0:
		return "DEFAULT"
	case !cp.notNull && !cp.unique && rng.IntN(8) == 0:
		return "NULL"
	}
	v, ok := value(cp.typ, cp.cs, cell{rng: rng, row: i, col: ci, unique: cp.unique, hostile: tp.hostile})
	switch {
	case ok:
		return literal(v)
	case cp.mode == fillSomeDefaults:
		return "DEFAULT"
	}
	return "NULL"
}

func (tp *TablePlan) rng(col, row int) *rand.Rand {
	return rand.New(rand.NewPCG(tp.seed^uint64(col)*0x9e3779b97f4a7c15, uint64(row)+1))
}

func (tp *TablePlan) colIndex(name string) int {
	for i, c := range tp.cols {
		if c.name == name {
			return i
		}
	}
	return -1
}

// literal quotes a value as a SQL string literal of unknown type, which
// INSERT coerces to the column's type with assignment semantics (a too
// long value is an error, never truncated).
func literal(v string) string { return "'" + strings.ReplaceAll(v, "'", "''") + "'" }
