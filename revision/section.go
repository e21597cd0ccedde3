package revision

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
)

// Checksum is the hex SHA-256 of the section's SQL as written, with line
// endings normalized to \n and leading and trailing whitespace removed, so
// that what is run is what is compared and a trailing blank line or a
// CRLF checkout does not count as an edit. Comments inside count.
func (s *Section) Checksum() string {
	if s == nil {
		return ""
	}
	text := strings.ReplaceAll(s.Text, "\r\n", "\n")
	sum := sha256.Sum256([]byte(strings.TrimSpace(text)))
	return hex.EncodeToString(sum[:])
}

// Checksum is what the audit table records for a revision: the checksums
// of both sections, "upgrade:<hex> downgrade:<hex>", so that an edit to
// either is noticed. It is "" when the sections were not read.
func (r *Revision) Checksum() string {
	if r.Upgrade == nil || r.Downgrade == nil {
		return ""
	}
	return ChecksumUpgradePrefix + r.Upgrade.Checksum() + " " + ChecksumDowngradePrefix + r.Downgrade.Checksum()
}

// Prefixes of the two parts of Revision.Checksum. An audit row written
// before both sections were recorded holds the upgrade section's checksum
// alone, without prefix.
const (
	ChecksumUpgradePrefix   = "upgrade:"
	ChecksumDowngradePrefix = "downgrade:"
)

// File is the revision's file as shown in messages: Dir joined with Path.
func (r *Revision) File() string {
	if r.Dir == "" {
		return r.Path
	}
	return filepath.Join(r.Dir, r.Path)
}

// IsBase reports whether r has no parents.
func (r *Revision) IsBase() bool { return len(r.Parents) == 0 }

// IsMerge reports whether r has two or more parents.
func (r *Revision) IsMerge() bool { return len(r.Parents) > 1 }
