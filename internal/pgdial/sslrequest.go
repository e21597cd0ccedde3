package pgdial

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"net"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// sslRequest is the SSLRequest message: length 8, then the code
// 80877103 (1234<<16 | 5679). pgx writes these same 8 bytes.
var sslRequest = binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, 8), 80877103)

// askSSL dials address with cfg.DialFunc, sends the SSLRequest and reads
// the one-byte answer, within cfg.ConnectTimeout as pgx would. It returns
// the open connection and whether the server will do TLS ('S') or waits
// for a plaintext startup message ('N'); on any other outcome the
// connection is closed and the error returned.
func askSSL(ctx context.Context, cfg *pgconn.Config, network, address string) (net.Conn, bool, error) {
	if cfg.ConnectTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, cfg.ConnectTimeout)
		defer cancel()
	}
	conn, err := cfg.DialFunc(ctx, network, address)
	if err != nil {
		return nil, false, err
	}
	answer, err := exchange(ctx, conn)
	if err == nil {
		switch answer {
		case 'S':
			return conn, true, nil
		case 'N':
			return conn, false, nil
		}
		err = fmt.Errorf("server answered the SSLRequest with %q instead of S or N", answer)
	} else {
		err = fmt.Errorf("SSLRequest: %w", err)
	}
	conn.Close()
	return nil, false, err
}

// exchange writes the SSLRequest on conn and reads the answer byte. ctx
// bounds both (a server that accepts but never answers must not hang the
// connect); the connection is handed on with no deadline set.
func exchange(ctx context.Context, conn net.Conn) (byte, error) {
	if d, ok := ctx.Deadline(); ok {
		if err := conn.SetDeadline(d); err != nil {
			return 0, err
		}
	}
	// A cancelled ctx has no deadline to set in advance: wake the blocked
	// write or read instead.
	stop := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
	answer := make([]byte, 1)
	_, err := conn.Write(sslRequest)
	if err == nil {
		_, err = io.ReadFull(conn, answer)
	}
	if !stop() {
		// The wake-up ran, or is running, and may yet set a deadline in
		// the past: this connection cannot be handed on.
		return 0, ctx.Err()
	}
	if err != nil {
		return 0, err
	}
	if err := conn.SetDeadline(time.Time{}); err != nil {
		return 0, err
	}
	return answer[0], nil
}
