package config

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// setting is one key's value as written in one layer: the top of the file
// or one [env.NAME] overlay. Strings are kept unexpanded until the layers
// are merged, so that an overlay that is not chosen never needs its
// variables set.
type setting struct {
	spec keySpec
	key  string // the key as written, e.g. "env.prod.database.url"
	line int
	str  string   // kindString, kindDuration, kindInt (decimal)
	strs []string // kindStrings
	b    bool     // kindBool
}

// layer holds the settings of one scope by spec name.
type layer map[string]*setting

// decodeLayer checks the keys of one scope and returns its settings. At the
// top of the file (overlays == true) it also returns the [env.NAME] tables.
// Problems are added to errs; decoding goes on so the earliest is reported.
func decodeLayer(scope *node, overlays bool, errs *errorList) (layer, map[string]*node) {
	l := layer{}
	envs := map[string]*node{}
	for _, c := range scope.sortedChildren() {
		name := c.path[len(c.path)-1]
		switch {
		case name == envTable && overlays:
			if c.table == nil {
				errs.add(c.line, c.name(), "%s: want a table of overlays ([env.NAME]), got %s", c.name(), tomlType(c.value))
				continue
			}
			for _, e := range c.sortedChildren() {
				if e.table == nil {
					errs.add(e.line, e.name(), "%s: want a table ([%s]), got %s", e.name(), e.name(), tomlType(e.value))
					continue
				}
				envs[e.path[len(e.path)-1]] = e
			}
		case isTable(name):
			if c.table == nil {
				errs.add(c.line, c.name(), "%s: want a table ([%s]), got %s", c.name(), c.name(), tomlType(c.value))
				continue
			}
			for _, k := range c.sortedChildren() {
				decodeKey(l, name+"."+k.path[len(k.path)-1], name, k, errs)
			}
		default:
			decodeKey(l, name, "", c, errs)
		}
	}
	return l, envs
}

// decodeKey type-checks one key of table ("" for the top of a scope) and
// records it in l.
func decodeKey(l layer, specName, table string, n *node, errs *errorList) {
	spec, ok := lookupSpec(specName)
	if !ok {
		errs.add(n.line, n.name(), "unknown key %s%s", n.name(), unknownHint(n, table))
		return
	}
	s := &setting{spec: spec, key: n.name(), line: n.line}
	switch spec.kind {
	case kindString, kindDuration:
		v, ok := n.value.(string)
		if !ok {
			errs.add(n.line, n.name(), "%s: want %s, got %s", n.name(), spec.kind.want(), typeOf(n))
			return
		}
		s.str = v
	case kindInt:
		v, ok := n.value.(int64)
		if !ok {
			errs.add(n.line, n.name(), "%s: want %s, got %s", n.name(), spec.kind.want(), typeOf(n))
			return
		}
		s.str = strconv.FormatInt(v, 10)
	case kindBool:
		v, ok := n.value.(bool)
		if !ok {
			errs.add(n.line, n.name(), "%s: want %s, got %s", n.name(), spec.kind.want(), typeOf(n))
			return
		}
		s.b = v
	case kindStrings:
		arr, ok := n.value.([]any)
		if !ok {
			hint := ""
			if _, isStr := n.value.(string); isStr {
				hint = fmt.Sprintf(` (write %s = ["..."])`, n.path[len(n.path)-1])
			}
			errs.add(n.line, n.name(), "%s: want %s, got %s%s", n.name(), spec.kind.want(), typeOf(n), hint)
			return
		}
		s.strs = make([]string, 0, len(arr))
		for i, e := range arr {
			v, ok := e.(string)
			if !ok {
				errs.add(n.line, n.name(), "%s: want %s, element %d is %s", n.name(), spec.kind.want(), i+1, tomlType(e))
				return
			}
			s.strs = append(s.strs, v)
		}
	}
	l[spec.name] = s
}

// typeOf names the TOML type of a node.
func typeOf(n *node) string {
	if n.table != nil {
		return "table"
	}
	return tomlType(n.value)
}

// unknownHint explains an unknown key: a close spelling in the same table,
// a setting that belongs elsewhere, or what the table may hold.
func unknownHint(n *node, table string) string {
	name := n.path[len(n.path)-1]
	if name == envTable && table == "" {
		return " (overlays cannot be nested: [env.NAME] tables belong at the top of the file)"
	}
	candidates := childrenOf(table)
	if table == "" && len(n.path) == 1 {
		candidates = append(candidates, envTable)
	}
	if s := suggest(name, candidates); s != "" {
		return fmt.Sprintf(" (did you mean %s?)", s)
	}
	if table != "" {
		if _, ok := lookupSpec(name); ok {
			return fmt.Sprintf(" (%s is a top-level setting: write it above the first [table] header)", name)
		}
	}
	var homes []string
	for _, s := range keySpecs {
		if t, k, ok := strings.Cut(s.name, "."); ok && k == name && t != table {
			homes = append(homes, s.name)
		}
	}
	if len(homes) > 0 {
		return fmt.Sprintf(" (did you mean %s?)", strings.Join(homes, " or "))
	}
	if table != "" {
		return fmt.Sprintf(" ([%s] holds %s)", table, strings.Join(candidates, ", "))
	}
	return ""
}

// merge applies overlay settings over base settings, key by key: an overlay
// key replaces the base value (arrays are replaced, not appended).
func merge(base, over layer) layer {
	out := make(layer, len(base)+len(over))
	for k, s := range base {
		out[k] = s
	}
	for k, s := range over {
		out[k] = s
	}
	return out
}

// sortedEnvNames lists the overlays defined in the file.
func sortedEnvNames(envs map[string]*node) []string {
	names := make([]string, 0, len(envs))
	for n := range envs {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
