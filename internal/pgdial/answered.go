package pgdial

import (
	"bytes"
	"errors"
	"net"
	"sync/atomic"
)

// answeredConn is a connection whose SSLRequest has been sent and answered
// 'S' already. pgx does not know and sends its own: that write is
// swallowed and pgx's read of the answer gets the 'S', after which pgx's
// TLS handshake and all later I/O pass straight through. The embedded
// net.Conn carries deadlines, addresses and Close.
type answeredConn struct {
	net.Conn
	// state is read by pgx's reader and writer goroutines once TLS is up,
	// hence atomic.
	state atomic.Int32
}

const (
	awaitRequest int32 = iota // pgx's SSLRequest not yet written
	awaitRead                 // pgx is to read the 'S'
	passThrough
)

// errOutOfOrder means pgx did not start with the SSLRequest exchange; the
// bytes it sent would not be what the server expects next.
var errOutOfOrder = errors.New("pgdial: unexpected I/O before the TLS handshake on a connection whose SSLRequest was already answered")

func newAnsweredConn(conn net.Conn) *answeredConn { return &answeredConn{Conn: conn} }

func (c *answeredConn) Write(p []byte) (int, error) {
	switch c.state.Load() {
	case passThrough:
		return c.Conn.Write(p)
	case awaitRequest:
		// pgx writes the request in one Write call.
		if bytes.Equal(p, sslRequest) {
			c.state.Store(awaitRead)
			return len(p), nil
		}
	}
	return 0, errOutOfOrder
}

func (c *answeredConn) Read(p []byte) (int, error) {
	switch c.state.Load() {
	case passThrough:
		return c.Conn.Read(p)
	case awaitRead:
		if len(p) == 0 {
			return 0, nil
		}
		p[0] = 'S'
		c.state.Store(passThrough)
		return 1, nil
	}
	return 0, errOutOfOrder
}
