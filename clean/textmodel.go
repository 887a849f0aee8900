package clean

import (
	"math"
	"slices"
)

// After the rules and the main region have labelled a copied page, a
// small learned model reads every block once more and decides whether it
// belongs to the article. Its evidence holds across sites and languages:
// what the rules said, the block's length, sentences and punctuation, the
// share of short, function, first- and second-person words, where it
// stands relative to the headline, to the rules' region and to the run of
// prose around the page's densest block (in blocks and in prose words),
// its neighbours and the blocks within three of it (prose, short,
// link-like, prose under a headline-like line), repeated lines, and how
// much of its vocabulary the article's body, the densest run, the rest
// of the page and the headline share (textmodelfeat.go), and what a
// learned lexicon says of its terms (textlexicon.go). The model is two
// stages of boosted regression trees trained on the blocks of pages-dev's
// copied text; the second also reads the first's scores around the block
// and the vocabulary the block shares with the blocks the first kept
// (see textmodel_train_test.go for the command that rebuilds
// textmodel.bin.gz, and textmodelfile.go for its format).

// textTree is one regression tree of the model, its nodes in an array:
// node i splits on feature[i] at threshold[i] (less goes left to
// left[i], else right to left[i]+1); a node with feature -1 is a leaf
// of value value[i].
type textTree struct {
	feature   []int16
	threshold []float32
	left      []int16
	value     []float32
}

func (t *textTree) eval(f []float64) float64 {
	i := 0
	for t.feature[i] >= 0 {
		if f[t.feature[i]] < float64(t.threshold[i]) {
			i = int(t.left[i])
		} else {
			i = int(t.left[i]) + 1
		}
	}
	return float64(t.value[i])
}

// treeModel is a sum of regression trees: bias plus the trees' values
// is a log-odds score.
type treeModel struct {
	trees []textTree
	bias  float64
	// flat, when not nil, holds the same trees laid out complete (see
	// compile), which score walks instead.
	flat *flatTrees
}

// score is the model's log-odds for a block with features f.
func (m *treeModel) score(f []float64) float64 {
	if m.flat != nil {
		return m.flat.sum(f, m.bias)
	}
	s := m.bias
	for i := range m.trees {
		s += m.trees[i].eval(f)
	}
	return s
}

// flatTrees are a model's trees as complete binary trees of one depth,
// all in two arrays: tree t's split k (0 the root, k's children 2k+1
// and 2k+2) is splits[t*(1<<depth-1)+k], its leaf k is
// leaves[t*(1<<depth)+k]. A leaf of the original tree above the full
// depth becomes splits that always go left (threshold +Inf) down to
// leaves of its value. Walking one is depth comparisons with no test for
// a leaf and no pointer chasing: the model's scores cost about half as
// much (see compile).
type flatTrees struct {
	depth  int
	splits []flatSplit
	leaves []float32
	// shallow, when not nil, holds the same trees laid out at depth 3
	// each in one small record (the model of a depth of 3 or less), which
	// sum walks instead (see sumShallow).
	shallow []shallowTree
}

// shallowTree is a tree of depth 3 laid out complete: split k (0 the
// root, k's children 2k+1 and 2k+2) is splits[k], the 7th is unused;
// leaf k is leaves[k]. A tree is one record of 96 bytes, with no slice
// to bound and no index to check (the indexes are masked to 3 bits): the
// model's scores cost about half the instructions of the general walk.
type shallowTree struct {
	splits [8]shallowSplit
	leaves [8]float32
}

// shallowSplit is a flatSplit with the tree's own float32 threshold
// (the same comparison: a float32 widens to float64 exactly).
type shallowSplit struct {
	threshold float32
	feature   int32
}

// shallowDepth is the depth shallowTree lays a tree out at.
const shallowDepth = 3

// shallowWidth bounds the features a shallowTree reads (a power of 2):
// sumShallow reads them from an array of that many, with no index to
// check.
const shallowWidth = 256

type flatSplit struct {
	threshold float64
	feature   int32
}

// maxFlatDepth is the deepest tree compile lays out flat (a complete
// tree of depth d has 2^d leaves).
const maxFlatDepth = 8

// compile lays m's trees out flat when none is deeper than
// maxFlatDepth; the scores stay the same to the last bit (the same
// comparisons, the leaves summed in the same order).
func (m *treeModel) compile() {
	depth := 0
	for i := range m.trees {
		d := m.trees[i].depthFrom(0, maxFlatDepth)
		if d > maxFlatDepth {
			m.flat = nil
			return
		}
		depth = max(depth, d)
	}
	if depth <= shallowDepth {
		// A shallower tree laid out deeper repeats its leaves under
		// splits that go either way to the same value.
		depth = shallowDepth
	}
	ns, nl := 1<<depth-1, 1<<depth
	ft := &flatTrees{depth: depth, splits: make([]flatSplit, len(m.trees)*ns), leaves: make([]float32, len(m.trees)*nl)}
	for i := range m.trees {
		m.trees[i].layFlat(0, 0, 0, depth, ft.splits[i*ns:(i+1)*ns], ft.leaves[i*nl:(i+1)*nl])
	}
	wide := false
	for _, sp := range ft.splits {
		wide = wide || sp.feature >= shallowWidth
	}
	if depth == shallowDepth && !wide {
		ft.shallow = make([]shallowTree, len(m.trees))
		for i := range ft.shallow {
			st := &ft.shallow[i]
			for k, sp := range ft.splits[i*ns : (i+1)*ns] {
				// The thresholds are float32s, +Inf or -Inf: each
				// narrows back to itself.
				st.splits[k] = shallowSplit{threshold: float32(sp.threshold), feature: sp.feature}
			}
			copy(st.leaves[:], ft.leaves[i*nl:(i+1)*nl])
		}
	}
	m.flat = ft
}

// depthFrom returns the depth of t's subtree at node i (0 for a leaf),
// or limit+1 when it is deeper than limit. (It reads at most 2^(limit+1)
// nodes, however the nodes of a damaged file share their children.)
func (t *textTree) depthFrom(i, limit int) int {
	if t.feature[i] < 0 {
		return 0
	}
	if limit == 0 {
		return 1
	}
	l := int(t.left[i])
	return 1 + max(t.depthFrom(l, limit-1), t.depthFrom(l+1, limit-1))
}

// layFlat writes t's subtree at node i as the complete subtree at flat
// position k of level d (of depth levels).
func (t *textTree) layFlat(i, k, d, depth int, splits []flatSplit, leaves []float32) {
	if d == depth {
		leaves[k-(1<<depth-1)] = t.value[i]
		return
	}
	if t.feature[i] < 0 {
		splits[k] = flatSplit{threshold: math.Inf(1)}
		t.layFlat(i, 2*k+1, d+1, depth, splits, leaves)
		t.layFlat(i, 2*k+2, d+1, depth, splits, leaves)
		return
	}
	// f >= threshold goes right, as !(f < threshold) does for every
	// feature a block has (none is NaN); a NaN threshold sends all right.
	th := float64(t.threshold[i])
	if math.IsNaN(th) {
		th = math.Inf(-1)
	}
	splits[k] = flatSplit{threshold: th, feature: int32(t.feature[i])}
	l := int(t.left[i])
	t.layFlat(l, 2*k+1, d+1, depth, splits, leaves)
	t.layFlat(l+1, 2*k+2, d+1, depth, splits, leaves)
}

// sum returns s plus the trees' values for features f, added in the
// trees' order. It walks four trees at a time: each walk is a chain of
// dependent loads, and four chains overlap.
func (ft *flatTrees) sum(f []float64, s float64) float64 {
	if ft.shallow != nil {
		if len(f) >= shallowWidth {
			return sumShallow(ft.shallow, (*[shallowWidth]float64)(f), s)
		}
		var wide [shallowWidth]float64
		copy(wide[:], f)
		return sumShallow(ft.shallow, &wide, s)
	}
	ns, nl := 1<<ft.depth-1, 1<<ft.depth
	trees := len(ft.leaves) / nl
	t := 0
	for ; t+4 <= trees; t += 4 {
		a, b, c, d := ft.splits[t*ns:(t+1)*ns], ft.splits[(t+1)*ns:(t+2)*ns], ft.splits[(t+2)*ns:(t+3)*ns], ft.splits[(t+3)*ns:(t+4)*ns]
		ka, kb, kc, kd := 0, 0, 0, 0
		for range ft.depth {
			ka = 2*ka + 1 + a[ka].side(f)
			kb = 2*kb + 1 + b[kb].side(f)
			kc = 2*kc + 1 + c[kc].side(f)
			kd = 2*kd + 1 + d[kd].side(f)
		}
		leaves := ft.leaves[t*nl : (t+4)*nl]
		s += float64(leaves[ka-ns])
		s += float64(leaves[nl+kb-ns])
		s += float64(leaves[2*nl+kc-ns])
		s += float64(leaves[3*nl+kd-ns])
	}
	for ; t < trees; t++ {
		a := ft.splits[t*ns : (t+1)*ns]
		k := 0
		for range ft.depth {
			k = 2*k + 1 + a[k].side(f)
		}
		s += float64(ft.leaves[t*nl+k-ns])
	}
	return s
}

// sumShallow is sum over trees of depth 3, four at a time.
func sumShallow(trees []shallowTree, f *[shallowWidth]float64, s float64) float64 {
	t := 0
	for ; t+4 <= len(trees); t += 4 {
		q := trees[t : t+4 : t+4]
		a, b, c, d := &q[0], &q[1], &q[2], &q[3]
		ka, kb, kc, kd := 1+a.splits[0].side(f), 1+b.splits[0].side(f), 1+c.splits[0].side(f), 1+d.splits[0].side(f)
		ka = 2*ka + 1 + a.splits[ka&7].side(f)
		kb = 2*kb + 1 + b.splits[kb&7].side(f)
		kc = 2*kc + 1 + c.splits[kc&7].side(f)
		kd = 2*kd + 1 + d.splits[kd&7].side(f)
		ka = 2*ka + 1 + a.splits[ka&7].side(f)
		kb = 2*kb + 1 + b.splits[kb&7].side(f)
		kc = 2*kc + 1 + c.splits[kc&7].side(f)
		kd = 2*kd + 1 + d.splits[kd&7].side(f)
		s += float64(a.leaves[(ka-7)&7])
		s += float64(b.leaves[(kb-7)&7])
		s += float64(c.leaves[(kc-7)&7])
		s += float64(d.leaves[(kd-7)&7])
	}
	for ; t < len(trees); t++ {
		a := &trees[t]
		k := 1 + a.splits[0].side(f)
		k = 2*k + 1 + a.splits[k&7].side(f)
		k = 2*k + 1 + a.splits[k&7].side(f)
		s += float64(a.leaves[(k-7)&7])
	}
	return s
}

// side is 1 when features f go right at the split, else 0.
func (sp shallowSplit) side(f *[shallowWidth]float64) int {
	right := 0
	if f[sp.feature&(shallowWidth-1)] >= float64(sp.threshold) {
		right = 1
	}
	return right
}

// side is 1 when features f go right at the split, else 0.
func (sp flatSplit) side(f []float64) int {
	right := 0
	if f[sp.feature] >= sp.threshold {
		right = 1 // a conditional move, not a branch
	}
	return right
}

// blockModel is a stack of tree models: the first reads a block's
// features, each next one the same features and the previous one's
// scores of the block and of its neighbours (see contextFeatures). A
// block is kept when the last score is over threshold.
type blockModel struct {
	stages    []*treeModel
	threshold float64
	lexicon   *termLexicon // nil: the lexicon features are 0
}

// contextNames names the features contextFeatures adds.
var contextNames = []string{
	"score", "prev-score", "next-score", "prev2-score", "next2-score", "window-mean",
	"max-before", "max-after", "kept-before", "kept-after", "min-before3", "min-after3",
	"kept-words-after/kept", "to-last-kept", "from-first-kept",
	"gap-before", "gap-after", "score-kept-mean", "kept-cohesion", "strong-cohesion",
}

// pageScores are one stage's scores of a page's blocks with running
// counts of the blocks (and their prose words) that score over 0.
type pageScores struct {
	s           []float64
	kept        []int     // kept[i]: blocks before i scoring over 0
	keptWords   []float64 // keptWords[i]: their prose words
	first, last int       // first and last block scoring over 0, -1 if none
	keptMean    float64   // the mean score of those blocks, 0 if none
	prevKept    []int     // prevKept[i]: the last block before i scoring over 0, -1 if none
	nextKept    []int     // nextKept[i]: the first block after i scoring over 0, len(s) if none
	// The page's terms, and for each the blocks holding it that score
	// over 0 and over keptMean.
	terms                *pageTerms
	keptTerm, strongTerm []int32
}

// newPageScores reads the scores s of a page's blocks, of prose words
// prose and terms pt.
func newPageScores(s, prose []float64, pt *pageTerms) *pageScores {
	n := len(s)
	p := &pageScores{s: s, kept: make([]int, n+1), keptWords: make([]float64, n+1), first: -1, last: -1,
		prevKept: make([]int, n), nextKept: make([]int, n)}
	sum := 0.0
	for i, v := range s {
		p.kept[i+1], p.keptWords[i+1] = p.kept[i], p.keptWords[i]
		p.prevKept[i] = p.last
		if v > 0 {
			p.kept[i+1]++
			p.keptWords[i+1] += prose[i]
			sum += v
			if p.first < 0 {
				p.first = i
			}
			p.last = i
		}
	}
	if p.kept[n] > 0 {
		p.keptMean = sum / float64(p.kept[n])
	}
	next := n
	for i := n - 1; i >= 0; i-- {
		p.nextKept[i] = next
		if s[i] > 0 {
			next = i
		}
	}
	nt := int(pt.n)
	p.terms, p.keptTerm, p.strongTerm = pt, make([]int32, nt), make([]int32, nt)
	last := make([]int32, nt)
	for i, v := range s {
		if v <= 0 {
			continue
		}
		for _, id := range pt.terms(i) {
			if last[id] != int32(i+1) {
				last[id] = int32(i + 1)
				p.keptTerm[id]++
				if v > p.keptMean {
					p.strongTerm[id]++
				}
			}
		}
	}
	return p
}

// contextFeatures writes, for block i, what the scores of the page's
// blocks say around it into f.
func contextFeatures(p *pageScores, i int, f []float64) {
	s := p.s
	at := func(j int) float64 {
		if j < 0 || j >= len(s) {
			return -10
		}
		return s[j]
	}
	f[0], f[1], f[2], f[3], f[4] = s[i], at(i-1), at(i+1), at(i-2), at(i+2)
	sum, k := 0.0, 0
	for j := max(0, i-3); j <= min(len(s)-1, i+3); j++ {
		sum += s[j]
		k++
	}
	f[5] = sum / float64(k)
	f[6], f[7] = -10, -10
	for j := max(0, i-10); j < i; j++ {
		f[6] = math.Max(f[6], s[j])
	}
	for j := i + 1; j <= min(len(s)-1, i+10); j++ {
		f[7] = math.Max(f[7], s[j])
	}
	n := len(s)
	f[8], f[9] = float64(p.kept[i]), float64(p.kept[n]-p.kept[i+1])
	f[10], f[11] = math.Min(at(i-1), math.Min(at(i-2), at(i-3))), math.Min(at(i+1), math.Min(at(i+2), at(i+3)))
	f[12], f[13], f[14] = 0, -99, -99
	if total := p.keptWords[n]; total > 0 {
		f[12] = (total - p.keptWords[i+1]) / total
	}
	if p.first >= 0 {
		f[13], f[14] = float64(max(-50, min(p.last-i, 50))), float64(max(-50, min(i-p.first, 50)))
	}
	f[15], f[16] = 50, 50
	if j := p.prevKept[i]; j >= 0 {
		f[15] = float64(min(i-j, 50))
	}
	if j := p.nextKept[i]; j < n {
		f[16] = float64(min(j-i, 50))
	}
	f[17] = s[i] - p.keptMean
	// The vocabulary the block shares with the other kept blocks.
	own, strong := int32(bool01(s[i] > 0)), int32(bool01(s[i] > 0 && s[i] > p.keptMean))
	count, kept, sure := 0, 0, 0
	for _, id := range p.terms.terms(i) {
		count++
		kept += int(bool01(p.keptTerm[id] > own))
		sure += int(bool01(p.strongTerm[id] > strong))
	}
	f[18], f[19] = -1, -1
	if count > 0 {
		f[18], f[19] = float64(kept)/float64(count), float64(sure)/float64(count)
	}
}

// scores returns the last stage's score of each block of a page with
// features pf.
func (m *blockModel) scores(pf *pageFeatures) []float64 {
	nf := len(textFeatureNames)
	feats, n := pf.rows, len(pf.terms.at)-1
	s := make([]float64, n)
	prose := make([]float64, n)
	// A row as wide as shallowWidth is read in place (see sum); the
	// features past a stage's own are never read.
	row := make([]float64, max(shallowWidth, nf+len(contextNames)))
	for i := range n {
		copy(row, feats[i*nf:(i+1)*nf])
		s[i] = m.stages[0].score(row)
		prose[i] = proseOf(feats[i*nf : (i+1)*nf])
	}
	next := make([]float64, n)
	for _, st := range m.stages[1:] {
		ps := newPageScores(s, prose, pf.terms)
		for i := range n {
			copy(row, feats[i*nf:(i+1)*nf])
			contextFeatures(ps, i, row[nf:])
			next[i] = st.score(row)
		}
		s, next = next, s
	}
	return s
}

// proseOf returns the prose words of the block whose features are f.
func proseOf(f []float64) float64 {
	base := len(textRules) + len(kindNames)
	return f[base+1] * f[base+2]
}

// relabelText lets the model decide the blocks of a copied page that
// the main region and the list rules decided (see modelRules): a block outside the region
// that it keeps becomes body (rule "text-model"); a body or heading
// block it drops becomes navigation before the article's first kept
// block and a promotion after it. What a rule recognised by its own
// evidence (a byline, a date, a comments marker, a caption, a table
// row) stays.
func relabelText(res *Result, m *blockModel) {
	if m == nil || len(m.stages) == 0 || len(res.Blocks) > maxModelBlocks {
		return
	}
	// A text whose main region cut nothing is an article as written, not
	// a copied page (a wire story, a results report): the rules' labels
	// stand. (The model, trained on copied pages, dropped the results
	// tables and datelines of CoNLL's Reuters texts: names typed through
	// the pipeline 0.852 -> 0.835; with this guard 0.848, and pages-dev
	// copied-text F stays 0.910.)
	if !slices.ContainsFunc(res.Blocks, func(b Block) bool { return regionRules[b.Rule] }) {
		return
	}
	relabelWith(res, m, textFeatures(res.Blocks, &res.Meta, m.lexicon))
}

// maxModelBlocks bounds the blocks the model reads (its features take
// about 850 bytes a block); a longer page keeps the rules' labels. The
// longest page of pages-dev has about 6,600 blocks.
const maxModelBlocks = 20000

// minModelProse is the fewest prose words (see proseWeight) of a page
// the model reads.
const minModelProse = 50

// holeMargin is how far under the threshold a paragraph inside the
// article must score to be dropped. (0, 0.75, 2.5 and 4 were no better
// on both halves.)
const holeMargin = 1.5

// regionRules are the main region's labels (before-main, after-main)
// and keepHeadings' link-list: the model reads a page only when one of
// them stands. (Letting it bring back repeated blocks too, when no copy
// was in the article, cost segment F on both halves.)
var regionRules = map[string]bool{"before-main": true, "after-main": true, "link-list": true}

// modelRules are the labels the model may undo: regionRules' and those
// of the list and lone-line rules, which read a block without its page
// (a list of links, a lone word). A block under a comments marker stays
// a comment: with after-comments-marker too, held-out F rose a little
// but the model brought back a reader's long comment (the blog_comments
// fixture).
var modelRules = map[string]bool{
	"before-main": true, "after-main": true, "link-list": true,
	"read-more-list": true, "lone-word": true, "promotion": true, "see-also": true,
}

// relabelWith is relabelText with the blocks' features computed.
func relabelWith(res *Result, m *blockModel, pf *pageFeatures) {
	feats := pf.rows
	nf := len(textFeatureNames)
	prose := func(i int) float64 { return proseOf(feats[i*nf : (i+1)*nf]) }
	// On a page of hardly any prose (a scoreboard, a list of results)
	// the model may bring blocks back but drops none: trained on pages
	// of articles, it cut the second half of CoNLL's Reuters
	// scoreboards.
	total := 0.0
	for i := range res.Blocks {
		total += prose(i)
	}
	keepIn := total < minModelProse
	keep := make([]bool, len(res.Blocks))
	first := -1
	scores := m.scores(pf)
	// The article's densest block stays: the region was found around it.
	dense, most := -1, 0.0
	for i, b := range res.Blocks {
		if w := prose(i); b.Kind.InArticle() && w > most {
			dense, most = i, w
		}
	}
	for i, b := range res.Blocks {
		switch {
		case i == dense:
			keep[i] = true
		case b.Rule == "table-row":
			// A row of a table in the article (results, figures): its
			// own evidence decided it, as a byline's does. (The model
			// dropped the results tables of CoNLL's Reuters reports:
			// names typed through the pipeline 0.848 -> 0.851 with them
			// kept; pages-dev copied-text F 0.910 either way.)
			keep[i] = true
		case b.Kind.InArticle():
			keep[i] = keepIn || scores[i] > m.threshold
		case modelRules[b.Rule]:
			keep[i] = scores[i] > m.threshold
		}
	}
	if spanGap > 0 && !keepIn {
		decideSpan(res.Blocks, keep, scores, m.threshold, dense, spanGap)
	}
	// The model trims the article's edges: a paragraph of prose between
	// two kept ones stays unless the model is sure (a teaser inside the
	// article).
	last := -1
	for i := range keep {
		if keep[i] && prose(i) > 0 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	for i := first + 1; i < last; i++ {
		if b := res.Blocks[i]; b.Kind.InArticle() && !keep[i] && prose(i) > 0 && scores[i] > m.threshold-holeMargin {
			keep[i] = true
		}
	}
	// The model never empties an article the rules found (a page of one
	// unpunctuated paragraph).
	words, ruled := 0, 0
	for i, b := range res.Blocks {
		if keep[i] {
			words += b.words()
		}
		if b.Kind.InArticle() {
			ruled += b.words()
		}
	}
	if words < minArticleWords && ruled >= minArticleWords {
		return
	}
	first = slices.Index(keep, true)
	for i := range res.Blocks {
		b := &res.Blocks[i]
		switch in := b.Kind.InArticle(); {
		case keep[i] && !in:
			b.Kind, b.Rule = Body, "text-model"
		case !keep[i] && in && i < first:
			b.Kind, b.Rule = Navigation, "text-model"
		case !keep[i] && in:
			b.Kind, b.Rule = Promotion, "text-model"
		}
	}
	assemble(res)
}

// spanGap is what a gap inside the article costs decideSpan, in the
// model's log-odds (0: the blocks are decided one by one).
var spanGap = 0.0

// decideSpan decides the blocks the model reads (those in the article
// and those of modelRules) as one article run with gaps: block i in the
// article gains scores[i]-th, a gap (a run of dropped blocks between two
// kept ones) costs gap, blocks before and after the run gain nothing.
// The best such labelling (Viterbi over four states: before, in, gap,
// after) replaces keep for those blocks; the densest block is in the
// article, the others keep their labels.
func decideSpan(blocks []Block, keep []bool, scores []float64, th float64, dense int, gap float64) {
	const (
		before = iota
		in
		hole
		after
		states
	)
	neg := math.Inf(-1)
	var idx []int
	for i, b := range blocks {
		if i == dense || b.Kind.InArticle() && b.Rule != "table-row" || modelRules[b.Rule] {
			idx = append(idx, i)
		}
	}
	if len(idx) == 0 {
		return
	}
	// back[k*states+s]: the state before idx[k] on the best path to s.
	back := make([]int8, len(idx)*states)
	v := [states]float64{0, neg, neg, neg}
	for k, i := range idx {
		e := scores[i] - th
		if i == dense {
			e = 1e9 // it stays in the article
		}
		var nv [states]float64
		pick := func(s int, cands ...int) float64 {
			best, arg := neg, cands[0]
			for _, c := range cands {
				x := v[c]
				if c == in && s == hole {
					x -= gap
				}
				if x > best {
					best, arg = x, c
				}
			}
			back[k*states+s] = int8(arg)
			return best
		}
		nv[before] = pick(before, before)
		nv[in] = pick(in, before, in, hole) + e
		nv[hole] = pick(hole, in, hole)
		nv[after] = pick(after, in, hole, after)
		if i == dense {
			nv[before], nv[hole], nv[after] = neg, neg, neg
		}
		v = nv
	}
	s := before
	for c := range states {
		if c != hole && v[c] > v[s] {
			s = c
		}
	}
	for k := len(idx) - 1; k >= 0; k-- {
		keep[idx[k]] = s == in
		s = int(back[k*states+s])
	}
}
