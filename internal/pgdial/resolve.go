package pgdial

import (
	"net"
	"strconv"

	"github.com/jackc/pgx/v5/pgconn"
)

// target is one address pgx will dial for the host: raw is what the
// LookupFunc returned, network and address what pgx passes to DialFunc.
type target struct {
	raw, network, address string
}

// targetsOf turns what the LookupFunc returned for the host into the
// addresses pgx dials, in pgx's order and the way pgconn does it: an
// entry is "ip" (port is used) or "ip:port".
func targetsOf(raws []string, port uint16) ([]target, error) {
	targets := make([]target, 0, len(raws))
	for _, raw := range raws {
		host, p := raw, port
		if h, ps, err := net.SplitHostPort(raw); err == nil {
			n, err := strconv.ParseUint(ps, 10, 16)
			if err != nil {
				return nil, err
			}
			host, p = h, uint16(n)
		}
		network, address := pgconn.NetworkAddress(host, p)
		targets = append(targets, target{raw: raw, network: network, address: address})
	}
	return targets, nil
}
