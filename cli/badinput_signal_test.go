package cli_test

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildBinary builds cmd/migrate into dir.
func buildBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "migrate")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/migrate-tool/migrate/cmd/migrate").CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/migrate: %v\n%s", err, out)
	}
	return bin
}

// binaryProject is a project on the embedded database, run with the built
// binary so that signals reach a real process.
type binaryProject struct {
	t   *testing.T
	bin string
	dir string
}

func newBinaryProject(t *testing.T, bin string) *binaryProject {
	t.Helper()
	dir := t.TempDir()
	cfgWriteFile(t, filepath.Join(dir, "migrate.toml"), "[database]\nurl = \"embedded\"\n\n"+defaultToml)
	cfgWriteFile(t, filepath.Join(dir, "versions/a.sql"), revText("aaaa00000001", "", "create a", "CREATE TABLE a (id int);", "DROP TABLE a;"))
	cfgWriteFile(t, filepath.Join(dir, "versions/b.sql"), revText("aaaa00000002", "aaaa00000001", "slow",
		"CREATE TABLE b (id int);\nSELECT pg_sleep(120);", "DROP TABLE b;"))
	p := &binaryProject{t: t, bin: bin, dir: dir}
	t.Cleanup(p.assertNoServer)
	return p
}

// command is the binary with args in the project, in a process group of
// its own so that an interrupt can go to the group, as a terminal's
// Ctrl-C does.
func (p *binaryProject) command(args ...string) *exec.Cmd {
	cmd := exec.Command(p.bin, args...)
	cmd.Dir = p.dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return cmd
}

// run runs the binary to completion and returns its result.
func (p *binaryProject) run(args ...string) badResult {
	p.t.Helper()
	cmd := p.command(args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		p.t.Fatal(err)
	}
	return badResult{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// interrupt starts args, waits until a line of its output contains after
// (immediately when after is ""), waits delay, sends SIGINT to its process
// group and returns the result.
func (p *binaryProject) interrupt(after string, delay time.Duration, args ...string) badResult {
	p.t.Helper()
	cmd := p.command(args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		p.t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		p.t.Fatal(err)
	}
	var stdout strings.Builder
	seen := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(pipe)
		signalled := after == ""
		if signalled {
			close(seen)
		}
		for sc.Scan() {
			stdout.WriteString(sc.Text() + "\n")
			if !signalled && strings.Contains(sc.Text(), after) {
				signalled = true
				close(seen)
			}
		}
	}()
	select {
	case <-seen:
	case <-time.After(2 * time.Minute):
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		p.t.Fatalf("migrate %s never printed %q; stderr: %s", strings.Join(args, " "), after, stderr.String())
	}
	time.Sleep(delay)
	if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGINT); err != nil {
		p.t.Fatal(err)
	}
	timer := time.AfterFunc(time.Minute, func() { syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) })
	defer timer.Stop()
	<-done
	err = cmd.Wait()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		p.t.Fatal(err)
	}
	return badResult{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

// assertNoServer fails when a PostgreSQL process of the project's embedded
// cluster is still running.
func (p *binaryProject) assertNoServer() {
	p.t.Helper()
	marker := []byte(filepath.Join(p.dir, ".migrate"))
	// A server that got the interrupt may take a moment to exit.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		var left []string
		procs, _ := filepath.Glob("/proc/[0-9]*/cmdline")
		for _, f := range procs {
			if cmd, err := os.ReadFile(f); err == nil && bytes.Contains(cmd, marker) {
				left = append(left, strings.ReplaceAll(string(cmd), "\x00", " "))
			}
		}
		if len(left) == 0 {
			return
		}
		if time.Now().After(deadline) {
			p.t.Errorf("PostgreSQL processes of the embedded cluster are still running:\n%s", strings.Join(left, "\n"))
			return
		}
	}
}

// TestBadInputInterrupt sends Ctrl-C (SIGINT to the process group, as a
// terminal does) to the built binary on the embedded database.
func TestBadInputInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and starts PostgreSQL clusters")
	}
	t.Parallel()
	bin := buildBinary(t, t.TempDir())
	tr := &badTranscript{t: t}

	// During a slow revision: the statement is cancelled, the revision
	// rolled back, the error says so on one line, the embedded cluster is
	// stopped, and the database is still at the previous revision.
	t.Run("slow upgrade", func(t *testing.T) {
		p := newBinaryProject(t, bin)
		if r := p.run("upgrade", "aaaa00000001"); r.code != 0 {
			t.Fatalf("upgrade aaaa00000001: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		r := p.interrupt("Running upgrade aaaa00000001 -> aaaa00000002", 500*time.Millisecond, "upgrade", "head")
		checkOneLine(t, r, 2, "versions/b.sql:8:1")
		for _, want := range []string{"migrate: interrupted: ", "the database is at aaaa00000001"} {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("stderr %q lacks %q", r.stderr, want)
			}
		}
		p.assertNoServer()
		fmtRun(tr, "interrupted upgrade", []string{"upgrade", "head"}, r)
		if got := p.run("current"); got.code != 0 || got.stdout != "aaaa00000001\n" {
			t.Errorf("current after the interrupt: exit %d, %q %q", got.code, got.stdout, got.stderr)
		}
		if got := p.run("inspect"); got.code != 0 || strings.Contains(got.stdout, "public.b") || !strings.Contains(got.stdout, "public.a") {
			t.Errorf("inspect after the interrupt: exit %d\n%s%s", got.code, got.stdout, got.stderr)
		}
	})

	// While the embedded cluster is being created: one line, no server
	// left, and the next command creates the cluster and works.
	t.Run("cluster start", func(t *testing.T) {
		p := newBinaryProject(t, bin)
		r := p.interrupt("", 300*time.Millisecond, "upgrade", "aaaa00000001")
		checkOneLine(t, r, 2, "interrupted")
		p.assertNoServer()
		if got := p.run("upgrade", "aaaa00000001"); got.code != 0 {
			t.Errorf("upgrade after the interrupted start: exit %d\n%s%s", got.code, got.stdout, got.stderr)
		}
		if got := p.run("current"); got.code != 0 || got.stdout != "aaaa00000001\n" {
			t.Errorf("current: exit %d, %q %q", got.code, got.stdout, got.stderr)
		}
	})
	tr.golden("interrupt")
}

// fmtRun records a run of the binary in a transcript.
func fmtRun(tr *badTranscript, name string, args []string, r badResult) {
	tr.buf.WriteString("# " + name + "\n$ migrate " + strings.Join(args, " ") + "\n" + r.stdout)
	for _, line := range strings.SplitAfter(r.stderr, "\n") {
		if line != "" {
			tr.buf.WriteString("stderr: " + line)
		}
	}
	tr.buf.WriteString("[exit " + strconv.Itoa(r.code) + "]\n\n")
}
