package config

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// node is one key of the parsed file with the line it was written on, so
// that every later error (unknown key, wrong type, unset variable, invalid
// value) can name file:line.
type node struct {
	path  []string         // full key path from the top of the file
	line  int              // 1-based line of the key (tables: of the header or first key)
	value any              // the decoded TOML value; nil for tables
	table map[string]*node // children, non-nil for tables (headers, dotted parents, inline)
}

// name is the dotted key as the user would write it.
func (n *node) name() string { return toml.Key(n.path).String() }

// sortedChildren returns a table's children in file order.
func (n *node) sortedChildren() []*node {
	out := make([]*node, 0, len(n.table))
	for _, c := range n.table {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b *node) int {
		if a.line != b.line {
			return a.line - b.line
		}
		return strings.Compare(a.name(), b.name())
	})
	return out
}

// errProbe stops the decoder once a probe has seen its value.
var errProbe = errors.New("position probe")

// probe captures the raw value of a key. Decoding into it always fails so
// that the TOML decoder reports the key's position in a ParseError: the
// decoder keeps positions for every key it parsed (including dotted keys and
// keys of inline tables) but exposes them only that way.
type probe struct{ v any }

// UnmarshalTOML implements toml.Unmarshaler.
func (p *probe) UnmarshalTOML(v any) error {
	p.v = v
	return errProbe
}

// parseTree parses TOML source into a positioned tree. Syntax errors are
// returned as toml.ParseError.
func parseTree(src string) (*node, error) {
	var top map[string]toml.Primitive
	md, err := toml.Decode(src, &top)
	if err != nil {
		return nil, err
	}
	root := &node{table: map[string]*node{}}
	if err := fillTree(&md, root, top); err != nil {
		return nil, err
	}
	return root, nil
}

func fillTree(md *toml.MetaData, parent *node, prims map[string]toml.Primitive) error {
	for key, prim := range prims {
		n := &node{path: append(slices.Clip(parent.path), key)}
		var p probe
		err := md.PrimitiveDecode(prim, &p)
		var pe toml.ParseError
		switch {
		case errors.As(err, &pe):
			n.line = pe.Position.Line
		case err != nil:
			return fmt.Errorf("reading key %s: %w", n.name(), err)
		}
		if _, ok := p.v.(map[string]any); ok {
			var sub map[string]toml.Primitive
			if err := md.PrimitiveDecode(prim, &sub); err != nil {
				return fmt.Errorf("reading table %s: %w", n.name(), err)
			}
			n.table = make(map[string]*node, len(sub))
			if err := fillTree(md, n, sub); err != nil {
				return err
			}
			// Implicit tables (the "env" of [env.prod], the "database" of
			// database.url = ...) have no position of their own.
			if n.line == 0 {
				for _, c := range n.table {
					if c.line > 0 && (n.line == 0 || c.line < n.line) {
						n.line = c.line
					}
				}
			}
		} else {
			n.value = p.v
		}
		parent.table[key] = n
	}
	return nil
}

// tomlType names the TOML type of a decoded value for error messages.
func tomlType(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case int64:
		return "integer"
	case float64:
		return "float"
	case bool:
		return "boolean"
	case time.Time:
		return "datetime"
	case []map[string]any:
		return "array of tables"
	case []any:
		return "array"
	case map[string]any:
		return "table"
	default:
		return fmt.Sprintf("%T", v)
	}
}
