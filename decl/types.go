package decl

import (
	"fmt"
	"strings"
)

// Common PostgreSQL types. Any type PostgreSQL accepts may also be written
// as a string ("int4", "character varying(20)", "public.status",
// "timestamp(3) with time zone", "text[]"); Build canonicalizes it.
const (
	SmallInt        = "smallint"
	Integer         = "integer"
	BigInt          = "bigint"
	SmallSerial     = "smallserial"
	Serial          = "serial"
	BigSerial       = "bigserial"
	Real            = "real"
	DoublePrecision = "double precision"
	Numeric         = "numeric"
	Boolean         = "boolean"
	Text            = "text"
	Bytea           = "bytea"
	Date            = "date"
	Time            = "time without time zone"
	TimeTZ          = "time with time zone"
	Timestamp       = "timestamp without time zone"
	TimestampTZ     = "timestamp with time zone"
	Interval        = "interval"
	UUID            = "uuid"
	JSON            = "json"
	JSONB           = "jsonb"
	Inet            = "inet"
	Cidr            = "cidr"
	MacAddr         = "macaddr"
	Money           = "money"
	TSVector        = "tsvector"
	TSQuery         = "tsquery"
	XML             = "xml"
	Int4Range       = "int4range"
	Int8Range       = "int8range"
	NumRange        = "numrange"
	TSRange         = "tsrange"
	TSTZRange       = "tstzrange"
	DateRange       = "daterange"
)

// Varchar is character varying(n).
func Varchar(n int) string { return fmt.Sprintf("character varying(%d)", n) }

// Char is character(n) (blank-padded).
func Char(n int) string { return fmt.Sprintf("character(%d)", n) }

// Decimal is numeric(precision, scale).
func Decimal(precision, scale int) string { return fmt.Sprintf("numeric(%d,%d)", precision, scale) }

// TimestampTZP is timestamp(p) with time zone: fractional seconds kept to
// p digits.
func TimestampTZP(p int) string { return fmt.Sprintf("timestamp(%d) with time zone", p) }

// TimestampP is timestamp(p) without time zone.
func TimestampP(p int) string { return fmt.Sprintf("timestamp(%d) without time zone", p) }

// Bit is bit(n); VarBit is bit varying(n).
func Bit(n int) string { return fmt.Sprintf("bit(%d)", n) }

// VarBit is bit varying(n).
func VarBit(n int) string { return fmt.Sprintf("bit varying(%d)", n) }

// Array is an array of typ: Array(Text) is text[].
func Array(typ string) string { return strings.TrimSpace(typ) + "[]" }
