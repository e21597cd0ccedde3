package rowgen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// cell is the context of one generated value: a random source fixed by the
// seed, table, column and row, the row's index (what unique values are
// built from) and the column's position (ordered values grow with it, so
// checks like a < b hold for most rows).
type cell struct {
	rng    *rand.Rand
	row    int
	col    int
	unique bool
	// hostile allows values that are valid here but unlikely to survive a
	// narrowing change: texts of 45 and 300 characters, numbers at the
	// limits of their type.
	hostile bool
}

func (c cell) intn(n int) int {
	if n <= 0 {
		return 0
	}
	return c.rng.IntN(n)
}

// value renders one value of sp satisfying cs as its text input form (the
// text inside a SQL literal). ok is false when the generator cannot make
// one (an unknown type, an empty list of allowed values): the column then
// gets NULL or its default.
func value(sp *typeSpec, cs cons, c cell) (string, bool) {
	dc, _ := sp.domainCons()
	cs = cs.and(dc)
	sp = sp.scalar()
	if cs.hasAllowed {
		var ok []string
		for _, v := range cs.allowed {
			if !slices.Contains(cs.denied, v) && (sp.kind != kEnum || slices.Contains(sp.labels, v)) {
				ok = append(ok, v)
			}
		}
		if len(ok) == 0 {
			return "", false
		}
		if c.unique {
			return ok[c.row%len(ok)], true
		}
		return ok[c.intn(len(ok))], true
	}
	v, ok := scalarValue(sp, cs, c)
	if !ok {
		return "", false
	}
	if slices.Contains(cs.denied, v) {
		return "", false
	}
	return v, true
}

func scalarValue(sp *typeSpec, cs cons, c cell) (string, bool) {
	switch sp.kind {
	case kInt:
		return intValue(sp, cs, c)
	case kNumeric:
		return numericValue(sp, cs, c)
	case kFloat:
		return floatValue(sp, cs, c)
	case kMoney:
		return fmt.Sprintf("%d.%02d", c.row*3+c.intn(1000), c.intn(100)), true
	case kText:
		return textValue(sp, cs, c), true
	case kBool:
		if c.unique {
			return strconv.FormatBool(c.row%2 == 0), true
		}
		return strconv.FormatBool(c.intn(2) == 0), true
	case kDate:
		return dateValue(c).Format("2006-01-02"), true
	case kTimestamp:
		return timestampValue(sp, c), true
	case kTime:
		return timeValue(sp, c), true
	case kInterval:
		return fmt.Sprintf("%d days %02d:%02d:%02d", c.row%400, c.intn(24), c.intn(60), c.intn(60)), true
	case kUUID:
		return uuidValue(c), true
	case kBytea:
		n := c.intn(8) + 1
		if c.hostile && c.row%5 == 0 {
			n = 45
		}
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(c.intn(256))
		}
		b[0] = byte(c.row)
		return fmt.Sprintf(`\x%x`, b), true
	case kJSON:
		return jsonValue(c), true
	case kXML:
		return fmt.Sprintf(`<item n="%d">%s</item>`, c.row, word(c, 6)), true
	case kInet:
		if c.row%4 == 3 {
			return fmt.Sprintf("2001:db8::%x", c.row+1), true
		}
		return fmt.Sprintf("10.%d.%d.%d", c.row/65536%256, c.row/256%256, c.row%256), true
	case kCidr:
		return fmt.Sprintf("10.%d.%d.0/24", c.row/256%256, c.row%256), true
	case kMacaddr:
		return fmt.Sprintf("08:00:2b:%02x:%02x:%02x", c.row/65536%256, c.row/256%256, c.row%256), true
	case kMacaddr8:
		return fmt.Sprintf("08:00:2b:ff:fe:%02x:%02x:%02x", c.row/65536%256, c.row/256%256, c.row%256), true
	case kBit:
		n := sp.maxLen
		if !sp.fixed {
			if n == 0 {
				n = 45
			}
			n = 1 + c.intn(n)
		}
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteByte('0' + byte((c.row>>(i%16))&1^c.intn(2)))
		}
		return b.String(), true
	case kTSVector:
		return word(c, 4) + " " + word(c, 5) + " r" + strconv.Itoa(c.row), true
	case kTSQuery:
		return word(c, 4) + " & " + word(c, 5), true
	case kPoint:
		return fmt.Sprintf("(%d,%d.5)", c.row, c.intn(1000)), true
	case kRange:
		return rangeValue(sp, c)
	case kArray:
		return arrayValue(sp, c)
	case kEnum:
		if len(sp.labels) == 0 {
			return "", false
		}
		if c.unique {
			return sp.labels[c.row%len(sp.labels)], true
		}
		return sp.labels[c.intn(len(sp.labels))], true
	case kComposite:
		return compositeValue(sp, c)
	case kHstore:
		return fmt.Sprintf(`"k%d"=>"%s"`, c.row, word(c, 5)), true
	case kLtree:
		return fmt.Sprintf("top.r%d.%s", c.row, word(c, 4)), true
	}
	return "", false
}

// intRange is the range of an integer type narrowed by the constraints.
func intRange(sp *typeSpec, cs cons) (lo, hi int64) {
	switch sp.bits {
	case 1:
		lo, hi = 0, 1
	case 16:
		lo, hi = math.MinInt16, math.MaxInt16
	case 32:
		lo, hi = math.MinInt32, math.MaxInt32
	default:
		lo, hi = math.MinInt64, math.MaxInt64
	}
	if sp.prec > 0 && sp.prec < 19 {
		lim := int64(math.Pow10(sp.prec)) - 1
		lo, hi = max(lo, -lim), min(hi, lim)
	}
	if cs.hasMin && cs.min > float64(lo) {
		lo = int64(math.Ceil(cs.min))
	}
	if cs.hasMax && cs.max < float64(hi) {
		hi = int64(math.Floor(cs.max))
	}
	return lo, hi
}

func intValue(sp *typeSpec, cs cons, c cell) (string, bool) {
	lo, hi := intRange(sp, cs)
	if lo > hi {
		return "", false
	}
	// ordered values: small, positive, growing with the row and the
	// column's position.
	v := int64(c.row*16 + c.col + 1)
	if !c.unique {
		switch c.intn(8) {
		case 0:
			v = -int64(c.intn(1000))
		case 1:
			if c.hostile {
				v = hi - int64(c.intn(100))
			}
		case 2:
			if c.hostile {
				v = lo + int64(c.intn(100))
			}
		case 3:
			if c.hostile {
				v = int64(c.intn(100000))
			}
		}
	}
	if v < lo || v > hi {
		span := uint64(hi - lo)
		if span > 1<<40 {
			span = 1 << 40
		}
		v = lo + int64(uint64(c.row*16+c.col)%(span+1))
	}
	if cs.nonZero && v == 0 {
		if hi >= 1 {
			v = 1
		} else {
			v = -1
		}
	}
	return strconv.FormatInt(v, 10), true
}

func numericValue(sp *typeSpec, cs cons, c cell) (string, bool) {
	intDigits, scale := 12, 4
	if sp.prec > 0 {
		intDigits, scale = sp.prec-sp.scale, sp.scale
	} else if c.hostile && c.row%7 == 0 {
		scale = 9
	}
	limit := math.Pow(10, float64(max(intDigits, 0)))
	var whole float64
	switch {
	case c.unique:
		whole = float64(c.row*16 + c.col + 1)
	case c.hostile && c.intn(6) == 0:
		whole = limit - 1 - float64(c.intn(10)) // near the precision limit
	case c.intn(6) == 0:
		whole = -float64(c.intn(1000))
	default:
		whole = float64(c.row*16 + c.col + c.intn(16))
	}
	if whole >= limit {
		whole = math.Mod(whole, limit)
	}
	if cs.hasMin && whole < cs.min {
		whole = math.Ceil(cs.min) + float64(c.row%10)
	}
	if cs.hasMax && whole > cs.max {
		whole = math.Floor(cs.max) - float64(c.row%10)
	}
	if (cs.hasMin && whole < cs.min) || (cs.hasMax && whole > cs.max) || math.Abs(whole) >= limit {
		return "", false
	}
	s := strconv.FormatFloat(whole, 'f', 0, 64)
	if scale > 0 {
		var f strings.Builder
		for i := 0; i < scale; i++ {
			f.WriteByte('0' + byte(c.intn(10)))
		}
		frac := f.String()
		if sp.prec == 0 {
			frac = strings.TrimRight(frac, "0")
		}
		if frac != "" {
			if whole == 0 && cs.hasMin && cs.min > 0 {
				return s, true
			}
			if cs.hasMax && whole >= cs.max {
				return s, true
			}
			s += "." + frac
		}
	}
	if cs.nonZero && strings.Trim(s, "0.-") == "" {
		s = "1"
	}
	return s, true
}

func floatValue(sp *typeSpec, cs cons, c cell) (string, bool) {
	v := float64(c.row*16+c.col) + float64(c.intn(4))/4
	if !c.unique {
		switch c.intn(6) {
		case 0:
			v = -v
		case 1:
			if c.hostile {
				if sp.bits == 32 {
					v = 3.4e38
				} else {
					v = 1.7976931348623157e308
				}
			}
		case 2:
			v = 1.0 / 3
		}
	}
	if cs.hasMin && v < cs.min {
		v = math.Ceil(cs.min) + float64(c.row%10)
	}
	if cs.hasMax && v > cs.max {
		v = math.Floor(cs.max) - float64(c.row%10)
	}
	if cs.nonZero && v == 0 {
		v = 1
	}
	bits := 64
	if sp.bits == 32 {
		bits = 32
	}
	return strconv.FormatFloat(v, 'g', -1, bits), true
}

// alphabet is what generated texts are made of: letters, spaces, the
// characters literals quote or escape, and characters of several UTF-8
// widths.
var alphabet = []rune("abcdefghijklmnopqrstuvwxyz abcdefghij ABCDEFG 0123456789 ,'\"\\{}()éß日本€")

func word(c cell, n int) string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	b := make([]byte, n)
	for i := range b {
		b[i] = letters[c.intn(len(letters))]
	}
	return string(b)
}

func textValue(sp *typeSpec, cs cons, c cell) string {
	limit := sp.maxLen
	if cs.maxLen > 0 && (limit == 0 || cs.maxLen < limit) {
		limit = cs.maxLen
	}
	var n int
	switch pick := c.intn(10); {
	case pick == 0 && c.hostile:
		n = 45 // longer than common narrowed lengths (32, 40)
	case pick == 1 && c.hostile:
		n = 300
	case pick == 2:
		n = limit // exactly at the limit
	default:
		n = 1 + c.intn(20)
	}
	if limit > 0 && (n > limit || n == 0) {
		n = limit
	}
	if n < cs.minLen {
		n = cs.minLen
	}
	if n == 0 {
		n = 1 + c.intn(20)
	}
	prefix := ""
	if c.unique {
		prefix = strconv.FormatInt(int64(c.row), 36) + ":"
	}
	r := []rune(prefix)
	for len(r) < n {
		r = append(r, alphabet[c.intn(len(alphabet))])
	}
	if limit > 0 && len(r) > limit {
		r = r[:limit]
	}
	if sp.fixed {
		// char(n) strips trailing spaces on output and comparison.
		for len(r) > 0 && r[len(r)-1] == ' ' {
			r[len(r)-1] = 'x'
		}
	}
	s := string(r)
	for _, p := range cs.like {
		s = likeValue(p, s, limit)
	}
	switch {
	case cs.upper:
		s = strings.ToUpper(s)
	case cs.lower:
		s = strings.ToLower(s)
	}
	return s
}

// likeValue makes a text matching a LIKE pattern: each % becomes part of
// fill, each _ an x.
func likeValue(pattern, fill string, limit int) string {
	fixed := len([]rune(strings.NewReplacer("%", "", "\\", "").Replace(pattern)))
	room := len([]rune(fill))
	if limit > 0 && fixed+room > limit {
		room = max(limit-fixed, 0)
	}
	fr := []rune(fill)[:room]
	var b strings.Builder
	used := false
	esc := false
	for _, ch := range pattern {
		switch {
		case esc:
			b.WriteRune(ch)
			esc = false
		case ch == '\\':
			esc = true
		case ch == '%':
			if !used {
				b.WriteString(strings.NewReplacer("%", "", "_", "").Replace(string(fr)))
				used = true
			}
		case ch == '_':
			b.WriteByte('x')
		default:
			b.WriteRune(ch)
		}
	}
	return b.String()
}

var epoch = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

func dateValue(c cell) time.Time {
	d := epoch.AddDate(0, 0, c.row*3+c.col)
	if !c.unique && c.hostile && c.intn(12) == 0 {
		d = time.Date(9999-c.intn(100), 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return d
}

func timestampValue(sp *typeSpec, c cell) string {
	t := dateValue(c).Add(time.Duration(c.intn(24))*time.Hour + time.Duration(c.col)*time.Minute + time.Duration(c.intn(60))*time.Second)
	s := t.Format("2006-01-02 15:04:05")
	digits := 6
	if sp.prec >= 0 {
		digits = sp.prec
	}
	if digits > 0 && c.intn(3) == 0 {
		frac := strconv.Itoa(100000 + c.intn(900000))[:digits]
		if frac = strings.TrimRight(frac, "0"); frac != "" {
			s += "." + frac
		}
	}
	if sp.tz {
		s += "+00"
	}
	return s
}

func timeValue(sp *typeSpec, c cell) string {
	s := fmt.Sprintf("%02d:%02d:%02d", c.intn(24), (c.row+c.col)%60, c.intn(60))
	if sp.tz {
		s += "+00"
	}
	return s
}

func uuidValue(c cell) string {
	hi, lo := c.rng.Uint64(), c.rng.Uint64()
	if c.unique {
		lo = uint64(c.row)<<32 | lo&0xffffffff
	}
	return fmt.Sprintf("%08x-%04x-%04x-%04x-%012x", hi>>32, hi>>16&0xffff, 0x4000|hi&0x0fff, 0x8000|lo>>48&0x3fff, lo&0xffffffffffff)
}

// jsonValue is an object in jsonb's output form (keys shortest first, one
// space after ':' and ','), so json and jsonb print it identically.
func jsonValue(c cell) string {
	switch c.intn(4) {
	case 0:
		return fmt.Sprintf(`[%d, "%s", null, true]`, c.row, word(c, 3))
	case 1:
		return fmt.Sprintf(`{"a": {"b": [%d, %d]}, "id": %d}`, c.intn(10), c.intn(10), c.row)
	}
	return fmt.Sprintf(`{"n": %d, "s": "%s", "tags": ["%s", "%s"]}`, c.row, word(c, 5), word(c, 2), word(c, 3))
}

func rangeValue(sp *typeSpec, c cell) (string, bool) {
	sub := sp.elem
	if sub == nil {
		return "", false
	}
	// Ranges of different rows do not overlap, so exclusion constraints
	// (EXCLUDE USING gist (r WITH &&)) accept them.
	switch sub.kind {
	case kInt:
		return fmt.Sprintf("[%d,%d)", c.row*10, c.row*10+5), true
	case kNumeric:
		return fmt.Sprintf("[%d.5,%d.25)", c.row*10, c.row*10+5), true
	case kDate:
		d := epoch.AddDate(0, 0, c.row*3)
		return "[" + d.Format("2006-01-02") + "," + d.AddDate(0, 0, 2).Format("2006-01-02") + ")", true
	case kTimestamp:
		t := epoch.Add(time.Duration(c.row) * 3 * time.Hour)
		suf := ""
		if sub.tz {
			suf = "+00"
		}
		return `["` + t.Format("2006-01-02 15:04:05") + suf + `","` + t.Add(2*time.Hour).Format("2006-01-02 15:04:05") + suf + `")`, true
	}
	return "", false
}

func arrayValue(sp *typeSpec, c cell) (string, bool) {
	n := c.intn(4)
	if c.unique {
		n = 1 + c.row%3
	}
	parts := make([]string, 0, n)
	for i := 0; i < n; i++ {
		ec := c
		ec.row = c.row*4 + i
		ec.unique = c.unique && i == 0
		v, ok := value(sp.elem, cons{}, ec)
		switch {
		case !ok || (c.intn(12) == 0 && !ec.unique):
			parts = append(parts, "NULL")
		default:
			parts = append(parts, quoteElement(v))
		}
	}
	return "{" + strings.Join(parts, ",") + "}", true
}

// quoteElement double-quotes an array element or composite field.
func quoteElement(v string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v) + `"`
}

func compositeValue(sp *typeSpec, c cell) (string, bool) {
	parts := make([]string, len(sp.attrs))
	for i, a := range sp.attrs {
		ac := c
		ac.col = c.col + i
		if v, ok := value(a.typ, cons{}, ac); ok && c.intn(10) != 0 {
			parts[i] = quoteElement(v)
		}
	}
	return "(" + strings.Join(parts, ",") + ")", true
}
