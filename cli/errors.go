package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/migrate-tool/migrate/config"
	"github.com/spf13/cobra"
)

// userMessage renders err as the one line printed after "migrate: ": line
// breaks folded, passwords removed, and the Go runtime's wording for an
// interrupted or timed-out context replaced by what happened.
func userMessage(ctx context.Context, err error) string {
	msg := strings.Join(strings.Fields(err.Error()), " ")
	// Library errors carry their package name for callers of the API; the
	// command line already starts the line with it.
	msg = strings.TrimPrefix(msg, "migrate: ")
	msg = groupMessage(msg)
	msg = unknownCommand(msg)
	if errors.Is(err, context.Canceled) || ctx.Err() != nil {
		msg = strings.ReplaceAll(msg, ": context canceled", "")
		msg = strings.ReplaceAll(msg, "context canceled", "interrupted")
		if !strings.Contains(msg, "interrupted") {
			msg = "interrupted: " + msg
		}
	}
	msg = strings.ReplaceAll(msg, "context deadline exceeded", "timed out")
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		msg = strings.ReplaceAll(msg, "unexpected EOF", "the connection to the server was lost")
		msg = strings.ReplaceAll(msg, "EOF", "the connection to the server was lost")
	}
	return config.Redact(msg)
}

// flagGroup matches cobra's message for mutually exclusive flags.
var flagGroup = regexp.MustCompile(`^if any flags in the group \[([^\]]*)\] are set none of the others can be; \[([^\]]*)\] were all set$`)

// groupMessage rewrites cobra's mutually-exclusive-flags message.
func groupMessage(msg string) string {
	m := flagGroup.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	set := strings.Fields(m[2])
	for i, f := range set {
		set[i] = "--" + f
	}
	return strings.Join(set, " and ") + " cannot be used together: give one of them"
}

// explainArgs wraps the argument check of every command so that a wrong
// number of arguments names the command and shows its usage line, instead
// of cobra's bare "accepts 1 arg(s), received 0".
func explainArgs(c *cobra.Command) {
	for _, sub := range c.Commands() {
		explainArgs(sub)
	}
	check := c.Args
	if check == nil {
		return
	}
	c.Args = func(cmd *cobra.Command, args []string) error {
		err := check(cmd, args)
		if err == nil {
			return nil
		}
		msg := err.Error()
		if strings.HasPrefix(msg, "unknown command ") {
			// cobra.NoArgs on a command without subcommands.
			msg = fmt.Sprintf("takes no arguments, got %q", strings.Join(args, " "))
		}
		name := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
		return fmt.Errorf("%s: %s; usage: %s", name, msg, cmd.UseLine())
	}
}

// didYouMean matches cobra's unknown-command message and its suggestions.
var didYouMean = regexp.MustCompile(`^(unknown command "[^"]*" for "[^"]*")(?: Did you mean this\? (.*))?$`)

// unknownCommand puts cobra's suggestions on the message's line and points
// to the help.
func unknownCommand(msg string) string {
	m := didYouMean.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	if m[2] != "" {
		return fmt.Sprintf("%s; did you mean %s? (see 'migrate --help')", m[1], strings.Join(strings.Fields(m[2]), " or "))
	}
	return m[1] + " (see 'migrate --help')"
}

// negativeShorthand matches pflag's message for "-1" given to a command
// that has no such flag.
var negativeShorthand = regexp.MustCompile(`^unknown shorthand flag: '([0-9])' in -([0-9]+)$`)

// flagHint explains flag errors that have a likely cause: "upgrade -1" is
// a downgrade.
func flagHint(c *cobra.Command, err error) string {
	if c.Name() == "psql" {
		return "psql's own arguments go after --, as in: migrate psql -- -c 'SELECT 1'"
	}
	m := negativeShorthand.FindStringSubmatch(err.Error())
	if m == nil {
		return ""
	}
	if c.Name() == "upgrade" {
		return fmt.Sprintf("upgrade goes up only; to step down %s revision(s), run migrate downgrade -%s", m[2], m[2])
	}
	return fmt.Sprintf("-%s is not a flag (see '%s --help')", m[2], c.CommandPath())
}
