package target

import (
	"context"
	"strings"
	"testing"

	"github.com/migrate-tool/migrate/internal/pgtest"
)

// TestGoTargetStarted: a Go target whose loading Start began before the
// server was known loads the same schema as one loaded in line, with
// the major version given afterwards. Abandon
// stops a loading nobody takes, and cancelling Load's context stops it
// too.
func TestGoTargetStarted(t *testing.T) {
	if testing.Short() {
		t.Skip("builds Go programs")
	}
	ctx := testContext(t)
	server := pgtest.NewDB(t)
	dir := tempModule(t, map[string]string{"models/models.go": strings.Replace(dataModels, "DEFAULT_QTY", "0", 1)})
	cfg := goConfig(dir)
	t.Cleanup(func() { _ = dropDatabase(ctx, server, keptName(cfg)) })
	major, err := serverMajor(ctx, server)
	if err != nil {
		t.Fatal(err)
	}
	for _, qty := range []string{"3", "4"} {
		writeFiles(t, dir, map[string]string{"models/models.go": strings.Replace(dataModels, "DEFAULT_QTY", qty, 1)})
		log := &loadLog{}
		d, err := Prepare(ctx, cfg, Options{ServerURL: server})
		if err != nil {
			t.Fatal(err)
		}
		d.SetLogf(log.logf)
		d.Start(ctx)
		if d.l.loading == nil {
			t.Fatalf("default %s: Start did not start loading a changed source", qty)
		}
		d.SetServerMajor(major)
		got, err := d.Load(ctx)
		if err != nil {
			t.Fatal(err)
		}
		checkEvaluated(t, ctx, cfg, server, "started, default "+qty, log, got)
	}

	// Unchanged source: nothing to start, the cache answers.
	d, err := Prepare(ctx, cfg, Options{ServerURL: server})
	if err != nil {
		t.Fatal(err)
	}
	d.Start(ctx)
	if d.l.loading != nil {
		t.Error("Start began loading an unchanged source")
	}

	// Abandoned, and cancelled while Load waits.
	writeFiles(t, dir, map[string]string{"models/models.go": strings.Replace(dataModels, "DEFAULT_QTY", "5", 1)})
	d, err = Prepare(ctx, cfg, Options{ServerURL: server})
	if err != nil {
		t.Fatal(err)
	}
	d.Start(ctx)
	d.Abandon()
	if d.l.loading != nil {
		t.Error("Abandon left the loading")
	}
	d, err = Prepare(ctx, cfg, Options{ServerURL: server})
	if err != nil {
		t.Fatal(err)
	}
	d.Start(ctx)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := d.Load(cctx); err == nil || d.l.loading != nil {
		t.Errorf("Load with a cancelled context: %v, loading left %v", err, d.l.loading != nil)
	}
}
