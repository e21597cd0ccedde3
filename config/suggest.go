package config

import textsuggest "github.com/migrate-tool/migrate/internal/suggest"

// suggest returns the candidate closest to name when it is close enough to
// be a likely typo ("schema" for "schemas", "databse" for "database").
func suggest(name string, candidates []string) string {
	return textsuggest.Closest(name, candidates)
}
