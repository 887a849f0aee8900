package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"tidings"
	"tidings/cluster"
	"tidings/internal/bench"
	"tidings/news"
	"tidings/render"
)

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

func (e *env) stories(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("stories", flag.ContinueOnError)
	bf := addBriefFlags(fs, "summary length budget in words, per story")
	var in listFlag
	fs.Var(&in, "in", "JSONL `clusters` file whose documents all join the pile, their grouping ignored (repeatable)")
	window := fs.Float64("window", cluster.DefaultWindow.Hours()/24, "`days` a dated article may lie from a story's dated articles and still join it; 0: no limit")
	threshold := fs.Float64("threshold", cluster.DefaultThreshold, "least cosine `T` between an article and a story for it to join, in (0, 1]")
	score := fs.Bool("score", false, "with --in: score the stories found against the files' clusters instead of printing them")
	seeds := fs.Int("seeds", 3, "with --score: also score incremental grouping (and the server's, see --server) over `N` shuffled orders (seeds 1 to N)")
	srv := fs.Bool("server", true, "with --score: also post every article over HTTP to a server started in process (loopback, a temporary SQLite store, removed afterwards) in the --seeds shuffled orders, and score the stories it stores; --server=false skips it")
	mistakes := fs.Bool("mistakes", false, "with --score: also list each batch story that mixes true clusters and each true cluster split across stories, article by article with its dates")
	half := fs.String("half", "", "with --score: keep only the topics of one `half`, even or odd: topics (a cluster id up to its last '_') numbered 0, 1, ... in order of first appearance (to check that a setting generalises)")
	e.addFetchFlags(fs)
	if err := e.parse(fs, args); err != nil {
		return err
	}
	f, sum, err := bf.check()
	if err != nil {
		return err
	}
	if *window < 0 || *threshold <= 0 || *threshold > 1 {
		return fmt.Errorf("%w: --window must be 0 or more days and --threshold in (0, 1]", errUsage)
	}
	copts := cluster.Options{Threshold: *threshold, Window: time.Duration(*window * 24 * float64(time.Hour))}
	if *window == 0 {
		copts.Window = -1
	}
	if *seeds < 0 {
		return fmt.Errorf("%w: --seeds must be 0 or more", errUsage)
	}
	if *half != "" && *half != "even" && *half != "odd" {
		return fmt.Errorf("%w: --half must be even or odd", errUsage)
	}
	if (*mistakes || *half != "") && !*score {
		return fmt.Errorf("%w: --mistakes and --half need --score", errUsage)
	}
	if *score && f == render.FormatMarkdown {
		return fmt.Errorf("%w: --score prints text or json, not markdown", errUsage)
	}
	if *score && (len(in) == 0 || fs.NArg() > 0) {
		return fmt.Errorf("%w: --score needs --in and no PATH arguments", errUsage)
	}
	if len(in) == 0 && fs.NArg() == 0 {
		return fmt.Errorf("%w: stories needs at least one PATH or --in FILE", errUsage)
	}
	var arts []news.Article
	var files []bench.ClusterFile
	failed := 0
	for _, path := range in {
		cs, bad, err := e.loadClusters(path)
		if err != nil {
			return err
		}
		failed += bad
		files = append(files, bench.ClusterFile{Path: path, Clusters: cs})
		for _, c := range cs {
			arts = append(arts, c.Articles...)
		}
	}
	if fs.NArg() > 0 {
		read, bad, err := e.readPaths(ctx, fs.Args())
		if err != nil {
			return err
		}
		arts, failed = append(arts, read...), failed+bad
	}
	if len(arts) == 0 {
		return errors.New("no input could be read")
	}
	p := &tidings.Pipeline{Summarizer: sum}
	if *score {
		if *half != "" {
			files = bench.HalfTopics(files, *half == "odd")
		}
		return e.scoreStories(ctx, p, files, scoreOptions{cluster: copts, seeds: *seeds, server: *srv, mistakes: *mistakes, json: f == render.FormatJSON})
	}
	stories, err := p.Stories(ctx, arts, tidings.StoryOptions{Brief: tidings.Options{Words: *bf.words}, Cluster: copts,
		Progress: e.bar.update})
	bad, err := e.warnInputs(ctx, err)
	if err != nil {
		return err
	}
	failed += bad
	if len(stories) == 0 {
		return errors.New("no input has article text")
	}
	if err := render.Stories(e.stdout, stories, f); err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d of the inputs could not be used", errPartial, failed)
	}
	return nil
}

// scoreOptions are the flags of "stories --score".
type scoreOptions struct {
	cluster cluster.Options
	// seeds is the number of shuffled orders; server also scores the
	// server's path in them; mistakes lists the batch mistakes; json
	// prints JSON rather than text.
	seeds                  int
	server, mistakes, json bool
}

// scoreStories prints what bench.ScoreStories measures: B-cubed and ARI
// against the files' clusters, for the batch clustering and for the
// incremental one (in input order and in seeds shuffled orders), and how
// far the two agree; with o.server, the same for the stories a server
// stores (serverOrders).
func (e *env) scoreStories(ctx context.Context, p *tidings.Pipeline, files []bench.ClusterFile, o scoreOptions) error {
	s, err := bench.ScoreStories(ctx, p, files, o.cluster, o.seeds, func(done, total int) { e.progress("prepare", done, total) })
	if err != nil {
		return err
	}
	var srv []bench.OrderScore
	if o.server {
		if srv, err = e.serverOrders(ctx, files, s.Placed, o.cluster, o.seeds); err != nil {
			return err
		}
	}
	if o.json {
		return writeScoreJSON(e.stdout, s, srv, o.mistakes)
	}
	fmt.Fprintf(e.stdout, "articles %d with text (of %d), true clusters %d; near-duplicates folded %d (%d of them into an article of their own true cluster)\n",
		s.WithText, s.Articles, s.TrueClusters, s.Folded, s.FoldedSame)
	fmt.Fprintf(e.stdout, "nearest article in the same true cluster: %d of %d (%.4f)", s.Nearest, s.NearestOf, float64(s.Nearest)/float64(max(s.NearestOf, 1)))
	if len(s.ByFile) > 1 {
		var by []string
		for _, f := range s.ByFile {
			by = append(by, fmt.Sprintf("%s %.4f", filepath.Base(f.Path), f.Share()))
		}
		fmt.Fprintf(e.stdout, "; by file: %s", strings.Join(by, ", "))
	}
	fmt.Fprintln(e.stdout)
	for _, r := range s.Rows {
		fmt.Fprintf(e.stdout, "%-21s stories %5d  B-cubed P %.4f R %.4f F1 %.4f  ARI %.4f\n",
			r.Name, r.Predicted, r.Precision, r.Recall, r.F1, r.ARI)
	}
	writeOrders(e.stdout, "incremental", s.Orders)
	writeOrders(e.stdout, "server", srv)
	if o.mistakes {
		writeMistakes(e.stdout, bench.Mistakes(s.Placed))
	}
	return nil
}

// writeOrders prints one row per shuffled order of the path name, and
// their median, if there are any.
func writeOrders(w io.Writer, name string, orders []bench.OrderScore) {
	for _, o := range orders {
		fmt.Fprintf(w, "%-21s stories %5d  B-cubed P %.4f R %.4f F1 %.4f  ARI %.4f  vs batch F1 %.4f\n",
			fmt.Sprintf("%s seed %d", name, o.Seed), o.Truth.Predicted, o.Truth.Precision, o.Truth.Recall, o.Truth.F1, o.Truth.ARI, o.Batch.F1)
	}
	if len(orders) > 0 {
		mp, mr, mf, mb := bench.StoryScore{Orders: orders}.MedianOrder()
		fmt.Fprintf(w, "%-21s                B-cubed P %.4f R %.4f F1 %.4f              vs batch F1 %.4f\n",
			fmt.Sprintf("%s median/%d", name, len(orders)), mp, mr, mf, mb)
	}
}

// writeMistakes prints each mistake of the batch grouping: its parts, and
// each part's articles with their event date and reported days.
func writeMistakes(w io.Writer, ms []bench.Mistake) {
	label := func(truth string) string {
		file, id, _ := strings.Cut(truth, "#")
		return filepath.Base(file) + "#" + id
	}
	day := func(t time.Time) string {
		if t.IsZero() {
			return "undated"
		}
		return t.Format(time.DateOnly)
	}
	for _, m := range ms {
		if m.Story >= 0 {
			fmt.Fprintf(w, "\nstory %d mixes %d true clusters:\n", m.Story, len(m.Parts))
		} else {
			fmt.Fprintf(w, "\ntrue cluster %s is split over %d stories:\n", label(m.Truth), len(m.Parts))
		}
		for _, p := range m.Parts {
			if m.Story >= 0 {
				fmt.Fprintf(w, "  %s (%d):", label(p.Truth), len(p.Articles))
			} else {
				fmt.Fprintf(w, "  story %d (%d):", p.Story, len(p.Articles))
			}
			for _, a := range p.Articles {
				fmt.Fprintf(w, " %s %s", a.ID, day(a.Date))
				if a.Copy != "" {
					fmt.Fprintf(w, " (copy of %s)", a.Copy)
				}
				if len(a.Reported) > 0 {
					var r []string
					for _, t := range a.Reported {
						r = append(r, day(t))
					}
					fmt.Fprintf(w, " [%s]", strings.Join(r, " "))
				}
				fmt.Fprint(w, ";")
			}
			fmt.Fprintln(w)
		}
	}
}
