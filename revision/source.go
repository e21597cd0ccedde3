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
	// MaxFileSize caps the size of one revision file in bytes; zero means
	// DefaultMaxFileSize. A larger file is an error, not a slow read.
	MaxFileSize int64
}

// DefaultMaxFileSize is the largest revision file read when
// Source.MaxFileSize is zero: room for a million one-line statements, far
// below what would exhaust memory.
const DefaultMaxFileSize = 64 << 20

func (s Source) maxSize() int64 {
	if s.MaxFileSize > 0 {
		return s.MaxFileSize
	}
	return DefaultMaxFileSize
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
		var files []fs.DirEntry
		for _, e := range entries {
			if isRevisionFile(e) {
				files = append(files, e)
			}
		}
		read, err := readFiles(src, files, mode)
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

// readFiles reads and parses files from src with a few goroutines: file
// system calls dominate on large histories and overlap well. The result is
// in files order; the error is the first in that order.
func readFiles(src Source, files []fs.DirEntry, mode readMode) ([]*Revision, error) {
	out := make([]*Revision, len(files))
	errs := make([]error, len(files))
	workers := min(runtime.GOMAXPROCS(0)*2, len(files), 8)
	if workers <= 1 {
		for i, e := range files {
			if out[i], errs[i] = readEntry(src, e, mode); errs[i] != nil {
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
				if i >= len(files) {
					return
				}
				out[i], errs[i] = readEntry(src, files[i], mode)
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

// readEntry reads a directory entry of src. Only regular files are opened,
// or symbolic links to one: opening a FIFO would block forever, and a
// device such as /dev/zero never ends.
func readEntry(src Source, e fs.DirEntry, mode readMode) (*Revision, error) {
	display := filepath.Join(src.Dir, e.Name())
	typ := e.Type()
	if typ&fs.ModeSymlink != 0 {
		info, err := fs.Stat(src.FS, e.Name())
		if err != nil {
			return nil, &FileError{Path: display, Err: fmt.Errorf("broken symbolic link: %w", unwrapPath(err))}
		}
		typ = info.Mode().Type()
	}
	if err := regularFile(display, typ); err != nil {
		return nil, err
	}
	return readFile(src, e.Name(), mode)
}

// regularFile says why a file of type typ cannot be a revision file.
func regularFile(display string, typ fs.FileMode) error {
	if typ.IsRegular() {
		return nil
	}
	kind := "not a regular file"
	switch {
	case typ&fs.ModeNamedPipe != 0:
		kind = "a named pipe (FIFO)"
	case typ&fs.ModeCharDevice != 0:
		kind = "a character device"
	case typ&fs.ModeDevice != 0:
		kind = "a device"
	case typ&fs.ModeSocket != 0:
		kind = "a socket"
	case typ.IsDir():
		kind = "a directory"
	case typ&fs.ModeIrregular != 0:
		kind = "an irregular file"
	}
	return &FileError{Path: display, Err: fmt.Errorf("is %s, not a regular file: a versions directory holds revision files only; remove it or give it a name that does not end in .sql", kind)}
}

// unwrapPath drops the *fs.PathError around err: messages name the file
// as the user knows it, not as the file system saw it.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readFile(src Source, name string, mode readMode) (*Revision, error) {
	display := filepath.Join(src.Dir, name)
	var r *Revision
	if mode != readHeaders {
		data, err := readAll(src, name, display)
		if err != nil {
			return nil, err
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

// readAll reads a whole revision file, refusing one that is not a regular
// file once open (it was replaced after the directory was listed) or that
// is larger than the source's cap.
func readAll(src Source, name, display string) ([]byte, error) {
	f, err := src.FS.Open(name)
	if err != nil {
		return nil, fmt.Errorf("read revision file %s: %w", display, unwrapPath(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("read revision file %s: %w", display, unwrapPath(err))
	}
	if err := regularFile(display, info.Mode().Type()); err != nil {
		return nil, err
	}
	limit := src.maxSize()
	if info.Size() > limit {
		return nil, tooLarge(display, info.Size(), limit)
	}
	buf := make([]byte, 0, info.Size()+1)
	data, err := readUpTo(f, buf, limit)
	if err != nil {
		return nil, fmt.Errorf("read revision file %s: %w", display, unwrapPath(err))
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(display, int64(len(data)), limit)
	}
	return data, nil
}

// readUpTo appends r's contents to buf, stopping one byte past limit so
// that a file growing while read is caught without reading all of it.
func readUpTo(r io.Reader, buf []byte, limit int64) ([]byte, error) {
	lr := io.LimitReader(r, limit+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func tooLarge(display string, size, limit int64) error {
	return &FileError{Path: display, Err: fmt.Errorf("%s, more than the %s a revision file may hold: split it into several revisions, or load the data another way (COPY)",
		byteSize(size), byteSize(limit))}
}

// byteSize renders n bytes for messages: "64 MiB", "1.5 GiB", "300 bytes".
func byteSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	v, suffix := float64(n)/unit, "KiB"
	for _, s := range []string{"MiB", "GiB", "TiB"} {
		if v < unit {
			break
		}
		v, suffix = v/unit, s
	}
	return strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0") + " " + suffix
}

// headerChunk is how much of a file header-only reading asks for at a
// time; a typical header fits in the first read, so the rest of the file is
// never read.
const headerChunk = 4096

// maxHeader bounds how far header-only reading looks for the first
// section marker.
const maxHeader = 1 << 20

// readHeader reads name only as far as its first section marker and parses
// the header: one open, usually one read.
func readHeader(fsys fs.FS, name, display string) (*Revision, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("read revision file %s: %w", display, unwrapPath(err))
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil {
		if err := regularFile(display, info.Mode().Type()); err != nil {
			return nil, err
		}
	}
	buf := make([]byte, 0, headerChunk)
	for {
		if len(buf) >= maxHeader {
			return nil, &FileError{Path: display, Err: fmt.Errorf("no -- migrate:upgrade line in its first %s: is it a revision file?", byteSize(maxHeader))}
		}
		if len(buf) == cap(buf) {
			buf = append(buf, make([]byte, headerChunk)...)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			return parse(display, buf, false)
		}
		if err != nil {
			return nil, fmt.Errorf("read revision file %s: %w", display, unwrapPath(err))
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
