package main

import (
	"encoding/json"
	"os"

	"tidings"
	"tidings/dedupe"
	"tidings/ingest"
	"tidings/news"
)

func main() {
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
	tOf := map[string]string{}
	for i := range arts {
		a := arts[i]
		if _, err := p.Prepare(&a); err != nil {
			continue
		}
		prep = append(prep, a)
		tOf[a.ID] = gold[i]
	}
	kept := dedupe.Fold(prep, dedupe.Options{})
	type rec struct {
		Doc   any
		Gold  string
	}
	var out []rec
	for i := range kept {
		out = append(out, rec{tidings.Doc(&kept[i]), tOf[kept[i].ID]})
	}
	b, _ := json.Marshal(out)
	os.WriteFile("/tmp/pooled_docs.json", b, 0o644)
}
