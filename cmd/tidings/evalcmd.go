package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"tidings"
	"tidings/eval"
	"tidings/news"
)

// convention is a data set's scoring convention (../shared/data/README.md).
type convention struct {
	words int
	args  string
	query bool // the task is query-focused: the cluster topic steers
}

// conventionFor returns the convention of a data set by its "dataset"
// field.
func conventionFor(dataset string) convention {
	switch {
	case strings.HasPrefix(dataset, "tac"):
		return convention{100, "-n 4 -m -a -l 100 -x", false}
	case strings.HasPrefix(dataset, "duc2006"):
		return convention{250, "-n 2 -m -a -l 250 -x -2 4 -u", true}
	case strings.HasPrefix(dataset, "multiling"):
		return convention{250, "-n 2 -m -a -l 250 -x", false}
	case strings.HasPrefix(dataset, "multinews"):
		return convention{260, "-n 2 -m -a", false}
	}
	return convention{100, "-n 2 -m -a", false}
}

func (e *env) eval(ctx context.Context, args []string) error {
	var data, wordsArg, algos, out, rdata, splitArg []string
	help, topic, noTopic := false, false, false
	rougeArgs, err := splitArgs(args, map[string]*[]string{"data": &data, "words": &wordsArg, "algo": &algos, "out": &out, "rouge-data": &rdata, "split": &splitArg},
		map[string]*bool{"help": &help, "h": &help, "topic": &topic, "no-topic": &noTopic})
	if err != nil {
		return err
	}
	if help {
		fmt.Fprint(e.stdout, "tidings eval --data CLUSTERS.jsonl [--words N] [--algo a,b,...] [--out DIR] [--rouge-data DIR] [--topic|--no-topic] [--split K] [ROUGE-1.5.5 options]\n")
		return nil
	}
	if len(data) != 1 {
		return fmt.Errorf("%w: eval needs one --data file", errUsage)
	}
	clusters, bad, err := e.loadClusters(data[0])
	if err != nil {
		return err
	}
	if len(splitArg) > 0 {
		k, err := strconv.Atoi(last(splitArg, ""))
		if err != nil || k <= 0 {
			return fmt.Errorf("%w: --split must be a positive number of articles", errUsage)
		}
		clusters = splitClusters(clusters, k)
	}
	conv := conventionFor(clusters[0].Dataset)
	if topic && noTopic {
		return fmt.Errorf("%w: --topic and --no-topic exclude each other", errUsage)
	}
	useTopic := (conv.query || topic) && !noTopic
	words := conv.words
	if len(wordsArg) > 0 {
		if words, err = strconv.Atoi(last(wordsArg, "")); err != nil || words <= 0 {
			return fmt.Errorf("%w: --words must be a positive number", errUsage)
		}
	}
	if len(rougeArgs) == 0 {
		rougeArgs = strings.Fields(conv.args)
	}
	o, res, err := rougeSetup(rougeArgs, last(rdata, defaultRougeData))
	if err != nil {
		return err
	}
	names := tidings.Algorithms
	if len(algos) > 0 {
		names = strings.Split(last(algos, ""), ",")
	}
	mode := "generic"
	if useTopic {
		mode = "query-focused (cluster topics)"
	}
	fmt.Fprintf(e.stderr, "eval: %s, %d clusters, %d words, %s, ROUGE %s\n", data[0], len(clusters), words, mode, strings.Join(rougeArgs, " "))
	var rows []systemScore
	var secs []float64
	interrupted := false
	for _, name := range names {
		sum, err := tidings.SummarizerByName(strings.TrimSpace(name))
		if err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		p := &tidings.Pipeline{Summarizer: sum}
		peers := map[string]string{}
		stopped := 0
		start := time.Now()
		for i, c := range clusters {
			if ctx.Err() != nil {
				interrupted = true
				break
			}
			query := ""
			if useTopic {
				query = c.Topic.Query()
			}
			text, stop, err := e.summarizeCluster(ctx, p, c, tidings.Options{Words: words, Query: query}, last(out, ""), name)
			if err != nil {
				e.warn(err)
				continue
			}
			peers[c.ID] = text
			if stop {
				stopped++
			}
			e.progress(name, i+1, len(clusters))
		}
		elapsed := time.Since(start).Seconds()
		if stopped > 0 {
			fmt.Fprintf(e.stderr, "eval: %s: %d of %d summaries reached the time limit and kept the best selection found by then; figures may vary with machine speed\n", name, stopped, len(peers))
		}
		if len(peers) > 0 {
			s, err := scoreSystem(name, clusters, peers, o, res)
			if err != nil {
				return err
			}
			rows = append(rows, s)
			secs = append(secs, elapsed/float64(len(peers)))
		}
		if interrupted {
			break
		}
	}
	e.table(rows, secs, o)
	if interrupted {
		return fmt.Errorf("interrupted: the table covers the clusters done before Ctrl-C")
	}
	if bad > 0 {
		return fmt.Errorf("%w: %d bad data lines", errPartial, bad)
	}
	return nil
}

// summarizeCluster briefs one cluster and returns its summary, one
// sentence per line; with out set it also writes out/algo/<id>.txt.
func (e *env) summarizeCluster(ctx context.Context, p *tidings.Pipeline, c news.Cluster, opts tidings.Options, out, algo string) (text string, stopped bool, err error) {
	b, _ := p.Brief(ctx, c.ID, c.Articles, opts)
	text = summaryLines(b.Summary)
	if out != "" {
		dir := filepath.Join(out, algo)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", false, err
		}
		if err := os.WriteFile(filepath.Join(dir, fileName(c.ID)+".txt"), []byte(text), 0o644); err != nil {
			return "", false, err
		}
	}
	return text, b.Summary.Stopped, nil
}

func (e *env) progress(name string, done, total int) {
	if !isTerminal(e.stderr) {
		return
	}
	const width = 30
	n := width * done / total
	fmt.Fprintf(e.stderr, "\r%-10s [%s%s] %d/%d", name, strings.Repeat("#", n), strings.Repeat(".", width-n), done, total)
	if done == total {
		fmt.Fprintln(e.stderr)
	}
}

// table prints one row per algorithm and metric: R, P, F with the 95%
// interval of the metric's main figure, and seconds per cluster.
func (e *env) table(rows []systemScore, secs []float64, o eval.Options) {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "algo\tmetric\tR\tP\tF\tR %g%% CI\tF %g%% CI\tclusters\ts/cluster\n", o.Confidence, o.Confidence)
	for i, r := range rows {
		for _, m := range r.Metrics {
			s := r.Scores[m]
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s-%s\t%s-%s\t%d\t%.3f\n", r.Name, m,
				eval.Format(s["R"].Mean), eval.Format(s["P"].Mean), eval.Format(s["F"].Mean),
				eval.Format(s["R"].Low), eval.Format(s["R"].High), eval.Format(s["F"].Low), eval.Format(s["F"].High),
				r.Clusters, secs[i])
		}
	}
	tw.Flush()
}

// splitClusters cuts each cluster into stories of k consecutive articles
// (the last may be smaller), each scored against the whole cluster's
// references and topic: a measure of how a method does on small stories.
// A story's id is its cluster's id, "#" and its number from 1.
func splitClusters(clusters []news.Cluster, k int) []news.Cluster {
	var out []news.Cluster
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
