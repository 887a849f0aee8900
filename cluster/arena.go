package cluster

// arena holds many short arrays of T (the articles' vectors, their probe
// terms) back to back in a few large chunks, each array named by a span.
// A Clusterer holding 100k articles then holds a few hundred chunks
// rather than an array of its own for each article: the collector marks
// a few hundred objects instead of hundreds of thousands and finds no
// pointer in the arrays of spans, and no array is rounded up to a size
// class. Arrays are never freed one by one; Retire copies the arrays of
// the articles it keeps into a new arena.
type arena[T any] struct {
	chunks [][]T // filled from the start; the last has room left
}

// chunkLen is the largest capacity of an arena's chunk (the first are
// smaller, from firstChunk, each twice the one before); an array is at
// most firstChunk long (TopTerms and probeTerms are far below).
const (
	chunkLen   = 1 << 16
	firstChunk = 1 << 10
)

// span names an array of an arena: its chunk, its offset in the chunk
// and its length (16 bits each, the chunk in the upper 32).
type span uint64

// alloc returns a new array of n zero values of a and its span. n must
// be at most firstChunk. The array's capacity is n.
func (a *arena[T]) alloc(n int) ([]T, span) {
	last := len(a.chunks) - 1
	if last < 0 || len(a.chunks[last])+n > cap(a.chunks[last]) {
		size := firstChunk
		if last >= 0 {
			size = min(chunkLen, 2*cap(a.chunks[last]))
		}
		a.chunks = append(a.chunks, make([]T, 0, size))
		last++
	}
	ch := a.chunks[last]
	off := len(ch)
	ch = ch[:off+n]
	a.chunks[last] = ch
	return ch[off : off+n : off+n], span(uint64(last)<<32 | uint64(off)<<16 | uint64(n))
}

// add copies v into a and returns its span.
func (a *arena[T]) add(v []T) span {
	out, s := a.alloc(len(v))
	copy(out, v)
	return s
}

// at returns the array of span s (capacity its length, so that an append
// copies it).
func (a *arena[T]) at(s span) []T {
	off, n := int(s>>16&0xffff), int(s&0xffff)
	return a.chunks[s>>32][off : off+n : off+n]
}
