package summarize

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"time"

	"tidings/internal/vec"
	"tidings/news"
)

// coverRedundancy is the ILP's default redundancy bound: lower than the
// greedy methods' 0.5, because every sentence has some value of its own
// in the cover and would otherwise pull in paraphrases. Chosen on the
// development sets: ROUGE-2 with 0.5 / 0.3, multinews-dev F 0.1546 /
// 0.1557, multiling 0.2067 / 0.2121, tac2009 0.1160 / 0.1162, duc2006
// 0.1048 / 0.1047.
const coverRedundancy = 0.3

// ILP summarizes arts by concept coverage (Gillick and Favre, 2009): it
// chooses the set of candidate sentences, within the word budget, that
// covers the largest total weight of bigram concepts (see [concepts]).
// The integer program
//
//	max Σ w_c z_c  subject to  Σ l_s x_s ≤ budget,  z_c ≤ Σ_{s ∋ c} x_s
//
// (plus a value of each sentence's own, its position and query prior,
// and no two sentences whose TF-IDF cosine passes Options.Redundancy,
// default coverRedundancy)
// is solved exactly by branch and bound (see [coverSolver]) until
// Options.TimeLimit runs out; then the best selection found so far is
// used. It returns ctx.Err() when ctx is done.
func ILP(ctx context.Context, arts []news.Article, opts Options) (news.Summary, error) {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sp := sc.space.fill(arts, sc.words.fill(arts))
	cands := appendCandidates(sc.cands, arts, true)
	// The candidates hold the articles' strings: let them go when done.
	defer func() { clear(cands); sc.cands = cands[:0] }()
	cs := newConceptsIn(sc.bigrams.reset(sp.words), arts, cands, opts.Query)
	chosen, exact, err := solveCover(ctx, cands, cs, sp, opts, sc)
	if err != nil {
		return news.Summary{}, err
	}
	scoreCentroid(sp, cands, len(arts))
	chosen = fill(chosen, cands, sp, opts)
	s := summary(arts, sp, readingOrder(chosen))
	s.Stopped = !exact
	return s, nil
}

// scratch is the working memory of one ILP summary that no result
// keeps: the story's numbered words, its TF-IDF space and its bigram
// set. Reused through scratchPool, it saves the allocation (about a
// third of a 10-article brief's bytes) and the collections it set off.
type scratch struct {
	words   words
	space   space
	bigrams bigramSet
	ranks   []*ranking // the cover search's buffers by depth
	cands   []Candidate
	repeats repeatIndex
	solver  solverBuf
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// solveCover picks the candidates of the best concept cover; exact
// reports whether the search finished (the cover is optimal) rather
// than stopped at the time limit. The search reuses sc's buffers.
func solveCover(ctx context.Context, cands []Candidate, cs *concepts, sp *space, opts Options, sc *scratch) (chosen []Candidate, exact bool, err error) {
	p, index := newCoverProblemIn(&sc.repeats, cands, cs, sp, opts)
	p.ranks, p.buf = sc.ranks, &sc.solver
	sol, exact, _ := p.solve(ctx, time.Now().Add(opts.timeLimit()))
	sc.ranks = p.ranks
	if err := ctx.Err(); err != nil {
		return nil, false, err
	}
	for _, k := range sol {
		c := cands[index[k]]
		c.Score = p.gainAlone(k)
		chosen = append(chosen, c)
	}
	return chosen, exact, nil
}

// newCoverProblem builds the cover over the candidates that fit the
// budget and cover a concept, at most maxCoverCandidates of them; index
// maps each item to its candidate.
func newCoverProblem(cands []Candidate, cs *concepts, sp *space, opts Options) (p *coverProblem, index []int) {
	return newCoverProblemIn(new(repeatIndex), cands, cs, sp, opts)
}

// newCoverProblemIn is [newCoverProblem] with its repeated candidates
// found in r, whose memory it reuses.
func newCoverProblemIn(r *repeatIndex, cands []Candidate, cs *concepts, sp *space, opts Options) (p *coverProblem, index []int) {
	budget := opts.words()
	p = &coverProblem{budget: budget, weight: cs.weight}
	for i, c := range cands {
		if len(cs.of[i]) == 0 || c.Sentence.Words > budget {
			continue
		}
		p.cost = append(p.cost, c.Sentence.Words)
		p.items = append(p.items, cs.of[i])
		index = append(index, i)
	}
	// Each sentence also earns a value of its own: its prior (position,
	// query relevance) times the mean concept value of a sentence.
	mean := 0.0
	for k := range p.items {
		mean += p.gainAlone(k)
	}
	mean /= float64(max(len(p.items), 1))
	p.bonus = make([]float64, len(p.items))
	for k, i := range index {
		p.bonus[k] = mean * cs.prior[i]
	}
	index = p.keepBest(index, maxCoverCandidates)
	// Two sentences that say the same thing may not both be chosen.
	bound := opts.Redundancy
	if bound <= 0 {
		bound = coverRedundancy
	}
	p.repeats = r.reset(cands, index, sp, bound)
	return p, index
}

// maxCoverCandidates caps the candidates the cover weighs, whatever the
// story: the repeated-sentence pairs (see [repeatIndex]) grow with the
// square of their number, and 26,000 near-identical sentences made 338
// million pairs (9 GB) when all were found up front. At the cap the pairs
// are at most 2 million (16 MB per direction) and finding them takes well
// under a second. The largest
// story of the development sets has 780 candidates (duc2006), so the cap
// changes no figure there; a story over it keeps its best (see
// [coverProblem.keepBest]).
const maxCoverCandidates = 2000

// keepBest keeps the n items of p with the most value on their own
// (their concepts' weight and their bonus; ties by order), in their
// order, and returns index cut the same way. It does nothing when p has
// n items or fewer.
func (p *coverProblem) keepBest(index []int, n int) []int {
	if len(p.items) <= n {
		return index
	}
	order := make([]int, len(p.items))
	value := make([]float64, len(p.items))
	for k := range order {
		order[k], value[k] = k, p.gainAlone(k)
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(value[b], value[a]) })
	keep := order[:n]
	slices.Sort(keep)
	kept := make([]int, n)
	cost, items, bonus := make([]int, n), make([][]int32, n), make([]float64, n)
	for j, k := range keep {
		kept[j], cost[j], items[j], bonus[j] = index[k], p.cost[k], p.items[k], p.bonus[k]
	}
	p.cost, p.items, p.bonus = cost, items, bonus
	return kept
}

// repeatIndex finds the candidates that repeat one another, one
// candidate at a time: the cover search asks only for the items it
// adds, on the development sets a sixth of them (23 of 146 on the
// benchmark story), so scoring every pair up front was mostly wasted.
// Only candidates that share a term can pass the cosine bound, so an
// inverted index over their terms finds those to score: in a story of
// hundreds of articles most pairs share nothing.
type repeatIndex struct {
	cands []Candidate
	index []int
	bound float64
	vs    []vec.Vector
	norms []float64
	// byText lists the candidates (positions in index) by their text.
	byText map[string][]int
	// postings[first[id]:first[id+1]] are the candidates with term id,
	// in increasing position, each with its weight of the term.
	first    []int
	postings []posting
	// Buffers of row: the dot product and the distinct terms in common
	// with each candidate scored, whether it is in later, and later,
	// the candidates scored.
	dot    []float64
	shared []int
	seen   []bool
	later  []int
	next   []int // where reset writes each term's next posting
}

type posting struct {
	k int
	w float64
}

// reset fills r, reusing its memory, for the candidates of cands that
// index names, and returns r.
func (r *repeatIndex) reset(cands []Candidate, index []int, sp *space, bound float64) *repeatIndex {
	n := len(index)
	r.cands, r.index, r.bound = cands, index, bound
	r.vs, r.norms = grown(r.vs, n), grown(r.norms, n)
	r.dot, r.shared, r.seen = grown(r.dot, n), grown(r.shared, n), grown(r.seen, n)
	r.first = grown(r.first, sp.words.Len()+1)
	if r.byText == nil {
		r.byText = make(map[string][]int, n)
	}
	clear(r.byText)
	for k, i := range index {
		r.vs[k], r.norms[k] = sp.vectorNorm(cands[i])
		for _, e := range r.vs[k] {
			r.first[e.ID+1]++
		}
		t := cands[i].Sentence.Text
		r.byText[t] = append(r.byText[t], k)
	}
	for id := 1; id < len(r.first); id++ {
		r.first[id] += r.first[id-1]
	}
	r.postings = grown(r.postings, r.first[len(r.first)-1])
	r.next = append(r.next[:0], r.first[:len(r.first)-1]...)
	for k := range index {
		for _, e := range r.vs[k] {
			r.postings[r.next[e.ID]] = posting{k, e.W}
			r.next[e.ID]++
		}
	}
	return r
}

// row returns the candidates that repeat candidate k (positions in
// index, in no set order): the same text or sentences (see [sameText]),
// a TF-IDF cosine above the bound, or nearly all the terms of one in the
// other (see [contained]). The slice is a buffer that the next call
// overwrites. The relation is symmetric, to the bit: a dot product is
// summed over the shared terms in increasing id, whichever candidate's
// terms are read, as [vec.Dot] sums it.
func (r *repeatIndex) row(k int) []int {
	later := r.later[:0]
	mark := func(l int) {
		if !r.seen[l] {
			r.seen[l] = true
			later = append(later, l)
		}
	}
	for _, e := range r.vs[k] {
		for _, p := range r.postings[r.first[e.ID]:r.first[e.ID+1]] {
			if p.k == k {
				continue
			}
			mark(p.k)
			r.dot[p.k] += e.W * p.w
			r.shared[p.k]++
		}
	}
	c := &r.cands[r.index[k]]
	for _, l := range r.byText[c.Sentence.Text] {
		if l != k {
			mark(l)
		}
	}
	// Candidates come in article order; those of this article that
	// share a sentence with it (a passage and its sentences) are its
	// neighbours.
	for l := k - 1; l >= 0 && r.cands[r.index[l]].Article == c.Article; l-- {
		if sameText(c, &r.cands[r.index[l]]) {
			mark(l)
		}
	}
	for l := k + 1; l < len(r.index) && r.cands[r.index[l]].Article == c.Article; l++ {
		if sameText(c, &r.cands[r.index[l]]) {
			mark(l)
		}
	}
	n := 0
	for _, l := range later {
		if vec.CosineDot(r.dot[l], r.norms[k], r.norms[l]) > r.bound || contained(len(r.vs[k]), len(r.vs[l]), r.shared[l]) || sameText(c, &r.cands[r.index[l]]) {
			later[n] = l
			n++
		}
		r.dot[l], r.shared[l], r.seen[l] = 0, 0, false
	}
	r.later = later
	return later[:n]
}

// coverProblem is budgeted maximum coverage: items with costs, each
// covering a set of weighted elements.
type coverProblem struct {
	cost   []int
	items  [][]int32 // elements of each item
	weight []float64 // by element
	bonus  []float64 // value of each item on its own, beyond its elements
	// conflicts[k] lists the items that may not be chosen with k. When
	// repeats is not nil, the lists are found there as the search first
	// adds each item, and known[k] tells whether conflicts[k] is.
	conflicts [][]int
	repeats   *repeatIndex
	known     []bool
	rows      []int // the array of the lists found
	budget    int
	// ranks, when not nil, are the search's buffers by depth from an
	// earlier search, to reuse (see [coverSolver.search]); solve leaves
	// its own there. buf, when not nil, is the rest of an earlier
	// search's memory, reused the same way.
	ranks []*ranking
	buf   *solverBuf
}

func (p *coverProblem) gainAlone(k int) float64 {
	v := 0.0
	if p.bonus != nil {
		v = p.bonus[k]
	}
	for _, e := range p.items[k] {
		v += p.weight[e]
	}
	return v
}

// coverSolver is a depth-first branch and bound over coverProblem. At
// each node the free items are ranked by marginal gain per cost; the
// node's bound is the fractional knapsack over those gains, which is
// never below the best completion because coverage is submodular (an
// item's gain can only shrink as others are added). The first dive takes
// the best ratio each time, which is the greedy solution, so the search
// starts from a good incumbent.
type coverSolver struct {
	p       *coverProblem
	covered []int32 // times each element is covered by the current set
	blocked []int32 // chosen items each item conflicts with
	// holders[e] lists the items that cover element e, and open[k] is
	// the weight of item k's elements not yet covered: kept up to date
	// as items are added and removed, so a node ranks its items without
	// reading their elements.
	holders [][]int32
	open    []float64
	// rank holds the buffers of each depth of the search.
	rank     []*ranking
	cur      []int
	curVal   float64
	words    int
	best     []int
	bestVal  float64
	deadline time.Time
	ctx      context.Context
	nodes    int
	stopped  bool
}

type ranked struct {
	item  int
	gain  float64
	ratio float64
}

// solve returns the chosen item indices and whether they are proven
// optimal.
func (p *coverProblem) solve(ctx context.Context, deadline time.Time) ([]int, bool, int) {
	b := p.buf
	if b == nil {
		b = new(solverBuf)
	}
	s := &coverSolver{
		p:        p,
		covered:  grown(b.covered, len(p.weight)),
		blocked:  grown(b.blocked, len(p.cost)),
		deadline: deadline,
		ctx:      ctx,
		rank:     p.ranks,
		holders:  grown(b.holders, len(p.weight)),
		open:     grown(b.open, len(p.cost)),
		best:     b.best[:0],
		cur:      b.cur[:0],
	}
	// holders[e] are parts of one array: counted, then filled.
	all := grown(b.all, len(p.cost))
	first := grown(b.first, len(p.weight)+1)
	for k := range all {
		for _, e := range p.items[k] {
			first[e+1]++
		}
	}
	for e := 1; e < len(first); e++ {
		first[e] += first[e-1]
	}
	flat := grown(b.flat, first[len(first)-1])
	for e := range s.holders {
		s.holders[e] = flat[first[e]:first[e]:first[e+1]]
	}
	for k := range all {
		all[k].item = k
		for _, e := range p.items[k] {
			s.holders[e] = append(s.holders[e], int32(k))
			s.open[k] += p.weight[e]
		}
	}
	s.search(all, nil)
	p.ranks = s.rank
	slices.Sort(s.best)
	*b = solverBuf{covered: s.covered, blocked: s.blocked, holders: s.holders, open: s.open, all: all, first: first, flat: flat, cur: s.cur, best: s.best}
	return slices.Clone(s.best), !s.stopped, s.nodes
}

// solverBuf is the memory of a search, kept for the next (see
// [coverProblem.buf]).
type solverBuf struct {
	covered, blocked []int32
	holders          [][]int32
	open             []float64
	all              []ranked
	first            []int
	flat             []int32
	cur, best        []int
}

const epsilon = 1e-9

// search explores the node reached with the current set; the items of
// before and rest (in any order) are those its parent had left to take.
func (s *coverSolver) search(before, rest []ranked) {
	s.nodes++
	if s.nodes%64 == 0 && (time.Now().After(s.deadline) || s.ctx.Err() != nil) {
		s.stopped = true
	}
	if s.stopped {
		return
	}
	if s.curVal > s.bestVal+epsilon {
		s.bestVal = s.curVal
		s.best = append(s.best[:0], s.cur...)
	}
	// Only items still open in the parent can be open here: along a path
	// the cover grows (gains shrink), the room shrinks and conflicts
	// accumulate.
	room := s.p.budget - s.words
	// Each depth reuses its buffers: a child, one deeper, only reads
	// its parent's.
	depth := len(s.cur)
	if depth == len(s.rank) {
		s.rank = append(s.rank, &ranking{})
	}
	rk := s.rank[depth]
	rk.sorted, rk.heap = rk.sorted[:0], slices.Grow(rk.heap[:0], len(before)+len(rest))
	for _, part := range [2][]ranked{before, rest} {
		for _, q := range part {
			k := q.item
			if s.blocked[k] > 0 || s.p.cost[k] > room {
				continue
			}
			if g := s.p.bonus[k] + s.open[k]; g > 0 {
				rk.heap = append(rk.heap, ranked{k, g, g / float64(s.p.cost[k])})
			}
		}
	}
	rk.init()
	// Branch on each item in turn, best ratio first: take it, then (in
	// the next turn) leave it out for good.
	for i := 0; ; i++ {
		r, ok := rk.at(i)
		if !ok || s.curVal+fractionalBound(s.p, rk, i, room) <= s.bestVal+epsilon {
			break
		}
		// The child may take what ranks after r: the items handed out
		// after it and those still in the heap.
		s.add(r.item)
		s.search(rk.sorted[i+1:], rk.heap)
		s.remove(r.item)
		if s.stopped {
			break
		}
	}
}

// ranking hands out a node's items best ratio first (ties by item), only
// as far as the search asks: most nodes stop after a few, so sorting them
// all was most of the search's time. sorted holds those handed out, heap
// the rest. The heap is written out rather than container/heap's: through
// its interface the search was slower, and on duc2006 9 covers of 50
// stopped at the time limit rather than 4.
type ranking struct {
	sorted, heap []ranked
}

func better(a, b ranked) bool {
	return a.ratio > b.ratio || a.ratio == b.ratio && a.item < b.item
}

func (rk *ranking) init() {
	for i := len(rk.heap)/2 - 1; i >= 0; i-- {
		rk.down(i)
	}
}

// down moves the item at i down the heap to its place: the better
// child moves up into the hole until neither child is better, and the
// item goes there, one write a level rather than a swap.
func (rk *ranking) down(i int) {
	h := rk.heap
	if i >= len(h) {
		return
	}
	x := h[i]
	for {
		c := 2*i + 1
		if c >= len(h) {
			break
		}
		if r := c + 1; r < len(h) && better(h[r], h[c]) {
			c = r
		}
		if !better(h[c], x) {
			break
		}
		h[i] = h[c]
		i = c
	}
	h[i] = x
}

// at returns the item of rank i (from 0), and false when there are not
// that many.
func (rk *ranking) at(i int) (ranked, bool) {
	for len(rk.sorted) <= i && len(rk.heap) > 0 {
		rk.sorted = append(rk.sorted, rk.heap[0])
		last := len(rk.heap) - 1
		rk.heap[0] = rk.heap[last]
		rk.heap = rk.heap[:last]
		rk.down(0)
	}
	if i < len(rk.sorted) {
		return rk.sorted[i], true
	}
	return ranked{}, false
}

// fractionalBound is the value of the fractional knapsack, within room,
// over the items of rank from on.
func fractionalBound(p *coverProblem, rk *ranking, from, room int) float64 {
	v := 0.0
	for i := from; ; i++ {
		r, ok := rk.at(i)
		if !ok {
			return v
		}
		c := p.cost[r.item]
		if c <= room {
			v += r.gain
			room -= c
			continue
		}
		return v + r.ratio*float64(room)
	}
}

// conflictsOf returns the items that may not be chosen with k.
func (p *coverProblem) conflictsOf(k int) []int {
	if p.repeats == nil {
		if p.conflicts == nil {
			return nil
		}
		return p.conflicts[k]
	}
	if p.known == nil {
		p.conflicts, p.known = make([][]int, len(p.cost)), make([]bool, len(p.cost))
	}
	if !p.known[k] {
		// The lists share one array, each capped at its length.
		from := len(p.rows)
		p.rows = append(p.rows, p.repeats.row(k)...)
		p.conflicts[k], p.known[k] = p.rows[from:len(p.rows):len(p.rows)], true
	}
	return p.conflicts[k]
}

func (s *coverSolver) add(k int) {
	s.cur = append(s.cur, k)
	s.words += s.p.cost[k]
	s.curVal += s.p.bonus[k]
	for _, l := range s.p.conflictsOf(k) {
		s.blocked[l]++
	}
	for _, e := range s.p.items[k] {
		if s.covered[e] == 0 {
			s.curVal += s.p.weight[e]
			for _, j := range s.holders[e] {
				s.open[j] -= s.p.weight[e]
			}
		}
		s.covered[e]++
	}
}

func (s *coverSolver) remove(k int) {
	s.cur = s.cur[:len(s.cur)-1]
	s.words -= s.p.cost[k]
	s.curVal -= s.p.bonus[k]
	for _, l := range s.p.conflictsOf(k) {
		s.blocked[l]--
	}
	for _, e := range s.p.items[k] {
		s.covered[e]--
		if s.covered[e] == 0 {
			s.curVal -= s.p.weight[e]
			for _, j := range s.holders[e] {
				s.open[j] += s.p.weight[e]
			}
		}
	}
}
