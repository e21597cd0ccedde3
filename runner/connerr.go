package runner

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/migrate-tool/migrate/config"
)

// ConnectError is a failure to connect. Its message never contains a
// password.
type ConnectError struct {
	Err error
}

// Error says where the connection went (database, server, user), why it
// failed and what to check, on one line. The driver's own message lists
// every address and TLS fallback it tried on separate lines; only the
// attempt that explains the failure is kept.
func (e *ConnectError) Error() string {
	var ce *pgconn.ConnectError
	if !errors.As(e.Err, &ce) || ce.Config == nil {
		return "connect to the database: " + oneLine(config.Redact(e.Err.Error()))
	}
	c := ce.Config
	where := fmt.Sprintf("%s:%d", c.Host, c.Port)
	if strings.HasPrefix(c.Host, "/") {
		where = fmt.Sprintf("socket %s/.s.PGSQL.%d", strings.TrimSuffix(c.Host, "/"), c.Port)
	}
	cause, hint := connectCause(ce.Unwrap())
	return oneLine(config.Redact(fmt.Sprintf("cannot connect to database %q on %s as user %q: %s: %s",
		c.Database, where, c.User, cause, hint)))
}

// Unwrap returns the driver's error.
func (e *ConnectError) Unwrap() error { return e.Err }

// connectCause picks the most telling of the attempts joined in err (the
// server's answer beats a refused TLS upgrade) and says what to check.
func connectCause(err error) (cause, hint string) {
	attempts := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok && len(j.Unwrap()) > 0 {
		attempts = j.Unwrap()
	}
	best := attempts[len(attempts)-1]
	for _, a := range attempts {
		var pe *pgconn.PgError
		if errors.As(a, &pe) {
			best = a
			break
		}
	}
	var pe *pgconn.PgError
	var dns *net.DNSError
	var ne net.Error
	switch {
	case errors.As(best, &pe):
		cause = fmt.Sprintf("%s (SQLSTATE %s)", pe.Message, pe.Code)
		switch pe.Code {
		case "28P01", "28000":
			hint = "check the user name and password in the database URL"
		case "3D000":
			hint = "create the database, or fix its name in the database URL"
		case "57P03", "53300":
			hint = "the server cannot take the connection now; retry in a moment"
		default:
			hint = "check the database URL and the server's settings"
		}
	case errors.Is(best, context.Canceled):
		return "interrupted", "nothing was changed"
	case errors.Is(best, context.DeadlineExceeded) || errors.As(best, &ne) && ne.Timeout():
		return "no answer before the timeout", "check the host and port in the database URL, and that the server is reachable (firewall, connect_timeout)"
	case errors.As(best, &dns):
		return fmt.Sprintf("host name %s not found", dns.Name), "check the host in the database URL"
	case errors.Is(best, syscall.ECONNREFUSED):
		return "connection refused", "check that PostgreSQL is running and listens there, and the host and port in the database URL"
	case errors.Is(best, syscall.ENOENT):
		return "no server socket there", "check that PostgreSQL is running, and the host (socket directory) and port in the database URL"
	default:
		cause = innermost(best).Error()
		hint = "check the database URL and that the server is reachable"
	}
	return cause, hint
}

// innermost unwraps a chain of single errors down to its root cause, whose
// message is the part worth showing ("dial tcp ...: no route to host").
func innermost(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}
