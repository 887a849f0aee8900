package ner

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"sync"
)

// Model is a trained tagger. Its zero value tags every token O. Its
// methods may be called from several goroutines at once.
type Model struct {
	index   map[uint32]int32 // feature hash -> row of weights
	weights []float32        // nLabels per row
	gaz     *gazetteer
	lists   Gazetteer
	// words are the model's vocabulary: the word forms the training data
	// wrote most (as written), whose scores pack computes once (vocab,
	// found through known) so that tagging them is one look-up.
	words   []string
	known   wordIndex
	vocab   []wordScores
	rows    transRows // the trans of vocab
	table   *table    // index and weights packed for tagging (see pack)
	scratch sync.Pool // *Tagger, the buffers of Tag
}

// table is an open-addressing hash table from feature hash to its
// weights, quantised to 16 bits: it is what Tag reads, a few times
// smaller and faster than the map, each look-up reading one slot.
type table struct {
	slots []slot // by mix(hash), linear probing; key 0: empty
	// filter has the bit filterBit(mix(h)) set for every feature h in
	// slots: most features looked up are not in the model (a bigram seen
	// in no training sentence), and one read of filter (64 kB, kept in
	// cache) tells most of them apart without reading slots (3 MB).
	filter *[filterWords]uint64
	zero   *weights // the weights of the feature of hash 0, or nil
	mask   uint32
	// moves are the weights of the label-before-alone features
	// (transitionOnly), by label before (-1 first) and label; noPairs is
	// the transRow of a word with no feature pairing it with the label
	// before.
	moves   moveRow
	noPairs transRow
	pairs   pairTable
	ctx     contextTables
}

// weights are the quantised weights of a feature, by label.
type weights [nLabels]int16

// slot is a feature hash and its weights in the table.
type slot struct {
	key uint32
	w   weights
}

// scale is the step of m's weights stored as 16-bit integers: the
// largest magnitude maps to 32767 (1 when every weight is 0).
func (m *Model) scale() float32 {
	var maxAbs float32
	for _, x := range m.weights {
		maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
	}
	if scale := maxAbs / 32767; scale != 0 {
		return scale
	}
	return 1
}

// quantised is the weights of feature row r in steps of scale.
func (m *Model) quantised(r int32, scale float32) (w weights) {
	for l, x := range m.weights[int(r)*nLabels : int(r+1)*nLabels] {
		w[l] = int16(math.Round(float64(x / scale)))
	}
	return w
}

// pack builds the table of m.
func (m *Model) pack() {
	size := 1
	for size < 2*len(m.index) {
		size *= 2
	}
	t := &table{slots: make([]slot, size), mask: uint32(size - 1), filter: new([filterWords]uint64)}
	scale := m.scale()
	feats := make([]feature, 0, len(m.index))
	for h, r := range m.index {
		feats = append(feats, feature{h, m.quantised(r, scale)})
	}
	// In hash order: the same table whatever the map order.
	slices.SortFunc(feats, func(a, b feature) int { return cmp.Compare(a.h, b.h) })
	for _, f := range feats {
		if f.h == 0 {
			w := f.w
			t.zero = &w
			continue
		}
		b := filterBit(mix(f.h))
		t.filter[b/64] |= 1 << (b % 64)
		i := mix(f.h) & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot{f.h, f.w}
	}
	for p := -1; p < nLabels; p++ {
		t.moves.set(p, t.find(transitionOnly(p)))
	}
	t.moves.bound()
	t.pairs = newPairTable(feats)
	t.fillContext()
	m.table = t
	m.rows = transRows{}
	m.known = newWordIndex(len(m.words))
	m.vocab = make([]wordScores, 0, len(m.words))
	var buf []byte
	for _, w := range m.words {
		h, head := wordKey(w)
		if m.vocabRef(h, head, w) != 0 {
			continue
		}
		var ws wordScores
		ws, buf, _ = m.scoreWord(w, buf, &m.rows)
		m.vocab = append(m.vocab, ws)
		m.known.put(h, head, int32(len(m.vocab)))
	}
}

// feature is a feature's hash and its quantised weights.
type feature struct {
	h uint32
	w weights
}

// mix spreads the bits of a feature hash over the table.
func mix(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x45d9f3b
	h ^= h >> 16
	return h
}

// filterBits is the size of table.filter, in bits: 2^19.
const (
	filterBits  = 19
	filterWords = 1 << filterBits / 64
)

// filterBit is the bit of table.filter of a feature whose hash mixes to
// x (its high bits; the slot is from the low ones).
func filterBit(x uint32) uint32 { return x >> (32 - filterBits) }

// mayHold reports whether the feature whose hash mixes to x may be in
// t: false when it is not.
func (t *table) mayHold(x uint32) bool {
	b := filterBit(x)
	return t.filter[b/64]&(1<<(b%64)) != 0
}

// ahead returns the slot a look-up of the hash that mixes to x reads
// first, or slot 0 when the filter tells it is not there, without a
// branch (for the reads ahead of decode and scoreWord).
func (t *table) ahead(x uint32) uint32 {
	b := filterBit(x)
	return x & t.mask & -uint32(t.filter[b/64]>>(b%64)&1)
}

// find returns the weights of feature hash h, or nil.
func (t *table) find(h uint32) *weights {
	if h == 0 {
		return t.zero
	}
	x := mix(h)
	if !t.mayHold(x) {
		return nil
	}
	for i := x & t.mask; ; i = (i + 1) & t.mask {
		switch s := &t.slots[i]; s.key {
		case h:
			return &s.w
		case 0:
			return nil
		}
	}
}

// Kinds of name, as Names reports them.
const (
	Person       = "PER"
	Organization = "ORG"
	Place        = "LOC"
	Misc         = "MISC"
)

// Name is a tagged name: tokens [Start, End) of a sentence and its kind
// (Person, Organization, Place or Misc).
type Name struct {
	Start, End int
	Kind       string
}

// Names reads tags (indices in Labels, as Tag returns them) as names: a
// B- tag or an I- tag after another type opens a name, I- tags of its
// type continue it.
func Names(tags []int) []Name {
	var out []Name
	for i := 0; i < len(tags); {
		t := tags[i]
		if t == 0 {
			i++
			continue
		}
		typ := (t + 1) / 2 // 1 PER, 2 ORG, 3 LOC, 4 MISC
		j := i + 1
		for j < len(tags) && tags[j] == 2*typ {
			j++
		}
		out = append(out, Name{Start: i, End: j, Kind: Labels[2*typ][2:]})
		i = j
	}
	return out
}

// Features returns the number of features the model holds.
func (m *Model) Features() int { return len(m.index) }

// magic opens an encoded model; magic2 the models written before the
// vocabulary (Model.words) was.
const magic, magic2 = "tidings-ner 3\n", "tidings-ner 2\n"

// ErrFormat is returned (wrapped) by Read for data that is not a model.
var ErrFormat = errors.New("ner: not a model")

// WriteTo writes the model gzip-compressed: the gazetteer lists, the
// vocabulary, then each feature (sorted by hash, delta-encoded) with the labels it has
// weights for and the weights quantised to 16 bits.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	for _, list := range [][]string{m.lists.Places, m.lists.FirstNames, m.lists.NonNames, m.lists.Lower, m.words} {
		uv(uint64(len(list)))
		for _, s := range list {
			uv(uint64(len(s)))
			bw.WriteString(s)
		}
	}
	scale := m.scale()
	uv(uint64(math.Float32bits(scale)))
	hashes := slices.Sorted(maps.Keys(m.index))
	uv(uint64(len(hashes)))
	prev := uint32(0)
	for _, h := range hashes {
		uv(uint64(h - prev))
		prev = h
		q := m.quantised(m.index[h], scale)
		mask := uint64(0)
		for l := range q {
			if q[l] != 0 {
				mask |= 1 << l
			}
		}
		uv(mask)
		for l := range q {
			if q[l] != 0 {
				bw.Write(buf[:binary.PutVarint(buf[:], int64(q[l]))])
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	err = zw.Close()
	return cw.n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Limits on what Read accepts, so that a corrupt file cannot exhaust
// memory.
const (
	maxListLen  = 1 << 20
	maxString   = 1 << 10
	maxFeatures = 1 << 24
)

// Read loads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic && string(head) != magic2 {
		return nil, fmt.Errorf("%w: bad header", ErrFormat)
	}
	fail := func(what string, err error) error {
		return fmt.Errorf("%w: %s: %v", ErrFormat, what, err)
	}
	m := &Model{}
	lists := []*[]string{&m.lists.Places, &m.lists.FirstNames, &m.lists.NonNames, &m.lists.Lower}
	if string(head) == magic {
		lists = append(lists, &m.words)
	}
	for _, list := range lists {
		n, err := binary.ReadUvarint(br)
		if err != nil || n > maxListLen {
			return nil, fail("gazetteer", err)
		}
		for range n {
			k, err := binary.ReadUvarint(br)
			if err != nil || k > maxString {
				return nil, fail("gazetteer entry", err)
			}
			b := make([]byte, k)
			if _, err := io.ReadFull(br, b); err != nil {
				return nil, fail("gazetteer entry", err)
			}
			*list = append(*list, string(b))
		}
	}
	m.gaz = newGazetteer(m.lists)
	sb, err := binary.ReadUvarint(br)
	if err != nil || sb > math.MaxUint32 {
		return nil, fail("scale", err)
	}
	scale := math.Float32frombits(uint32(sb))
	n, err := binary.ReadUvarint(br)
	if err != nil || n > maxFeatures {
		return nil, fail("feature count", err)
	}
	// Grow as rows are read, so that a corrupt count cannot reserve memory
	// the data does not hold.
	m.index = make(map[uint32]int32, min(n, 1<<16))
	m.weights = make([]float32, 0, min(int(n), 1<<16)*nLabels)
	h := uint32(0)
	for i := range int(n) {
		d, err := binary.ReadUvarint(br)
		if err != nil || d > math.MaxUint32 {
			return nil, fail("feature", err)
		}
		h += uint32(d)
		mask, err := binary.ReadUvarint(br)
		if err != nil || mask >= 1<<nLabels {
			return nil, fail("feature labels", err)
		}
		var row [nLabels]float32
		for l := range nLabels {
			if mask&(1<<l) == 0 {
				continue
			}
			q, err := binary.ReadVarint(br)
			if err != nil || q < math.MinInt16 || q > math.MaxInt16 {
				return nil, fail("weight", err)
			}
			row[l] = float32(q) * scale
		}
		m.index[h] = int32(i)
		m.weights = append(m.weights, row[:]...)
	}
	m.pack()
	return m, nil
}

// Gazetteer returns the word lists the model was trained with.
func (m *Model) Gazetteer() Gazetteer { return m.lists }
