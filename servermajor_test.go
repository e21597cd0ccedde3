package migrate

import (
	"fmt"
	"strings"
	"testing"
)

func TestMajorOf(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"15.10 (Debian 15.10-0+deb12u1)", "15"},
		{"13.0", "13"},
		{"17.2", "17"},
		{"9.6.24", ""},  // two-part majors are not supported servers
		{"16beta1", ""}, // no minor: ask the server instead
		{"", ""},        // not reported
		{"x15.1", ""},   // not a version
	} {
		if got := majorOf(c.in); got != c.want {
			t.Errorf("majorOf(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestHeldLinesKeepOrder(t *testing.T) {
	var out []string
	h := heldLines{out: func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }}
	h.logf("target %d", 1)
	h.logf("target %d", 2)
	out = append(out, "live")
	h.release()
	h.logf("target %d", 3)
	if got, want := strings.Join(out, ","), "live,target 1,target 2,target 3"; got != want {
		t.Errorf("lines = %s, want %s", got, want)
	}
	var quiet heldLines // no --verbose: nothing to pass on
	quiet.logf("dropped")
	quiet.release()
}
