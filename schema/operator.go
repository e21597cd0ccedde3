package schema

// Operator is a user-defined operator (CREATE OPERATOR), identified by
// schema, symbol and operand types. Type and function names are spelled
// as the catalog prints them with an empty search_path (format_type,
// regproc, regoper), like every other name in a Schema.
type Operator struct {
	// QName's Name is the operator symbol, such as ~<<.
	QName
	// Left is the left operand type; empty for a prefix operator.
	Left string `json:"left,omitempty"`
	// Right is the right operand type.
	Right string `json:"right"`
	// Result is the result type (that of Function).
	Result string `json:"result"`
	// Function implements the operator (regproc: public.f, or f for a
	// built-in one).
	Function string `json:"function"`
	// Commutator and Negator are other operators (regoper: public.~>>),
	// empty when not set.
	Commutator string `json:"commutator,omitempty"`
	Negator    string `json:"negator,omitempty"`
	// Restrict and Join are the selectivity estimators (regproc), empty
	// when not set.
	Restrict string `json:"restrict,omitempty"`
	Join     string `json:"join,omitempty"`
	// Hashes and Merges say the operator supports hash and merge joins.
	Hashes  bool   `json:"hashes,omitempty"`
	Merges  bool   `json:"merges,omitempty"`
	Comment string `json:"comment,omitempty"`
}

// Operands is the operand list as DROP OPERATOR and COMMENT ON OPERATOR
// take it: "(integer, integer)", "(NONE, integer)" for a prefix operator.
func (o *Operator) Operands() string {
	left := o.Left
	if left == "" {
		left = "NONE"
	}
	return "(" + left + ", " + o.Right + ")"
}

// Signature identifies an operator among those sharing its symbol:
// public.~<<(integer, integer).
func (o *Operator) Signature() string { return o.QName.String() + o.Operands() }
