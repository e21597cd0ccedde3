package migrate

import (
	"context"

	"github.com/migrate-tool/migrate/schema"
)

// ForDatabase returns a Migrator with m's options (versions, tables,
// timeouts, tool version) on another database, url, reporting its events
// to logger. It shares the revision graphs m has loaded, so that many
// databases (package fleet) read and parse the version directories once;
// load them first with m.Graph. The new Migrator connects only when used
// and must be closed like any other.
func (m *Migrator) ForDatabase(ctx context.Context, url string, logger Logger) (*Migrator, error) {
	o := m.opts
	o.DatabaseURL, o.ResolveURL, o.Logger = url, nil, logger
	n, err := New(ctx, o)
	if err != nil {
		return nil, err
	}
	m.mu.Lock()
	n.full, n.texts, n.headers = m.full, m.texts, m.headers
	m.mu.Unlock()
	return n, nil
}

// LoadTarget returns the declared target as Check and Autogenerate compare
// it: o.Target when set, else the declaration of o.Config (or o.Declared)
// materialized on m's database server (or [scratch]), filtered by
// target.schemas and target.exclude. Comparing many databases with one
// declaration loads it once and passes it as CompareOptions.Target.
func (m *Migrator) LoadTarget(ctx context.Context, o CompareOptions) (*schema.Schema, error) {
	if o.Target != nil {
		return o.filter().Apply(o.Target), nil
	}
	decl, err := m.prepareTarget(ctx, o, "")
	if err != nil {
		return nil, err
	}
	s, err := decl.Load(ctx)
	if err != nil {
		return nil, err
	}
	return o.filter().Apply(s), nil
}
