package autogen

import (
	"strconv"
	"strings"
)

// splitTypmod splits "character varying(100)" into "character varying" and
// [100]; "numeric(10,2)" into "numeric" and [10 2]. Array types keep their
// brackets in the base.
func splitTypmod(t string) (base string, mods []int) {
	arr := ""
	for strings.HasSuffix(t, "[]") {
		arr += "[]"
		t = strings.TrimSuffix(t, "[]")
	}
	open := strings.IndexByte(t, '(')
	closing := strings.IndexByte(t, ')')
	if open < 0 || closing < open || strings.HasPrefix(t, `"`) {
		return t + arr, nil
	}
	for _, p := range strings.Split(t[open+1:closing], ",") {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil {
			return t + arr, nil
		}
		mods = append(mods, n)
	}
	// "timestamp(3) with time zone": modifiers in the middle
	return strings.TrimSpace(t[:open]+t[closing+1:]) + arr, mods
}

// binaryCoercible reports whether PostgreSQL changes a column from one type
// to the other without rewriting the table: lengthening or unbounding a
// varchar, varchar to text, raising numeric precision at the same scale,
// lengthening varbit.
func binaryCoercible(from, to string) bool {
	fb, fm := splitTypmod(from)
	tb, tm := splitTypmod(to)
	switch {
	case fb == "character varying" && tb == "text",
		fb == "character varying" && tb == "character varying" && len(tm) == 0,
		fb == "text" && tb == "character varying" && len(tm) == 0:
		return true
	case fb == "character varying" && tb == "character varying":
		return len(fm) == 1 && len(tm) == 1 && tm[0] >= fm[0]
	case fb == "bit varying" && tb == "bit varying":
		return len(tm) == 0 || (len(fm) == 1 && len(tm) == 1 && tm[0] >= fm[0])
	case fb == "numeric" && tb == "numeric":
		if len(tm) == 0 {
			return true
		}
		return len(fm) == 2 && len(tm) == 2 && tm[1] == fm[1] && tm[0] >= fm[0]
	}
	return false
}

// safeWidening reports whether every value of the old type converts to the
// new one: integer widening, anything to text, varchar lengthening, float
// widening.
func safeWidening(from, to string) bool {
	if binaryCoercible(from, to) {
		return true
	}
	fb, fm := splitTypmod(from)
	tb, tm := splitTypmod(to)
	if fb == "numeric" && tb == "numeric" && len(fm) == 2 && len(tm) == 2 {
		// as many integer digits and as many decimals, or more
		return tm[1] >= fm[1] && tm[0]-tm[1] >= fm[0]-fm[1]
	}
	rank := map[string]int{"smallint": 1, "integer": 2, "bigint": 3}
	if rank[fb] > 0 && rank[tb] > 0 {
		return rank[tb] >= rank[fb]
	}
	if rank[fb] > 0 && tb == "numeric" && len(tm) == 0 {
		return true
	}
	if fb == "numeric" && tb == "numeric" && len(tm) == 0 {
		return true
	}
	if (fb == "real" || rank[fb] > 0) && tb == "double precision" {
		return fb != "bigint"
	}
	if tb == "text" && !strings.HasSuffix(fb, "[]") {
		return true
	}
	if fb == "timestamp without time zone" && tb == "timestamp with time zone" {
		return true
	}
	if fb == tb && (strings.HasPrefix(fb, "time") || fb == "interval") && (len(tm) == 0 || (len(fm) == 1 && tm[0] >= fm[0])) {
		return true // more fractional digits
	}
	return false
}
