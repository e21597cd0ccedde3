package rowgen

import "slices"

// compatSpec is the spec to generate values of a column typed old that
// must also convert to typed new without changing: the narrower of the
// two where the generator knows how to narrow (lengths, integer widths,
// numeric precision, enum labels, text that must parse as new), else old.
func compatSpec(old, new *typeSpec) *typeSpec {
	if new == nil || new.kind == kUnknown {
		return old
	}
	o, n := old.scalar(), new.scalar()
	out := func(sp typeSpec) *typeSpec {
		if old.kind == kDomain {
			d := *old
			d.base = &sp
			return &d
		}
		return &sp
	}
	switch {
	case o.kind == kText && n.kind == kText:
		sp := *o
		if n.maxLen > 0 && (sp.maxLen == 0 || n.maxLen < sp.maxLen) {
			sp.maxLen = n.maxLen
		}
		return out(sp)
	case o.kind == kText && !o.fixed && n.kind != kEnum && n.kind != kDomain:
		// a text holds the new type's values in its own spelling
		sp := *n
		if o.maxLen > 0 && sp.kind == kInt {
			sp.prec = max(1, min(18, o.maxLen-1))
		}
		return out(sp)
	case o.kind == kEnum && n.kind == kEnum:
		sp := *o
		sp.labels = nil
		for _, l := range o.labels {
			if slices.Contains(n.labels, l) {
				sp.labels = append(sp.labels, l)
			}
		}
		return out(sp)
	case o.kind == kText && n.kind == kEnum:
		return out(*n)
	case isNumber(o) && isNumber(n):
		return out(narrowNumber(o, n))
	case o.kind == kTimestamp && n.kind == kDate:
		return out(*n) // midnight: the date keeps all of it
	case o.kind == kInt && n.kind == kBool:
		sp := *o
		sp.bits = 1
		return out(sp)
	case o.kind == kArray && n.kind == kArray:
		sp := *o
		sp.elem = compatSpec(o.elem, n.elem)
		return out(sp)
	}
	return old
}

func isNumber(sp *typeSpec) bool {
	switch sp.kind {
	case kInt, kNumeric, kFloat, kMoney:
		return true
	}
	return false
}

// narrowNumber picks the narrower of two number types: integers before
// numerics before floats, fewer digits before more.
func narrowNumber(o, n *typeSpec) typeSpec {
	rank := map[kind]int{kInt: 0, kNumeric: 1, kMoney: 2, kFloat: 3}
	a, b := *o, *n
	if rank[b.kind] < rank[a.kind] {
		a, b = b, a
	}
	switch {
	case a.kind == kInt && b.kind == kInt:
		a.bits = min(a.bits, b.bits)
	case a.kind == kInt && b.kind == kNumeric && b.prec > 0:
		// an integer that fits numeric(p,s) has at most p-s digits
		a.prec = b.prec - b.scale
	case a.kind == kNumeric && b.kind == kNumeric:
		if b.prec > 0 && (a.prec == 0 || b.prec-b.scale < a.prec-a.scale) {
			a.prec = b.prec - b.scale + a.scale
		}
		if b.prec > 0 && b.scale < a.scale {
			a.prec -= a.scale - b.scale
			a.scale = b.scale
		}
		if a.prec == 0 && b.prec > 0 {
			a.prec, a.scale = b.prec, b.scale
		}
	}
	return a
}
