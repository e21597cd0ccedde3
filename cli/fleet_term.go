package cli

import (
	"io"
	"os"
	"strconv"
)

// terminalWidth reports whether w is a terminal that can redraw lines, and
// its width in columns.
func terminalWidth(w io.Writer, getenv func(string) string) (int, bool) {
	f, ok := w.(*os.File)
	if !ok || getenv("TERM") == "dumb" || getenv("TERM") == "" {
		return 0, false
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return 0, false
	}
	if n := windowColumns(f); n > 0 {
		return n, true
	}
	if n, err := strconv.Atoi(getenv("COLUMNS")); err == nil && n > 0 {
		return n, true
	}
	return 80, true
}
