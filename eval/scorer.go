package eval

import "fmt"

// A Scorer scores many peers under one option set, keeping what repeats:
// the stem of every word it has seen, and, in [Models], the tokenized and
// counted references of a topic, so a table of systems scored against the
// same references tokenizes each reference once. Figures are those of
// [Evaluate]. A Scorer is not safe for concurrent use.
type Scorer struct {
	o   Options
	res *Resources
	tk  tokenizer
	// Buffers reused by Evaluate: the peer's token numbers, its unit
	// numbers at two n-gram lengths, its count of each unit number and the
	// numbers it has.
	peerIDs          []uint32
	prev, cur        []int32
	scratch, touched []int32
}

// NewScorer returns a Scorer for o. res may be nil when neither Stem nor
// Stop is set; otherwise it returns an error.
func NewScorer(o Options, res *Resources) (*Scorer, error) {
	if (o.Stem || o.Stop) && res == nil {
		return nil, fmt.Errorf("eval: -m and -s need ROUGE's data files (see LoadResources)")
	}
	s := &Scorer{o: o, res: res}
	s.tk = tokenizer{o: o, res: res}
	if o.Stem {
		s.tk.stems = map[string]string{}
	}
	return s, nil
}

// Models are the model (reference) summaries of one topic, tokenized and
// counted by a Scorer, ready to score any number of peers.
type Models struct {
	sc *Scorer
	ms []summary
	// vocab numbers the models' tokens from 1; a peer token outside it
	// (0) is in no model unit.
	vocab map[string]uint32
	// grams[n-1] numbers and counts the models' n-grams; skip their
	// skip-grams (when o.Skip >= 0).
	grams []units
	skip  units
}

// units are the distinct units (n-grams or skip-grams) of a set of
// models, numbered densely, with each model's count of each and its total.
//
// Unigram i is token number i+1. An n-gram is keyed by the number of its
// first n-1 tokens' (n-1)-gram and its last token's number, so a peer
// n-gram is looked up only when its prefix is a model (n-1)-gram. A
// skip-gram is keyed by its two token numbers (a<<32 | b), a unigram of
// ROUGE-SU by its token number alone (no token number is 0).
type units struct {
	index  map[uint64]int32 // nil for unigrams
	size   int
	counts [][]int32 // [model][unit number]
	totals []int     // [model]: units counted, distinct or not
}

// Models tokenizes and counts texts (one sentence per line, as
// ROUGE-1.5.5's SPL input). It returns an error when texts is empty.
func (s *Scorer) Models(texts []string) (*Models, error) {
	if len(texts) == 0 {
		return nil, fmt.Errorf("eval: no model summaries")
	}
	m := &Models{sc: s, ms: make([]summary, len(texts)), vocab: map[string]uint32{}}
	for i, t := range texts {
		m.ms[i] = s.tk.summary(t)
		for _, tok := range m.ms[i].tokens {
			if _, ok := m.vocab[tok]; !ok {
				m.vocab[tok] = uint32(len(m.vocab) + 1)
			}
		}
	}
	ids := make([][]uint32, len(m.ms))
	for i, ms := range m.ms {
		ids[i] = m.ids(ms.tokens, nil)
	}
	// idx[j] holds, for model j, the unit number at each position.
	idx := make([][]int32, len(ids))
	for n := 1; n <= s.o.N; n++ {
		u := units{size: len(m.vocab)}
		if n > 1 {
			u.index = map[uint64]int32{}
		}
		for j := range ids {
			idx[j] = u.ngrams(idx[j], ids[j], n, true, nil)
		}
		u.tally(idx)
		m.grams = append(m.grams, u)
	}
	if s.o.Skip >= 0 {
		u := units{index: map[uint64]int32{}}
		for j := range ids {
			idx[j] = u.skipGrams(ids[j], s.o.Skip, s.o.SU, true, nil)
		}
		u.tally(idx)
		m.skip = u
	}
	return m, nil
}

// tally counts each model's units from their numbers at each position.
func (u *units) tally(idx [][]int32) {
	u.counts = make([][]int32, len(idx))
	u.totals = make([]int, len(idx))
	for j, is := range idx {
		c := make([]int32, u.size)
		for _, i := range is {
			c[i]++ // models have no unknown unit
		}
		u.counts[j] = c
		u.totals[j] = len(is)
	}
}

// ngrams returns, in dst, the number of the n-gram at each start position
// of ids (-1 for one in no model), given prev, the (n-1)-gram numbers
// (ignored for n = 1). With add, unknown n-grams are numbered (models).
func (u *units) ngrams(prev []int32, ids []uint32, n int, add bool, dst []int32) []int32 {
	dst = dst[:0]
	for i := 0; i+n <= len(ids); i++ {
		last := ids[i+n-1]
		switch {
		case n == 1:
			dst = append(dst, int32(last)-1) // -1 for token 0
			continue
		case last == 0 || prev[i] < 0:
			dst = append(dst, -1)
			continue
		}
		dst = append(dst, u.lookup(uint64(prev[i])<<32|uint64(last), add))
	}
	return dst
}

// skipGrams returns the numbers of every ordered pair with at most skip
// tokens between them, plus, for su, of every unigram (-1 for a unit in no
// model). As in ROUGE-1.5.5, the last token starts no unit: its unigram is
// never counted. With add, unknown units are numbered (models).
func (u *units) skipGrams(ids []uint32, skip int, su, add bool, dst []int32) []int32 {
	dst = dst[:0]
	for i := 0; i+1 < len(ids); i++ {
		a := ids[i]
		if su {
			if a == 0 {
				dst = append(dst, -1)
			} else {
				dst = append(dst, u.lookup(uint64(a), add))
			}
		}
		for j := i + 1; j <= i+skip+1 && j < len(ids); j++ {
			if a == 0 || ids[j] == 0 {
				dst = append(dst, -1)
				continue
			}
			dst = append(dst, u.lookup(uint64(a)<<32|uint64(ids[j]), add))
		}
	}
	return dst
}

// lookup returns the number of unit key, numbering it first with add;
// -1 when it is unknown and add is false.
func (u *units) lookup(key uint64, add bool) int32 {
	if i, ok := u.index[key]; ok {
		return i
	}
	if !add {
		return -1
	}
	i := int32(u.size)
	u.index[key] = i
	u.size++
	return i
}

// ids numbers tokens by the models' vocabulary, 0 for a token in no model,
// appending to dst.
func (m *Models) ids(toks []string, dst []uint32) []uint32 {
	for _, t := range toks {
		dst = append(dst, m.vocab[t])
	}
	return dst
}

// Evaluate scores peer (one sentence per line) against m, which must come
// from s.
func (s *Scorer) Evaluate(peer string, m *Models) Result {
	o := s.o
	p := s.tk.summary(peer)
	s.peerIDs = m.ids(p.tokens, s.peerIDs[:0])
	out := Result{Names: o.Metrics()}
	for n := 1; n <= o.N; n++ {
		u := &m.grams[n-1]
		s.prev, s.cur = s.cur, u.ngrams(s.cur, s.peerIDs, n, false, s.prev)
		out.Scores = append(out.Scores, s.pooled(u, s.cur))
	}
	if o.LCS {
		out.Scores = append(out.Scores, o.lcsScore(p, m.ms, 0))
	}
	if o.W > 0 {
		out.Scores = append(out.Scores, o.lcsScore(p, m.ms, o.W))
	}
	if o.Skip >= 0 {
		s.prev = m.skip.skipGrams(s.peerIDs, o.Skip, o.SU, false, s.prev)
		out.Scores = append(out.Scores, s.pooled(&m.skip, s.prev))
	}
	return out
}

// pooled scores count-based metrics from the peer's unit numbers (-1 for
// a unit in no model): pooled over models for -f A, the best model by
// rounded recall for -f B.
func (s *Scorer) pooled(u *units, peer []int32) Score {
	if len(peer) == 0 {
		return Score{}
	}
	if cap(s.scratch) < u.size {
		s.scratch = make([]int32, u.size)
	}
	pc := s.scratch[:u.size]
	touched := s.touched[:0]
	for _, i := range peer {
		if i < 0 {
			continue
		}
		if pc[i] == 0 {
			touched = append(touched, i)
		}
		pc[i]++
	}
	// hits is the clipped overlap of the peer with model j.
	hits := func(j int) int {
		h := 0
		for _, i := range touched {
			h += int(min(pc[i], u.counts[j][i]))
		}
		return h
	}
	var sc Score
	if s.o.BestModel {
		bestR := -1.0
		for j := range u.counts {
			h := hits(j)
			if r := s.o.score(float64(h), float64(u.totals[j]), float64(h), float64(len(peer))); r.R > bestR {
				sc, bestR = r, r.R
			}
		}
	} else {
		h, total := 0, 0
		for j := range u.counts {
			h += hits(j)
			total += u.totals[j]
		}
		sc = s.o.score(float64(h), float64(total), float64(h), float64(len(u.counts)*len(peer)))
	}
	for _, i := range touched {
		pc[i] = 0
	}
	s.touched = touched
	return sc
}
