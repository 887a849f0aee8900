package clean

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"sync"

	"tidings/internal/snap"
)

// The copied-text model ships as textmodel.bin.gz, embedded and decoded
// once, on the first copied page cleaned. The file is the gzip of a
// simple encoding (all integers varints, all floats little-endian IEEE
// bits):
//
//	"TXM2"                           magic and version
//	uvarint features, context        len(textFeatureNames), len(contextNames)
//	float64 threshold
//	uvarint stages
//	per stage: float64 bias, uvarint trees
//	  per tree: uvarint nodes
//	    per node: varint feature (-1: a leaf)
//	      a leaf: float32 value
//	      a split: float32 threshold, uvarint left child
//	uvarint terms                    the lexicon (textlexicon.go), by key
//	per term: uvarint length, bytes, float32 value
//
// The trainer (textmodel_train_test.go) writes it with encodeTextModel;
// the same model always gives the same bytes.

//go:embed textmodel.bin.gz
var textModelData []byte

// textModel returns the shipped copied-text model, decoded on first use
// (nil, the rules alone, if the embedded file does not decode; a test
// checks that it does).
var textModel = sync.OnceValue(func() *blockModel {
	m, err := decodeTextModel(textModelData)
	if err != nil {
		return nil
	}
	return m
})

const textModelMagic = "TXM2"

// maxModelNodes and maxLexiconTerms bound what decodeTextModel accepts.
const (
	maxModelNodes   = 1 << 15
	maxLexiconTerms = 1 << 20
)

// encodeTextModel returns m in the file format above, gzipped.
func encodeTextModel(m *blockModel) ([]byte, error) {
	w := snap.Writer{Buf: []byte(textModelMagic)}
	w.Uint(uint64(len(textFeatureNames)))
	w.Uint(uint64(len(contextNames)))
	w.Float(m.threshold)
	w.Uint(uint64(len(m.stages)))
	for _, st := range m.stages {
		w.Float(st.bias)
		w.Uint(uint64(len(st.trees)))
		for _, t := range st.trees {
			w.Uint(uint64(len(t.feature)))
			for i, f := range t.feature {
				w.Int(int64(f))
				if f < 0 {
					w.Float32(t.value[i])
					continue
				}
				w.Float32(t.threshold[i])
				w.Uint(uint64(t.left[i]))
			}
		}
	}
	keys, vals := m.lexicon.sorted()
	w.Uint(uint64(len(keys)))
	for i, k := range keys {
		w.String(k)
		w.Float32(vals[i])
	}
	raw := w.Buf
	var out bytes.Buffer
	zw, err := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(raw); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

var errModelFile = errors.New("clean: bad text model file")

// decodeTextModel reads a model encodeTextModel wrote. It checks every
// index, so that the model it returns can only read features it has and
// every walk down a tree ends at a leaf.
func decodeTextModel(data []byte) (*blockModel, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errModelFile, err)
	}
	raw, err := io.ReadAll(io.LimitReader(zr, 16<<20))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errModelFile, err)
	}
	return parseTextModel(raw)
}

// parseTextModel reads the encoding decodeTextModel has unzipped.
func parseTextModel(raw []byte) (*blockModel, error) {
	if !bytes.HasPrefix(raw, []byte(textModelMagic)) {
		return nil, fmt.Errorf("%w: no %s header", errModelFile, textModelMagic)
	}
	d := snap.NewReader(raw[len(textModelMagic):])
	nf, nc := d.Uint(), d.Uint()
	if nf != uint64(len(textFeatureNames)) || nc != uint64(len(contextNames)) {
		return nil, fmt.Errorf("%w: %d+%d features, the code has %d+%d", errModelFile, nf, nc, len(textFeatureNames), len(contextNames))
	}
	m := &blockModel{threshold: d.Float()}
	stages := d.Uint()
	if stages == 0 || stages > 8 {
		return nil, fmt.Errorf("%w: %d stages", errModelFile, stages)
	}
	for s := range int(stages) {
		width := int16(nf)
		if s > 0 {
			width += int16(nc)
		}
		st := &treeModel{bias: d.Float()}
		trees := d.Uint()
		if trees > 4096 {
			return nil, fmt.Errorf("%w: %d trees", errModelFile, trees)
		}
		for range int(trees) {
			n := d.Uint()
			if n == 0 || n > maxModelNodes {
				return nil, fmt.Errorf("%w: a tree of %d nodes", errModelFile, n)
			}
			t := textTree{
				feature: make([]int16, n), threshold: make([]float32, n),
				left: make([]int16, n), value: make([]float32, n),
			}
			for i := range int(n) {
				f := d.Int()
				switch {
				case f == -1:
					t.feature[i], t.value[i] = -1, d.Float32()
				case f >= 0 && f < int64(width):
					t.feature[i], t.threshold[i] = int16(f), d.Float32()
					l := d.Uint()
					if l <= uint64(i) || l+1 >= n {
						return nil, fmt.Errorf("%w: node %d's children at %d of %d", errModelFile, i, l, n)
					}
					t.left[i] = int16(l)
				default:
					return nil, fmt.Errorf("%w: feature %d", errModelFile, f)
				}
			}
			st.trees = append(st.trees, t)
		}
		st.compile()
		m.stages = append(m.stages, st)
	}
	terms := d.Uint()
	if terms > maxLexiconTerms {
		return nil, fmt.Errorf("%w: %d lexicon terms", errModelFile, terms)
	}
	if terms > 0 {
		m.lexicon = &termLexicon{short: map[uint64]float32{}, long: map[string]float32{}}
	}
	for range int(terms) {
		k, v := d.String(), d.Float32()
		if d.Err() != nil {
			break
		}
		if k == "" || strings.IndexByte(k, 0) >= 0 || math.IsNaN(float64(v)) || math.IsInf(float64(v), 0) {
			return nil, fmt.Errorf("%w: lexicon term %q of value %v", errModelFile, k, v)
		}
		m.lexicon.set(k, v)
	}
	if err := d.Done(); err != nil {
		return nil, fmt.Errorf("%w: %w", errModelFile, err)
	}
	return m, nil
}
