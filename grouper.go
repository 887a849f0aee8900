package tidings

import (
	"tidings/cluster"
	"tidings/dedupe"
	"tidings/news"
)

// Grouper places prepared articles into stories one at a time, the
// incremental form of [Group]: a near-duplicate of an earlier article
// joins that article's story as its copy; any other article joins the
// story whose content and dates it matches, or starts one. As the
// clusterer settles (cluster.Options.Settle), an article placed earlier
// may move to another story; Add reports such moves, the article's
// copies with it. A Grouper always uses the default dedupe and cluster
// stages (dedupe.Index, cluster.Clusterer), not a Pipeline's Deduper and
// Clusterer, which work on a whole batch.
type Grouper struct {
	index   *dedupe.Index
	cluster *cluster.Clusterer
	story   []int   // per article added: its story number
	root    []int   // per article added: the article it copies, or itself
	copies  [][]int // per article added: the later articles that copy it
	doc     []int   // per clustered article: its number among those added
}

// GroupMove is an article, by its number among those added, that moved
// to another story after it was placed.
type GroupMove struct {
	Article, Story int
}

// NewGrouper returns an empty Grouper.
func NewGrouper(opts StoryOptions) *Grouper {
	return &Grouper{index: dedupe.NewIndex(opts.Dedupe), cluster: cluster.New(opts.Cluster)}
}

// Add places a, the next article (numbered from 0 in the order added), and
// returns the number of the earlier article it copies (-1 for none), its
// story number (from 0, in order of creation) and the earlier articles
// that moved to another story as a result, in order.
func (g *Grouper) Add(a *news.Article) (copyOf, story int, moved []GroupMove) {
	return g.AddKeyed(NewGroupKey(a))
}

// GroupKey is what a Grouper reads of an article to place it: the
// signature of its text, for near-duplicates, and its [Doc], for the
// clusterer. Making it is most of what Add costs and needs no Grouper,
// so a caller that adds articles in one goroutine can make their keys
// beforehand, concurrently, and add them with AddKeyed.
type GroupKey struct {
	sig    dedupe.Signature
	signed bool // the text has a word
	doc    cluster.Doc
}

// NewGroupKey returns the key of prepared article a.
func NewGroupKey(a *news.Article) *GroupKey {
	k := &GroupKey{doc: Doc(a)}
	k.sig, k.signed = dedupe.Sign(a.Text)
	return k
}

// AddKeyed is Add of the article whose key is k (NewGroupKey). A key is
// for one AddKeyed: the Grouper keeps what it holds.
func (g *Grouper) AddKeyed(k *GroupKey) (copyOf, story int, moved []GroupMove) {
	n := len(g.story)
	g.copies = append(g.copies, nil)
	copyOf = g.index.AddSigned(&k.sig, k.signed)
	if copyOf >= 0 {
		r := g.root[copyOf] // a copy of a copy copies the first
		story = g.story[r]
		g.story = append(g.story, story)
		g.root = append(g.root, r)
		g.copies[r] = append(g.copies[r], n)
		return copyOf, story, nil
	}
	g.doc = append(g.doc, n)
	g.root = append(g.root, n)
	story = g.cluster.Add(k.doc)
	g.story = append(g.story, story)
	for _, m := range g.cluster.Moves() {
		k := g.doc[m.Article]
		for _, k := range append([]int{k}, g.copies[k]...) {
			g.story[k] = m.To
			moved = append(moved, GroupMove{Article: k, Story: m.To})
		}
	}
	return copyOf, story, moved
}
