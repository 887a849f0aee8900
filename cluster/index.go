package cluster

import "hash/maphash"

// lookupChunk is how many terms countAll hashes before it looks any of
// them up.
const lookupChunk = 64

// countAll adds w to the count of each of terms in c.tf, in order, as
// countID does, except a new term when c.tf holds MaxDocTerms terms
// already or the vocabulary holds maxVocab terms: that one is left out.
// It looks the terms up lookupChunk at a time, the hashes of a chunk
// first: the words of an article lie anywhere in memory and so do their
// slots in the index, and hashing them all before reading any slot lets
// the processor wait for many of those reads at once rather than for
// one after the other.
func (c *Clusterer) countAll(terms []string, w float64) {
	var hs [lookupChunk]uint64
	for len(terms) > 0 {
		chunk := terms[:min(len(terms), lookupChunk)]
		terms = terms[len(chunk):]
		c.syncIndex()
		for i, t := range chunk {
			hs[i] = c.index.hash(t)
		}
		c.index.touch(hs[:len(chunk)])
		for i, t := range chunk {
			id, ok := c.lookupHash(t, hs[i])
			if !ok {
				if len(c.tf.terms) >= MaxDocTerms || c.vocab.Len() >= c.maxVocab {
					continue
				}
				id = c.vocab.ID(t)
			}
			c.countID(id, w)
		}
	}
}

// termIndex finds the id of a term in the vocabulary by open addressing
// with linear probing over slots that hold the term's bytes: a look-up
// hashes the term once and mostly reads one cache line, where the
// vocabulary's map hashes it again and follows a pointer to its own copy
// of the term, far off in memory. Terms longer than termInline bytes are
// compared with the vocabulary's copy. It holds a slot for every two to
// four terms of the vocabulary (24 bytes each), and indexes the terms
// the vocabulary gained since the last look-up before each.
type termIndex struct {
	seed   maphash.Seed
	seeded bool
	slots  []termSlot // a power of two of them, or none
	used   int        // ids indexed: 0 to used-1
	// touched is what touch read, kept so that its reads are made.
	touched uint8
}

// termSlot is one term of a termIndex: its bytes, one more than its
// length (0 for an empty slot, termLong for a term longer than
// termInline) and its id. 24 bytes.
type termSlot struct {
	key [termInline]byte
	n   uint8
	id  int32
}

const (
	termInline = 19
	termLong   = 255
)

// lookup returns the id of term t and whether the vocabulary knows it,
// as c.vocab.Lookup does.
func (c *Clusterer) lookup(t string) (int32, bool) {
	c.syncIndex()
	return c.lookupHash(t, c.index.hash(t))
}

// syncIndex indexes the terms the vocabulary gained since the last call,
// and seeds the index's hash.
func (c *Clusterer) syncIndex() {
	ti := &c.index
	if !ti.seeded {
		ti.seed, ti.seeded = maphash.MakeSeed(), true
	}
	for ti.used < c.vocab.Len() {
		c.indexTerm(int32(ti.used))
		ti.used++
	}
}

// touch reads the first slot of each of the hashes hs, in a loop
// without branches whose reads do not depend on each other, so that the
// processor fetches the slots of a chunk from memory all at once: the
// look-ups that follow, whose branches depend on what they read, would
// otherwise wait for each slot in turn (the slots of a large vocabulary
// are far beyond the caches, those of a rare term seldom in them).
func (ti *termIndex) touch(hs []uint64) {
	if len(ti.slots) == 0 {
		return
	}
	mask := uint64(len(ti.slots) - 1)
	var n uint8
	for _, h := range hs {
		n |= ti.slots[h&mask].n
	}
	ti.touched = n
}

// hash returns the hash of term t in ti (seeded: see syncIndex).
func (ti *termIndex) hash(t string) uint64 { return maphash.String(ti.seed, t) }

// lookupHash is lookup for a term whose hash h is known, after a call to
// syncIndex (the terms the vocabulary gained since are indexed first).
func (c *Clusterer) lookupHash(t string, h uint64) (int32, bool) {
	ti := &c.index
	for ti.used < c.vocab.Len() {
		c.indexTerm(int32(ti.used))
		ti.used++
	}
	if len(ti.slots) == 0 {
		return 0, false
	}
	n := uint8(termLong)
	if len(t) <= termInline {
		n = uint8(len(t) + 1)
	}
	mask := uint64(len(ti.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &ti.slots[i]
		switch {
		case sl.n == 0:
			return 0, false
		case sl.n != n:
		case n == termLong:
			if c.vocab.Term(sl.id) == t {
				return sl.id, true
			}
		case string(sl.key[:n-1]) == t:
			return sl.id, true
		}
	}
}

// indexTerm adds term id of the vocabulary to c.index, which it doubles
// (from 1,024 slots) when that would fill more than half of it.
func (c *Clusterer) indexTerm(id int32) {
	ti := &c.index
	if 2*(int(id)+1) > len(ti.slots) {
		if !ti.seeded {
			ti.seed, ti.seeded = maphash.MakeSeed(), true
		}
		ti.slots = make([]termSlot, max(1024, 2*len(ti.slots)))
		for old := range id {
			c.placeTerm(old)
		}
	}
	c.placeTerm(id)
}

// placeTerm writes term id into the first free slot of its probe
// sequence in c.index.
func (c *Clusterer) placeTerm(id int32) {
	ti := &c.index
	t := c.vocab.Term(id)
	mask := uint64(len(ti.slots) - 1)
	i := maphash.String(ti.seed, t) & mask
	for ti.slots[i].n != 0 {
		i = (i + 1) & mask
	}
	sl := &ti.slots[i]
	sl.id = id
	if len(t) > termInline {
		sl.n = termLong
		return
	}
	sl.n = uint8(len(t) + 1)
	copy(sl.key[:], t)
}
