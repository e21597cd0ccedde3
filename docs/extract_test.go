// Package docs_test keeps the user documentation honest: it runs the
// commands of tutorial.md, in order, in a temporary project against
// throwaway databases, so a tutorial that no longer works fails CI.
//
// The conventions the tutorial follows so that it can be run:
//   - A fenced block whose info string holds file=PATH (```go file=models/blog.go)
//     is a file the reader writes: the test writes it to PATH, replacing any
//     earlier version.
//   - In ```sh blocks, every line (optionally after "$ ") starting with
//     migrate, go, cd, mkdir or "git clone" is a command the test runs, in
//     order: migrate and go as written, cd and mkdir on the test's own
//     directory tree, and git clone of this repository by linking the
//     working tree (the test has no network). Other lines (export, psql,
//     ...) are for the reader only. A trailing comment "# exits N" says the
//     command is expected to exit with N instead of 0; "> FILE" sends its
//     standard output to FILE.
package docs_test

import (
	"bufio"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// step is one thing the tutorial asks the reader to do.
type step struct {
	line int // 1-based line in the markdown file

	// A file to write.
	file, content string

	// Or a command to run: prog (migrate, go, cd, mkdir or git) with args.
	prog     string
	args     []string
	stdout   string // redirect target, relative to the project
	wantExit int
}

func (s step) String() string {
	if s.file != "" {
		return fmt.Sprintf("line %d: write %s", s.line, s.file)
	}
	cmd := s.prog + " " + strings.Join(s.args, " ")
	if s.stdout != "" {
		cmd += " > " + s.stdout
	}
	return fmt.Sprintf("line %d: %s", s.line, cmd)
}

var exitComment = regexp.MustCompile(`\bexits (\d+)\b`)

// extract returns the steps of a markdown document in order.
func extract(md string) ([]step, error) {
	var steps []step
	sc := bufio.NewScanner(strings.NewReader(md))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	var (
		inBlock   bool
		fence     string
		lang      string
		file      string
		blockLine int
		body      strings.Builder
	)
	for sc.Scan() {
		n++
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if !inBlock {
			if !strings.HasPrefix(trimmed, "```") && !strings.HasPrefix(trimmed, "~~~") {
				continue
			}
			fence = trimmed[:3]
			inBlock, blockLine = true, n
			body.Reset()
			lang, file = "", ""
			fields := strings.Fields(strings.TrimLeft(trimmed, "`~"))
			for i, f := range fields {
				if v, ok := strings.CutPrefix(f, "file="); ok {
					file = strings.Trim(v, `"'`)
				} else if i == 0 {
					lang = f
				}
			}
			continue
		}
		if strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, fence[:1]) == "" {
			inBlock = false
			if file != "" {
				steps = append(steps, step{line: blockLine, file: file, content: body.String()})
			}
			continue
		}
		if file != "" {
			body.WriteString(line)
			body.WriteByte('\n')
			continue
		}
		switch lang {
		case "sh", "shell", "bash", "console":
		default:
			continue
		}
		cmd := strings.TrimPrefix(trimmed, "$ ")
		if !runs(cmd) {
			continue
		}
		s, err := parseCommand(cmd)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		s.line = n
		steps = append(steps, s)
	}
	if inBlock {
		return nil, fmt.Errorf("line %d: code block is not closed", blockLine)
	}
	return steps, sc.Err()
}

// runs reports whether the test runs a shell line of the tutorial.
func runs(line string) bool {
	for _, p := range []string{"migrate ", "go ", "cd ", "mkdir ", "git clone "} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// parseCommand splits one shell line the way sh would for the simple
// forms the tutorial uses: words, '...' and "..." quoting, one "> FILE"
// redirect and a trailing # comment.
func parseCommand(line string) (step, error) {
	var (
		s       step
		words   []string
		cur     strings.Builder
		inWord  bool
		quote   rune
		comment string
	)
	flush := func() {
		if inWord {
			words = append(words, cur.String())
			cur.Reset()
			inWord = false
		}
	}
	rs := []rune(line)
loop:
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case quote == '"' && (r == '$' || r == '`' || r == '\\'):
			return s, fmt.Errorf("%q: shell syntax the tutorial test cannot run (%c)", line, r)
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == '#' && !inWord:
			comment = string(rs[i+1:])
			break loop
		case r == ' ' || r == '\t':
			flush()
		case r == '>' && !inWord:
			flush()
			words = append(words, ">")
		case r == '|' || r == '&' || r == ';' || r == '<' || r == '$' || r == '`':
			return s, fmt.Errorf("%q: shell syntax the tutorial test cannot run (%c)", line, r)
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 {
		return s, fmt.Errorf("%q: unterminated quote", line)
	}
	flush()
	if len(words) == 0 || !runs(words[0]+" ") && !(len(words) > 1 && words[0] == "git" && words[1] == "clone") {
		return s, fmt.Errorf("%q: not a command the tutorial test runs", line)
	}
	s.prog, words = words[0], words[1:]
	for i := 0; i < len(words); i++ {
		if words[i] != ">" {
			s.args = append(s.args, words[i])
			continue
		}
		if i+1 >= len(words) || s.stdout != "" {
			return s, fmt.Errorf("%q: want one > FILE", line)
		}
		s.stdout = words[i+1]
		i++
	}
	if m := exitComment.FindStringSubmatch(comment); m != nil {
		s.wantExit, _ = strconv.Atoi(m[1])
	}
	return s, nil
}
