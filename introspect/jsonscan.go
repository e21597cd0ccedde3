package introspect

import (
	"encoding/json"

	"github.com/migrate-tool/migrate/schema"
)

// Nested lists (grants, domain checks, composite attributes) come back as
// JSON aggregated in SQL, so one row still describes one object; these
// decode them, treating SQL NULL (no elements) as none.

func decodeJSON[T any](raw []byte) (T, error) {
	var v T
	if len(raw) == 0 {
		return v, nil
	}
	err := json.Unmarshal(raw, &v)
	return v, err
}

func decodeGrants(raw []byte) ([]schema.Grant, error) {
	return decodeJSON[[]schema.Grant](raw)
}
