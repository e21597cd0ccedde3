package sqlparse

// Split parses a statement on its own, to classify it, only when it holds
// one of these words. Every statement noTransactionReason reports is
// introduced by keywords, and keywords are plain words in the text (never
// quoted, never split by a comment), so the gate loses nothing: a word that
// only appears in a string or a comment costs a parse, nothing else.
var (
	// noTxWords may appear anywhere in such a statement.
	noTxWords = map[string]bool{
		"CONCURRENTLY": true, // CREATE/DROP INDEX, REINDEX, DETACH PARTITION
		"REINDEX":      true,
		"VACUUM":       true,
		"CLUSTER":      true,
		"DATABASE":     true,
		"TABLESPACE":   true,
		"SYSTEM":       true,
		"SUBSCRIPTION": true,
	}
	// noTxFirstWords start transaction-control statements.
	noTxFirstWords = map[string]bool{
		"BEGIN": true, "START": true, "COMMIT": true, "END": true, "ROLLBACK": true,
		"ABORT": true, "SAVEPOINT": true, "RELEASE": true, "PREPARE": true,
	}
)

// noTxCandidate reports whether stmt (a statement's text from its first
// token) holds a word of the gate. It looks at ASCII letters only and
// allocates nothing.
func noTxCandidate(stmt string) bool {
	var buf [16]byte
	first := true
	for i := 0; i < len(stmt); {
		c := stmt[i]
		if !isWordByte(c) {
			i++
			continue
		}
		j := i
		for j < len(stmt) && isWordByte(stmt[j]) {
			j++
		}
		if n := j - i; n <= len(buf) {
			for k := range n {
				buf[k] = upper(stmt[i+k])
			}
			// string(...) used directly as a map key does not allocate.
			if noTxWords[string(buf[:n])] || first && noTxFirstWords[string(buf[:n])] {
				return true
			}
		}
		first = false
		i = j
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c >= 0x80
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}
