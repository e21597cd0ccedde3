//go:build !linux && !darwin

package cli

import "os"

// windowColumns cannot ask the terminal here; $COLUMNS or 80 is used.
func windowColumns(*os.File) int { return 0 }
