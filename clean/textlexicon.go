package clean

import (
	"math"
	"slices"
)

// termLexicon holds what the model learned of single terms (those of
// addTerm: a word's first four letters in lower case, a pair of Han
// characters): for each term seen on enough training pages, the log-odds
// that a page holds it in a block that is not the article's, against in
// a block of the article ("subs", "news", "spam", "emai" lean one way,
// "said", "laut", "dafü" the other). Terms are keyed as pageTerms keys
// them. The trainer learns it (buildLexicon in textmodel_train_test.go)
// and textmodel.bin.gz carries it.
type termLexicon struct {
	short map[uint64]float32
	long  map[string]float32
}

// lexNames name the features lexFeatures writes, the last of
// textFeatureNames.
var lexNames = []string{"lex-mean", "lex-max", "lex-min", "lex-strong/terms"}

// lexStrong is the lexicon value over which a term counts as strong
// evidence against the article.
const lexStrong = 1.0

// values returns each of pt's terms' lexicon value, indexed by term id
// (0 for a term the lexicon does not hold).
func (lx *termLexicon) values(pt *pageTerms) []float32 {
	v := make([]float32, pt.n)
	if lx == nil {
		return v
	}
	for k, id := range pt.short {
		v[id] = lx.short[k]
	}
	for k, id := range pt.long {
		v[id] = lx.long[k]
	}
	return v
}

// lexFeatures writes the lexicon features of each block of pt into
// rows (nf features a block, the lexicon's at off): the mean, most and
// least of its distinct terms' values, and the share over lexStrong.
func lexFeatures(pt *pageTerms, lx *termLexicon, rows []float64, nf, off int) {
	v := lx.values(pt)
	last := make([]int32, pt.n)
	for i := range len(pt.at) - 1 {
		f := rows[i*nf+off : i*nf+off+len(lexNames)]
		sum, hi, lo, strong, count := 0.0, math.Inf(-1), math.Inf(1), 0, 0
		for _, id := range pt.terms(i) {
			if last[id] == int32(i+1) {
				continue
			}
			last[id] = int32(i + 1)
			x := float64(v[id])
			count++
			sum += x
			hi, lo = math.Max(hi, x), math.Min(lo, x)
			strong += int(bool01(x > lexStrong))
		}
		if count == 0 {
			f[0], f[1], f[2], f[3] = 0, 0, 0, -1
			continue
		}
		f[0], f[1], f[2], f[3] = sum/float64(count), hi, lo, float64(strong)/float64(count)
	}
}

// set adds term k (its bytes, as the file holds them) of value v.
func (lx *termLexicon) set(k string, v float32) {
	if len(k) > 8 {
		lx.long[k] = v
		return
	}
	var key uint64
	for i := 0; i < len(k); i++ {
		key |= uint64(k[i]) << (8 * i)
	}
	lx.short[key] = v
}

// sorted returns lx's terms, as bytes, in order, and their values.
func (lx *termLexicon) sorted() ([]string, []float32) {
	if lx == nil {
		return nil, nil
	}
	var keys []string
	for k := range lx.short {
		var b []byte
		for ; k != 0; k >>= 8 {
			b = append(b, byte(k))
		}
		keys = append(keys, string(b))
	}
	for k := range lx.long {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	vals := make([]float32, len(keys))
	for i, k := range keys {
		if len(k) > 8 {
			vals[i] = lx.long[k]
			continue
		}
		var key uint64
		for j := 0; j < len(k); j++ {
			key |= uint64(k[j]) << (8 * j)
		}
		vals[i] = lx.short[key]
	}
	return keys, vals
}
