package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// Model is a trained tagger. Its zero value tags every token O.
type Model struct {
	index   map[uint32]int32 // feature hash -> row of weights
	weights []float32        // nLabels per row
	gaz     *gazetteer
	lists   Gazetteer
	table   *table // index and weights packed for tagging (see pack)
}

// table is an open-addressing hash table from feature hash to its row of
// weights, quantised: it is what Tag reads, a few times smaller and
// faster than the map.
type table struct {
	keys  []uint32 // 0: empty slot (hash 0 is stored as 1)
	rows  []int32
	w     []int16 // nLabels per row
	scale float32
	mask  uint32
	// moves are the weights of the label-before-alone features
	// (transitionOnly), by label before (-1 first) and label.
	moves [nLabels + 1][nLabels]float64
}

// pack builds the table of m.
func (m *Model) pack() {
	size := 1
	for size < 2*len(m.index) {
		size *= 2
	}
	t := &table{keys: make([]uint32, size), rows: make([]int32, size), w: make([]int16, len(m.weights)), mask: uint32(size - 1)}
	var maxAbs float32
	for _, x := range m.weights {
		maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
	}
	t.scale = maxAbs / 32767
	if t.scale == 0 {
		t.scale = 1
	}
	for i, x := range m.weights {
		t.w[i] = int16(math.Round(float64(x / t.scale)))
	}
	for h, r := range m.index {
		k := max(h, 1)
		i := mix(k) & t.mask
		for t.keys[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.rows[i] = k, r
	}
	for p := -1; p < nLabels; p++ {
		if r := t.row(transitionOnly(p)); r >= 0 {
			for l := range nLabels {
				t.moves[p+1][l] = float64(t.w[int(r)*nLabels+l])
			}
		}
	}
	m.table = t
}

// mix spreads the bits of a feature hash over the table.
func mix(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x45d9f3b
	h ^= h >> 16
	return h
}

// row returns the row of feature hash h, or -1.
func (t *table) row(h uint32) int32 {
	k := max(h, 1)
	for i := mix(k) & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.rows[i]
		case 0:
			return -1
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

// Tag labels the words of one sentence (Viterbi decoding) and returns
// the index in Labels of each word's tag. lower reports whether a word (lower-cased) is
// written in lower case elsewhere in the document; nil means never.
func (m *Model) Tag(words []string, lower func(string) bool) []int {
	out := make([]int, len(words))
	if m == nil || len(m.index) == 0 || len(words) == 0 {
		return out
	}
	if m.table == nil {
		m.pack()
	}
	t := m.table
	s := newSentence(words, m.gaz, lower)
	var lt lattice
	lt.reset(len(words))
	fs := make([]uint32, 0, 48)
	add := func(dst *[nLabels]float64, fs []uint32) {
		var sum [nLabels]int32
		for _, f := range fs {
			if r := t.row(f); r >= 0 {
				row := t.w[int(r)*nLabels : int(r+1)*nLabels : int(r+1)*nLabels]
				for l := range sum {
					sum[l] += int32(row[l])
				}
			}
		}
		for l := range sum {
			dst[l] = float64(sum[l])
		}
	}
	for i := range words {
		add(&lt.static[i], s.static(fs[:0], i))
		base := s.pairBase(i)
		for p := -1; p < nLabels; p++ {
			if i == 0 && p >= 0 {
				break
			}
			add(&lt.trans[i][p+1], append(fs[:0], pair(base, p)))
			for l := range nLabels {
				lt.trans[i][p+1][l] += t.moves[p+1][l]
			}
		}
	}
	return lt.viterbi(out[:0])
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

// magic opens an encoded model.
const magic = "tidings-ner 2\n"

// ErrFormat is returned (wrapped) by Read for data that is not a model.
var ErrFormat = errors.New("ner: not a model")

// WriteTo writes the model gzip-compressed: the gazetteer lists, then
// each feature (sorted by hash, delta-encoded) with the labels it has
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
	for _, list := range [][]string{m.lists.Places, m.lists.FirstNames, m.lists.NonNames, m.lists.Lower} {
		uv(uint64(len(list)))
		for _, s := range list {
			uv(uint64(len(s)))
			bw.WriteString(s)
		}
	}
	var maxAbs float32
	for _, x := range m.weights {
		maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	uv(uint64(math.Float32bits(scale)))
	hashes := make([]uint32, 0, len(m.index))
	for h := range m.index {
		hashes = append(hashes, h)
	}
	slices.Sort(hashes)
	uv(uint64(len(hashes)))
	prev := uint32(0)
	for _, h := range hashes {
		uv(uint64(h - prev))
		prev = h
		row := m.weights[int(m.index[h])*nLabels : int(m.index[h]+1)*nLabels]
		var q [nLabels]int16
		mask := uint64(0)
		for l, x := range row {
			q[l] = int16(math.Round(float64(x / scale)))
			if q[l] != 0 {
				mask |= 1 << l
			}
		}
		uv(mask)
		for l := range row {
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
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, fmt.Errorf("%w: bad header", ErrFormat)
	}
	fail := func(what string, err error) error {
		return fmt.Errorf("%w: %s: %v", ErrFormat, what, err)
	}
	m := &Model{}
	lists := []*[]string{&m.lists.Places, &m.lists.FirstNames, &m.lists.NonNames, &m.lists.Lower}
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
