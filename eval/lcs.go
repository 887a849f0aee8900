package eval

// lcsScore computes ROUGE-L (w == 0) or ROUGE-W with weight w over the
// sentence (line) structure of the peer and models, as ROUGE-1.5.5 does:
// for each model sentence, the union of its LCS paths with every peer
// sentence, each marked token counted while its unigram count in both
// summaries lasts.
func (o Options) lcsScore(p summary, ms []summary, w float64) Score {
	peerLen := 0
	for _, l := range p.lines {
		peerLen += len(l)
	}
	if peerLen == 0 {
		return Score{}
	}
	f := func(k float64) float64 {
		if w == 0 {
			return k
		}
		return weight(k, w)
	}
	finish := func(h, modelLen float64, nModels int) Score {
		pd := float64(nModels) * f(float64(peerLen))
		if w == 0 {
			return o.score(h, modelLen, h, pd)
		}
		var r, pr float64
		if modelLen > 0 {
			r = pow(h/modelLen, 1/w)
		}
		if pd > 0 {
			pr = pow(h/pd, 1/w)
		}
		return o.score(r, 1, pr, 1)
	}
	// Run weights k^w, computed once: pow is slow because it is exact.
	var wt []float64
	if w > 0 {
		longest := 0
		for _, m := range ms {
			for _, l := range m.lines {
				longest = max(longest, len(l))
			}
		}
		wt = weights(longest+1, w)
	}
	var totalHits, totalLen float64
	best, bestR := Score{}, -1.0
	for _, m := range ms {
		h := lcsHits(p, m, w, wt)
		ml := 0.0
		if w == 0 {
			for _, l := range m.lines {
				ml += float64(len(l))
			}
		} else {
			// ROUGE-1.5.5 weighs the model length twice.
			for _, l := range m.lines {
				ml += f(float64(len(l)))
			}
			ml = f(ml)
		}
		if o.BestModel {
			if s := finish(h, ml, 1); s.R > bestR {
				best, bestR = s, s.R
			}
			continue
		}
		totalHits += h
		totalLen += ml
	}
	if o.BestModel {
		return best
	}
	return finish(totalHits, totalLen, len(ms))
}

// lcsHits returns the (weighted, for w > 0) LCS hits of peer p in model m.
func lcsHits(p, m summary, w float64, wt []float64) float64 {
	refLeft := unigramCounts(m.lines)
	peerLeft := unigramCounts(p.lines)
	total := 0.0
	for _, r := range m.lines {
		marked := make([]bool, len(r))
		for _, ps := range p.lines {
			markLCS(r, ps, w, wt, marked)
		}
		k := 0.0
		for i, t := range r {
			if !marked[i] {
				continue
			}
			if refLeft[t] <= 0 || peerLeft[t] <= 0 {
				// A clipped position neither adds nor ends a run.
				continue
			}
			refLeft[t]--
			peerLeft[t]--
			if w == 0 {
				total++
				continue
			}
			k++
			if i == len(r)-1 || !marked[i+1] {
				total += wt[int(k)]
				k = 0
			}
		}
	}
	return total
}

func unigramCounts(lines [][]string) map[string]int {
	c := map[string]int{}
	for _, l := range lines {
		for _, t := range l {
			c[t]++
		}
	}
	return c
}

// Directions of the LCS backtrack.
const (
	dirUp = iota
	dirLeft
	dirDiag
)

// markLCS marks in marked the positions of r on one LCS path of r and p
// (weighted LCS when w > 0, with wt[k] = k^w). Ties go up (drop the model token), as in
// ROUGE-1.5.5.
func markLCS(r, p []string, w float64, wt []float64, marked []bool) {
	m, n := len(r), len(p)
	if m == 0 || n == 0 {
		return
	}
	c := make([][]float64, m+1)
	run := make([][]float64, m+1)
	dir := make([][]uint8, m+1)
	for i := range c {
		c[i] = make([]float64, n+1)
		run[i] = make([]float64, n+1)
		dir[i] = make([]uint8, n+1)
	}
	for i := 1; i <= m; i++ {
		for j := 1; j <= n; j++ {
			switch {
			case r[i-1] == p[j-1]:
				k := run[i-1][j-1]
				if w == 0 {
					c[i][j] = c[i-1][j-1] + 1
				} else {
					c[i][j] = c[i-1][j-1] + wt[int(k)+1] - wt[int(k)]
				}
				run[i][j] = k + 1
				dir[i][j] = dirDiag
			case c[i-1][j] >= c[i][j-1]:
				c[i][j] = c[i-1][j]
				dir[i][j] = dirUp
			default:
				c[i][j] = c[i][j-1]
				dir[i][j] = dirLeft
			}
		}
	}
	for i, j := m, n; i > 0 && j > 0; {
		switch dir[i][j] {
		case dirDiag:
			marked[i-1] = true
			i--
			j--
		case dirUp:
			i--
		default:
			j--
		}
	}
}

// weights returns k^w for k = 0..n.
func weights(n int, w float64) []float64 {
	wt := make([]float64, n+1)
	for k := 1; k <= n; k++ {
		wt[k] = weight(float64(k), w)
	}
	return wt
}
