package pgdial

import (
	"errors"
	"net"
	"testing"
)

// Bytes other than pgx's SSLRequest must not reach a server that expects
// a TLS ClientHello next.
func TestAnsweredConnOutOfOrder(t *testing.T) {
	raw, peer := net.Pipe()
	defer peer.Close()
	c := newAnsweredConn(raw)
	defer c.Close()
	if _, err := c.Read(make([]byte, 1)); !errors.Is(err, errOutOfOrder) {
		t.Errorf("read before the request: %v, want errOutOfOrder", err)
	}
	if _, err := c.Write([]byte("startup")); !errors.Is(err, errOutOfOrder) {
		t.Errorf("write of something else: %v, want errOutOfOrder", err)
	}
	if n, err := c.Write(sslRequest); n != len(sslRequest) || err != nil {
		t.Fatalf("write of the SSLRequest = %d, %v", n, err)
	}
	b := make([]byte, 4)
	if n, err := c.Read(b); n != 1 || err != nil || b[0] != 'S' {
		t.Errorf("read of the answer = %d, %v, %q; want 1, nil, S", n, err, b[:n])
	}
}
