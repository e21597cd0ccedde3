package schema

// View is a view or a materialized view.
type View struct {
	QName
	Materialized bool `json:"materialized,omitempty"`
	// Definition is pg_get_viewdef: the SELECT the view stores.
	Definition string `json:"definition"`
	// DependsOn are the columns of tables and views the query reads, as
	// pg_depend records them for the view's rewrite rule (Column empty: the
	// relation as a whole), sorted. PostgreSQL refuses to drop or retype a
	// column listed here while the view exists, and only those; nil when
	// unknown (a schema not read from a server).
	DependsOn []ColumnRef `json:"depends_on,omitempty"`
	// Columns are the view's output column names in order.
	Columns []string `json:"columns,omitempty"`
	// Options are reloptions ("security_barrier=true", "check_option=local"),
	// sorted.
	Options []string `json:"options,omitempty"`
	// Indexes belong to materialized views only.
	Indexes []Index `json:"indexes,omitempty"`
	// Triggers are INSTEAD OF (and statement) triggers of a plain view.
	Triggers []Trigger `json:"triggers,omitempty"`
	// ColumnComments maps a column name to its comment.
	ColumnComments map[string]string `json:"column_comments,omitempty"`
	Comment        string            `json:"comment,omitempty"`
	Grants         []Grant           `json:"grants,omitempty"`
}

// Function is a function or procedure, identified by schema, name and
// argument types (overloads are distinct functions).
type Function struct {
	QName
	// Kind is "function" or "procedure".
	Kind string `json:"kind"`
	// Arguments is pg_get_function_identity_arguments: "a integer, b text".
	Arguments string `json:"arguments"`
	// Result is pg_get_function_result; empty for procedures.
	Result   string `json:"result,omitempty"`
	Language string `json:"language"`
	// Definition is pg_get_functiondef: the full CREATE OR REPLACE statement.
	Definition string  `json:"definition"`
	Comment    string  `json:"comment,omitempty"`
	Grants     []Grant `json:"grants,omitempty"`
}

// ColumnRef names a column of a table or view; an empty Column stands for
// the relation as a whole.
type ColumnRef struct {
	Relation QName  `json:"relation"`
	Column   string `json:"column,omitempty"`
}
