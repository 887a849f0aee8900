package dedupe

import (
	"hash/fnv"
	"strings"
	"unicode"
)

// ShingleWords is the length of a shingle in words.
const ShingleWords = 5

// Hashes is the length of a MinHash signature; bands of rows of it key
// the LSH buckets.
const (
	Hashes = 128
	bands  = 32
	rows   = Hashes / bands
)

// Signature is a MinHash signature: for each of Hashes hash functions, the
// least hash over a text's shingles.
type Signature [Hashes]uint64

// Sign returns the signature of text and whether text has any word.
func Sign(text string) (Signature, bool) {
	var sig Signature
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return sig, false
	}
	n := max(len(words)-ShingleWords+1, 1)
	for i := range n {
		h := fnv.New64a()
		for _, w := range words[i:min(i+ShingleWords, len(words))] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		for j := range sig {
			if v := mix(x ^ seeds[j]); v < sig[j] {
				sig[j] = v
			}
		}
	}
	return sig, true
}

// Similarity estimates the Jaccard similarity of the shingle sets behind
// two signatures: the fraction of hash functions on which they agree.
func Similarity(a, b *Signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / Hashes
}

// band returns the LSH key of band i of sig.
func (sig *Signature) band(i int) uint64 {
	k := uint64(i) * 0x9e3779b97f4a7c15
	for _, v := range sig[i*rows : (i+1)*rows] {
		k = mix(k ^ v)
	}
	return k
}

// mix is the SplitMix64 finalizer (Steele, Lea and Flood, 2014): a fast
// bijection that spreads every input bit over the output.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// seeds make Hashes independent hash functions out of mix.
var seeds = func() [Hashes]uint64 {
	var s [Hashes]uint64
	x := uint64(0x7469646e6773) // "tidngs"
	for i := range s {
		x += 0x9e3779b97f4a7c15
		s[i] = mix(x)
	}
	return s
}()
