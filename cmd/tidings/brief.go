package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"tidings"
	"tidings/ingest"
	"tidings/internal/bench"
	"tidings/news"
	"tidings/render"
)

func (e *env) brief(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("brief", flag.ContinueOnError)
	bf := addBriefFlags(fs, "summary length budget in words")
	query := fs.String("query", "", "question or topic `Q` to steer the summary (default: each cluster's topic with --in)")
	in := fs.String("in", "", "JSONL `clusters` file: brief every cluster (needs --out)")
	out := fs.String("out", "", "`dir`ectory for the per-cluster summaries of --in, one <cluster id>.txt each")
	all := fs.Bool("all", false, "when the input holds several stories, brief every one (default: the largest)")
	e.addFetchFlags(fs)
	if err := e.parse(fs, args); err != nil {
		return err
	}
	f, sum, err := bf.check()
	if err != nil {
		return err
	}
	p := &tidings.Pipeline{Summarizer: sum}
	opts := tidings.Options{Words: *bf.words, Query: strings.TrimSpace(*query)}
	if *in != "" || *out != "" {
		if *in == "" || *out == "" || fs.NArg() > 0 {
			return fmt.Errorf("%w: --in and --out go together, without PATH arguments", errUsage)
		}
		return e.briefClusters(ctx, p, *in, *out, opts)
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: brief needs at least one PATH (or --in and --out)", errUsage)
	}
	arts, failed, err := e.readPaths(ctx, fs.Args())
	if err != nil {
		return err
	}
	if len(arts) == 0 {
		return errors.New("no input could be read")
	}
	stories, err := p.Stories(ctx, arts, tidings.StoryOptions{Brief: opts, Progress: e.bar.update})
	bad, err := e.warnInputs(ctx, err)
	if err != nil {
		return err
	}
	failed += bad
	switch {
	case len(stories) == 0:
		return errors.New("no input has article text")
	case *all:
		err = render.Stories(e.stdout, stories, f)
	default:
		if len(stories) > 1 {
			fmt.Fprintf(e.stderr, "tidings: the input holds %d stories; this is the largest (%d of %d articles); --all briefs every one, and tidings stories adds quotes, timeline and disagreements\n",
				len(stories), countArticles(stories[:1]), countArticles(stories))
		}
		b := stories[0].Brief
		b.ID = ""
		err = render.Brief(e.stdout, &b, f)
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d of the inputs could not be used", errPartial, failed)
	}
	return nil
}

// briefFlags are the flags of every command that writes briefs.
type briefFlags struct {
	words        *int
	format, algo *string
}

func addBriefFlags(fs *flag.FlagSet, wordsHelp string) briefFlags {
	return briefFlags{
		words:  fs.Int("words", 120, wordsHelp),
		format: fs.String("format", "text", "output `format`: text, markdown or json"),
		algo:   fs.String("algo", "", "summarizer `name`: "+strings.Join(tidings.Algorithms, ", ")+" (default "+tidings.Algorithms[0]+")"),
	}
}

// check validates the parsed flags and returns the format and summarizer.
func (b briefFlags) check() (render.Format, tidings.Summarizer, error) {
	if *b.words <= 0 {
		return 0, nil, fmt.Errorf("%w: --words must be positive, got %d", errUsage, *b.words)
	}
	f, err := render.ParseFormat(*b.format)
	if err != nil {
		return 0, nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	sum, err := tidings.SummarizerByName(*b.algo)
	if err != nil {
		return 0, nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	return f, sum, nil
}

// readPaths reads the articles of paths, warning about each input that
// fails and counting them; err is the context's error if it ended.
func (e *env) readPaths(ctx context.Context, paths []string) (arts []news.Article, failed int, err error) {
	opts, err := e.inputOptions()
	if err != nil {
		return nil, 0, err
	}
	for a, err := range ingest.Paths(ctx, paths, opts) {
		if err != nil {
			if ctx.Err() != nil {
				return nil, failed, ctx.Err()
			}
			e.warn(err)
			failed++
			continue
		}
		arts = append(arts, a)
		e.bar.count("reading", len(arts), "article")
	}
	e.bar.end()
	return arts, failed, nil
}

// countArticles counts the input records of stories: articles and their
// copies, each id once (a record given twice in the input counts once).
func countArticles(stories []news.Story) int {
	ids := map[string]bool{}
	for _, st := range stories {
		for _, a := range st.Articles {
			ids[a.ID] = true
			for _, c := range a.Copies {
				ids[c.ID] = true
			}
		}
	}
	return len(ids)
}

// warnInputs prints a warning for each input error joined in err (the
// articles a pipeline run left out) and counts them; it returns the
// context's error instead if the run was stopped.
func (e *env) warnInputs(ctx context.Context, err error) (int, error) {
	failed := 0
	for _, err := range unjoin(err) {
		if errors.Is(err, tidings.ErrNoArticles) {
			continue
		}
		if ctx.Err() != nil {
			return failed, ctx.Err()
		}
		e.warn(err)
		failed++
	}
	return failed, nil
}

// unjoin splits an errors.Join result into its errors.
func unjoin(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

// briefClusters writes DIR/<cluster id>.txt, one summary sentence per
// line, for every cluster of a JSONL file.
func (e *env) briefClusters(ctx context.Context, p *tidings.Pipeline, in, out string, opts tidings.Options) error {
	file, err := os.Open(in)
	if err != nil {
		return err
	}
	defer file.Close()
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	start := time.Now()
	done, failed := 0, 0
	for c, err := range bench.ReadClusters(in, file) {
		if ctx.Err() != nil {
			return fmt.Errorf("interrupted after %d clusters (kept in %s): %w", done, out, ctx.Err())
		}
		if err != nil {
			e.warn(err)
			failed++
			continue
		}
		o := opts
		if o.Query == "" {
			o.Query = c.Topic.Query()
		}
		b, err := p.Brief(ctx, c.ID, c.Articles, o)
		for _, err := range unjoin(err) {
			e.warn(fmt.Errorf("cluster %s: %w", c.ID, err))
		}
		if len(b.Articles) == 0 {
			failed++
			continue
		}
		if err := bench.WriteSummary(out, c.ID, bench.SummaryLines(b.Summary)); err != nil {
			return err
		}
		done++
		e.bar.count("summarizing", done, "cluster")
	}
	e.bar.end()
	fmt.Fprintf(e.stderr, "brief: wrote %d summaries to %s in %.1fs\n", done, out, time.Since(start).Seconds())
	if failed > 0 {
		return fmt.Errorf("%w: %d clusters could not be summarized", errPartial, failed)
	}
	if done == 0 {
		return fmt.Errorf("no clusters in %s", in)
	}
	return nil
}

// ingestOptions reads inputs as every command does: standard input from
// e, and the evaluation data sets' formats (clusters files, Multi-News
// text) recognised beside ingest's own.
func (e *env) ingestOptions() ingest.Options {
	return bench.IngestOptions(ingest.Options{Stdin: e.stdin})
}
