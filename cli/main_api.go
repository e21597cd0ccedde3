package cli

import (
	"context"
	"os"

	"github.com/migrate-tool/migrate/schema"
)

// MainWithTarget is Main for a team's own binary with its declared schema
// linked in: the commands that compare against the target (check,
// revision --autogenerate) use declared instead of loading [target] go or
// sql, so no Go toolchain is needed at run time.
//
//	package main
//
//	import (
//		"context"
//		"os"
//
//		"example.com/app/models"
//		"github.com/migrate-tool/migrate/cli"
//	)
//
//	func main() { os.Exit(cli.MainWithTarget(context.Background(), os.Args[1:], models.Schema)) }
func MainWithTarget(ctx context.Context, args []string, declared func() (*schema.Schema, error)) int {
	app := &App{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Declared: declared}
	return app.Run(ctx, args)
}
