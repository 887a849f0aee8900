package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"tidings"
	"tidings/cluster"
	"tidings/eval"
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
	if *score && (len(in) == 0 || fs.NArg() > 0) {
		return fmt.Errorf("%w: --score needs --in and no PATH arguments", errUsage)
	}
	if len(in) == 0 && fs.NArg() == 0 {
		return fmt.Errorf("%w: stories needs at least one PATH or --in FILE", errUsage)
	}
	var arts []news.Article
	var gold []string
	failed := 0
	for _, path := range in {
		cs, bad, err := e.loadClusters(path)
		if err != nil {
			return err
		}
		failed += bad
		for _, c := range cs {
			for _, a := range c.Articles {
				arts = append(arts, a)
				gold = append(gold, path+"#"+c.ID)
			}
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
		return e.scoreStories(ctx, p, arts, gold, copts)
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

// scoreStories clusters arts as stories does and prints B-cubed and ARI
// against gold, for the batch clustering and for the incremental one
// (articles added one by one in input order), and how far the two agree.
func (e *env) scoreStories(ctx context.Context, p *tidings.Pipeline, arts []news.Article, gold []string, copts cluster.Options) error {
	var prepared []news.Article
	var truth []string
	for i := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		a := arts[i]
		if _, err := p.Prepare(&a); err != nil {
			continue // no text: nothing to place
		}
		prepared = append(prepared, a)
		truth = append(truth, gold[i])
		e.progress("prepare", i+1, len(arts))
	}
	kept, groups := tidings.Group(prepared, tidings.StoryOptions{Cluster: copts})
	docs := make([]cluster.Doc, len(kept))
	for k := range kept {
		docs[k] = tidings.Doc(&kept[k])
	}
	pred := storyLabels(prepared, kept, groups)
	// Incremental: the same folded articles, added one at a time; the
	// stories are read at the end, after the moves settling made.
	inc := cluster.New(copts)
	for _, d := range docs {
		inc.Add(d)
	}
	incPred := storyLabels(prepared, kept, inc.Stories())
	truthOf := map[string]string{}
	for i, a := range prepared {
		truthOf[a.ID] = truth[i]
	}
	folded, sameCluster := 0, 0
	for _, a := range kept {
		for _, c := range a.Copies {
			folded++
			if truthOf[c.ID] == truthOf[a.ID] {
				sameCluster++
			}
		}
	}
	fmt.Fprintf(e.stdout, "articles %d with text (of %d), true clusters %d; near-duplicates folded %d (%d of them into an article of their own true cluster)\n",
		len(prepared), len(arts), countLabels(truth), folded, sameCluster)
	// How often an article's most similar other article is of its own
	// true cluster: a bound the vectors set on any clustering of them.
	same := 0
	var files []string
	fileSame, fileAll := map[string]int{}, map[string]int{}
	for k, j := range cluster.Nearest(docs) {
		file, _, _ := strings.Cut(truthOf[kept[k].ID], "#")
		if fileAll[file] == 0 {
			files = append(files, file)
		}
		fileAll[file]++
		if j >= 0 && truthOf[kept[j].ID] == truthOf[kept[k].ID] {
			same++
			fileSame[file]++
		}
	}
	fmt.Fprintf(e.stdout, "nearest article in the same true cluster: %d of %d (%.4f)", same, len(kept), float64(same)/float64(max(len(kept), 1)))
	if len(files) > 1 {
		var by []string
		for _, f := range files {
			by = append(by, fmt.Sprintf("%s %.4f", filepath.Base(f), float64(fileSame[f])/float64(fileAll[f])))
		}
		fmt.Fprintf(e.stdout, "; by file: %s", strings.Join(by, ", "))
	}
	fmt.Fprintln(e.stdout)
	// The true clusters with every article moved once to the nearest
	// true cluster's centroid: what centroid clustering could keep.
	byTruth := map[string]int{}
	var truthGroups [][]int
	for k := range kept {
		g, ok := byTruth[truthOf[kept[k].ID]]
		if !ok {
			g = len(truthGroups)
			byTruth[truthOf[kept[k].ID]] = g
			truthGroups = append(truthGroups, nil)
		}
		truthGroups[g] = append(truthGroups[g], k)
	}
	settledPred := storyLabels(prepared, kept, cluster.Reassign(docs, truthGroups))
	for _, row := range []struct {
		name       string
		pred, gold []string
	}{{"batch", pred, truth}, {"incremental", incPred, truth}, {"incremental vs batch", incPred, pred},
		{"true, each moved once", settledPred, truth}} {
		s, err := eval.Clustering(row.pred, row.gold)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%-21s stories %5d  B-cubed P %.4f R %.4f F1 %.4f  ARI %.4f\n",
			row.name, s.Predicted, s.Precision, s.Recall, s.F1, s.ARI)
	}
	return nil
}

// storyLabels returns, for each of prepared, the number (as text) of the
// story of groups (indices into kept) that holds it or the article it was
// folded into.
func storyLabels(prepared, kept []news.Article, groups [][]int) []string {
	of := map[string]string{}
	for s, g := range groups {
		for _, k := range g {
			of[kept[k].ID] = fmt.Sprint(s)
			for _, c := range kept[k].Copies {
				of[c.ID] = fmt.Sprint(s)
			}
		}
	}
	out := make([]string, len(prepared))
	for i, a := range prepared {
		out[i] = of[a.ID]
	}
	return out
}

func countLabels(l []string) int {
	m := map[string]bool{}
	for _, x := range l {
		m[x] = true
	}
	return len(m)
}
