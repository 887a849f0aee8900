package main

import (
	"encoding/gob"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"tidings"
	"tidings/cluster"
	"tidings/eval"
	"tidings/ingest"
	"tidings/news"
)

type rec struct {
	Arts []news.Article
	Gold []string
}

func load() rec {
	var r rec
	f, err := os.Open("/tmp/pile2.gob")
	if err == nil {
		gob.NewDecoder(f).Decode(&r)
		return r
	}
	p := &tidings.Pipeline{}
	for _, path := range []string{"tac2009", "multinews-dev", "multiling2011_en", "duc2006"} {
		fh, _ := os.Open("../shared/data/" + path + ".jsonl")
		for c, err := range ingest.Clusters(path, fh) {
			if err != nil {
				panic(err)
			}
			for _, a := range c.Articles {
				if _, err := p.Prepare(&a); err != nil {
					continue
				}
				a.Raw = ""
				r.Arts = append(r.Arts, a)
				r.Gold = append(r.Gold, path+" "+c.ID)
			}
		}
	}
	w, _ := os.Create("/tmp/pile2.gob")
	gob.NewEncoder(w).Encode(r)
	w.Close()
	return r
}

func score(name string, pred, gold []string) {
	s, _ := eval.Clustering(pred, gold)
	// within-dataset: gold labels prefixed, pred labels prefixed by dataset too
	p2 := make([]string, len(pred))
	for i := range pred {
		p2[i] = strings.Fields(gold[i])[0] + pred[i]
	}
	w, _ := eval.Clustering(p2, gold)
	for _, ds := range []string{"tac2009", "multinews-dev", "multiling2011_en", "duc2006"} {
		var pp, gg []string
		for i := range pred {
			if strings.HasPrefix(gold[i], ds+" ") {
				pp = append(pp, p2[i])
				gg = append(gg, gold[i])
			}
		}
		d, _ := eval.Clustering(pp, gg)
		fmt.Printf("   %s n %d P %.3f R %.3f F1 %.3f\n", ds, len(pp), d.Precision, d.Recall, d.F1)
	}
	fmt.Printf("%-30s stories %d P %.4f R %.4f F1 %.4f ARI %.4f | within-set F1 %.4f\n", name, s.Predicted, s.Precision, s.Recall, s.F1, s.ARI, w.F1)
}

func main() {
	r := load()
	th, _ := strconv.ParseFloat(os.Args[1], 64)
	mode := os.Args[2]
	win := time.Duration(0)
	if len(os.Args) > 3 {
		win = -1
	}
	docs := make([]cluster.Doc, len(r.Arts))
	for i := range r.Arts {
		docs[i] = makeDoc(&r.Arts[i], mode)
	}
	far, _ := strconv.ParseFloat(os.Getenv("FAR"), 64)
	st := cluster.Batch(docs, cluster.Options{Threshold: th, Window: win, FarThreshold: far})
	pred := make([]string, len(docs))
	for s, g := range st {
		for _, k := range g {
			pred[k] = fmt.Sprint(s)
		}
	}
	score(fmt.Sprintf("th %.2f %s", th, mode), pred, r.Gold)
}

func makeDoc(a *news.Article, mode string) cluster.Doc {
	switch {
	case strings.HasPrefix(mode, "lead"):
		n, _ := strconv.Atoi(mode[4:])
		b := *a
		if len(b.Sentences) > n {
			b.Sentences = b.Sentences[:n]
		}
		return tidings.Doc(&b)
	}
	return tidings.Doc(a)
}

func init() {
	if len(os.Args) > 1 && os.Args[1] == "dates" {
		r := load()
		n := map[string][2]int{}
		for i, a := range r.Arts {
			ds := strings.Fields(r.Gold[i])[0]
			c := n[ds]
			c[1]++
			if !a.Date.IsZero() {
				c[0]++
			}
			n[ds] = c
		}
		fmt.Println(n)
		os.Exit(0)
	}
}
