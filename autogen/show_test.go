package autogen_test

import (
	"os"
	"testing"

	"github.com/migrate-tool/migrate/autogen"
)

func TestShow(t *testing.T) {
	name := os.Getenv("CASE")
	pool := newDBPool(t, 2)
	for _, c := range loadCases(t) {
		if c.name != name {
			continue
		}
		a, b := pool.get(t), pool.get(t)
		a.exec(c.old)
		b.exec(c.new)
		p, err := autogen.Diff(a.inspect(t, corpusSchemas), b.inspect(t, corpusSchemas), c.opts)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("UPGRADE\n%s\nDOWNGRADE\n%s", autogen.Render(p.Upgrade()), autogen.Render(p.Downgrade()))
	}
}
