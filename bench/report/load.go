package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// stat is hyperfine's summary of one command, in seconds.
type stat struct {
	Min, Median, Mean, Stddev float64
	// User and System are mean CPU seconds of the process and its children.
	User, System float64
	Runs         int
}

// pair is one key/value line of a .tsv file, in file order.
type pair struct{ Key, Value string }

// results is everything bench/run.sh left in bench/results.
type results struct {
	meta     []pair
	stats    map[string]stat   // command name -> timing
	commands []pair            // command name -> exact command line
	skipped  []pair            // scenario -> reason
	notes    []pair            // scenario -> remark
	rss      map[string]int    // command name -> max RSS in KiB
	texts    map[string]string // other .txt files by base name (queries, profiles)

	missed []goal // filled by renderGoals for renderProfiles

	// analysis is the hand-written reading of the figures (-notes).
	analysis string
}

func load(dir string) (*results, error) {
	r := &results{stats: map[string]stat{}, rss: map[string]int{}, texts: map[string]string{}}
	var err error
	if r.meta, err = readTSV(filepath.Join(dir, "meta.tsv")); err != nil {
		return nil, err
	}
	if r.commands, err = readTSV(filepath.Join(dir, "commands.tsv")); err != nil {
		return nil, err
	}
	if r.skipped, err = readTSV(filepath.Join(dir, "skipped.tsv")); err != nil {
		return nil, err
	}
	if r.notes, err = readTSV(filepath.Join(dir, "notes.tsv")); err != nil {
		return nil, err
	}
	rss, err := readTSV(filepath.Join(dir, "rss.tsv"))
	if err != nil {
		return nil, err
	}
	for _, p := range rss {
		kb, err := strconv.Atoi(strings.TrimSpace(p.Value))
		if err != nil {
			return nil, fmt.Errorf("rss.tsv: %s: %w", p.Key, err)
		}
		r.rss[p.Key] = kb
	}
	jsons, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(jsons)
	for _, f := range jsons {
		if err := r.readHyperfine(f); err != nil {
			return nil, err
		}
	}
	texts, err := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if err != nil {
		return nil, err
	}
	top, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	for _, f := range append(top, texts...) {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		rel, _ := filepath.Rel(dir, f)
		r.texts[strings.TrimSuffix(filepath.ToSlash(rel), ".txt")] = string(data)
	}
	return r, nil
}

func (r *results) readHyperfine(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var doc struct {
		Results []struct {
			Command                   string
			Min, Median, Mean, Stddev float64
			User, System              float64
			Times                     []float64
		}
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, c := range doc.Results {
		r.stats[c.Command] = stat{Min: c.Min, Median: c.Median, Mean: c.Mean, Stddev: c.Stddev, User: c.User, System: c.System, Runs: len(c.Times)}
	}
	return nil
}

// readTSV reads "key<TAB>value" lines; a missing file is empty.
func readTSV(path string) ([]pair, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []pair
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), "\t")
		if k != "" {
			out = append(out, pair{k, v})
		}
	}
	return out, sc.Err()
}

func (r *results) metaValue(key string) string {
	for _, p := range r.meta {
		if p.Key == key {
			return p.Value
		}
	}
	return ""
}

// sizes returns the table counts of scenario 1 as recorded in meta.tsv.
func (r *results) sizes() []int {
	var out []int
	for _, f := range strings.Fields(r.metaValue("sizes")) {
		if n, err := strconv.Atoi(f); err == nil {
			out = append(out, n)
		}
	}
	return out
}

// dailySizes returns the table counts of the daily-edit scenario.
func (r *results) dailySizes() []int {
	var out []int
	for _, f := range strings.Fields(r.metaValue("daily_sizes")) {
		if n, err := strconv.Atoi(f); err == nil {
			out = append(out, n)
		}
	}
	return out
}

// noteValue returns the remark recorded under name in notes.tsv, or "".
func (r *results) noteValue(name string) string {
	for _, p := range r.notes {
		if p.Key == name {
			return p.Value
		}
	}
	return ""
}

func (r *results) intMeta(key string) int {
	n, _ := strconv.Atoi(r.metaValue(key))
	return n
}

// skipReason returns why the named scenario did not run, or "".
func (r *results) skipReason(name string) string {
	for _, p := range r.skipped {
		if p.Key == name {
			return p.Value
		}
	}
	return ""
}
