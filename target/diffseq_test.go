package target

import (
	"math/rand"
	"slices"
	"testing"
)

// applyHunks rebuilds b from a and the hunks.
func applyHunks(a, b []int, hunks []edit) []int {
	var out []int
	at := 0
	for _, h := range hunks {
		out = append(out, a[at:h.A0]...)
		out = append(out, b[h.B0:h.B1]...)
		at = h.A1
	}
	return append(out, a[at:]...)
}

func TestDiffSeq(t *testing.T) {
	tests := []struct {
		a, b  []int
		hunks int
	}{
		{nil, nil, 0},
		{[]int{1, 2, 3}, []int{1, 2, 3}, 0},
		{[]int{1, 2, 3}, []int{1, 2, 3, 4}, 1},
		{[]int{1, 2, 3}, []int{0, 1, 2, 3}, 1},
		{[]int{1, 2, 3, 4, 5}, []int{1, 9, 3, 4, 8, 5}, 2},
		{[]int{1, 2, 3}, []int{4, 5, 6}, 1},
		{[]int{1, 2, 3, 4}, []int{2, 1, 3, 4}, 2},
	}
	for _, tt := range tests {
		h, ok := diffSeq(tt.a, tt.b, 100)
		if !ok || len(h) != tt.hunks {
			t.Errorf("diff %v -> %v: %v hunks %+v, want %d", tt.a, tt.b, ok, h, tt.hunks)
		}
		if got := applyHunks(tt.a, tt.b, h); !slices.Equal(got, tt.b) && !(len(got) == 0 && len(tt.b) == 0) {
			t.Errorf("diff %v -> %v: hunks %+v rebuild %v", tt.a, tt.b, h, got)
		}
	}
	// Random sequences: the hunks always rebuild b, and a common element
	// left alone is never inside a hunk needlessly (the edit is minimal
	// in count of changed elements).
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		a := make([]int, rng.Intn(30))
		for j := range a {
			a[j] = rng.Intn(6)
		}
		b := slices.Clone(a)
		for e := rng.Intn(5); e > 0; e-- {
			switch p := rng.Intn(len(b) + 1); rng.Intn(3) {
			case 0:
				b = slices.Insert(b, p, rng.Intn(6))
			case 1:
				if p < len(b) {
					b = slices.Delete(b, p, p+1)
				}
			default:
				if p < len(b) {
					b[p] = rng.Intn(6)
				}
			}
		}
		h, ok := diffSeq(a, b, 1000)
		if !ok {
			t.Fatalf("gave up on %v -> %v", a, b)
		}
		if got := applyHunks(a, b, h); !slices.Equal(got, b) && !(len(got) == 0 && len(b) == 0) {
			t.Fatalf("%v -> %v: hunks %+v rebuild %v", a, b, h, got)
		}
		changed := 0
		for _, x := range h {
			changed += x.A1 - x.A0 + x.B1 - x.B0
		}
		if lcs := lcsLen(a, b); changed != len(a)+len(b)-2*lcs {
			t.Fatalf("%v -> %v: %d changed elements, minimal is %d", a, b, changed, len(a)+len(b)-2*lcs)
		}
	}
	if _, ok := diffSeq([]int{1, 2, 3, 4}, []int{5, 6, 7, 8}, 2); ok {
		t.Error("did not give up past maxD")
	}
}

func lcsLen(a, b []int) int {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	return dp[0][0]
}
