package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"tidings/eval"
	"tidings/ingest"
	"tidings/news"
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
func (e *env) loadClusters(path string) ([]news.Cluster, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	var cs []news.Cluster
	bad := 0
	for c, err := range ingest.Clusters(path, f) {
		if err != nil {
			e.warn(err)
			bad++
			continue
		}
		cs = append(cs, c)
	}
	if len(cs) == 0 {
		return nil, bad, fmt.Errorf("%s holds no clusters", path)
	}
	return cs, bad, nil
}

// loadReferences reads the ids and references of every cluster of a JSONL
// file, the way loadClusters names them (a line without "id" is
// "FILE:LINE"), without decoding or detokenizing the documents, which
// scoring never reads. Bad lines are reported and skipped.
func (e *env) loadReferences(path string) ([]news.Cluster, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	var cs []news.Cluster
	bad := 0
	br := bufio.NewReader(f)
	for line := 1; ; line++ {
		data, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(data)) > 0 {
			var l struct {
				ID   string `json:"id"`
				Refs []struct {
					ID   string `json:"id"`
					Text string `json:"text"`
				} `json:"refs"`
			}
			if jerr := json.Unmarshal(data, &l); jerr != nil {
				e.warn(fmt.Errorf("%s:%d: bad JSON: %w", path, line, jerr))
				bad++
			} else {
				if l.ID == "" {
					l.ID = fmt.Sprintf("%s:%d", path, line)
				}
				c := news.Cluster{ID: l.ID}
				for _, r := range l.Refs {
					c.Refs = append(c.Refs, news.Reference{ID: r.ID, Text: r.Text})
				}
				cs = append(cs, c)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, bad, fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
	if len(cs) == 0 {
		return nil, bad, fmt.Errorf("%s holds no clusters", path)
	}
	return cs, bad, nil
}

// systemScore is one system's ROUGE figures.
type systemScore struct {
	Name     string                       `json:"name"`
	Clusters int                          `json:"clusters"`
	Metrics  []string                     `json:"metrics"`
	Scores   map[string]map[string]interv `json:"scores"`
}

type interv struct {
	Mean float64 `json:"mean"`
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// scoreSystem scores peers (cluster id → summary text, one sentence per
// line) against the clusters' references, in ROUGE-1.5.5's instance order.
func scoreSystem(name string, clusters []news.Cluster, peers map[string]string, o eval.Options, res *eval.Resources) (systemScore, error) {
	t, err := newRougeTable(o, res)
	if err != nil {
		return systemScore{Name: name}, err
	}
	return t.score(name, clusters, peers)
}

// rougeTable scores systems against the same clusters, keeping between
// systems the references' tokens and the bootstrap's draws: a table of 13
// systems tokenizes each reference once.
type rougeTable struct {
	o          eval.Options
	sc         *eval.Scorer
	models     map[string]*eval.Models // by cluster id
	resamplers map[int]*eval.Resampler // by number of clusters scored
}

func newRougeTable(o eval.Options, res *eval.Resources) (*rougeTable, error) {
	sc, err := eval.NewScorer(o, res)
	if err != nil {
		return nil, err
	}
	return &rougeTable{o: o, sc: sc, models: map[string]*eval.Models{}, resamplers: map[int]*eval.Resampler{}}, nil
}

// score scores one system, see scoreSystem.
func (t *rougeTable) score(name string, clusters []news.Cluster, peers map[string]string) (systemScore, error) {
	o := t.o
	var ids []string
	byID := map[string]news.Cluster{}
	for _, c := range clusters {
		if _, ok := peers[c.ID]; !ok || len(c.Refs) == 0 {
			continue
		}
		ids = append(ids, c.ID)
		byID[c.ID] = c
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i]+".P" < ids[j]+".P" })
	out := systemScore{Name: name, Clusters: len(ids), Metrics: o.Metrics(), Scores: map[string]map[string]interv{}}
	if len(ids) == 0 {
		return out, errors.New("no cluster has both a summary and references")
	}
	results := make([]eval.Result, len(ids))
	for i, id := range ids {
		m := t.models[id]
		if m == nil {
			refs := make([]string, len(byID[id].Refs))
			for k, r := range byID[id].Refs {
				refs[k] = r.Text
			}
			var err error
			if m, err = t.sc.Models(refs); err != nil {
				return out, err
			}
			t.models[id] = m
		}
		results[i] = t.sc.Evaluate(peers[id], m)
	}
	rs := t.resamplers[len(ids)]
	if rs == nil {
		rs = eval.NewResampler(len(ids), o.Resamples)
		t.resamplers[len(ids)] = rs
	}
	vals := make([]float64, len(results))
	for k, m := range out.Metrics {
		out.Scores[m] = map[string]interv{}
		for _, part := range []string{"R", "P", "F"} {
			for i, r := range results {
				vals[i] = r.Scores[k].R
				switch part {
				case "P":
					vals[i] = r.Scores[k].P
				case "F":
					vals[i] = r.Scores[k].F
				}
			}
			iv := rs.Interval(vals, o.Confidence)
			out.Scores[m][part] = interv{iv.Mean, iv.Low, iv.High}
		}
	}
	return out, nil
}

// writeROUGE prints scores in ROUGE-1.5.5's own line format.
func writeROUGE(w io.Writer, s systemScore, confidence float64) {
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
	clusters, bad, err := e.loadReferences(data[0])
	if err != nil {
		return err
	}
	table, err := newRougeTable(o, res)
	if err != nil {
		return err
	}
	var all []systemScore
	missing := 0
	for i, dir := range sys {
		name := filepath.Base(filepath.Clean(dir))
		if len(names) > 0 {
			name = names[i]
		}
		peers := map[string]string{}
		for _, c := range clusters {
			b, err := os.ReadFile(filepath.Join(dir, fileName(c.ID)+".txt"))
			if err != nil {
				e.warn(fmt.Errorf("system %s: cluster %s: %w", name, c.ID, err))
				missing++
				continue
			}
			peers[c.ID] = string(b)
		}
		s, err := table.score(name, clusters, peers)
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
