package pgcluster

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// BinDirEnv names the environment variable that, when set, chooses the
// directory holding initdb and postgres instead of searching for them.
const BinDirEnv = "MIGRATE_PG_BINDIR"

// ErrNoBinaries is returned (wrapped) when no PostgreSQL server binaries
// can be found.
var ErrNoBinaries = errors.New("PostgreSQL binaries not found: install the postgresql package or set " + BinDirEnv)

// serverPrograms are what a directory must hold to run a cluster.
var serverPrograms = []string{"initdb", "postgres"}

// FindBinDir returns the directory of the PostgreSQL server binaries:
// $MIGRATE_PG_BINDIR when set, else `pg_config --bindir`, else the directory
// of an initdb found on PATH (symlinks resolved), else the highest version
// under /usr/lib/postgresql/*/bin (Debian keeps initdb off PATH). getenv
// reads the environment (os.Getenv when nil).
func FindBinDir(getenv func(string) string) (string, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	if dir := getenv(BinDirEnv); dir != "" {
		if err := hasServer(dir); err != nil {
			return "", fmt.Errorf("%s=%s: %w: point it at the directory holding initdb and postgres", BinDirEnv, dir, err)
		}
		return dir, nil
	}
	for _, dir := range candidates() {
		if hasServer(dir) == nil {
			return dir, nil
		}
	}
	return "", ErrNoBinaries
}

// candidates lists the places FindBinDir looks, in order of preference.
func candidates() []string {
	var dirs []string
	if pgc, err := exec.LookPath("pg_config"); err == nil {
		if out, err := exec.Command(pgc, "--bindir").Output(); err == nil {
			dirs = append(dirs, strings.TrimSpace(string(out)))
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		if real, err := filepath.EvalSymlinks(p); err == nil {
			p = real
		}
		dirs = append(dirs, filepath.Dir(p))
	}
	return append(dirs, debianBinDirs()...)
}

// debianBinDirs returns /usr/lib/postgresql/<version>/bin directories,
// highest version first.
func debianBinDirs() []string {
	matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin")
	version := func(p string) float64 {
		v, _ := strconv.ParseFloat(filepath.Base(filepath.Dir(p)), 64)
		return v
	}
	sort.Slice(matches, func(i, j int) bool { return version(matches[i]) > version(matches[j]) })
	return matches
}

// hasServer reports whether dir holds the programs a cluster needs.
func hasServer(dir string) error {
	for _, prog := range serverPrograms {
		st, err := os.Stat(filepath.Join(dir, prog))
		if err != nil || st.IsDir() || st.Mode()&0o111 == 0 {
			return fmt.Errorf("no executable %s in %s", prog, dir)
		}
	}
	return nil
}
