package target

// edit is one hunk of a sequence diff: a[A0:A1] was replaced by b[B0:B1]
// (either side may be empty).
type edit struct{ A0, A1, B0, B1 int }

// diffSeq returns the hunks that turn a into b, in order, by Myers'
// O((N+M)·D) algorithm on a shortest edit script: cheap when the
// sequences differ in a few places, whatever their length. It gives up
// (ok false) past maxD differences, where a rebuild is cheaper anyway.
func diffSeq[T comparable](a, b []T, maxD int) (hunks []edit, ok bool) {
	// Common prefix and suffix first: the usual case is one or a few
	// edits in a long sequence.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	a2, b2 := a[pre:len(a)-suf], b[pre:len(b)-suf]
	n, m := len(a2), len(b2)
	if n == 0 && m == 0 {
		return nil, true
	}
	if n == 0 || m == 0 {
		return []edit{{pre, pre + n, pre, pre + m}}, true
	}
	maxD = min(maxD, n+m)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int // v before each step d
	found := false
	for d := 0; d <= maxD && !found; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a2[x] == b2[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				found = true
				break
			}
		}
	}
	if !found {
		return nil, false
	}
	// Walk back from the end: each step is a run of matches (a
	// diagonal) preceded by one insertion or deletion; consecutive
	// insertions and deletions make one hunk.
	x, y := n, m
	var rev []edit // hunks, last first, in a2/b2 coordinates
	for d := len(trace) - 1; d >= 0; d-- {
		vv := trace[d]
		k := x - y
		var pk int
		if k == -d || (k != d && vv[off+k-1] < vv[off+k+1]) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := vv[off+pk]
		py := px - pk
		for x > px && y > py {
			x--
			y--
		}
		if d > 0 {
			// One step from (px, py) to (x, y).
			if len(rev) > 0 && rev[len(rev)-1].A0 == x && rev[len(rev)-1].B0 == y {
				rev[len(rev)-1].A0, rev[len(rev)-1].B0 = px, py
			} else {
				rev = append(rev, edit{px, x, py, y})
			}
		}
		x, y = px, py
	}
	for i := len(rev) - 1; i >= 0; i-- {
		e := rev[i]
		hunks = append(hunks, edit{pre + e.A0, pre + e.A1, pre + e.B0, pre + e.B1})
	}
	return hunks, true
}
