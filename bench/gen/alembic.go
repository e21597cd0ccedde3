package main

import (
	"fmt"
	"strings"
)

// The Alembic side of every scenario is an ordinary Alembic project:
// alembic.ini, env.py, script.py.mako and versions/. The database URL comes
// from $BENCH_DATABASE_URL so one generated project serves any server.

const alembicINI = `[alembic]
script_location = %(here)s
prepend_sys_path = %(here)s

[loggers]
keys = root,sqlalchemy,alembic

[handlers]
keys = console

[formatters]
keys = generic

[logger_root]
level = WARN
handlers = console
qualname =

[logger_sqlalchemy]
level = WARN
handlers =
qualname = sqlalchemy.engine

[logger_alembic]
level = WARN
handlers =
qualname = alembic

[handler_console]
class = StreamHandler
args = (sys.stderr,)
level = NOTSET
formatter = generic

[formatter_generic]
format = %(levelname)-5.5s [%(name)s] %(message)s
`

// alembicEnv is env.py. With models it compares what migrate compares
// (types and server defaults, not only Alembic's defaults), leaves both
// tools' bookkeeping tables out, and writes no file when autogenerate finds
// nothing, so a no-op "revision --autogenerate" can be repeated.
const alembicEnv = `import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name)

try:
    import models
    target_metadata = models.metadata
except ImportError:
    target_metadata = None

# "full" (the default) also compares column types and server defaults, as
# migrate does; "default" keeps Alembic 1.8's defaults (neither).
COMPARE = os.environ.get("BENCH_ALEMBIC_COMPARE", "full") == "full"
OWN_TABLES = {"alembic_version", "migrate_version", "migrate_history"}


def include_object(obj, name, type_, reflected, compare_to):
    return not (type_ == "table" and name in OWN_TABLES)


def process_revision_directives(context, revision, directives):
    if directives and directives[0].upgrade_ops.is_empty():
        directives[:] = []


def database_url():
    # One URL serves both tools: migrate takes postgres://, SQLAlchemy wants
    # its dialect+driver scheme.
    url = os.environ["BENCH_DATABASE_URL"]
    for scheme in ("postgres://", "postgresql://"):
        if url.startswith(scheme):
            return "postgresql+psycopg2://" + url[len(scheme):]
    return url


def run_migrations_online():
    engine = create_engine(database_url(), poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            compare_type=COMPARE,
            compare_server_default=COMPARE,
            include_object=include_object,
            process_revision_directives=process_revision_directives,
        )
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
`

const alembicMako = `"""${message}

Revision ID: ${up_revision}
Revises: ${down_revision | comma,n}
Create Date: ${create_date}

"""
from alembic import op
import sqlalchemy as sa
${imports if imports else ""}

revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
branch_labels = ${repr(branch_labels)}
depends_on = ${repr(depends_on)}


def upgrade():
    ${upgrades if upgrades else "pass"}


def downgrade():
    ${downgrades if downgrades else "pass"}
`

// alembicRevision renders one revision script. up and down are SQL run
// with op.execute; empty means pass.
func alembicRevision(id string, parents []string, message, up, down string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "\"\"\"%s\n\nRevision ID: %s\nRevises: %s\n\"\"\"\n", message, id, strings.Join(parents, ", "))
	b.WriteString("from alembic import op\n\n")
	fmt.Fprintf(&b, "revision = %q\n", id)
	switch len(parents) {
	case 0:
		b.WriteString("down_revision = None\n")
	case 1:
		fmt.Fprintf(&b, "down_revision = %q\n", parents[0])
	default:
		quoted := make([]string, len(parents))
		for i, p := range parents {
			quoted[i] = fmt.Sprintf("%q", p)
		}
		fmt.Fprintf(&b, "down_revision = (%s)\n", strings.Join(quoted, ", "))
	}
	b.WriteString("branch_labels = None\ndepends_on = None\n\n\n")
	writePyFunc(&b, "upgrade", up)
	b.WriteString("\n\n")
	writePyFunc(&b, "downgrade", down)
	return b.String()
}

func writePyFunc(b *strings.Builder, name, sql string) {
	fmt.Fprintf(b, "def %s():\n", name)
	if strings.TrimSpace(sql) == "" {
		b.WriteString("    pass\n")
		return
	}
	b.WriteString("    op.execute(\n        \"\"\"\n")
	for _, l := range strings.Split(strings.TrimRight(sql, "\n"), "\n") {
		b.WriteString("        " + l + "\n")
	}
	b.WriteString("        \"\"\"\n    )\n")
}

// modelsPy renders the tables as SQLAlchemy Core tables on one MetaData,
// the cheapest way to declare them for Alembic (no ORM mapping), with the
// same names, types, defaults and constraints as the SQL.
func modelsPy(ts []table) string {
	var b strings.Builder
	b.WriteString(`from sqlalchemy import (
    BigInteger, Boolean, CheckConstraint, Column, DateTime, ForeignKeyConstraint,
    Identity, Index, Integer, MetaData, Numeric, PrimaryKeyConstraint, String,
    Table, Text, UniqueConstraint, text,
)

metadata = MetaData()
`)
	for _, t := range ts {
		fmt.Fprintf(&b, "\n%s = Table(\n    %q,\n    metadata,\n", t.Name, t.Name)
		for _, c := range t.columnsOf() {
			fmt.Fprintf(&b, "    Column(%q, %s", c.Name, c.SAType)
			if c.Name == "id" {
				b.WriteString(", Identity(always=False)")
			}
			if c.NotNull {
				b.WriteString(", nullable=False")
			}
			if c.Default != "" {
				fmt.Fprintf(&b, ", server_default=text(%s)", pyString(c.Default))
			}
			b.WriteString("),\n")
		}
		fmt.Fprintf(&b, "    PrimaryKeyConstraint(\"id\", name=%q),\n", t.pkeyName())
		fmt.Fprintf(&b, "    UniqueConstraint(\"code\", name=%q),\n", t.uniqueName())
		fmt.Fprintf(&b, "    CheckConstraint(%q, name=%q),\n", checkExpr, t.checkName())
		fmt.Fprintf(&b, "    ForeignKeyConstraint([\"ref_id\"], [\"%s.id\"], name=%q),\n", t.Ref, t.fkeyName())
		fmt.Fprintf(&b, "    Index(%q, \"created_at\"),\n", t.index1Name())
		fmt.Fprintf(&b, "    Index(%q, \"ref_id\", postgresql_where=text(%q)),\n", t.index2Name(), partialWhere)
		b.WriteString(")\n")
	}
	return b.String()
}

// pyString quotes s as a Python string literal; the generator only needs
// printable ASCII, which Go's %q renders compatibly except for quotes.
func pyString(s string) string {
	if !strings.Contains(s, `"`) {
		return `"` + s + `"`
	}
	return "'" + s + "'"
}
