package sqlparse

import pg_query "github.com/pganalyze/pg_query_go/v5"

// warmSQL holds the parse-tree node kinds declarations and revision
// files use most: the first parse of each kind in a process pays for
// setting up its decoder (about 10 ms for the first parse, up to a
// millisecond for each new kind after it).
const warmSQL = `CREATE TABLE w (a bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	b varchar(40) NOT NULL DEFAULT 'x' CHECK (b <> ''), c numeric(12,2), d timestamptz DEFAULT now(),
	e bigint REFERENCES w (a), UNIQUE (b));
CREATE INDEX wi ON w (lower(b) DESC) WHERE c >= 0;
ALTER TABLE w ADD COLUMN f text;
SELECT NULL::integer[], 1 + 2, true AND NOT false, ARRAY[1], f(x) FROM w`

// Warm parses a representative script and throws the result away. A
// command that will parse SQL calls it in a goroutine of its own as it
// starts, so that one-time set-up overlaps with reading files and
// connecting instead of delaying the first real parse.
func Warm() {
	_, _ = pg_query.Parse(warmSQL)
}
