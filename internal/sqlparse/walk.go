package sqlparse

import (
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// Walk calls fn for m and every message below it in a pg_query parse tree,
// depth first, descending into a message's fields only while fn returns
// true. Going through protobuf reflection keeps it complete for every node
// type pg_query_go has, present and future.
func Walk(m proto.Message, fn func(proto.Message) bool) {
	if m == nil {
		return
	}
	walkMessage(m.ProtoReflect(), fn)
}

func walkMessage(m protoreflect.Message, fn func(proto.Message) bool) {
	if !m.IsValid() || !fn(m.Interface()) {
		return
	}
	m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
		switch {
		case fd.IsMap() || fd.Message() == nil:
		case fd.IsList():
			l := v.List()
			for i := 0; i < l.Len(); i++ {
				walkMessage(l.Get(i).Message(), fn)
			}
		default:
			walkMessage(v.Message(), fn)
		}
		return true
	})
}
