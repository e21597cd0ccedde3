package cli

import "github.com/spf13/cobra"

// addCommands registers every subcommand. A command is listed here only once
// it works end to end.
func (a *App) addCommands(root *cobra.Command) {
	root.AddCommand()
	root.AddCommand(newInitCmd(a))
	root.AddCommand(newConfigCmd(a))
	root.AddCommand(newUpgradeCmd(a))
	root.AddCommand(newDowngradeCmd(a))
	root.AddCommand(newCurrentCmd(a))
	root.AddCommand(newStampCmd(a))
	root.AddCommand(newRevisionCmd(a))
	root.AddCommand(newHeadsCmd(a))
	root.AddCommand(newBranchesCmd(a))
	root.AddCommand(newHistoryCmd(a))
	root.AddCommand(newShowCmd(a))
	root.AddCommand(newMergeCmd(a))
	root.AddCommand(newInspectCmd(a))
	root.AddCommand(newCheckCmd(a))
	root.AddCommand(newPlanCmd(a))
	root.AddCommand(newLintCmd(a))
	root.AddCommand(newPsqlCmd(a))
	root.AddCommand(newFleetCmd(a))
}
