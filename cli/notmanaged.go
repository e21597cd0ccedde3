package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/migrate-tool/migrate/config"
	"github.com/migrate-tool/migrate/schema"
)

// warnNotManaged says on Stderr what the declaration holds that the
// comparison cannot see, so that nothing declared disappears without a
// word: schemas outside [target] schemas (one line naming them), and each
// object of a kind outside the model ("not managed: operator class
// public.my_ops USING btree").
func (a *App) warnNotManaged(items []schema.NotManaged, cfg *config.Config) {
	var schemas []string
	others := 0
	for _, n := range items {
		if n.Kind == "schema" {
			schemas = append(schemas, n.String())
			continue
		}
		fmt.Fprintf(a.Stderr, "warning: not managed: %s\n", n)
		others++
	}
	if others > 0 {
		fmt.Fprintln(a.Stderr, "warning: autogenerate, plan and check do not compare what is not managed: write it in a revision by hand (docs/introspection.md lists what is compared)")
	}
	if len(schemas) > 0 {
		listed := "[]"
		if cfg != nil {
			quoted := make([]string, len(cfg.Target.Schemas))
			for i, s := range cfg.Target.Schemas {
				quoted[i] = strconv.Quote(s)
			}
			listed = "[" + strings.Join(quoted, ", ") + "]"
		}
		fmt.Fprintf(a.Stderr, "warning: not compared: the declaration has objects in %s, outside [target] schemas = %s: list them there, or set schemas = [\"*\"]\n",
			strings.Join(schemas, ", "), listed)
	}
}

// notManagedJSON is one entry of "not_managed" in check --json.
type notManagedJSON struct {
	Kind    string `json:"kind"`
	Schema  string `json:"schema"`
	Name    string `json:"name"`
	Objects int    `json:"objects,omitempty"`
}

func notManagedToJSON(items []schema.NotManaged) []notManagedJSON {
	out := make([]notManagedJSON, 0, len(items))
	for _, n := range items {
		out = append(out, notManagedJSON{Kind: n.Kind, Schema: n.Schema, Name: n.Name, Objects: n.Objects})
	}
	return out
}
