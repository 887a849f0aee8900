package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"tidings/eval"
	"tidings/internal/bench"
)

// defaultRougeData is where ROUGE-1.5.5's data files are looked for when
// --rouge-data is not given.
const defaultRougeData = "../shared/data/rouge-golden"

// splitArgs separates our --name value flags from ROUGE-1.5.5's own
// single-letter options, which are returned in order.
func splitArgs(args []string, ours map[string]*[]string, bools map[string]*bool) ([]string, error) {
	var rest []string
	for i := 0; i < len(args); i++ {
		name := strings.TrimLeft(args[i], "-")
		name, val, hasVal := strings.Cut(name, "=")
		if dst, ok := ours[name]; ok && strings.HasPrefix(args[i], "-") && len(name) > 1 {
			if !hasVal {
				if i+1 >= len(args) {
					return nil, fmt.Errorf("%w: --%s needs a value", errUsage, name)
				}
				i++
				val = args[i]
			}
			*dst = append(*dst, val)
			continue
		}
		if dst, ok := bools[name]; ok && strings.HasPrefix(args[i], "-") {
			*dst = true
			continue
		}
		rest = append(rest, args[i])
	}
	return rest, nil
}

func last(v []string, def string) string {
	if len(v) == 0 {
		return def
	}
	return v[len(v)-1]
}

// loadClusters reads every cluster of a JSONL file; bad lines are
// reported and skipped.
func (e *env) loadClusters(path string) ([]bench.Cluster, int, error) {
	cs, bad, err := bench.LoadClusters(path)
	for _, err := range bad {
		e.warn(err)
	}
	return cs, len(bad), err
}

// writeROUGE prints scores in ROUGE-1.5.5's own line format.
func writeROUGE(w io.Writer, s bench.SystemScore, confidence float64) {
	for _, m := range s.Metrics {
		fmt.Fprintln(w, "---------------------------------------------")
		for _, part := range []string{"R", "P", "F"} {
			iv := s.Scores[m][part]
			fmt.Fprintf(w, "%s %s Average_%s: %s (%g%%-conf.int. %s - %s)\n", s.Name, m, part,
				eval.Format(iv.Mean), confidence, eval.Format(iv.Low), eval.Format(iv.High))
		}
	}
	fmt.Fprintln(w, "---------------------------------------------")
}

func (e *env) rouge(_ context.Context, args []string) error {
	var data, sys, names, format, rdata []string
	help := false
	rougeArgs, err := splitArgs(args, map[string]*[]string{"data": &data, "sys": &sys, "name": &names, "format": &format, "rouge-data": &rdata},
		map[string]*bool{"help": &help, "h": &help})
	if err != nil {
		return err
	}
	if help {
		fmt.Fprint(e.stdout, "tidings rouge --data CLUSTERS.jsonl --sys DIR [--sys DIR...] [--name NAME...] [--format text|json] [--rouge-data DIR] [ROUGE-1.5.5 options]\n")
		return nil
	}
	if len(data) != 1 || len(sys) == 0 {
		return fmt.Errorf("%w: rouge needs one --data file and at least one --sys folder", errUsage)
	}
	if len(names) > 0 && len(names) != len(sys) {
		return fmt.Errorf("%w: give one --name per --sys (%d names, %d folders)", errUsage, len(names), len(sys))
	}
	fm := last(format, "text")
	if fm != "text" && fm != "json" {
		return fmt.Errorf("%w: --format is text or json, got %q", errUsage, fm)
	}
	o, res, err := rougeSetup(rougeArgs, last(rdata, defaultRougeData))
	if err != nil {
		return err
	}
	// Scoring reads only the references, not the documents.
	clusters, badLines, err := bench.LoadReferences(data[0])
	for _, err := range badLines {
		e.warn(err)
	}
	if err != nil {
		return err
	}
	bad := len(badLines)
	table, err := bench.NewTable(o, res)
	if err != nil {
		return err
	}
	var all []bench.SystemScore
	missing := 0
	for i, dir := range sys {
		name := filepath.Base(filepath.Clean(dir))
		if len(names) > 0 {
			name = names[i]
		}
		peers, lost := bench.ReadSummaries(dir, clusters)
		for _, err := range lost {
			e.warn(fmt.Errorf("system %s: %w", name, err))
		}
		missing += len(lost)
		s, err := table.Score(name, clusters, peers)
		if err != nil {
			return fmt.Errorf("system %s: %w", name, err)
		}
		all = append(all, s)
	}
	if fm == "json" {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(all); err != nil {
			return err
		}
	} else {
		for _, s := range all {
			writeROUGE(e.stdout, s, o.Confidence)
		}
	}
	if missing > 0 || bad > 0 {
		return fmt.Errorf("%w: %d summaries missing, %d bad data lines", errPartial, missing, bad)
	}
	return nil
}

// rougeSetup parses ROUGE-1.5.5 options (a bad one is a usage error) and
// loads from dir the data files that -m and -s need.
func rougeSetup(args []string, dir string) (eval.Options, *eval.Resources, error) {
	o, err := eval.ParseArgs(args)
	if err != nil {
		return o, nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	if !o.Stem && !o.Stop {
		return o, nil, nil
	}
	res, err := eval.LoadResources(dir)
	if err != nil {
		return o, nil, fmt.Errorf("-m and -s need ROUGE-1.5.5's data files %s and %s (set --rouge-data DIR): %w",
			eval.ExceptionsFile, eval.StopWordsFile, err)
	}
	return o, res, nil
}
