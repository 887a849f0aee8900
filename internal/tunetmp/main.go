package main

import (
	"cmp"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"

	"tidings"
	"tidings/cluster"
	"tidings/dedupe"
	"tidings/eval"
	"tidings/ingest"
	"tidings/news"
)

type keptT = news.Article

type ent struct {
	id int
	w  float64
}

var topN = 100
var idfP = 1.0
var tfMode = "log"
var bigrams = false

func tfw(f float64) float64 {
	switch tfMode {
	case "raw":
		return f
	case "bin":
		return 1
	case "sqrt":
		return math.Sqrt(f)
	}
	return 1 + math.Log(f)
}

func main() {
	if v := os.Getenv("TOPN"); v != "" {
		fmt.Sscan(v, &topN)
	}
	if v := os.Getenv("IDFP"); v != "" {
		fmt.Sscan(v, &idfP)
	}
	if v := os.Getenv("TF"); v != "" {
		tfMode = v
	}
	bigrams = os.Getenv("BIG") != ""
	var arts []news.Article
	var gold []string
	for _, path := range []string{"tac2009", "multinews-dev", "multiling2011_en", "duc2006"} {
		f, _ := os.Open("../shared/data/" + path + ".jsonl")
		for c, err := range ingest.Clusters(path, f) {
			if err != nil {
				continue
			}
			for _, a := range c.Articles {
				arts = append(arts, a)
				gold = append(gold, path+"#"+c.ID)
			}
		}
	}
	p := &tidings.Pipeline{}
	var prep []news.Article
	var truth []string
	for i := range arts {
		a := arts[i]
		if _, err := p.Prepare(&a); err != nil {
			continue
		}
		prep = append(prep, a)
		truth = append(truth, gold[i])
	}
	tOf := map[string]string{}
	for i, a := range prep {
		tOf[a.ID] = truth[i]
	}
	kept := dedupe.Fold(prep, dedupe.Options{})
	g := make([]string, len(kept))
	docs := make([]cluster.Doc, len(kept))
	for i := range kept {
		docs[i] = tidings.Doc(&kept[i])
		g[i] = tOf[kept[i].ID]
	}
	// vectors
	vocab := map[string]int{}
	df := map[int]int{}
	tfs := make([]map[int]float64, len(docs))
	for i, d := range docs {
		tf := map[int]float64{}
		for _, t := range d.Terms {
			id, ok := vocab[t]
			if !ok {
				id = len(vocab)
				vocab[t] = id
			}
			tf[id]++
		}
		if bigrams {
			for k := 1; k < len(d.Terms); k++ {
				t := d.Terms[k-1] + "_" + d.Terms[k]
				id, ok := vocab[t]
				if !ok {
					id = len(vocab)
					vocab[t] = id
				}
				tf[id]++
			}
		}
		for id := range tf {
			df[id]++
		}
		tfs[i] = tf
	}
	N := float64(len(docs))
	vecs := make([]map[int]float64, len(docs))
	for i, tf := range tfs {
		var v []ent
		for id, f := range tf {
			v = append(v, ent{id, tfw(f) * math.Pow(1+math.Log((N+1)/float64(df[id]+1)), idfP)})
		}
		slices.SortFunc(v, func(a, b ent) int {
			if c := cmp.Compare(b.w, a.w); c != 0 {
				return c
			}
			return cmp.Compare(a.id, b.id)
		})
		v = v[:min(len(v), topN)]
		var n float64
		for _, e := range v {
			n += e.w * e.w
		}
		n = math.Sqrt(n)
		m := map[int]float64{}
		for _, e := range v {
			m[e.id] = e.w / n
		}
		vecs[i] = m
	}
	n := len(docs)
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			a, b := vecs[i], vecs[j]
			if len(a) > len(b) {
				a, b = b, a
			}
			s := 0.0
			for id, w := range a {
				s += w * b[id]
			}
			sim[i][j], sim[j][i] = s, s
		}
	}
	// kNN purity
	nbr := make([][]int, n)
	for i := 0; i < n; i++ {
		idx := make([]int, 0, n-1)
		for j := 0; j < n; j++ {
			if j != i {
				idx = append(idx, j)
			}
		}
		sort.SliceStable(idx, func(a, b int) bool { return sim[i][idx[a]] > sim[i][idx[b]] })
		nbr[i] = idx[:50]
	}
	for _, k := range []int{1, 3, 5, 10, 20} {
		same := 0
		for i := 0; i < n; i++ {
			for _, j := range nbr[i][:k] {
				if g[i] == g[j] {
					same++
				}
			}
		}
		fmt.Printf("k=%d purity %.4f\n", k, float64(same)/float64(n*k))
	}
	score := func(name string, lab []int) {
		pred := make([]string, n)
		for i := range lab {
			pred[i] = fmt.Sprint(lab[i])
		}
		s, _ := eval.Clustering(pred, g)
		fmt.Printf("%-30s stories %4d P %.4f R %.4f F1 %.4f ARI %.4f\n", name, s.Predicted, s.Precision, s.Recall, s.F1, s.ARI)
	}
	// baseline batch
	b := cluster.Batch(docs, cluster.Options{Window: -1})
	lab := make([]int, n)
	for s, m := range b {
		for _, k := range m {
			lab[k] = s
		}
	}
	score("batch w0", lab)
	gl = g
	vv = vecs
	experiments(n, sim, nbr, score)
}
