package bench

import (
	"context"
	"path/filepath"
	"time"

	"tidings"
	"tidings/eval"
)

// System is a summarizer under evaluation and the name its figures go by.
type System struct {
	Name       string
	Summarizer tidings.Summarizer
}

// RunOptions controls [Run].
type RunOptions struct {
	// Words is the summary budget in words; see [Convention].
	Words int
	// Query, when true, steers each summary by its cluster's topic.
	Query bool
	// Out, when set, is where each summary is also written, as
	// Out/<system name>/<cluster id>.txt (see [FileName]).
	Out string
	// ROUGE and Resources score the summaries (see [Score]).
	ROUGE     eval.Options
	Resources *eval.Resources
	// Progress, when set, is called after each cluster with the system's
	// name, the clusters done and their number.
	Progress func(system string, done, total int)
}

// Report is the outcome of [Run].
type Report struct {
	// Systems holds one entry per system run, in the order given.
	Systems []SystemRun
	// Interrupted reports that the context ended before every system had
	// summarized every cluster; the last entry covers the clusters done.
	Interrupted bool
}

// SystemRun is one system's run over the clusters.
type SystemRun struct {
	Name string
	// Summarized counts the clusters summarized, and Stopped those of them
	// whose summarizer reached its time limit and kept the best selection
	// found by then (figures may then vary with machine speed).
	Summarized, Stopped int
	// Seconds is the summarizing time per summarized cluster.
	Seconds float64
	// Score is the ROUGE figures of the summaries, nil when none was made
	// (or scoring failed).
	Score *SystemScore
	// Errors are the clusters whose summary could not be written to
	// RunOptions.Out; those clusters are not scored.
	Errors []error
}

// Run summarizes every cluster with each system in turn, under the
// clusters' convention as opts gives it, and scores each system's
// summaries against the clusters' references. When ctx ends it stops,
// scores what was done and sets Report.Interrupted. The error is a
// scoring error, returned with the systems run so far.
func Run(ctx context.Context, clusters []Cluster, systems []System, opts RunOptions) (Report, error) {
	var rep Report
	for _, sys := range systems {
		p := &tidings.Pipeline{Summarizer: sys.Summarizer}
		run := SystemRun{Name: sys.Name}
		peers := map[string]string{}
		start := time.Now()
		for i, c := range clusters {
			if ctx.Err() != nil {
				rep.Interrupted = true
				break
			}
			query := ""
			if opts.Query {
				query = c.Topic.Query()
			}
			b, _ := p.Brief(ctx, c.ID, c.Articles, tidings.Options{Words: opts.Words, Query: query})
			text := SummaryLines(b.Summary)
			if opts.Out != "" {
				if err := WriteSummary(filepath.Join(opts.Out, sys.Name), c.ID, text); err != nil {
					run.Errors = append(run.Errors, err)
					continue
				}
			}
			peers[c.ID] = text
			if b.Summary.Stopped {
				run.Stopped++
			}
			if opts.Progress != nil {
				opts.Progress(sys.Name, i+1, len(clusters))
			}
		}
		elapsed := time.Since(start).Seconds()
		run.Summarized = len(peers)
		if len(peers) > 0 {
			s, err := Score(sys.Name, clusters, peers, opts.ROUGE, opts.Resources)
			if err != nil {
				rep.Systems = append(rep.Systems, run)
				return rep, err
			}
			run.Score = &s
			run.Seconds = elapsed / float64(len(peers))
		}
		rep.Systems = append(rep.Systems, run)
		if rep.Interrupted {
			break
		}
	}
	return rep, nil
}
