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
	renum := make([]int, len(x.sigs))
	for k := range renum {
		renum[k] = -1
	}
	sigs := make([]Signature, len(kept))
	for i, k := range kept {
		sigs[i] = x.sigs[k]
		renum[k] = i
	}
	x.sigs = sigs
	for key, ids := range x.buckets {
		live := ids[:0]
		for _, id := range ids {
			if r := renum[id]; r >= 0 {
				live = append(live, r)
			}
		}
		if len(live) == 0 {
			delete(x.buckets, key)
		} else {
			x.buckets[key] = live
		}
	}
}

// rebucket rebuilds the buckets from the signatures.
func (x *Index) rebucket() {
	x.buckets = make(map[uint64][]int, len(x.sigs)*bands)
	for id := range x.sigs {
		sig := &x.sigs[id]
		if sig.blank() {
			continue
		}
		for b := range bands {
			k := sig.band(b)
			x.buckets[k] = append(x.buckets[k], id)
		}
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
