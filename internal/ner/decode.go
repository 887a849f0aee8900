package ner

// lattice holds the scores of a sentence's labels for Viterbi decoding:
// per token, the score of each label from the static features, and per
// label before (-1 first, as index 0) the score of each label from the
// transition features.
type lattice struct {
	static [][nLabels]float64
	trans  [][nLabels + 1][nLabels]float64
}

func (lt *lattice) reset(n int) {
	if cap(lt.static) < n {
		lt.static = make([][nLabels]float64, n)
		lt.trans = make([][nLabels + 1][nLabels]float64, n)
	}
	lt.static, lt.trans = lt.static[:n], lt.trans[:n]
	clear(lt.static)
	clear(lt.trans)
}

// viterbi returns the best labels under the lattice, I- tags only after
// their own type (ties: the lower label).
func (lt *lattice) viterbi(out []int) []int {
	n := len(lt.static)
	out = out[:0]
	if n == 0 {
		return out
	}
	score := make([][nLabels]float64, n)
	back := make([][nLabels]int8, n)
	const none = -1e300
	for l := range nLabels {
		score[0][l] = none
		if allowed(-1, l) {
			score[0][l] = lt.static[0][l] + lt.trans[0][0][l]
		}
	}
	for i := 1; i < n; i++ {
		for l := range nLabels {
			best, arg := none, -1
			for p := range nLabels {
				if score[i-1][p] == none || !allowed(p, l) {
					continue
				}
				if v := score[i-1][p] + lt.trans[i][p+1][l]; v > best {
					best, arg = v, p
				}
			}
			if arg < 0 {
				score[i][l] = none
				continue
			}
			score[i][l] = best + lt.static[i][l]
			back[i][l] = int8(arg)
		}
	}
	last := 0
	for l := 1; l < nLabels; l++ {
		if score[n-1][l] > score[n-1][last] {
			last = l
		}
	}
	out = append(out, make([]int, n)...)
	out[n-1] = last
	for i := n - 1; i > 0; i-- {
		out[i-1] = int(back[i][out[i]])
	}
	return out
}
