package introspect

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/migrate-tool/migrate/schema"
)

// A Fingerprint is a digest of a database's catalog: it changes whenever a
// committed transaction inserts, updates or deletes a row of a catalog that
// describes schema objects, and it does not change on ANALYZE, VACUUM
// (FREEZE included) or autovacuum. Two reads of a database with the same
// fingerprint see the same catalog rows, so they introspect to the same
// schema: a no-op check can trust a schema read earlier instead of reading
// it again.
//
// It is computed from the xmin of every row of every per-database catalog
// (the transaction that wrote the row version): DDL writes new row versions,
// while VACUUM and ANALYZE update pg_class and pg_database in place, keeping
// xmin, and freezing keeps the raw xmin since PostgreSQL 9.4. Per catalog it
// keeps the row count and the sum of a 64-bit hash of each xmin, so a
// deletion, an insertion or an update (a new xmin) all change it. It also
// covers the role names (grants print them), the server version and the
// settings that change how catalog functions print constants and names.
//
// pg_class alone is hashed by content (see pgClassColumns), so TRUNCATE
// and VACUUM FULL, which give a table new files, do not change the
// fingerprint either. CLUSTER and REINDEX do (they update pg_index rows):
// the next check reads the schema again, which is all it costs.
type Fingerprint string

// fingerprintCatalogs are the per-database catalogs the fingerprint
// covers, from PostgreSQL 13 on; fingerprintCatalogs15 are added on 15 and
// later. Every per-database catalog is either here or in
// fingerprintExcluded (a test checks that against the running server).
var fingerprintCatalogs = []string{
	"pg_aggregate", "pg_am", "pg_amop", "pg_amproc", "pg_attrdef",
	"pg_attribute", "pg_cast", "pg_class", "pg_collation", "pg_constraint",
	"pg_conversion", "pg_default_acl", "pg_depend", "pg_description",
	"pg_enum", "pg_event_trigger", "pg_extension",
	"pg_foreign_data_wrapper", "pg_foreign_server", "pg_foreign_table",
	"pg_index", "pg_inherits", "pg_init_privs", "pg_language",
	"pg_namespace", "pg_opclass", "pg_operator", "pg_opfamily",
	"pg_partitioned_table", "pg_policy", "pg_proc", "pg_publication",
	"pg_publication_rel", "pg_range", "pg_rewrite", "pg_seclabel",
	"pg_sequence", "pg_statistic_ext", "pg_transform", "pg_trigger",
	"pg_ts_config", "pg_ts_config_map", "pg_ts_dict", "pg_ts_parser",
	"pg_ts_template", "pg_type",
}

var fingerprintCatalogs15 = []string{"pg_publication_namespace"}

// fingerprintExcluded are the per-database catalogs left out, and why.
var fingerprintExcluded = map[string]string{
	"pg_statistic":            "written by ANALYZE",
	"pg_statistic_ext_data":   "written by ANALYZE",
	"pg_largeobject":          "large object data, not schema",
	"pg_largeobject_metadata": "large objects, not schema",
	"pg_subscription_rel":     "replication progress, not schema",
	"pg_user_mapping":         "not readable by ordinary roles; user mappings are not compared",
}

// fingerprintSettings change how the catalog functions print names and
// constants and are not fixed by the introspection transaction.
var fingerprintSettings = []string{
	"server_version_num", "standard_conforming_strings", "bytea_output",
	"quote_all_identifiers", "lc_monetary",
}

// pgClassColumns are the pg_class columns the fingerprint hashes by value.
// pg_class is the one catalog hashed by content rather than xmin: ANALYZE
// clears a stale relhassubclass with a regular update (after the last
// child of a table went), and TRUNCATE and VACUUM FULL give a relation a
// new relfilenode. Left out are those, the statistics
// VACUUM and ANALYZE keep (relpages, reltuples, relallvisible, the frozen
// xids) and the flags VACUUM clears when they are stale (relhasindex,
// relhasrules, relhastriggers), each derived from rows of other catalogs
// the fingerprint covers. A test checks that no other column exists.
const pgClassColumns = `x.oid, x.relname, x.relnamespace, x.reltype, x.reloftype, x.relowner, x.relam,
	x.reltablespace, x.reltoastrelid, x.relisshared, x.relpersistence, x.relkind, x.relnatts,
	x.relchecks, x.relrowsecurity, x.relforcerowsecurity, x.relispopulated, x.relreplident,
	x.relispartition, x.relrewrite, x.relacl, x.reloptions, x.relpartbound`

// pgClassIgnored are the pg_class columns left out of the fingerprint.
var pgClassIgnored = []string{"relfilenode", "relpages", "reltuples", "relallvisible", "relfrozenxid",
	"relminmxid", "relhassubclass", "relhasindex", "relhasrules", "relhastriggers"}

// fingerprintSQL is the query computing the fingerprint's parts on a
// server of the given server_version_num: one row, one text column per
// part.
func fingerprintSQL(version int) string {
	cats := fingerprintCatalogs
	if version >= 150000 {
		cats = append(append([]string{}, cats...), fingerprintCatalogs15...)
	}
	var b strings.Builder
	b.WriteString("SELECT current_database()::text")
	for _, s := range fingerprintSettings {
		fmt.Fprintf(&b, ",\n\tcurrent_setting('%s', true)", s)
	}
	b.WriteString(",\n\t(SELECT count(*)::text || ':' || COALESCE(sum(hashtextextended(r.oid::text || ':' || r.rolname, 0)), 0)::text FROM pg_catalog.pg_roles r)")
	for _, c := range cats {
		if c == "pg_class" {
			fmt.Fprintf(&b, ",\n\t(SELECT count(*)::text || ':' || COALESCE(sum(hashtextextended((%s)::text, 0)), 0)::text FROM pg_catalog.pg_class x)", pgClassColumns)
			continue
		}
		fmt.Fprintf(&b, ",\n\t(SELECT count(*)::text || ':' || COALESCE(sum(hashint8extended(x.xmin::text::bigint, 0)), 0)::text FROM pg_catalog.%s x)", c)
	}
	return b.String()
}

// scanFingerprint folds the parts of the one fingerprint row into a
// digest and closes rows.
func scanFingerprint(rows pgx.Rows) (Fingerprint, error) {
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return "", err
		}
		return "", fmt.Errorf("no row")
	}
	vals, err := rows.Values()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, v := range vals {
		fmt.Fprintf(h, "%v\x00", v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", err
	}
	return Fingerprint(hex.EncodeToString(h.Sum(nil))), nil
}

// ReadFingerprint returns the catalog fingerprint of the database db is
// connected to, in one query (two through a handle that does not carry the
// server version, see serverVersion). It reads no object and needs no privilege beyond connecting.
func ReadFingerprint(ctx context.Context, db Querier) (Fingerprint, error) {
	version, err := serverVersion(ctx, db)
	if err != nil {
		return "", err
	}
	rows, err := db.Query(ctx, fingerprintSQL(version), pgx.QueryExecModeSimpleProtocol)
	if err != nil {
		return "", fmt.Errorf("introspect: read the catalog fingerprint: %w", err)
	}
	fp, err := scanFingerprint(rows)
	if err != nil {
		return "", fmt.Errorf("introspect: read the catalog fingerprint: %w", err)
	}
	return fp, nil
}

// IntrospectFingerprint is Introspect that also returns the catalog
// fingerprint, read in the same snapshot as the schema, in the same round
// trips. Outside a caller's transaction the snapshot is the REPEATABLE READ
// one Introspect opens; inside a caller's READ COMMITTED transaction each
// statement sees its own snapshot, so the fingerprint may be newer than
// the schema: callers that cache by fingerprint must not pass one.
func IntrospectFingerprint(ctx context.Context, db Querier, opts Options) (*schema.Schema, Fingerprint, error) {
	version, err := serverVersion(ctx, db)
	if err != nil {
		return nil, "", err
	}
	if version < minVersion {
		return nil, "", fmt.Errorf("introspect: PostgreSQL %s is not supported: use PostgreSQL 13 or later", versionString(version))
	}
	var fp Fingerprint
	s, err := readWith(ctx, db, opts, version, &fp)
	if err != nil {
		return nil, "", err
	}
	return s, fp, nil
}
