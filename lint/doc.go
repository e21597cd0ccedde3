// Package lint judges revision files before they run: statements that take
// an ACCESS EXCLUSIVE lock on a busy table, rewrite it, scan it under a
// lock, lose data or break the running application. Rules read the parse
// trees pg_query builds (internal/sqlparse), never the SQL text, and each
// has a stable id (see Rules and docs/lint.md).
//
// The package is pure: it takes revisions already read (revision.Revision
// with its section texts) or SQL text, and does no file or database I/O.
// It is shared with autogen, whose hazard comments name the same rule ids:
//
//	-- hazard data-loss (drop-column): dropping column public.users.bio deletes its data
//	ALTER TABLE public.users DROP COLUMN bio;
//
// A statement is exempt from a rule when the comments right before it say
// so: a "-- migrate:nolint RULE[,RULE] reason" line, or a "-- hazard"
// comment naming the rule (the hazard text is the reason). Hazard comments
// written before rule ids existed ("-- hazard data-loss: ...") acknowledge
// the rules of that consequence.
//
// The directive parser's fuzz target runs by hand:
//
//	go test -run '^$' -fuzz FuzzDirective -fuzztime 60s ./lint/
package lint
