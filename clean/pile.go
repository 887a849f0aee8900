package clean

import (
	"hash/maphash"
	"slices"
	"strings"
	"sync"

	"tidings/news"
)

// Pile is the evidence a pile of pages gives beyond each page: the blocks
// that recur on several of its pages of copied text. A page copied out of
// a browser carries its site's menu, footer, sidebar headlines, job ads and
// pleas; the same blocks come back, word for word and in the same order,
// on the site's other pages in the pile, while an article's own paragraphs
// come back only on a copy or a close version of the same story.
//
// Cleaning a page with a Pile ([Options.Pile], [Pile.Article]) drops a
// block of under 20 words that the page's own evidence kept when
//   - it recurs on another page of the pile together with the block before
//     or after it (furniture comes in runs; a generic subheading alone,
//     such as "Conclusion", does not count),
//   - that other page is not a partner: a page holding at least 30 % of
//     the words of this page's article paragraphs of 20 words or more (a
//     wire copy, a version of the same story), and
//   - fewer than half of its content terms occur in the article's blocks
//     that do not recur (a sidebar headline, a job ad or a newsletter plea
//     shares little with the story; a background paragraph reused by the
//     same site does), and
//   - it lies before or after the article's blocks that do not recur, or
//     in a run of three or more such blocks that recur in a row (a box of
//     furniture inside the article; a site reuses a sentence or two of
//     background in its follow-ups).
//
// Its kind is then [Navigation] for a block of a few words and [Promotion]
// otherwise, and its rule "pile-repeat". The page's title, its densest
// block and its last words of article are never dropped so, nor are longer
// blocks (a reused background paragraph brings new terms; a site's long
// furniture, a cookie notice, is the rules' to find).
//
// A Pile counts lines (copied text has a block a line, but for wrapped
// prose, which is long) and each two non-blank lines in a row. Only copied
// text adds lines: an HTML page's furniture is told by its markup.
// Identical pages count once. A Pile holds at most 262,144 distinct lines
// and pairs (about 25 MB); later ones are not counted. The zero
// value is not usable; make one with [NewPile]. Its methods may be called
// from several goroutines at once.
type Pile struct {
	seed maphash.Seed
	mu   sync.RWMutex
	// seen maps the hash of a block, or of two blocks in a row, to the
	// pages it was found on.
	seen map[uint64]pilePages
	// shared counts the lines and pairs found on more than one page.
	shared int
}

// pilePages names the first pileKeep distinct pages a block was found on
// (their hashes) and counts the pages in all.
type pilePages struct {
	page [pileKeep]uint64
	n    int32
}

// listed returns the pages e names.
func (e *pilePages) listed() []uint64 { return e.page[:min(int(e.n), pileKeep)] }

// pileKeep is how many pages a block's entry names: enough to tell the
// partners of a page (its copies) from the pages of other stories.
const pileKeep = 8

// maxPileBlocks bounds the distinct blocks and pairs a Pile holds.
const maxPileBlocks = 1 << 18

// maxPileBlockBytes is the longest block a Pile counts.
const maxPileBlockBytes = 2000

// NewPile returns an empty pile with room for about lines lines of text
// (0 when not known).
func NewPile(lines int) *Pile {
	return &Pile{seed: maphash.MakeSeed(), seen: make(map[uint64]pilePages, min(2*lines, maxPileBlocks))}
}

// Add adds a page to the pile: with opts.HTML it adds nothing. It counts
// the page's lines (copied text has a block a line, but for wrapped
// prose) and each two non-blank lines in a row.
func (p *Pile) Add(raw string, opts Options) {
	if opts.HTML || raw == "" {
		return
	}
	page := maphash.String(p.seed, raw)
	p.mu.Lock()
	defer p.mu.Unlock()
	prev := uint64(0)
	for rest := raw; rest != ""; {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		h := p.lineHash(line)
		if h == 0 {
			continue
		}
		p.count(h, page)
		if prev != 0 {
			p.count(pairHash(prev, h), page)
		}
		prev = h
	}
}

// count records that page holds the line (or pair) of hash h; p.mu is
// held.
func (p *Pile) count(h, page uint64) {
	e, ok := p.seen[h]
	if !ok && len(p.seen) >= maxPileBlocks {
		return
	}
	if slices.Contains(e.listed(), page) {
		return
	}
	if e.n < pileKeep {
		e.page[e.n] = page
	}
	if e.n == 1 {
		p.shared++
	}
	e.n++
	p.seen[h] = e
}

// lineHash is the hash of a line's words joined by single spaces (a
// copy whose spacing differs, tabs, two spaces or a no-break space,
// hashes the same), or 0 for a blank line or one over
// maxPileBlockBytes. Most lines are spaced singly already and are hashed
// as they are.
func (p *Pile) lineHash(line string) uint64 {
	if len(line) > maxPileBlockBytes {
		return 0
	}
	if line = strings.TrimSpace(line); line == "" {
		return 0
	}
	if singleSpaced(line) {
		return maphash.String(p.seed, line) | 1
	}
	var h maphash.Hash
	h.SetSeed(p.seed)
	sep := false
	for w := range strings.FieldsSeq(line) {
		if sep {
			h.WriteByte(' ')
		}
		h.WriteString(w)
		sep = true
	}
	return h.Sum64() | 1
}

// pairHash is the hash of two blocks in a row, of hashes a and b.
func pairHash(a, b uint64) uint64 {
	return a*0x9e3779b97f4a7c15 ^ (b<<29 | b>>35) ^ 0x5bd1e995
}

// entry returns the pages that hold the line (or pair) of hash h; p.mu
// is held for reading.
func (p *Pile) entry(h uint64) pilePages { return p.seen[h] }

// Article is [Article] for a page of the pile: a.Raw cleaned with the
// pile's evidence. Its method value is a cleaner for a pipeline.
func (p *Pile) Article(a *news.Article) ([]Drop, error) {
	return article(a, p)
}

// Clean is [Clean] with opts.Pile set to p.
func (p *Pile) Clean(raw string, opts Options) (Result, error) {
	opts.Pile = p
	return Clean(raw, opts)
}

// pileLongWords is the fewest words of a block the pile never drops.
const pileLongWords = 20

// pileNavWords is the most words of a dropped recurring block labelled
// Navigation rather than Promotion.
const pileNavWords = 4

// relabelPile drops the article blocks of res that recur on other pages
// of pile as furniture does (see [Pile]); raw is the page as added.
func relabelPile(res *Result, pile *Pile, raw string) {
	if pile == nil {
		return
	}
	page := maphash.String(pile.seed, raw)
	kept := 0
	dense, most := -1, 0
	for i := range res.Blocks {
		b := &res.Blocks[i]
		if !b.Kind.InArticle() {
			continue
		}
		kept += b.words()
		if w := b.prose(); w > most {
			dense, most = i, w
		}
	}
	// Each one-line block's hash (0 for others: a block the pile drops
	// is one line), the pages it is on, and the hashes of each block's
	// first and last lines, for the pairs. The words of the article each
	// other page holds: long counts the article's words in blocks of
	// pileLongWords or more, shared the words of those blocks' lines each
	// other page holds (copies share their long paragraphs; furniture is
	// short).
	pile.mu.RLock()
	defer pile.mu.RUnlock()
	if pile.shared == 0 {
		return
	}
	hs := make([]uint64, len(res.Blocks))
	ends := make([][2]uint64, len(res.Blocks))
	on := make([]pilePages, len(res.Blocks))
	shared, long := map[uint64]int{}, 0
	for i, b := range res.Blocks {
		text := raw[b.Start:b.End]
		nl := strings.IndexByte(text, '\n')
		if nl < 0 {
			hs[i] = pile.lineHash(text)
			ends[i] = [2]uint64{hs[i], hs[i]}
			if b.Kind.InArticle() {
				on[i] = pile.entry(hs[i])
			}
		} else {
			ends[i] = [2]uint64{pile.lineHash(text[:nl]), pile.lineHash(text[strings.LastIndexByte(text, '\n')+1:])}
		}
	}
	// Only a short article block found on another page can be dropped.
	maybe := false
	for i, b := range res.Blocks {
		if on[i].n > 1 && b.words() < pileLongWords {
			maybe = true
			break
		}
	}
	if !maybe {
		return
	}
	for i, b := range res.Blocks {
		w := b.words()
		if !b.Kind.InArticle() || w < pileLongWords {
			continue
		}
		text := raw[b.Start:b.End]
		nl := strings.IndexByte(text, '\n')
		long += w
		if nl < 0 {
			share(shared, on[i], page, w)
			continue
		}
		for line := range strings.SplitSeq(text, "\n") {
			if e := pile.entry(pile.lineHash(line)); e.n > 1 {
				share(shared, e, page, wordCount(line))
			}
		}
	}
	partner := func(q uint64) bool { return q == page || long > 0 && 10*shared[q] >= 3*long }
	// strangers counts the pages of e that are not partners (those past
	// the listed ones count too).
	strangers := func(e pilePages) int {
		n := int(e.n) - len(e.listed())
		for _, q := range e.listed() {
			if !partner(q) {
				n++
			}
		}
		return n
	}
	inRun := func(i, j int) bool {
		if i < 0 || j >= len(hs) {
			return false
		}
		a, b := ends[i][1], ends[j][0]
		return a != 0 && b != 0 && strangers(pile.entry(pairHash(a, b))) > 0
	}
	var cand []int
	isCand := make([]bool, len(res.Blocks))
	for i, b := range res.Blocks {
		if !b.Kind.InArticle() || i == dense || hs[i] == 0 || b.words() >= pileLongWords {
			continue
		}
		if strangers(on[i]) > 0 && (inRun(i-1, i) || inRun(i, i+1)) {
			cand = append(cand, i)
			isCand[i] = true
		}
	}
	if len(cand) == 0 {
		return
	}
	// Inside the article (between two kept blocks that do not recur) a
	// candidate must be in a run of pileCoreRun candidates that recur in
	// a row: a box of furniture has several lines, while a site reuses a
	// sentence or two of background in its follow-ups.
	first, last := -1, -1
	for i, b := range res.Blocks {
		if b.Kind.InArticle() && !isCand[i] {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	kept2 := cand[:0]
	for k := 0; k < len(cand); {
		// cand[k:j] is a run: candidates in a row that recur in a row.
		j := k + 1
		for j < len(cand) && cand[j] == cand[j-1]+1 && inRun(cand[j-1], cand[j]) {
			j++
		}
		for _, i := range cand[k:j] {
			if i < first || i > last || j-k >= pileCoreRun {
				kept2 = append(kept2, i)
			} else {
				isCand[i] = false
			}
		}
		k = j
	}
	cand = kept2
	// Each candidate is held against the article's blocks that are not
	// candidates, so that recurring furniture cannot vouch for itself.
	inArticle := map[string]bool{}
	for i, b := range res.Blocks {
		if b.Kind.InArticle() && !isCand[i] {
			for _, t := range contentTerms(b.Text) {
				inArticle[t] = true
			}
		}
	}
	changed := false
	for _, i := range cand {
		b := &res.Blocks[i]
		ts := distinct(contentTerms(b.Text))
		n := 0
		for _, t := range ts {
			if inArticle[t] {
				n++
			}
		}
		if len(ts) > 0 && 2*n >= len(ts) || kept-b.words() < minArticleWords {
			continue
		}
		kept -= b.words()
		b.Kind, b.Rule = Promotion, "pile-repeat"
		if b.words() <= pileNavWords {
			b.Kind = Navigation
		}
		changed = true
	}
	if changed {
		assemble(res)
	}
}

// share adds w to shared[q] for each page q of e but page.
func share(shared map[uint64]int, e pilePages, page uint64, w int) {
	for _, q := range e.listed() {
		if q != page {
			shared[q] += w
		}
	}
}

// pileCoreRun is the fewest recurring blocks in a row the pile drops
// inside the article.
const pileCoreRun = 3

// distinct returns the distinct strings of ts, in their first order; it
// reuses ts.
func distinct(ts []string) []string {
	out := ts[:0]
	seen := make(map[string]bool, len(ts))
	for _, t := range ts {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}
