package config

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// redacted replaces every password the tool would otherwise print.
const redacted = "xxxxx"

var (
	// scheme://user:secret@host -> scheme://user:xxxxx@host. The password
	// runs to the last @ of the token (a message quotes URLs with " ' or `
	// or ends them with a space), so an unencoded @ in a malformed
	// password does not leak its tail. A host or query containing @ is
	// over-redacted, which is harmless.
	urlPassword = regexp.MustCompile("(?i)([a-z][a-z0-9+.-]*://[^\\s\"'`/@:]*:)[^\\s\"'`]+@")
	// password=secret, password = 'sec ret' (also unterminated) in
	// key=value DSNs; password=secret in URL query strings.
	dsnPassword = regexp.MustCompile(`(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*(?:'|$)|[^\s&'"]+)`)
)

// Redact removes passwords from every URL and key=value DSN in s. Every
// message the tool prints passes through it; the CLI applies it to every
// error.
func Redact(s string) string {
	s = urlPassword.ReplaceAllString(s, "${1}"+redacted+"@")
	return dsnPassword.ReplaceAllString(s, "${1}"+redacted)
}

// RedactURL redacts one connection string known to be a URL or DSN value
// (not a message): for a URL it hides everything between the user name and
// the last @, whatever characters the password holds, then applies Redact.
func RedactURL(v string) string {
	if i := strings.Index(v, "://"); i >= 0 {
		rest := v[i+3:]
		if at := strings.LastIndexByte(rest, '@'); at >= 0 {
			if colon := strings.IndexByte(rest[:at], ':'); colon >= 0 {
				v = v[:i+3] + rest[:colon+1] + redacted + rest[at:]
			}
		}
	}
	return Redact(v)
}

// passwordsIn extracts the passwords a URL or DSN value (or any text, such
// as the raw config file) holds, in every spelling a message could show:
// as written and percent-decoded.
func passwordsIn(s string) []string {
	var out []string
	add := func(p string) {
		p = strings.Trim(p, `'"`)
		if p == "" {
			return
		}
		out = append(out, p)
		if d, err := url.PathUnescape(p); err == nil && d != p {
			out = append(out, d)
		}
		if d, err := url.QueryUnescape(p); err == nil && d != p {
			out = append(out, d)
		}
	}
	for rest := s; ; {
		i := strings.Index(rest, "://")
		if i < 0 {
			break
		}
		rest = rest[i+3:]
		token := rest
		if end := strings.IndexAny(token, " \t\r\n\"'`"); end >= 0 {
			token = token[:end]
		}
		if at := strings.LastIndexByte(token, '@'); at >= 0 {
			if colon := strings.IndexByte(token[:at], ':'); colon >= 0 {
				add(token[colon+1 : at])
			}
		}
		// The rest of the line may be one malformed URL whose password
		// holds a space or a quote.
		line, _, _ := strings.Cut(rest, "\n")
		if at := strings.LastIndexByte(line, '@'); at >= 0 {
			if colon := strings.IndexByte(line[:at], ':'); colon >= 0 {
				add(line[colon+1 : at])
			}
		}
	}
	for _, m := range dsnPassword.FindAllStringSubmatch(s, -1) {
		add(m[2])
	}
	return out
}

// scrubber removes known secrets from messages on top of Redact: Load
// collects every password it sees (in the file, in expanded values, in the
// environment variables it reads) so that no message can show one, even
// quoted out of a value too malformed for Redact's patterns.
type scrubber struct{ secrets []string }

// minSecret is the shortest secret scrubbed by exact match; shorter ones
// would mangle ordinary words and are left to Redact's patterns.
const minSecret = 4

func (s *scrubber) addFrom(text string) {
	for _, p := range passwordsIn(text) {
		if len(p) >= minSecret && !slices.Contains(s.secrets, p) {
			s.secrets = append(s.secrets, p)
		}
	}
}

func (s *scrubber) scrub(msg string) string {
	msg = Redact(msg)
	if len(s.secrets) == 0 {
		return msg
	}
	// Longest first, so a secret containing another is removed whole.
	slices.SortFunc(s.secrets, func(a, b string) int { return len(b) - len(a) })
	for _, p := range s.secrets {
		msg = strings.ReplaceAll(msg, p, redacted)
	}
	return msg
}
