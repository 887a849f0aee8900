package main

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"time"

	"tidings/cluster"
)

func vectors(docs []cluster.Doc) []map[string]float64 {
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, t := range d.Terms {
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
	}
	N := float64(len(docs))
	out := make([]map[string]float64, len(docs))
	for i, d := range docs {
		tf := map[string]float64{}
		for _, t := range d.Terms {
			tf[t]++
		}
		v := map[string]float64{}
		n := 0.0
		for t, f := range tf {
			w := (1 + math.Log(f)) * (1 + math.Log((N+1)/float64(df[t]+1)))
			v[t] = w
			n += w * w
		}
		for t := range v {
			v[t] /= math.Sqrt(n)
		}
		out[i] = v
	}
	return out
}

func norm(v map[string]float64) {
	n := 0.0
	for _, w := range v {
		n += w * w
	}
	for t := range v {
		v[t] /= math.Sqrt(n)
	}
}

func dot(a, b map[string]float64) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	s := 0.0
	for k, w := range a {
		s += w * b[k]
	}
	return s
}

func init() {
	if len(os.Args) < 2 || os.Args[1] != "merge" {
		return
	}
	r := load()
	th1, _ := strconv.ParseFloat(os.Args[2], 64)
	docs := make([]cluster.Doc, len(r.Arts))
	for i := range r.Arts {
		docs[i] = makeDoc(&r.Arts[i], "all")
	}
	st := cluster.Batch(docs, cluster.Options{Threshold: th1, Window: time.Duration(-1)})
	vecs := vectors(docs)
	type cl struct {
		members []int
		sum     map[string]float64
		cen     map[string]float64
	}
	var cs []*cl
	for _, g := range st {
		c := &cl{members: g, sum: map[string]float64{}}
		for _, k := range g {
			for t, w := range vecs[k] {
				c.sum[t] += w
			}
		}
		cs = append(cs, c)
	}
	cen := func(c *cl) {
		c.cen = map[string]float64{}
		for t, w := range c.sum {
			c.cen[t] = w
		}
		norm(c.cen)
	}
	for _, c := range cs {
		cen(c)
	}
	ths := []float64{0.2, 0.17, 0.15, 0.13, 0.11, 0.1, 0.09}
	ti := 0
	for {
		bi, bj, bs := -1, -1, -1.0
		for i := range cs {
			for j := i + 1; j < len(cs); j++ {
				if s := dot(cs[i].sum, cs[j].sum) / float64(len(cs[i].members)*len(cs[j].members)); s > bs {
					bi, bj, bs = i, j, s
				}
			}
		}
		for ti < len(ths) && bs < ths[ti] {
			pred := make([]string, len(docs))
			for s, c := range cs {
				for _, k := range c.members {
					pred[k] = fmt.Sprint(s)
				}
			}
			score(fmt.Sprintf("micro %.2f merge %.2f", th1, ths[ti]), pred, r.Gold)
			ti++
		}
		if ti == len(ths) || bi < 0 {
			os.Exit(0)
		}
		a, b := cs[bi], cs[bj]
		a.members = append(a.members, b.members...)
		for t, w := range b.sum {
			a.sum[t] += w
		}
		cen(a)
		cs = append(cs[:bj], cs[bj+1:]...)
	}
}
