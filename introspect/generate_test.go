package introspect

import (
	"fmt"
	"testing"

	"github.com/jackc/pgx/v5"
)

// createTables adds tables public.t<from>..t<to>, each with an identity
// primary key, a foreign key to the previous table, a unique and a check
// constraint, two indexes and defaults. They are created in chunks so that
// no transaction holds more locks than a default server allows.
func createTables(t testing.TB, conn *pgx.Conn, from, to int) {
	t.Helper()
	const chunk = 100
	for lo := from; lo <= to; lo += chunk {
		hi := min(lo+chunk-1, to)
		apply(t, conn, fmt.Sprintf(`DO $do$
BEGIN
	FOR i IN %d..%d LOOP
		EXECUTE format($f$
			CREATE TABLE public.t%%1$s (
				id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
				parent_id bigint REFERENCES public.t%%2$s (id),
				code text NOT NULL DEFAULT 'none',
				qty integer NOT NULL DEFAULT 0 CHECK (qty >= 0),
				created_at timestamp with time zone NOT NULL DEFAULT now(),
				UNIQUE (code)
			);
			CREATE INDEX ON public.t%%1$s (parent_id);
			CREATE INDEX ON public.t%%1$s (created_at DESC);
		$f$, i, greatest(i - 1, 1));
	END LOOP;
END
$do$`, lo, hi))
	}
}
