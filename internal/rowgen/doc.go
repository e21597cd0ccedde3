// Package rowgen is the data-carrying conformance harness: it fills the
// tables of a live schema with deterministic rows, runs a change (a
// generated revision's upgrade and downgrade), and proves the rows
// survived. The autogenerate corpus (autogen/corpus_test.go) and the
// command-line loop (conformance/) both drive it through Run.
//
// # Parts
//
// The pure part plans: NewPlan turns a schema.Schema (with TypeFacts for
// extension types) into an ordered fill plan whose TablePlans render
// INSERT rows; ReadSpecs says how to read every table before and after a
// change; Analyze reads a section's statements (parsed with pg_query) for
// renames and for the objects their data-loss hazards name; Compare
// judges two snapshots. The I/O part (Facts, Fill, Take, Truncate, Run)
// executes through pgx.
//
// # Rows
//
// Every table that stores rows gets Rows rows (200 by default), in two
// rounds in foreign-key order so that cycles and self-references get
// parents; values follow the column's type (arrays, enums, domains with
// their checks, composites, json and jsonb in jsonb's output form,
// numeric precision, varchar lengths), NOT NULL, uniqueness (values built
// from the row number), simple CHECK constraints (bounds, lists, lengths,
// LIKE patterns, case), foreign keys (parent keys read back from the
// database) and partition bounds (rows cycle through the leaves).
// Identity, serial and nextval columns are left to the database so
// sequences advance; other defaults are used for some rows. A row the
// database still refuses is dropped (counted in the fill report); the
// same seed gives the same rows, so there is no flakiness.
//
// Rows are hostile by default: valid in the old schema but near its
// limits (texts of 45 and 300 characters, numerics at their precision,
// integers near their range's ends, far dates), so a narrowing
// conversion that truncates or rounds shows. Compatible rows (Options
// Target) also fit the new schema's types, checks, NOT NULLs, keys and
// foreign keys.
//
// # What must survive
//
// After the upgrade, for every table of the old schema that stores rows
// (followed through the renames the upgrade performs):
//
//   - its row count is unchanged;
//   - every column's values are unchanged, read as text in the old type:
//     a retyped column is read back as (new)::old_type::text. A widening
//     (integer to bigint, varchar(10) to text, timestamp to timestamptz,
//     numeric(8,2) to numeric(12,4)) reads back identically and must;
//     a truncation, rounding or reinterpretation does not, and fails. A
//     column carried from one enum to another (PostgreSQL has no cast
//     back) is compared by its labels. A
//     column whose old type no longer exists is compared by its text. A
//     column of a composite type (or arrays of one, domains over one) is
//     compared as to_jsonb, where attributes the change adds must be
//     null. A generated column whose expression the change rewrites is
//     derived data and is not compared;
//   - no sequence can hand out a value again: its next value (from
//     last_value, is_called and the increment) is beyond the last value it
//     issued (not lower than before, except that a smaller increment may
//     bring it closer); a sequence feeding a column (identity, serial, nextval
//     default) is found by the column it feeds, so a renamed table's
//     sequence may be renamed with it; other sequences by name. While a
//     column keeps its values, the sequence feeding it must not go back
//     even when a data-loss hazard names the old sequence: dropping it and
//     starting a new one at 1 hands out keys the rows already hold.
//
// After the downgrade the same holds against the rows before the upgrade.
//
// An object the change is allowed to lose is one a data-loss hazard
// (autogen.HazardDataLoss) names: DROP TABLE covers the table (and its
// sequences), ALTER TABLE ... DROP COLUMN or ALTER COLUMN ... TYPE the
// column, DROP or ALTER SEQUENCE the sequence, DROP TYPE / DOMAIN or
// ALTER TYPE (composite attributes, enum values) every column holding the
// type, DROP SCHEMA everything in it, DROP EXTENSION the columns of types
// the schema model does not define. The harness skips the assertions for
// that object only; a change of any other object fails the case. A
// column dropped and added again (values reset) therefore needs the
// hazard on its DROP COLUMN.
//
// A column renamed, dropped or retyped in a table without ONLY changes
// with it in the table's partitions and inheritance children, at every
// depth (PostgreSQL recurses): the harness looks for the renamed column
// there under its new name, and a hazard on the drop or retype covers the
// children's column too.
//
// Values are matched row by row through the old primary key. When the key
// cannot be read back after the change, or a data-loss hazard covers one
// of its columns (its values may change, so rows are no longer found by
// it), every other column is compared as the sorted list of its values:
// still checked, only no longer row by row.
//
// A change may also refuse the rows. When the upgrade fails on the hostile
// rows and leaves them untouched (checked), the refusal is accepted (a
// narrowing change must fail rather than truncate; the catalog-only runs
// show the change works without rows) and the harness replaces the rows
// with compatible ones and upgrades again. A failure then is accepted only
// as SQLSTATE class 22 (data exception) or 23 (integrity violation) in a
// statement carrying a hazard, with the rows untouched, and is reported in
// Report.Refused; the same holds for the downgrade. Anything else is a
// problem.
package rowgen
