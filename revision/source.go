package revision

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
)

// Source is one version directory. Dir is what messages show (and where the
// CLI writes new files); FS holds the directory's files at its root, e.g.
// os.DirFS(dir) or fs.Sub of an embed.FS.
type Source struct {
	Dir string
	FS  fs.FS
}

// Load reads every revision of srcs in full (headers and sections split into
// statements) and builds the graph.
func Load(srcs []Source) (*Graph, error) { return load(srcs, readFull) }

// LoadHeaders reads only the headers (Upgrade and Downgrade stay nil): what
// the read-only commands need, and much faster on large histories.
func LoadHeaders(srcs []Source) (*Graph, error) { return load(srcs, readHeaders) }

// LoadTexts reads every revision with its sections' text but does not split
// the SQL into statements: enough for checksums (current, check) at a
// fraction of Load's cost, since the parser is what Load spends its time in.
// Statements is nil in every section; SQL errors are not reported.
func LoadTexts(srcs []Source) (*Graph, error) { return load(srcs, readTexts) }

// readMode says how much of each revision file to read.
type readMode int

const (
	readHeaders readMode = iota // the header only
	readTexts                   // header and section text, no statements
	readFull                    // header, section text and statements
)

// isRevisionFile says which directory entries are read: *.sql files that are
// not hidden (editor swap and lock files start with '.'). Other files such as
// README or .gitkeep are ignored.
func isRevisionFile(e fs.DirEntry) bool {
	name := e.Name()
	return !e.IsDir() && strings.HasSuffix(name, ".sql") && !strings.HasPrefix(name, ".")
}

func load(srcs []Source, mode readMode) (*Graph, error) {
	var revs []*Revision
	seenDir := map[string]bool{}
	for i, src := range srcs {
		if src.FS == nil {
			return nil, fmt.Errorf("versions dir %q: no file system", src.Dir)
		}
		key := filepath.Clean(src.Dir)
		if seenDir[key] {
			return nil, fmt.Errorf("versions dir %s is listed twice", src.Dir)
		}
		seenDir[key] = true
		entries, err := fs.ReadDir(src.FS, ".")
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &MissingDirError{Dir: src.Dir}
		}
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err // its path is the FS root ".", not the directory
			}
			return nil, fmt.Errorf("read versions directory %s: %w", src.Dir, err)
		}
		var names []string
		for _, e := range entries {
			if isRevisionFile(e) {
				names = append(names, e.Name())
			}
		}
		read, err := readFiles(src, names, mode)
		if err != nil {
			return nil, err
		}
		for _, r := range read {
			r.src = i
		}
		revs = append(revs, read...)
	}
	g, err := newGraph(revs)
	if err != nil {
		return nil, err
	}
	g.srcs = srcs
	return g, nil
}

// readFiles reads and parses names from src with a few goroutines: file
// system calls dominate on large histories and overlap well. The result is
// in names order; the error is the first in that order.
func readFiles(src Source, names []string, mode readMode) ([]*Revision, error) {
	out := make([]*Revision, len(names))
	errs := make([]error, len(names))
	workers := min(runtime.GOMAXPROCS(0)*2, len(names), 8)
	if workers <= 1 {
		for i, name := range names {
			if out[i], errs[i] = readFile(src, name, mode); errs[i] != nil {
				return nil, errs[i]
			}
		}
		return out, nil
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(names) {
					return
				}
				out[i], errs[i] = readFile(src, names[i], mode)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func readFile(src Source, name string, mode readMode) (*Revision, error) {
	display := filepath.Join(src.Dir, name)
	var r *Revision
	if mode != readHeaders {
		data, err := fs.ReadFile(src.FS, name)
		if err != nil {
			return nil, fmt.Errorf("read revision file: %w", err)
		}
		if r, err = parseSections(display, data, mode == readFull); err != nil {
			return nil, err
		}
	} else {
		var err error
		if r, err = readHeader(src.FS, name, display); err != nil {
			return nil, err
		}
	}
	r.Path = name
	r.Dir = src.Dir
	return r, nil
}

// headerChunk is how much of a file header-only reading asks for at a
// time; a typical header fits in the first read, so the rest of the file is
// never read.
const headerChunk = 4096

// readHeader reads name only as far as its first section marker and parses
// the header: one open, usually one read.
func readHeader(fsys fs.FS, name, display string) (*Revision, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("read revision file: %w", err)
	}
	defer f.Close()
	buf := make([]byte, 0, headerChunk)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, make([]byte, headerChunk)...)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			return parse(display, buf, false)
		}
		if err != nil {
			return nil, fmt.Errorf("read revision file %s: %w", display, err)
		}
		if cut := bytes.LastIndexByte(buf, '\n'); cut >= 0 && n > 0 {
			r, err := parseHeaderPrefix(display, buf[:cut+1])
			if !errors.Is(err, errNeedMore) {
				return r, err
			}
		}
	}
}

// ReadFull returns the revision with id parsed in full (sections and
// statements) from its file, for a graph loaded with LoadHeaders or
// LoadTexts. The graph
// keeps its header-only copy.
func (g *Graph) ReadFull(id string) (*Revision, error) {
	r, ok := g.byID[id]
	if !ok {
		return nil, &ResolveError{Spec: id, Reason: "no such revision"}
	}
	if r.Upgrade != nil && r.Upgrade.Statements != nil { // read in full already
		return r, nil
	}
	if r.src < 0 || r.src >= len(g.srcs) {
		return nil, fmt.Errorf("revision %s: its source is unknown", id)
	}
	full, err := readFile(g.srcs[r.src], r.Path, readFull)
	if err != nil {
		return nil, err
	}
	if full.ID != r.ID {
		return nil, &FileError{Path: r.File(), Line: full.Lines[keyRevision],
			Err: fmt.Errorf("revision id changed from %s to %s while reading", r.ID, full.ID)}
	}
	full.src = r.src
	return full, nil
}

// sortedIDs returns the ids of revs sorted, for messages.
func sortedIDs(revs []*Revision) []string {
	ids := make([]string, len(revs))
	for i, r := range revs {
		ids[i] = r.ID
	}
	sort.Strings(ids)
	return ids
}
