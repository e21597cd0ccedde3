package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestRender renders a fixed results directory: goals met and missed, a
// skipped scenario, a profile shown for the missed goal.
func TestRender(t *testing.T) {
	r, err := load(filepath.Join("testdata", "results"))
	if err != nil {
		t.Fatal(err)
	}
	got := render(r)
	golden := filepath.Join("testdata", "performance.golden.md")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("render differs from %s (run with -update after checking):\n%s", golden, got)
	}
}

func TestDur(t *testing.T) {
	tests := []struct {
		s    float64
		want string
	}{
		{0.0123, "12.3 ms"},
		{1.234, "1.23 s"},
		{35.01, "35.0 s"},
		{-0.5, "-500.0 ms"},
	}
	for _, tt := range tests {
		if got := dur(tt.s); got != tt.want {
			t.Errorf("dur(%v) = %q, want %q", tt.s, got, tt.want)
		}
	}
	if got := thousands(10000); got != "10,000" {
		t.Errorf("thousands(10000) = %q", got)
	}
}
