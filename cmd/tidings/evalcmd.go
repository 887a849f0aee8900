package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"tidings"
	"tidings/eval"
	"tidings/internal/bench"
)

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
		clusters = bench.Split(clusters, k)
	}
	conv := bench.ConventionFor(clusters[0].Dataset)
	if topic && noTopic {
		return fmt.Errorf("%w: --topic and --no-topic exclude each other", errUsage)
	}
	useTopic := (conv.Query || topic) && !noTopic
	words := conv.Words
	if len(wordsArg) > 0 {
		if words, err = strconv.Atoi(last(wordsArg, "")); err != nil || words <= 0 {
			return fmt.Errorf("%w: --words must be a positive number", errUsage)
		}
	}
	if len(rougeArgs) == 0 {
		rougeArgs = strings.Fields(conv.ROUGE)
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
	var systems []bench.System
	for _, name := range names {
		sum, err := tidings.SummarizerByName(strings.TrimSpace(name))
		if err != nil {
			return fmt.Errorf("%w: %v", errUsage, err)
		}
		systems = append(systems, bench.System{Name: name, Summarizer: sum})
	}
	rep, err := bench.Run(ctx, clusters, systems, bench.RunOptions{Words: words, Query: useTopic, Out: last(out, ""),
		ROUGE: o, Resources: res, Progress: e.progress})
	for _, r := range rep.Systems {
		for _, err := range r.Errors {
			e.warn(err)
		}
		if r.Stopped > 0 {
			fmt.Fprintf(e.stderr, "eval: %s: %d of %d summaries reached the time limit and kept the best selection found by then; figures may vary with machine speed\n", r.Name, r.Stopped, r.Summarized)
		}
	}
	if err != nil {
		return err
	}
	e.table(rep.Systems, o)
	if rep.Interrupted {
		return fmt.Errorf("interrupted: the table covers the clusters done before Ctrl-C")
	}
	if bad > 0 {
		return fmt.Errorf("%w: %d bad data lines", errPartial, bad)
	}
	return nil
}

// progress draws stage name's progress on a terminal (see stageBar).
func (e *env) progress(name string, done, total int) { e.bar.update(name, done, total) }

// table prints one row per algorithm and metric: R, P, F with the 95%
// interval of the metric's main figure, and seconds per cluster.
func (e *env) table(systems []bench.SystemRun, o eval.Options) {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "algo\tmetric\tR\tP\tF\tR %g%% CI\tF %g%% CI\tclusters\ts/cluster\n", o.Confidence, o.Confidence)
	for _, sys := range systems {
		r := sys.Score
		if r == nil {
			continue
		}
		for _, m := range r.Metrics {
			s := r.Scores[m]
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s-%s\t%s-%s\t%d\t%.3f\n", r.Name, m,
				eval.Format(s["R"].Mean), eval.Format(s["P"].Mean), eval.Format(s["F"].Mean),
				eval.Format(s["R"].Low), eval.Format(s["R"].High), eval.Format(s["F"].Low), eval.Format(s["F"].High),
				r.Clusters, sys.Seconds)
		}
	}
	tw.Flush()
}
