package dedupe

import (
	"errors"
	"fmt"

	"tidings/internal/snap"
)

// errState is wrapped by the errors of UnmarshalBinary.
var errState = errors.New("dedupe: bad state")

// blank reports whether sig is that of a text without words, which Add
// keeps out of the buckets.
func (sig *Signature) blank() bool {
	for _, v := range sig {
		if v != ^uint64(0) {
			return false
		}
	}
	return true
}

// Keep drops every text but those numbered kept (increasing) and
// renumbers them: text kept[i] is now text i. Later texts that copy a
// dropped one are no longer found to.
func (x *Index) Keep(kept []int) {
	sigs := make([]Signature, len(kept))
	for i, k := range kept {
		sigs[i] = x.sigs[k]
	}
	x.sigs = sigs
	x.rebucket()
}

// rebucket rebuilds the buckets from the signatures, in text order as
// Add made them.
func (x *Index) rebucket() {
	x.heads = make(map[uint64]int32, len(x.sigs)*bands)
	x.next = make([]int32, len(x.sigs)*bands)
	for i := range x.next {
		x.next[i] = -1
	}
	var keys [bands]uint64
	for id := range x.sigs {
		sig := &x.sigs[id]
		if sig.blank() {
			continue
		}
		for b := range bands {
			keys[b] = sig.band(b)
		}
		x.insert(id, &keys)
	}
}

// AppendBinary appends the index's signatures to b, for
// [Index.UnmarshalBinary] to restore: Hashes*8 bytes a text.
func (x *Index) AppendBinary(b []byte) ([]byte, error) {
	w := snap.Writer{Buf: b}
	w.Uint(uint64(len(x.sigs)))
	for i := range x.sigs {
		for _, v := range x.sigs[i] {
			w.Fixed(v)
		}
	}
	return w.Buf, nil
}

// UnmarshalBinary replaces the index's texts by those AppendBinary wrote;
// the index keeps its Options.
func (x *Index) UnmarshalBinary(data []byte) error {
	r := snap.NewReader(data)
	sigs := make([]Signature, r.Count(Hashes*8))
	for i := range sigs {
		for j := range sigs[i] {
			sigs[i][j] = r.Fixed()
		}
	}
	if err := r.Done(); err != nil {
		return fmt.Errorf("%w: %w", errState, err)
	}
	x.sigs = sigs
	x.rebucket()
	return nil
}
