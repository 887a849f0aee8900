package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
)

var gl []string
var vv []map[int]float64

// lsa: randomized SVD of the doc-term matrix (rows = vv), rank k.
func lsa(k int) [][]float64 {
	n := len(vv)
	maxID := 0
	for _, v := range vv {
		for id := range v {
			if id > maxID {
				maxID = id
			}
		}
	}
	V := maxID + 1
	r := rand.New(rand.NewPCG(1, 2))
	p := k + 20
	// Omega V x p
	omega := make([][]float64, V)
	for i := range omega {
		omega[i] = make([]float64, p)
		for j := range omega[i] {
			omega[i][j] = r.NormFloat64()
		}
	}
	// Y = A * Omega  (n x p)
	Y := make([][]float64, n)
	for i, v := range vv {
		Y[i] = make([]float64, p)
		for id, w := range v {
			for j := 0; j < p; j++ {
				Y[i][j] += w * omega[id][j]
			}
		}
	}
	orth := func(M [][]float64) {
		// Gram-Schmidt on columns
		cols := len(M[0])
		for j := 0; j < cols; j++ {
			for q := 0; q < j; q++ {
				d := 0.0
				for i := range M {
					d += M[i][j] * M[i][q]
				}
				for i := range M {
					M[i][j] -= d * M[i][q]
				}
			}
			nn := 0.0
			for i := range M {
				nn += M[i][j] * M[i][j]
			}
			nn = math.Sqrt(nn)
			if nn > 0 {
				for i := range M {
					M[i][j] /= nn
				}
			}
		}
	}
	orth(Y)
	// power iteration once: Z = A^T Y (V x p), Y = A Z
	for it := 0; it < 2; it++ {
		Z := make([][]float64, V)
		for i := range Z {
			Z[i] = make([]float64, p)
		}
		for i, v := range vv {
			for id, w := range v {
				for j := 0; j < p; j++ {
					Z[id][j] += w * Y[i][j]
				}
			}
		}
		orth(Z)
		for i, v := range vv {
			for j := 0; j < p; j++ {
				Y[i][j] = 0
			}
			for id, w := range v {
				for j := 0; j < p; j++ {
					Y[i][j] += w * Z[id][j]
				}
			}
		}
		orth(Y)
	}
	// B = Q^T A (p x V); C = B B^T (p x p)
	B := make([]map[int]float64, p)
	for j := range B {
		B[j] = map[int]float64{}
	}
	for i, v := range vv {
		for id, w := range v {
			for j := 0; j < p; j++ {
				B[j][id] += Y[i][j] * w
			}
		}
	}
	C := make([][]float64, p)
	for a := 0; a < p; a++ {
		C[a] = make([]float64, p)
		for b := 0; b <= a; b++ {
			s := 0.0
			for id, w := range B[a] {
				s += w * B[b][id]
			}
			C[a][b] = s
		}
	}
	for a := 0; a < p; a++ {
		for b := a + 1; b < p; b++ {
			C[a][b] = C[b][a]
		}
	}
	// Jacobi eigen
	E := make([][]float64, p)
	for i := range E {
		E[i] = make([]float64, p)
		E[i][i] = 1
	}
	for sweep := 0; sweep < 50; sweep++ {
		off := 0.0
		for a := 0; a < p; a++ {
			for b := a + 1; b < p; b++ {
				off += C[a][b] * C[a][b]
			}
		}
		if off < 1e-18 {
			break
		}
		for a := 0; a < p; a++ {
			for b := a + 1; b < p; b++ {
				if math.Abs(C[a][b]) < 1e-15 {
					continue
				}
				theta := (C[b][b] - C[a][a]) / (2 * C[a][b])
				t := math.Copysign(1, theta) / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				c := 1 / math.Sqrt(t*t+1)
				s := t * c
				for k2 := 0; k2 < p; k2++ {
					ca, cb := C[k2][a], C[k2][b]
					C[k2][a], C[k2][b] = c*ca-s*cb, s*ca+c*cb
				}
				for k2 := 0; k2 < p; k2++ {
					ca, cb := C[a][k2], C[b][k2]
					C[a][k2], C[b][k2] = c*ca-s*cb, s*ca+c*cb
				}
				for k2 := 0; k2 < p; k2++ {
					ea, eb := E[k2][a], E[k2][b]
					E[k2][a], E[k2][b] = c*ea-s*eb, s*ea+c*eb
				}
			}
		}
	}
	idx := make([]int, p)
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(x, y int) bool { return C[idx[x]][idx[x]] > C[idx[y]][idx[y]] })
	// doc embedding: U S = Q * E (n x k)  (since A = Q B, B = E S W^T) => A W = Q E S
	emb := make([][]float64, n)
	for i := range emb {
		emb[i] = make([]float64, k)
		for c := 0; c < k; c++ {
			col := idx[c]
			s := 0.0
			for j := 0; j < p; j++ {
				s += Y[i][j] * E[j][col]
			}
			emb[i][c] = s * math.Sqrt(math.Max(C[col][col], 0))
		}
		nn := 0.0
		for _, x := range emb[i] {
			nn += x * x
		}
		nn = math.Sqrt(nn)
		if nn > 0 {
			for c := range emb[i] {
				emb[i][c] /= nn
			}
		}
	}
	return emb
}

func experiments(n int, sim [][]float64, nbr [][]int, score func(string, []int)) {
	for _, k := range []int{50, 100, 200} {
		emb := lsa(k)
		for _, alpha := range []float64{1, 0.5} {
			same := 0
			per := map[string][2]int{}
			for i := 0; i < n; i++ {
				best, bs := -1, -2.0
				for j := 0; j < n; j++ {
					if j == i {
						continue
					}
					d := 0.0
					for c := range emb[i] {
						d += emb[i][c] * emb[j][c]
					}
					s := alpha*d + (1-alpha)*sim[i][j]
					if s > bs {
						bs, best = s, j
					}
				}
				set := strings.SplitN(gl[i], "#", 2)[0]
				c := per[set]
				c[1]++
				if gl[best] == gl[i] {
					same++
					c[0]++
				}
				per[set] = c
			}
			fmt.Printf("lsa k=%d alpha=%.1f 1nn purity %.4f", k, alpha, float64(same)/float64(n))
			for s, c := range per {
				fmt.Printf(" %s %.3f", s, float64(c[0])/float64(c[1]))
			}
			fmt.Println()
		}
	}
}
