package bench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"tidings"
	"tidings/cluster"
	"tidings/eval"
	"tidings/news"
)

// ClusterFile is the clusters of one data-set file, as [LoadClusters]
// reads them.
type ClusterFile struct {
	Path     string
	Clusters []Cluster
}

// StoryScore is how the story grouping of a pile does against the true
// clusters the pile was made of.
type StoryScore struct {
	// Articles counts the pile's articles, WithText those that have text
	// after cleaning (the others are left out), TrueClusters the true
	// clusters of those.
	Articles, WithText, TrueClusters int
	// Folded counts the near-duplicates folded into another article, and
	// FoldedSame those of them folded into an article of their own true
	// cluster.
	Folded, FoldedSame int
	// Nearest counts the kept articles whose most similar other article
	// ([Nearest]) is of their own true cluster, of NearestOf: a bound the
	// vectors set on any clustering of them.
	Nearest, NearestOf int
	// ByFile splits Nearest by input file, in input order.
	ByFile []FileShare
	// Rows scores, against the truth: the batch grouping, the incremental
	// one (articles added one by one in input order, read after the moves
	// settling made), the incremental against the batch, and the true
	// clusters with every article moved once to the nearest true
	// cluster's centroid ([Reassign]: what centroid clustering could keep).
	Rows []ClusteringRow
	// Orders scores the incremental grouping of the same articles added
	// in shuffled orders, one per seed (1, 2, ...), against the truth and
	// against the batch grouping.
	Orders []OrderScore
	// Placed is every article with text, in input order, with its true
	// cluster, the batch story it went to and the dates the clusterer
	// saw: what [Mistakes] reads.
	Placed []Placed
}

// Placed is one article as the batch grouping placed it.
type Placed struct {
	// ID is the article's, Truth its true cluster ("file#cluster"),
	// Story the number of its batch story, Copy the article it was folded
	// into as a near-duplicate (empty for none).
	ID, Truth string
	Story     int
	Copy      string
	// Date and Reported are the cluster.Doc's of the article (of the one
	// it was folded into, for a copy).
	Date     time.Time
	Reported []time.Time
}

// OrderScore is how the incremental grouping does when the articles
// arrive in the order [Shuffled] gives for Seed.
type OrderScore struct {
	Seed uint64
	// Truth scores it against the true clusters, Batch against the
	// batch grouping (the agreement of the two).
	Truth, Batch eval.ClusterScores
}

// MedianOrder returns the median, over s.Orders, of each of the B-cubed
// precision, recall and F1 against the truth, and of the F1 against the
// batch grouping; zeros when there are no orders. With an even number of
// orders each median is the mean of the middle two.
func (s StoryScore) MedianOrder() (p, r, f1, batchF1 float64) {
	med := func(get func(OrderScore) float64) float64 {
		if len(s.Orders) == 0 {
			return 0
		}
		v := make([]float64, len(s.Orders))
		for i, o := range s.Orders {
			v[i] = get(o)
		}
		slices.Sort(v)
		n := len(v)
		if n%2 == 1 {
			return v[n/2]
		}
		return (v[n/2-1] + v[n/2]) / 2
	}
	return med(func(o OrderScore) float64 { return o.Truth.Precision }),
		med(func(o OrderScore) float64 { return o.Truth.Recall }),
		med(func(o OrderScore) float64 { return o.Truth.F1 }),
		med(func(o OrderScore) float64 { return o.Batch.F1 })
}

// Shuffled returns a permutation of 0..n-1 drawn from a PCG generator
// seeded with seed: the same seed gives the same order on every run and
// machine.
func Shuffled(n int, seed uint64) []int {
	return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15)).Perm(n)
}

// FileShare is the nearest-article count of one input file.
type FileShare struct {
	Path     string
	Same, Of int
}

// Share returns Same / Of.
func (f FileShare) Share() float64 { return float64(f.Same) / float64(f.Of) }

// ClusteringRow is one grouping's scores.
type ClusteringRow struct {
	Name string
	eval.ClusterScores
}

// ScoreStories prepares the articles of files with p, groups them into
// stories as "tidings stories" does under opts, their files' grouping
// ignored, and scores the stories against the true clusters (B-cubed
// and ARI). It also adds the kept articles to a [cluster.Clusterer] in
// seeds shuffled orders ([Shuffled] with seeds 1 to seeds; none when
// seeds <= 0) and scores each ([StoryScore.Orders]). progress, when set,
// is called as articles are prepared.
func ScoreStories(ctx context.Context, p *tidings.Pipeline, files []ClusterFile, opts cluster.Options, seeds int, progress func(done, total int)) (StoryScore, error) {
	var arts []news.Article
	var gold []string
	for _, f := range files {
		for _, c := range f.Clusters {
			for _, a := range c.Articles {
				arts = append(arts, a)
				gold = append(gold, f.Path+"#"+c.ID)
			}
		}
	}
	var out StoryScore
	out.Articles = len(arts)
	var prepared []news.Article
	var truth []string
	for i := range arts {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		a := arts[i]
		if _, err := p.Prepare(&a); err != nil {
			continue // no text: nothing to place
		}
		prepared = append(prepared, a)
		truth = append(truth, gold[i])
		if progress != nil {
			progress(i+1, len(arts))
		}
	}
	out.WithText, out.TrueClusters = len(prepared), countLabels(truth)
	kept, groups := tidings.Group(prepared, tidings.StoryOptions{Cluster: opts})
	docs := make([]cluster.Doc, len(kept))
	for k := range kept {
		docs[k] = tidings.Doc(&kept[k])
	}
	pred := StoryLabels(prepared, kept, groups)
	out.Placed = placed(prepared, truth, kept, docs, groups)
	inc := cluster.New(opts)
	for _, d := range docs {
		inc.Add(d)
	}
	incPred := StoryLabels(prepared, kept, inc.Stories())
	truthOf := map[string]string{}
	for i, a := range prepared {
		truthOf[a.ID] = truth[i]
	}
	for _, a := range kept {
		for _, c := range a.Copies {
			out.Folded++
			if truthOf[c.ID] == truthOf[a.ID] {
				out.FoldedSame++
			}
		}
	}
	out.NearestOf = len(kept)
	fileAt := map[string]int{}
	for k, j := range Nearest(docs) {
		file, _, _ := strings.Cut(truthOf[kept[k].ID], "#")
		at, ok := fileAt[file]
		if !ok {
			at = len(out.ByFile)
			fileAt[file] = at
			out.ByFile = append(out.ByFile, FileShare{Path: file})
		}
		out.ByFile[at].Of++
		if j >= 0 && truthOf[kept[j].ID] == truthOf[kept[k].ID] {
			out.Nearest++
			out.ByFile[at].Same++
		}
	}
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
	settledPred := StoryLabels(prepared, kept, Reassign(docs, truthGroups))
	for _, row := range []struct {
		name       string
		pred, gold []string
	}{{"batch", pred, truth}, {"incremental", incPred, truth}, {"incremental vs batch", incPred, pred},
		{"true, each moved once", settledPred, truth}} {
		s, err := eval.Clustering(row.pred, row.gold)
		if err != nil {
			return out, err
		}
		out.Rows = append(out.Rows, ClusteringRow{row.name, s})
	}
	for seed := uint64(1); seed <= uint64(max(seeds, 0)); seed++ {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		order := Shuffled(len(docs), seed)
		c := cluster.New(opts)
		for _, k := range order {
			c.Add(docs[k])
		}
		groups := c.Stories()
		for _, g := range groups {
			for j, n := range g {
				g[j] = order[n]
			}
		}
		labels := StoryLabels(prepared, kept, groups)
		o := OrderScore{Seed: seed}
		var err error
		if o.Truth, err = eval.Clustering(labels, truth); err != nil {
			return out, err
		}
		if o.Batch, err = eval.Clustering(labels, pred); err != nil {
			return out, err
		}
		out.Orders = append(out.Orders, o)
	}
	return out, nil
}

// HalfTopics returns the clusters of files whose topic is of one half:
// a cluster's topic is its id up to its last "_" (ECB+ "ecbplus-33_2" is
// of topic "ecbplus-33"; an id without "_" is a topic of its own), the
// topics are numbered 0, 1, ... in order of first appearance over all
// files, and odd keeps the odd-numbered ones, else the even. A file left
// with no cluster is left out.
func HalfTopics(files []ClusterFile, odd bool) []ClusterFile {
	rank := map[string]int{}
	var out []ClusterFile
	for _, f := range files {
		kept := ClusterFile{Path: f.Path}
		for _, c := range f.Clusters {
			topic := c.ID
			if i := strings.LastIndexByte(topic, '_'); i > 0 {
				topic = topic[:i]
			}
			r, ok := rank[topic]
			if !ok {
				r = len(rank)
				rank[topic] = r
			}
			if (r%2 == 1) == odd {
				kept.Clusters = append(kept.Clusters, c)
			}
		}
		if len(kept.Clusters) > 0 {
			out = append(out, kept)
		}
	}
	return out
}

// placed returns the Placed of each of prepared (true clusters truth),
// from the kept articles, their docs and the groups of them.
func placed(prepared []news.Article, truth []string, kept []news.Article, docs []cluster.Doc, groups [][]int) []Placed {
	type at struct {
		story, kept int
		copyOf      string
	}
	of := map[string]at{}
	for s, g := range groups {
		for _, k := range g {
			of[kept[k].ID] = at{s, k, ""}
			for _, c := range kept[k].Copies {
				of[c.ID] = at{s, k, kept[k].ID}
			}
		}
	}
	out := make([]Placed, len(prepared))
	for i, a := range prepared {
		p, ok := of[a.ID]
		out[i] = Placed{ID: a.ID, Truth: truth[i], Story: -1}
		if ok {
			out[i].Story, out[i].Copy = p.story, p.copyOf
			out[i].Date, out[i].Reported = docs[p.kept].Date, docs[p.kept].Reported
		}
	}
	return out
}

// Mistake is one story of a grouping that holds articles of more than
// one true cluster, or one true cluster whose articles went to more than
// one story: Parts lists its articles by the other side (by true cluster
// for a story, by story for a true cluster), largest part first.
type Mistake struct {
	// Story is the story's number, or -1 for a true cluster's mistake;
	// Truth the true cluster's, or empty for a story's.
	Story int
	Truth string
	Parts []Part
}

// Part is one side of a [Mistake]: the articles of one true cluster in
// the story, or those of one story in the true cluster.
type Part struct {
	Story    int
	Truth    string
	Articles []Placed
}

// Mistakes returns the mixed stories of placed (in story order), then
// the split true clusters (in order of first article): the errors a
// B-cubed score counts, to read one by one.
func Mistakes(placed []Placed) []Mistake {
	var out []Mistake
	group := func(key func(Placed) string, side func(Placed) string) []Mistake {
		var ms []Mistake
		at := map[string]int{}
		var parts [][]Part
		var keys []string
		for _, p := range placed {
			k, ok := at[key(p)]
			if !ok {
				k = len(keys)
				at[key(p)] = k
				keys = append(keys, key(p))
				parts = append(parts, nil)
			}
			j := slices.IndexFunc(parts[k], func(q Part) bool { return side(q.Articles[0]) == side(p) })
			if j < 0 {
				j = len(parts[k])
				parts[k] = append(parts[k], Part{Story: p.Story, Truth: p.Truth})
			}
			parts[k][j].Articles = append(parts[k][j].Articles, p)
		}
		for k, ps := range parts {
			if len(ps) < 2 {
				continue
			}
			slices.SortStableFunc(ps, func(a, b Part) int { return len(b.Articles) - len(a.Articles) })
			ms = append(ms, Mistake{Story: ps[0].Articles[0].Story, Truth: keys[k], Parts: ps})
		}
		return ms
	}
	story := func(p Placed) string { return fmt.Sprint(p.Story) }
	truth := func(p Placed) string { return p.Truth }
	mixed := group(story, truth)
	for i := range mixed {
		mixed[i].Truth = ""
	}
	slices.SortStableFunc(mixed, func(a, b Mistake) int { return a.Story - b.Story })
	split := group(truth, story)
	for i := range split {
		split[i].Story = -1
	}
	return append(append(out, mixed...), split...)
}

// StoryLabels returns, for each of prepared, the number (as text) of the
// story of groups (indices into kept) that holds it or the article it was
// folded into.
func StoryLabels(prepared, kept []news.Article, groups [][]int) []string {
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
