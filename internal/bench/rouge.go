package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"tidings/eval"
	"tidings/ingest"
	"tidings/news"
)

// SystemScore is one system's ROUGE figures over a data set. Its JSON is
// the output of "tidings rouge --format json".
type SystemScore struct {
	Name string `json:"name"`
	// Clusters counts the clusters scored: those with both a summary and
	// references.
	Clusters int `json:"clusters"`
	// Metrics lists the metrics in ROUGE-1.5.5's order ("ROUGE-1", ...).
	Metrics []string `json:"metrics"`
	// Scores holds, by metric and then by "R", "P" or "F", the mean over
	// clusters and its bootstrap confidence interval.
	Scores map[string]map[string]Interval `json:"scores"`
}

// Interval is a mean and its confidence interval.
type Interval struct {
	Mean float64 `json:"mean"`
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// Get returns the figure part ("R", "P" or "F") of metric, and whether
// s holds it.
func (s SystemScore) Get(metric, part string) (Interval, bool) {
	iv, ok := s.Scores[metric][part]
	return iv, ok
}

// Score scores peers (cluster id → summary text, one sentence per line)
// against the clusters' references, in ROUGE-1.5.5's instance order.
// Clusters without a peer or without references are left out; it is an
// error when none is left. res holds the data files that o.Stem and
// o.Stop need. To score several systems, a [Table] does less work.
func Score(name string, clusters []Cluster, peers map[string]string, o eval.Options, res *eval.Resources) (SystemScore, error) {
	t, err := NewTable(o, res)
	if err != nil {
		return SystemScore{Name: name}, err
	}
	return t.Score(name, clusters, peers)
}

// Table scores systems against the same clusters with the figures of
// Score, keeping between systems the references' tokens and counts
// ([eval.Models]) and the bootstrap's draws ([eval.Resampler]): a table
// of 13 systems tokenizes each reference once. Not safe for concurrent
// use.
type Table struct {
	o          eval.Options
	sc         *eval.Scorer
	models     map[string]*eval.Models // by cluster id
	resamplers map[int]*eval.Resampler // by number of clusters scored
}

// NewTable returns a Table scoring under o; res as for Score.
func NewTable(o eval.Options, res *eval.Resources) (*Table, error) {
	sc, err := eval.NewScorer(o, res)
	if err != nil {
		return nil, err
	}
	return &Table{o: o, sc: sc, models: map[string]*eval.Models{}, resamplers: map[int]*eval.Resampler{}}, nil
}

// Score scores one system, as the function Score does. Clusters are
// known by id: two calls must give the same references for an id.
func (t *Table) Score(name string, clusters []Cluster, peers map[string]string) (SystemScore, error) {
	o := t.o
	ids := make([]string, 0, len(peers))
	refs := map[string][]Reference{}
	for _, c := range clusters {
		if _, ok := peers[c.ID]; !ok || len(c.Refs) == 0 {
			continue
		}
		ids = append(ids, c.ID)
		refs[c.ID] = append(refs[c.ID], c.Refs...)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i]+".P" < ids[j]+".P" })
	out := SystemScore{Name: name, Clusters: len(ids), Metrics: o.Metrics(), Scores: map[string]map[string]Interval{}}
	if len(ids) == 0 {
		return out, errors.New("no cluster has both a summary and references")
	}
	results := make([]eval.Result, len(ids))
	for i, id := range ids {
		m := t.models[id]
		if m == nil {
			texts := make([]string, len(refs[id]))
			for k, r := range refs[id] {
				texts[k] = r.Text
			}
			var err error
			if m, err = t.sc.Models(texts); err != nil {
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
		out.Scores[m] = map[string]Interval{}
		for _, part := range []string{"R", "P", "F"} {
			for i, r := range results {
				switch s := r.Scores[k]; part {
				case "R":
					vals[i] = s.R
				case "P":
					vals[i] = s.P
				default:
					vals[i] = s.F
				}
			}
			iv := rs.Interval(vals, o.Confidence)
			out.Scores[m][part] = Interval{iv.Mean, iv.Low, iv.High}
		}
	}
	return out, nil
}

// LoadReferences reads the ids and references of every cluster of the
// JSONL file at path, with LoadClusters' ids (FILE:LINE for a line
// without "id") and errors, but without decoding or detokenizing the
// documents, which scoring never reads: the clusters have no articles, and
// a line without documents or text is kept (LoadClusters reports it).
func LoadReferences(path string) (clusters []Cluster, bad []error, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	for line := 1; ; line++ {
		data, rerr := br.ReadBytes('\n')
		if len(bytes.TrimSpace(data)) > 0 {
			var l struct {
				ID   string    `json:"id"`
				Refs []jsonRef `json:"refs"`
			}
			if err := json.Unmarshal(data, &l); err != nil {
				bad = append(bad, &ingest.Error{Source: path, Line: line, Err: fmt.Errorf("bad JSON: %w", err)})
			} else {
				if l.ID == "" {
					l.ID = fmt.Sprintf("%s:%d", path, line)
				}
				c := Cluster{ID: l.ID}
				for _, r := range l.Refs {
					c.Refs = append(c.Refs, Reference(r))
				}
				clusters = append(clusters, c)
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return nil, bad, &ingest.Error{Source: path, Line: line, Err: rerr}
		}
	}
	if len(clusters) == 0 {
		return nil, bad, fmt.Errorf("%s holds no clusters", path)
	}
	return clusters, bad, nil
}

// ReadSummaries reads the summary of each cluster from dir/<cluster
// id>.txt (see [FileName]). A cluster whose file cannot be read is left
// out, its error in missing.
func ReadSummaries(dir string, clusters []Cluster) (peers map[string]string, missing []error) {
	peers = map[string]string{}
	for _, c := range clusters {
		b, err := os.ReadFile(filepath.Join(dir, FileName(c.ID)+".txt"))
		if err != nil {
			missing = append(missing, fmt.Errorf("cluster %s: %w", c.ID, err))
			continue
		}
		peers[c.ID] = string(b)
	}
	return peers, missing
}

// WriteSummary writes text as dir/<cluster id>.txt, making dir if need be.
func WriteSummary(dir, id, text string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, FileName(id)+".txt"), []byte(text), 0o644)
}

// SummaryLines formats a summary as ROUGE's SPL input and the summary
// files hold it: one sentence per line, white space inside a sentence
// collapsed.
func SummaryLines(s news.Summary) string {
	var sb strings.Builder
	for _, sent := range s.Sentences {
		sb.WriteString(strings.Join(strings.Fields(sent.Text), " "))
		sb.WriteByte('\n')
	}
	return sb.String()
}

// FileName makes a cluster id safe as a file name: '/', '\\', ':' and NUL
// become '_'.
func FileName(id string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == 0 || r == ':' {
			return '_'
		}
		return r
	}, id)
}

// Split cuts each cluster into stories of k consecutive articles (the
// last may be smaller), each scored against the whole cluster's
// references and topic: a measure of how a method does on small stories.
// A story's id is its cluster's id, "#" and its number from 1.
func Split(clusters []Cluster, k int) []Cluster {
	var out []Cluster
	for _, c := range clusters {
		for i, n := 0, 1; i < len(c.Articles); i, n = i+k, n+1 {
			part := c
			part.ID = c.ID + "#" + strconv.Itoa(n)
			part.Articles = c.Articles[i:min(i+k, len(c.Articles))]
			out = append(out, part)
		}
	}
	return out
}
