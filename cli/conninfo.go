package cli

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// splitPassword takes the password out of a connection string (a
// postgres:// URL or a libpq key=value DSN) so that it can reach a client
// program through its environment instead of its command line, where
// every user of the machine could read it. It returns the connection
// string without any password and the password ("" when there was none).
func splitPassword(conn string) (rest, password string, err error) {
	if strings.Contains(conn, "://") {
		return splitURLPassword(conn)
	}
	return splitDSNPassword(conn)
}

func splitURLPassword(conn string) (string, string, error) {
	u, err := url.Parse(conn)
	if err != nil {
		return "", "", errors.New("the database URL does not parse (percent-encode reserved characters in the user name and password)")
	}
	var password string
	if u.User != nil {
		if p, ok := u.User.Password(); ok {
			password = p
			u.User = url.User(u.User.Username())
		}
	}
	q := u.Query()
	if p := q.Get("password"); p != "" || q.Has("password") {
		if password == "" {
			password = p
		}
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String(), password, nil
}

// splitDSNPassword rewrites a key=value connection string without its
// password. Values follow libpq's rules: single-quoted with \' and \\
// escapes, or unquoted up to the next space.
func splitDSNPassword(conn string) (string, string, error) {
	var (
		out      []string
		password string
	)
	s := conn
	for {
		s = strings.TrimLeft(s, " \t\n\r\f\v")
		if s == "" {
			break
		}
		eq := strings.IndexByte(s, '=')
		if eq <= 0 {
			return "", "", errors.New("the database DSN is not a list of key=value pairs")
		}
		key := strings.TrimSpace(s[:eq])
		s = strings.TrimLeft(s[eq+1:], " \t\n\r\f\v")
		var val strings.Builder
		if strings.HasPrefix(s, "'") {
			i := 1
			closed := false
			for ; i < len(s); i++ {
				c := s[i]
				if c == '\\' && i+1 < len(s) {
					i++
					val.WriteByte(s[i])
					continue
				}
				if c == '\'' {
					closed = true
					break
				}
				val.WriteByte(c)
			}
			if !closed {
				return "", "", fmt.Errorf("the database DSN has an unterminated quoted value for %s", key)
			}
			s = s[i+1:]
		} else {
			end := strings.IndexAny(s, " \t\n\r\f\v")
			if end < 0 {
				end = len(s)
			}
			val.WriteString(s[:end])
			s = s[end:]
		}
		if key == "password" {
			password = val.String()
			continue
		}
		out = append(out, key+"="+quoteDSNValue(val.String()))
	}
	return strings.Join(out, " "), password, nil
}

// quoteDSNValue quotes a key=value DSN value when libpq needs it.
func quoteDSNValue(v string) string {
	if v != "" && !strings.ContainsAny(v, " \t\n\r\f\v'\\") {
		return v
	}
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(v) + "'"
}
