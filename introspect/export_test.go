package introspect

// FingerprintCatalogs is every per-database catalog the fingerprint
// either hashes or leaves out with a reason, on a server of version.
func FingerprintCatalogs(version int) map[string]bool {
	out := map[string]bool{}
	for _, c := range fingerprintCatalogs {
		out[c] = true
	}
	if version >= 150000 {
		for _, c := range fingerprintCatalogs15 {
			out[c] = true
		}
	}
	for c := range fingerprintExcluded {
		out[c] = true
	}
	return out
}

// PGClassColumns are the pg_class columns the fingerprint hashes and the
// ones it leaves out.
func PGClassColumns() (hashed string, ignored []string) { return pgClassColumns, pgClassIgnored }
