package ner

// The scores of a label after a label before that decode reads: to O
// and the B- tags (obLabels, the labels that may follow any) from every
// label before (-1 first), and to each I- tag from its B- tag and from
// itself. Other pairs are never allowed.

// obLabels are the labels that may follow any label: O and the B- tags.
var obLabels = [5]int{0, 1, 3, 5, 7}

// moveRow is the weights of the label-before-alone features (table.moves)
// as decode reads them: ob[p+1][k] is the score of label obLabels[k]
// after label p; in[l-2] that of I- tag l after its B- tag (l-1) and
// in[l-1] after itself; hi[p+1] and lo[p+1] the highest and lowest of
// ob[p+1].
type moveRow struct {
	ob     [nLabels + 1][5]int32
	in     [nLabels - 1]int32
	hi, lo [nLabels + 1]int32
}

// transRow is, at a word, the weights of the features pairing it with
// the label before (one feature per label before, so each fits the 16
// bits of a weight), laid out as moveRow: the scores of the labels at
// the word are the sums of the two. hi[p+1] and lo[p+1] are the highest
// and lowest of those sums over the O and B- tags after label p, less
// the moveRow's own (which stays between the least and the most of the
// row's weights, so within 16 bits), for decode to pass over the labels
// before that cannot lead to the best.
type transRow struct {
	ob     [nLabels + 1][5]int16
	in     [nLabels - 1]int16
	hi, lo [nLabels + 1]int16
}

// set sets the weights w (nil: none) of the feature of label before p to
// each label, those decode reads.
func (r *moveRow) set(p int, w *weights) {
	if w == nil {
		return
	}
	for k, l := range obLabels {
		r.ob[p+1][k] = int32(w[l])
	}
	for l := 2; l < nLabels; l += 2 {
		switch p {
		case l - 1:
			r.in[l-2] = int32(w[l])
		case l:
			r.in[l-1] = int32(w[l])
		}
	}
}

// bound sets r.hi and r.lo from r.ob.
func (r *moveRow) bound() {
	for p := range r.ob {
		o := &r.ob[p]
		r.hi[p] = max(o[0], o[1], o[2], o[3], o[4])
		r.lo[p] = min(o[0], o[1], o[2], o[3], o[4])
	}
}

// set sets the weights w of the feature pairing the word with label
// before p, as moveRow.set does.
func (r *transRow) set(p int, w *weights) {
	for k, l := range obLabels {
		r.ob[p+1][k] = w[l]
	}
	for l := 2; l < nLabels; l += 2 {
		switch p {
		case l - 1:
			r.in[l-2] = w[l]
		case l:
			r.in[l-1] = w[l]
		}
	}
}

// bound sets r.hi and r.lo from r.ob and the weights mv they add to.
func (r *transRow) bound(mv *moveRow) {
	for p := range r.ob {
		var hi, lo int32
		for k := range r.ob[p] {
			x := mv.ob[p][k] + int32(r.ob[p][k])
			if k == 0 || x > hi {
				hi = x
			}
			if k == 0 || x < lo {
				lo = x
			}
		}
		r.hi[p] = int16(hi - mv.hi[p])
		r.lo[p] = int16(lo - mv.lo[p])
	}
}

// transRows hands out transRows that stay where they are: it fills
// chunks of them, never moved, and reuses them all after reset.
type transRows struct {
	chunks [][]transRow
	n      int
}

const transChunk = 64

func (a *transRows) next() *transRow {
	c, k := a.n/transChunk, a.n%transChunk
	if c == len(a.chunks) {
		a.chunks = append(a.chunks, make([]transRow, transChunk))
	}
	a.n++
	return &a.chunks[c][k]
}

func (a *transRows) reset() { a.n = 0 }
