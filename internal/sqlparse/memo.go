package sqlparse

import (
	"slices"
	"sync"
)

// A declaration spells the same few types, defaults and checks on
// thousands of columns, and each parse costs a cgo call and a protobuf
// decode. CheckExpr, ClassifyExpr and ParseTypeName are pure functions of
// their text, so their answers are memoized for the process, as
// NeedsQuoting's are.
var (
	checkMemo    sync.Map // string -> error (nil stored as nil)
	classifyMemo sync.Map // string -> classified
	typeMemo     sync.Map // string -> parsedType
)

type classified struct {
	kind ExprKind
	col  string
	err  error
}

type parsedType struct {
	tn  *TypeName
	err error
}

func errOrNil(v any) error {
	if v == nil {
		return nil
	}
	return v.(error)
}

// clone copies a TypeName, so callers may change what they are given.
func (t *TypeName) clone() *TypeName {
	if t == nil {
		return nil
	}
	c := *t
	c.Names = slices.Clone(t.Names)
	c.Mods = slices.Clone(t.Mods)
	return &c
}
