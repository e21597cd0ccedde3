package autogen

// SetComment is COMMENT ON <object> IS '<text>' (or IS NULL to remove).
type SetComment struct {
	// On is the rendered object reference: "TABLE public.users",
	// "COLUMN public.users.email", "CONSTRAINT users_pkey ON public.users".
	On   string
	Text string // empty removes the comment
}

// Describe implements Change.
func (c *SetComment) Describe() string {
	if c.Text == "" {
		return "remove comment on " + lowerKind(c.On)
	}
	return "set comment on " + lowerKind(c.On)
}

func (c *SetComment) statements() []Statement {
	v := "NULL"
	if c.Text != "" {
		v = literal(c.Text)
	}
	return one("COMMENT ON " + c.On + " IS " + v)
}

// comment emits a comment change when from and to differ. from is "" for
// a newly created object. on renders the object reference; it is called
// only when there is a change (quoting names is not free).
func (d *differ) comment(on func() string, from, to string) {
	if from != to {
		d.add(phComment, &SetComment{On: on(), Text: to})
	}
}

// lowerKind lower-cases the leading keyword(s) of an object reference for
// descriptions: "MATERIALIZED VIEW public.v" -> "materialized view public.v".
func lowerKind(on string) string {
	b := []byte(on)
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
			continue
		}
		if c == ' ' && i+1 < len(b) && b[i+1] >= 'A' && b[i+1] <= 'Z' {
			continue
		}
		break
	}
	return string(b)
}
