package target

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"

	"github.com/migrate-tool/migrate/schema"
)

// declarationDigest is the content hash of a sorted declaration: every
// field JSON would carry, each top-level object encoded on its own. One
// json.Marshal of a whole declaration of thousands of tables grows a
// buffer of megabytes step by step (a fresh process pays for clearing
// every new page); an Encoder reuses one object-sized buffer instead.
// The field walk follows the json tags, so a field added to
// schema.Schema is covered without touching this.
func declarationDigest(s *schema.Schema) ([]byte, error) {
	h := sha256.New()
	enc := json.NewEncoder(h)
	v := reflect.ValueOf(s).Elem()
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		fv := v.Field(i)
		if fv.Kind() != reflect.Slice {
			fmt.Fprintf(h, "%s\x00", f.Name)
			if err := enc.Encode(fv.Interface()); err != nil {
				return nil, err
			}
			continue
		}
		fmt.Fprintf(h, "%s\x00%d\x00", f.Name, fv.Len())
		for j := 0; j < fv.Len(); j++ {
			if err := enc.Encode(fv.Index(j).Interface()); err != nil {
				return nil, err
			}
		}
	}
	return h.Sum(nil), nil
}
