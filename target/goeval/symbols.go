package goeval

// Package decl's exported functions and types, which evaluated code may
// call and build slices of. TestSymbols keeps the lists complete.

import (
	"reflect"

	"github.com/migrate-tool/migrate/decl"
)

// declFuncs are package decl's exported functions, by name.
var declFuncs = map[string]any{
	"Array":            decl.Array,
	"Bit":              decl.Bit,
	"Build":            decl.Build,
	"Char":             decl.Char,
	"Check":            decl.Check,
	"Column":           decl.Column,
	"CompositeType":    decl.CompositeType,
	"Decimal":          decl.Decimal,
	"Domain":           decl.Domain,
	"Enum":             decl.Enum,
	"Exclude":          decl.Exclude,
	"Extension":        decl.Extension,
	"ForeignKey":       decl.ForeignKey,
	"Function":         decl.Function,
	"Grant":            decl.Grant,
	"Group":            decl.Group,
	"Index":            decl.Index,
	"MaterializedView": decl.MaterializedView,
	"Model":            decl.Model,
	"MustBuild":        decl.MustBuild,
	"Namespace":        decl.Namespace,
	"Policy":           decl.Policy,
	"PrimaryKey":       decl.PrimaryKey,
	"Sequence":         decl.Sequence,
	"SnakeCase":        decl.SnakeCase,
	"Table":            decl.Table,
	"TimestampP":       decl.TimestampP,
	"TimestampTZP":     decl.TimestampTZP,
	"Trigger":          decl.Trigger,
	"Unique":           decl.Unique,
	"VarBit":           decl.VarBit,
	"Varchar":          decl.Varchar,
	"View":             decl.View,
}

// declTypes are package decl's exported types, by name.
var declTypes = map[string]reflect.Type{
	"CheckDecl":      reflect.TypeFor[decl.CheckDecl](),
	"ColumnDecl":     reflect.TypeFor[decl.ColumnDecl](),
	"CompositeDecl":  reflect.TypeFor[decl.CompositeDecl](),
	"DomainDecl":     reflect.TypeFor[decl.DomainDecl](),
	"EnumDecl":       reflect.TypeFor[decl.EnumDecl](),
	"ExcludeDecl":    reflect.TypeFor[decl.ExcludeDecl](),
	"ExtensionDecl":  reflect.TypeFor[decl.ExtensionDecl](),
	"ForeignKeyDecl": reflect.TypeFor[decl.ForeignKeyDecl](),
	"FunctionDecl":   reflect.TypeFor[decl.FunctionDecl](),
	"GrantDecl":      reflect.TypeFor[decl.GrantDecl](),
	"IndexDecl":      reflect.TypeFor[decl.IndexDecl](),
	"Item":           reflect.TypeFor[decl.Item](),
	"NamespaceDecl":  reflect.TypeFor[decl.NamespaceDecl](),
	"PolicyDecl":     reflect.TypeFor[decl.PolicyDecl](),
	"PrimaryKeyDecl": reflect.TypeFor[decl.PrimaryKeyDecl](),
	"SequenceDecl":   reflect.TypeFor[decl.SequenceDecl](),
	"TableDecl":      reflect.TypeFor[decl.TableDecl](),
	"TableItem":      reflect.TypeFor[decl.TableItem](),
	"TriggerDecl":    reflect.TypeFor[decl.TriggerDecl](),
	"UniqueDecl":     reflect.TypeFor[decl.UniqueDecl](),
	"ViewDecl":       reflect.TypeFor[decl.ViewDecl](),
}
