package revision

// ParseTexts reads a whole revision file like Parse but does not split its
// sections into statements: Upgrade.Text and Downgrade.Text are set,
// Statements are nil and the SQL is not checked. It is what a linter needs,
// which parses the SQL itself and reports as findings what Parse refuses
// (CREATE INDEX CONCURRENTLY in a transactional revision).
func ParseTexts(path string, data []byte) (*Revision, error) {
	return parseSections(path, data, false)
}
