package cli

import (
	"math"

	migrate "github.com/migrate-tool/migrate"
	"github.com/migrate-tool/migrate/fleet"
)

// fleetJSON is the stable shape of every fleet command's --json: one
// entry per database in fleet order, and how many ended with each status.
type fleetJSON struct {
	Databases []any          `json:"databases"`
	Summary   map[string]int `json:"summary"`
}

// fleetEntryJSON is what every entry has; runs add from and to, current
// and check add their single-database fields.
type fleetEntryJSON struct {
	Database string `json:"database"`
	Status   string `json:"status"`
}

type fleetRunEntryJSON struct {
	fleetEntryJSON
	From    []string `json:"from"`
	To      []string `json:"to"`
	Error   string   `json:"error"`
	Seconds float64  `json:"seconds"`
}

type fleetCurrentEntryJSON struct {
	fleetEntryJSON
	currentJSON
	Error   string  `json:"error"`
	Seconds float64 `json:"seconds"`
}

type fleetCheckEntryJSON struct {
	fleetEntryJSON
	checkJSON
	Error   string  `json:"error"`
	Seconds float64 `json:"seconds"`
}

// fleetStatuses are the statuses of each kind of command, every one a key
// of "summary" even when no database has it.
var fleetStatuses = map[fleetKind][]fleet.Status{
	fleetRun:     {fleet.StatusApplied, fleet.StatusUpToDate, fleet.StatusFailed, fleet.StatusSkipped},
	fleetCurrent: {fleet.StatusUpToDate, fleet.StatusPending, fleet.StatusFailed, fleet.StatusSkipped},
	fleetCheck:   {fleet.StatusClean, fleet.StatusDrift, fleet.StatusFailed, fleet.StatusSkipped},
}

func fleetToJSON(kind fleetKind, rep *fleet.Report) fleetJSON {
	out := fleetJSON{Databases: make([]any, 0, len(rep.Results)), Summary: map[string]int{}}
	for _, s := range fleetStatuses[kind] {
		out.Summary[string(s)] = rep.Count(s)
	}
	for _, r := range rep.Results {
		head := fleetEntryJSON{Database: r.Database, Status: string(r.Status)}
		errText := ""
		if r.Err != nil {
			errText = fleetErrorText(r.Err)
		}
		secs := math.Round(r.Duration.Seconds()*1000) / 1000
		switch kind {
		case fleetCurrent:
			e := fleetCurrentEntryJSON{fleetEntryJSON: head, currentJSON: currentToJSON(&migrate.Status{}),
				Error: errText, Seconds: secs}
			if r.Current != nil {
				e.currentJSON = currentToJSON(r.Current)
			}
			out.Databases = append(out.Databases, e)
		case fleetCheck:
			e := fleetCheckEntryJSON{fleetEntryJSON: head, Error: errText, Seconds: secs,
				checkJSON: checkToJSON(&migrate.CheckResult{})}
			if r.Check != nil {
				e.checkJSON = checkToJSON(r.Check)
			}
			out.Databases = append(out.Databases, e)
		default:
			out.Databases = append(out.Databases, fleetRunEntryJSON{fleetEntryJSON: head,
				From: nonNil(r.From), To: nonNil(r.To), Error: errText, Seconds: secs})
		}
	}
	return out
}
