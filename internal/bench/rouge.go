package bench

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"tidings/eval"
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
// o.Stop need.
func Score(name string, clusters []Cluster, peers map[string]string, o eval.Options, res *eval.Resources) (SystemScore, error) {
	ids := make([]string, 0, len(peers))
	refs := map[string][]string{}
	for _, c := range clusters {
		if _, ok := peers[c.ID]; !ok || len(c.Refs) == 0 {
			continue
		}
		ids = append(ids, c.ID)
		for _, r := range c.Refs {
			refs[c.ID] = append(refs[c.ID], r.Text)
		}
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i]+".P" < ids[j]+".P" })
	out := SystemScore{Name: name, Clusters: len(ids), Metrics: o.Metrics(), Scores: map[string]map[string]Interval{}}
	if len(ids) == 0 {
		return out, errors.New("no cluster has both a summary and references")
	}
	results := make([]eval.Result, len(ids))
	for i, id := range ids {
		r, err := eval.Evaluate(peers[id], refs[id], o, res)
		if err != nil {
			return out, err
		}
		results[i] = r
	}
	for _, m := range out.Metrics {
		out.Scores[m] = map[string]Interval{}
		for _, part := range []string{"R", "P", "F"} {
			vals := make([]float64, len(results))
			for i, r := range results {
				s, _ := r.Get(m)
				vals[i] = map[string]float64{"R": s.R, "P": s.P, "F": s.F}[part]
			}
			iv := eval.Bootstrap(vals, o.Resamples, o.Confidence)
			out.Scores[m][part] = Interval{iv.Mean, iv.Low, iv.High}
		}
	}
	return out, nil
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
