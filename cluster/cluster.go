package cluster

import (
	"cmp"
	"math"
	"slices"
	"time"

	"tidings/internal/vec"
	"tidings/news"
)

// Doc is what the clusterer sees of an article.
type Doc struct {
	// Terms are the article's content terms (stems, stop words removed),
	// with repeats.
	Terms []string
	// Names are the terms of the names the article mentions, with repeats;
	// they count NameWeight times a plain term.
	Names []string
	// Date is when the article's events happened as far as it says (its
	// publication date, or the date stamped at the top of its text), or
	// zero when unknown: an undated article is not held to any story's
	// time window, and does not widen one.
	Date time.Time
	// Reported are the days the article's text says its events happened
	// on ("on March 3"), resolved against Date. An article published
	// outside a story's time window may still join it when one of them
	// lies inside: it reports that story's event, later. They do not
	// widen the story's window.
	Reported []time.Time
}

// Defaults of Options.
const (
	DefaultThreshold  = 0.17
	DefaultWindow     = 7 * 24 * time.Hour
	DefaultNameWeight = 1
	DefaultSettle     = 20
)

// TopTerms is how many of its heaviest terms an article keeps.
const TopTerms = 100

// Bounds on the vocabulary, against hostile or garbled input: an article
// counts at most MaxDocTerms distinct terms (the first met; more repeats
// of those still count), and a Clusterer's vocabulary holds at most
// MaxVocab terms (about 64 bytes each with the document frequency, 24
// for its entry in the array of term lists, 48 to 96 for the index that
// finds a term's id, and up to 75 more for the scratch arrays indexed by
// term, 24 of them for the term lists of regroup's Clusterer), after
// which terms it has never seen are left out of new articles: their
// weight is unknown, and a term no stored article has cannot make a new
// one like any of them. Retire drops the terms no held article uses
// (see compact), so a Clusterer that retires reaches the cap only when
// its window holds that many terms. Batch's vocabulary is the pile's own.
const (
	MaxDocTerms = 4096
	MaxVocab    = 1 << 20
)

// Bounds of the candidate search: an article looks up its probeTerms
// heaviest terms, and each term's list keeps its postingCap latest stories.
const (
	probeTerms = 12
	postingCap = 256
)

// Options controls clustering. The zero value uses the defaults.
type Options struct {
	// Threshold is the least cosine between an article and a story's
	// centroid for the article to join it; 0 means DefaultThreshold.
	Threshold float64
	// Window is how far a dated article may lie from the nearest dated
	// article of a story it joins; 0 means DefaultWindow, negative means
	// no limit.
	Window time.Duration
	// NameWeight multiplies the counts of name terms; 0 means
	// DefaultNameWeight.
	NameWeight float64
	// Settle is how many articles after its own an article added to a
	// Clusterer gets its chance to move to a story it has become closer
	// to (see [Clusterer.Add] for the later chances of an article still
	// alone, and [Clusterer.Moves]); 0 means DefaultSettle, negative
	// never. Batch does not use it: it gives every article that chance
	// once all are placed.
	Settle int
}

func (o Options) threshold() float64 {
	if o.Threshold <= 0 {
		return DefaultThreshold
	}
	return o.Threshold
}

func (o Options) window() time.Duration {
	if o.Window == 0 {
		return DefaultWindow
	}
	return o.Window
}

func (o Options) settle() int {
	if o.Settle == 0 {
		return DefaultSettle
	}
	return o.Settle
}

func (o Options) nameWeight() float64 {
	if o.NameWeight <= 0 {
		return DefaultNameWeight
	}
	return o.NameWeight
}

// story is a cluster under construction.
type story struct {
	// The fields a candidate search reads of every story it meets come
	// first, within two cache lines.
	members []int
	dated   int       // members with a date
	first   time.Time // earliest and latest member dates
	last    time.Time

	centroid centroid // sum of member vectors
	norm2    float64  // squared norm of centroid
	// The earliest and latest day any member reports (Doc.Reported), or
	// zero: only widened, so a leave may leave them wider than the
	// members' days (see apart).
	repFirst, repLast time.Time
	tested            int // members at the last split test
}

// scanEntry is what a candidate search reads of each story it meets and
// may score, kept by story number in one array (Clusterer.scan) so that
// a search, which meets a few hundred stories and places the article in
// one, reads one cache line of each rather than following a pointer to
// each story: a copy of its number of members, dated members and their
// span (see sync). 56 bytes.
type scanEntry struct {
	members     int32
	dated       int32
	first, last time.Time
}

// scanMark is what a candidate search reads of every story it meets,
// kept by story number in an array of its own (Clusterer.marks, 8 bytes
// a story, which stays in a near cache): the number of the last search
// that met it, and the clock of its last change. A settling move skips
// the stories that have not changed since it last looked, most of them,
// on this alone.
type scanMark struct {
	mark    int32
	changed int32
}

// sync copies story s's members, dates and span into its scan entry and,
// when they differ from what it held, stamps it with the next clock
// value; it follows every change of a story. A join or a leave changes
// the number of members, so every change of a centroid is stamped too.
func (c *Clusterer) sync(s int) {
	st, e := c.stories[s], &c.scan[s]
	n, dated := int32(len(st.members)), int32(st.dated)
	if e.members == n && e.dated == dated && e.first.Equal(st.first) && e.last.Equal(st.last) {
		return // the same instants: the window tests read no more
	}
	e.members, e.dated, e.first, e.last = n, dated, st.first, st.last
	if c.clock == math.MaxInt32 {
		// Start the clock again: every article is searched in full once.
		c.clock = 0
		clear(c.checked)
		for i := range c.marks {
			c.marks[i].changed = 0
		}
	}
	c.clock++
	c.marks[s].changed = c.clock
}

// nextStamp returns the number of a new search, which marks the stories
// it meets (scanMark.mark); when the numbers run out it clears the marks.
func (c *Clusterer) nextStamp() int32 {
	if c.stamp == math.MaxInt32 {
		c.stamp = 0
		for i := range c.marks {
			c.marks[i].mark = -1
		}
	}
	c.stamp++
	return c.stamp
}

// Clusterer places articles into stories one at a time.
type Clusterer struct {
	opts      Options
	vocab     *vec.Vocab
	df        []int
	lastDoc   []int32 // per term: the article that last counted it, or -1 when retired (see compact)
	n         int
	idf       []float64         // fixed weights (Batch); nil: from df as documents come
	vecs      *arena[vec.Entry] // the docs' vectors (shared with regroup's Clusterer)
	terms     *arena[int32]     // the docs' probe terms (shared likewise)
	docVec    []span            // per doc, in id order: its vector in vecs
	docProbe  []span            // per doc: the ids of its probeTerms heaviest terms, in terms
	dates     []time.Time
	reports   [][]time.Time // Doc.Reported of each doc
	of        []int         // story of each doc
	stories   []*story
	posts     [][]int32   // by term id: the stories of its list, oldest first, or nil (see join)
	subPosts  [][]int32   // for regroup's Clusterer: all nil between calls
	scan      []scanEntry // per story: what a candidate search reads of it
	marks     []scanMark  // per story: what a candidate search reads first
	stamp     int32       // searches so far (see nextStamp)
	touched   int32       // what touchPosts read, kept so that its reads are made
	clock     int32       // story changes so far (see sync)
	checked   []int32     // per doc: the clock when move last left it where it was, or 0
	moves     []Move      // since the last call to Moves
	blocked   []int       // stories the last placement matched outside its window
	recalled  bool        // whether the last placement matched a story by a recalled day
	collect   bool        // whether best fills blocked and recalled
	placing   bool        // whether best is placing a new article (see untimedJoin)
	passAt    int         // Len at which Add makes its next pass
	maxVocab  int         // MaxVocab, lower in tests
	keepVocab bool        // whether Retire never compacts the vocabulary (tests)
	buf       scratch     // for centroid updates
	index     termIndex   // for lookup
	probed    []bool      // by term id, for staysWhole; false between calls
	acc       []float64   // by term id, for staysWhole; zero between calls
	tf        termCounts  // for vector
	vecBuf    vec.Vector  // for vector
	keyBuf    []uint64    // for vector
	topBuf    []vec.Entry // for centroidTop
	topW      []float64   // for centroidTop
	dense     []float64   // for pairDots, by its numbers of the terms; zero between calls
	localOf   []int32     // for pairDots, by term id; zero between calls
	locBuf    []int32     // for pairDots
	pairBuf   []float64   // for pairDots
	spreadBuf spreadVec   // for best (spread)
}

// untimedJoin is the least cosine between an article and a story's
// centroid for a join that time cannot confirm: an undated article
// placed into a story with dated articles, or a dated article placed (or
// moved) into a story without any. Two reports of one kind of event
// (two quakes in one country, two patches of one browser) are often as
// alike as that, and then only their dates tell them apart; when one
// side has none, the content must say more than the plain threshold.
// An undated article may still move by content alone to a dated story
// it suits better than its own, once placed.
const untimedJoin = 0.45

// maxRecheck is how many undated articles of a story Add gives a chance
// to move when an article outside the story's time window matches it.
const maxRecheck = 16

// undated returns up to n of the latest undated members of story s.
func (c *Clusterer) undated(s, n int) []int {
	var out []int
	m := c.stories[s].members
	for i := len(m) - 1; i >= 0 && len(out) < n; i-- {
		if c.dates[m[i]].IsZero() {
			out = append(out, m[i])
		}
	}
	return out
}

// An article still alone in its story gets lateChances more chances to
// move after its first (Options.Settle articles after its own), each
// lateFactor times as many articles after its own as the one before: with
// the default Settle, 80, 320 and 1280 articles after. Each is one
// candidate search, as placing an article is, so Add makes at most
// lateChances of them more than before.
const (
	lateChances = 3
	lateFactor  = 4
)

// Move is an article that left one story for another.
type Move struct {
	Article, From, To int
}

// New returns an empty incremental clusterer.
func New(opts Options) *Clusterer {
	return &Clusterer{opts: opts, vocab: vec.NewVocab(), maxVocab: MaxVocab, vecs: &arena[vec.Entry]{}, terms: &arena[int32]{}}
}

// Len returns the number of articles added.
func (c *Clusterer) Len() int { return len(c.docVec) }

// vec returns the vector of doc k.
func (c *Clusterer) vec(k int) vec.Vector { return c.vecs.at(c.docVec[k]) }

// probe returns the probe terms of doc k.
func (c *Clusterer) probe(k int) []int32 { return c.terms.at(c.docProbe[k]) }

// record stores the next doc's vector, probe terms (spans of c.vecs and
// c.terms), date and reported days, and returns its number; the caller
// sets its story.
func (c *Clusterer) record(v, probe span, date time.Time, rep []time.Time) int {
	id := len(c.docVec)
	c.docVec = append(c.docVec, v)
	c.docProbe = append(c.docProbe, probe)
	c.dates = append(c.dates, date)
	c.reports = append(c.reports, rep)
	return id
}

// Add places d as article number c.Len() and returns the number of its
// story: an existing story's, or a new one (numbered from 0 in order of
// creation). The article placed Options.Settle articles before d then
// gets its one chance to move, as Batch gives every article once all are
// placed: a story's first articles join it while its centroid is still
// raw. The articles placed 4, 16 and 64 times Options.Settle articles
// before d get another chance when they are still alone in their story.
// Such moves are reported by [Clusterer.Moves].
func (c *Clusterer) Add(d Doc) int {
	c.blocked, c.recalled, c.collect = c.blocked[:0], false, true
	c.place(d)
	c.collect = false
	id := c.Len() - 1
	if c.recalled {
		// d ties its story to another by a day one of them recalls (see
		// timesMeet): the two may be one event, reported a year apart.
		c.moves = append(c.moves, c.merge(c.of[id])...)
	}
	// A story that d matched but lies outside d's time window may hold
	// undated articles that joined it before any article of d's event
	// came: each gets a chance to move.
	for _, t := range slices.Clone(c.blocked) {
		for _, k := range c.undated(t, maxRecheck) {
			if from := c.of[k]; c.move(k) {
				c.moves = append(c.moves, Move{Article: k, From: from, To: c.of[k]})
			}
		}
	}
	if settle := c.opts.settle(); settle > 0 {
		// The article placed settle articles ago gets its chance, and
		// those placed lateFactor, lateFactor², ... times as long ago
		// get another while they are still alone: in a mixed arrival
		// order an article often comes well before the rest of its
		// story.
		for j, delay := 0, settle; j <= lateChances; j, delay = j+1, delay*lateFactor {
			k := id - delay
			if k < 0 {
				break
			}
			if j > 0 && len(c.stories[c.of[k]].members) > 1 {
				continue
			}
			if from := c.of[k]; c.move(k) {
				c.moves = append(c.moves, Move{Article: k, From: from, To: c.of[k]})
				c.moves = append(c.moves, c.regroupGrown(c.of[k])...)
			}
		}
	}
	for _, m := range c.regroupGrown(c.of[id]) {
		if m.Article != id { // its story is what Add returns
			c.moves = append(c.moves, m)
		}
	}
	if n := c.Len(); n >= max(c.passAt, passFirst) {
		for _, m := range c.pass() {
			if m.Article != id {
				c.moves = append(c.moves, m)
			}
		}
		c.passAt = n + min(n/4, passWindow/2)
	}
	return c.of[id]
}

// Bounds of the pass Clusterer.Add makes over the latest articles: the
// first once passFirst articles are in, the next each time the pile has
// grown by a quarter, or by half of passWindow once it is larger. A pass
// gives each of the latest passWindow articles a chance to move, then
// regroups the stories they are in that changed since they were last
// regrouped. Its candidate searches come to at most four per article added
// while the pile is under 2*passWindow articles, and two beyond; one
// Add that makes a pass pays up to passWindow of them at once.
const (
	passFirst      = 64
	passWindow     = 2048
	passRegroupMin = 3
)

// pass gives each of the latest passWindow articles a chance to move
// (unless Options.Settle is negative), then regroups each story of three
// or more articles holding them that changed since it was last
// regrouped (see regroupAround), in story order, until it has regrouped
// passWindow articles. It returns the moves made.
func (c *Clusterer) pass() []Move {
	var moves []Move
	lo := max(0, c.Len()-passWindow)
	for k := lo; k < c.Len() && c.opts.settle() > 0; k++ {
		if from := c.of[k]; c.move(k) {
			moves = append(moves, Move{Article: k, From: from, To: c.of[k]})
		}
	}
	var stale []int
	seen := map[int]bool{}
	for k := lo; k < c.Len(); k++ {
		s := c.of[k]
		if !seen[s] && len(c.stories[s].members) != c.stories[s].tested {
			seen[s] = true
			stale = append(stale, s)
		}
	}
	slices.Sort(stale)
	budget := passWindow
	for _, s := range stale {
		// An earlier regrouping may have taken it in; a story of one or
		// two articles has its settling moves.
		if m := len(c.stories[s].members); m != c.stories[s].tested && m >= passRegroupMin && budget > 0 {
			m, n := c.regroupAround(s)
			moves = append(moves, m...)
			budget -= n
		}
	}
	return moves
}

// Moves returns the articles that moved since the last call, in order.
func (c *Clusterer) Moves() []Move {
	m := c.moves
	c.moves = nil
	return m
}

// place adds d to the story it is most similar to, or to a new one.
func (c *Clusterer) place(d Doc) int {
	v, probe := c.vector(d)
	return c.placeVector(v, probe, d.Date, d.Reported)
}

// placeVector adds the article of vector v (with its probe terms, spans
// of c.vecs and c.terms, date and reported days) to the story it is most
// similar to, or to a new one, and returns the story.
func (c *Clusterer) placeVector(v, probe span, date time.Time, rep []time.Time) int {
	id := c.record(v, probe, date, rep)
	c.placing = true
	s, _ := c.best(c.vec(id), c.probe(id), date, rep, -1, 0)
	c.placing = false
	if s < 0 {
		s = c.newStory()
	}
	c.of = append(c.of, s)
	c.join(s, id)
	return s
}

// Stories returns the articles of each story, by article number, in
// order of each story's first article; empty stories are left out.
func (c *Clusterer) Stories() [][]int {
	var out [][]int
	for _, s := range c.stories {
		if len(s.members) > 0 {
			m := slices.Clone(s.members)
			slices.Sort(m)
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	return out
}

// vector returns d's TF-IDF vector, cut to its TopTerms heaviest terms,
// normalized, in id order, and the ids of its probeTerms heaviest terms,
// heaviest first, as spans of c.vecs and c.terms. It counts d in the
// document frequencies first.
func (c *Clusterer) vector(d Doc) (span, span) {
	c.countAll(d.Terms, 1)
	c.countAll(d.Names, c.opts.nameWeight()-1) // a name is also one of Terms
	return c.weigh()
}

// vectorIDs is vector for a Doc whose terms, all in c's vocabulary, have
// the ids ids: those of its Terms (the first nTerms), then of its Names.
func (c *Clusterer) vectorIDs(ids []int32, nTerms int) (span, span) {
	for _, id := range ids[:nTerms] {
		c.countID(id, 1)
	}
	nw := c.opts.nameWeight()
	for _, id := range ids[nTerms:] {
		c.countID(id, nw-1)
	}
	return c.weigh()
}

// weigh ends vector: from the term counts in c.tf, which it clears, it
// returns the article's vector and probe terms (spans of c.vecs and
// c.terms).
func (c *Clusterer) weigh() (span, span) {
	tf := &c.tf
	for len(c.df) < c.vocab.Len() {
		c.df = append(c.df, 0)
	}
	for len(c.lastDoc) < c.vocab.Len() {
		c.lastDoc = append(c.lastDoc, -1)
	}
	c.n++
	if c.idf == nil {
		k := int32(c.Len()) // the number the article will take
		for _, e := range tf.terms {
			c.df[e.ID]++
			c.lastDoc[e.ID] = k
		}
	}
	all := c.vecBuf[:0]
	for _, e := range tf.terms {
		tf.slot[e.ID] = 0
		if e.W <= 0 {
			continue
		}
		f := 1.0 // 1 + math.Log(1), for the many terms met once
		if e.W != 1 {
			f = 1 + math.Log(e.W)
		}
		all = append(all, vec.Entry{ID: e.ID, W: f * c.weight(e.ID)})
	}
	tf.terms = tf.terms[:0]
	c.vecBuf = all
	// The TopTerms heaviest (heavier orders them all, ties by id, so
	// which they are does not depend on the order they come in), in an
	// array of their own (the article keeps it) in id order; of those,
	// the probeTerms heaviest, heaviest first.
	if len(all) > TopTerms {
		selectFirst(all, TopTerms)
		all = all[:TopTerms]
	}
	// In id order (no id twice) by sorting plain numbers, the id above
	// the index in all.
	keys := c.keyBuf[:0]
	for i, e := range all {
		keys = append(keys, uint64(uint32(e.ID))<<32|uint64(i))
	}
	slices.Sort(keys)
	c.keyBuf = keys
	v, vs := c.vecs.alloc(len(all))
	for i, k := range keys {
		v[i] = all[uint32(k)]
	}
	if len(all) > probeTerms {
		selectFirst(all, probeTerms)
		all = all[:probeTerms]
	}
	slices.SortFunc(all, heavier)
	probe, ps := c.terms.alloc(len(all))
	for i, e := range all {
		probe[i] = e.ID
	}
	if n := vec.Vector(v).Norm(); n > 0 {
		for i := range v {
			v[i].W /= n
		}
	}
	return vs, ps
}

// termCounts are the counts of the terms of the article vector is
// weighing, without a map: slot[id] is one more than the index of term
// id in terms, or 0, and vector clears the slots it used.
type termCounts struct {
	terms []vec.Entry // term, count; in the order first met
	slot  []int32     // by term id
}

// countID adds w to the count of term id in c.tf, unless it holds
// MaxDocTerms terms already and not id.
func (c *Clusterer) countID(id int32, w float64) {
	tf := &c.tf
	if int(id) < len(tf.slot) && tf.slot[id] > 0 {
		tf.terms[tf.slot[id]-1].W += w
		return
	}
	if len(tf.terms) >= MaxDocTerms {
		return
	}
	for int(id) >= len(tf.slot) {
		tf.slot = append(tf.slot, make([]int32, max(1024, len(tf.slot)/2))...)
	}
	tf.terms = append(tf.terms, vec.Entry{ID: id, W: w})
	tf.slot[id] = int32(len(tf.terms))
}

// weight is the inverse document frequency of term id.
func (c *Clusterer) weight(id int32) float64 {
	if c.idf != nil && int(id) < len(c.idf) {
		return c.idf[id]
	}
	df := 0
	if int(id) < len(c.df) {
		df = c.df[id]
	}
	return 1 + math.Log(float64(c.n+1)/float64(df+1))
}

// best returns the story most similar to v that may take an article of
// date d reporting the days rep, and the cosine, or -1. It ignores
// story skip, and the stories that have not changed since clock value
// since (see sync) when since is above 0.
func (c *Clusterer) best(v vec.Vector, probe []int32, d time.Time, rep []time.Time, skip int, since int32) (int, float64) {
	me := c.nextStamp()
	q := c.spread(v)
	defer c.unspread(v)
	best, bestSim := -1, c.opts.threshold()
	c.touchPosts(probe)
	for _, id := range probe {
		for _, s32 := range c.postings(id) {
			s := int(s32)
			mk := &c.marks[s]
			if mk.mark == me || s == skip {
				continue
			}
			mk.mark = me
			if mk.changed <= since {
				continue
			}
			e := &c.scan[s]
			if e.members == 0 {
				continue
			}
			st := c.stories[s] // read only past the window
			recalls := false
			if !c.inWindowScan(e, s, d) {
				if recalls = c.reportsOn(st, rep); !recalls {
					// Its undated members may be of d's event rather
					// than of the story's dates: see Add.
					if c.collect && e.dated < e.members && c.cosineSpread(v, q, st) >= c.opts.threshold() {
						c.blocked = append(c.blocked, s)
					}
					continue
				}
			}
			sim := c.cosineSpread(v, q, st)
			if recalls && c.collect && sim >= c.opts.threshold() {
				c.recalled = true // a day d reports lies in its window: see Add
			}
			if untimed(d, st) && (c.placing || !d.IsZero()) && sim < untimedJoin {
				continue
			}
			if sim > bestSim || (sim == bestSim && best >= 0 && s < best) {
				best, bestSim = s, sim
			}
		}
	}
	return best, bestSim
}

// untimed reports whether the date d of an article and the dated
// articles of st cannot confirm or refute each other: one side has a
// date, the other none.
func untimed(d time.Time, st *story) bool { return d.IsZero() != (st.dated == 0) }

// reportsOn reports whether one of the days rep lies within the window
// of st's dated articles.
func (c *Clusterer) reportsOn(st *story, rep []time.Time) bool {
	for _, d := range rep {
		if !d.IsZero() && st.dated > 0 && c.inWindow(st, d) {
			return true
		}
	}
	return false
}

// inWindow reports whether an article of date d may join st: d lies
// within Options.Window of one of st's dated articles. A story whose
// dated articles span more than twice the window (a later report joined
// it by a day it recalls) may have a gap between them that holds d but
// none of its articles' days: then its articles are looked at one by
// one, so that a story of an event and of its trial a year later does
// not take in every report dated in between.
func (c *Clusterer) inWindow(st *story, d time.Time) bool {
	w := c.opts.window()
	if w < 0 || d.IsZero() || st.dated == 0 {
		return true
	}
	if d.Before(st.first.Add(-w)) || d.After(st.last.Add(w)) {
		return false
	}
	if st.last.Sub(st.first) <= 2*w {
		return true
	}
	for _, k := range st.members {
		if dk := c.dates[k]; !dk.IsZero() && !d.Before(dk.Add(-w)) && !d.After(dk.Add(w)) {
			return true
		}
	}
	return false
}

// inWindowScan is inWindow(c.stories[s], d) read from s's scan entry e
// as far as it decides.
func (c *Clusterer) inWindowScan(e *scanEntry, s int, d time.Time) bool {
	w := c.opts.window()
	if w < 0 || d.IsZero() || e.dated == 0 {
		return true
	}
	if d.Before(e.first.Add(-w)) || d.After(e.last.Add(w)) {
		return false
	}
	if e.last.Sub(e.first) <= 2*w {
		return true
	}
	return c.inWindow(c.stories[s], d)
}

// cosine returns the cosine of the unit vector v and st's centroid.
func (c *Clusterer) cosine(v vec.Vector, st *story) float64 {
	if st.norm2 <= 0 {
		return 0
	}
	return st.centroid.dot(v) / math.Sqrt(st.norm2)
}

// cosineSpread is cosine(v, st) for v spread over q (see spread), the
// same value computed in the same order.
func (c *Clusterer) cosineSpread(v vec.Vector, q *spreadVec, st *story) float64 {
	if st.norm2 <= 0 {
		return 0
	}
	return st.centroid.dotSpread(v, q) / math.Sqrt(st.norm2)
}

// join adds doc id to story s.
func (c *Clusterer) join(s, id int) {
	st := c.stories[s]
	st.members = append(st.members, id)
	st.centroid.add(c.vec(id), &st.norm2, &c.buf)
	if d := c.dates[id]; !d.IsZero() {
		if st.dated == 0 || d.Before(st.first) {
			st.first = d
		}
		if st.dated == 0 || d.After(st.last) {
			st.last = d
		}
		st.dated++
	}
	st.widenReported(c.reports[id])
	for _, t := range c.probe(id) {
		if int(t) >= len(c.posts) {
			c.posts = slices.Grow(c.posts, int(t)+1-len(c.posts))
			c.posts = c.posts[:max(int(t)+1, min(cap(c.posts), c.vocabLen()))]
		}
		p := c.posts[t]
		if len(p) > 0 && p[len(p)-1] == int32(s) {
			continue // the story is the term's latest already
		}
		p = append(p, int32(s))
		if len(p) > 2*postingCap {
			p = append(p[:0], p[len(p)-postingCap:]...)
		}
		c.posts[t] = p
	}
	c.sync(s)
}

// touchPosts reads the term lists of the terms probe, and the first
// entry of each, before a search reads them one after the other: the
// array of lists is as long as the vocabulary, so each read is mostly a
// miss of the caches, and a search's loop over a list's stories is too
// long for the processor to reach the next list's read before it ends.
// The reads do not depend on each other, so they are fetched at once.
func (c *Clusterer) touchPosts(probe []int32) {
	var n int32
	for _, id := range probe {
		if int(id) < len(c.posts) {
			if p := c.posts[id]; len(p) > 0 {
				n |= p[0]
			}
		}
	}
	c.touched = n
}

// postings returns the list of the latest stories of term id (see join).
func (c *Clusterer) postings(id int32) []int32 {
	if int(id) < len(c.posts) {
		return c.posts[id]
	}
	return nil
}

// leave takes doc id out of its story. The story's time span is kept: it
// only matters while the story grows.
func (c *Clusterer) leave(id int) {
	st := c.stories[c.of[id]]
	i := slices.Index(st.members, id)
	st.members = slices.Delete(st.members, i, i+1)
	st.centroid.sub(c.vec(id), len(st.members) == 0, &st.norm2, &c.buf)
	if len(st.members) == 0 {
		st.norm2 = 0
	}
	if !c.dates[id].IsZero() {
		st.dated--
	}
	c.sync(c.of[id])
}

// batchPasses is the most reassignment passes Batch makes; it stops
// sooner when a pass moves nothing.
const batchPasses = 3

// Batch clusters docs and returns the stories as Clusterer.Stories does.
// It weighs terms over the whole pile, adds the articles in date order
// (undated ones last, ties in input order), then gives each article, in
// the same order, a chance to move to a story it is closer to, pass after
// pass (at most batchPasses) until none moves.
func Batch(docs []Doc, opts Options) [][]int {
	c, order, ids := weighedIDs(docs, opts)
	for _, i := range order {
		d := docs[i]
		v, probe := c.vectorIDs(ids[i], len(d.Terms))
		c.placeVector(v, probe, d.Date, d.Reported)
	}
	return c.finish(order)
}

// finish ends a batch grouping of the documents placed in order: settles
// them, splits and merges each story once, and returns the stories as
// sorted lists of the indices in order, ordered by their first index.
func (c *Clusterer) finish(order []int) [][]int {
	c.settleAll(len(order))
	for s := range len(c.stories) {
		c.split(s)
	}
	for s := range len(c.stories) {
		c.merge(s)
	}
	stories := c.Stories()
	for _, s := range stories {
		for j, k := range s {
			s[j] = order[k]
		}
		slices.Sort(s)
	}
	slices.SortFunc(stories, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	return stories
}

// settleAll gives each of the first n articles, in order, a chance to
// move, pass after pass (at most batchPasses) until none moves.
func (c *Clusterer) settleAll(n int) {
	for range batchPasses {
		moved := false
		for k := range n {
			moved = c.move(k) || moved
		}
		if !moved {
			break
		}
	}
}

// weighed returns an empty clusterer whose term weights come from the
// whole of docs, and the order (by date, undated last, ties in input
// order) in which Batch adds them.
func weighed(docs []Doc, opts Options) (*Clusterer, []int) {
	c, order, _ := weighedIDs(docs, opts)
	return c, order
}

// weighedIDs is weighed, and also returns the term ids of each of docs
// (of its Terms, then of its Names), for vectorIDs: each term is looked
// up once.
func weighedIDs(docs []Doc, opts Options) (*Clusterer, []int, [][]int32) {
	c := New(opts)
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return news.CompareDates(docs[a].Date, docs[b].Date) })
	// Ids in the order Add will meet the terms, so that idf lines up;
	// one array for all.
	total := 0
	for _, d := range docs {
		total += len(d.Terms) + len(d.Names)
	}
	all := make([]int32, 0, total)
	ids := make([][]int32, len(docs))
	for _, i := range order {
		from := len(all)
		for _, t := range docs[i].Terms {
			all = append(all, c.vocab.ID(t))
		}
		for _, t := range docs[i].Names {
			all = append(all, c.vocab.ID(t))
		}
		ids[i] = all[from:len(all):len(all)]
	}
	// Document frequencies of the Terms, each counted once per document:
	// seen[id] is one more than the last document that counted id.
	df := make([]int32, c.vocab.Len())
	seen := make([]int32, c.vocab.Len())
	for i, d := range docs {
		for _, id := range ids[i][:len(d.Terms)] {
			if seen[id] != int32(i+1) {
				seen[id] = int32(i + 1)
				df[id]++
			}
		}
	}
	c.idf = make([]float64, c.vocab.Len())
	for id := range c.idf {
		c.idf[id] = 1 + math.Log(float64(len(docs)+1)/float64(df[id]+1))
	}
	return c, order, ids
}

// move takes article k to the story whose centroid (without k) is most
// similar to it, when that beats its own story's, and reports whether it
// moved.
//
// When k stayed at its last chance and its story has not changed since,
// only the stories that changed since are scored: each of the others
// scored no more than k's own story (or the threshold) then, and does
// now, so the answer is the same as scoring all.
func (c *Clusterer) move(k int) bool {
	own := c.of[k]
	for len(c.checked) < c.Len() {
		c.checked = append(c.checked, 0)
	}
	since := c.checked[k]
	if since > 0 && c.marks[own].changed > since {
		since = 0
	}
	v := c.vec(k)
	s, sim := c.best(v, c.probe(k), c.dates[k], c.reports[k], own, since)
	if s >= 0 && len(c.stories[own].members) > 1 {
		// Its cosine to its own story without it, as leaving would
		// make it: when it stays, the story is left as it is. (A
		// singleton's own centroid is itself; any story above the
		// threshold is better.)
		stay := 0.0
		if dot, n2 := c.stories[own].centroid.dotWithout(v, c.stories[own].norm2); n2 > 0 {
			stay = dot / math.Sqrt(n2)
		}
		if sim <= stay {
			s = -1
		}
	}
	if s < 0 {
		c.checked[k] = c.clock
		return false
	}
	c.checked[k] = 0
	c.leave(k)
	c.of[k] = s
	c.join(s, k)
	return true
}
