package main

import (
	"encoding/json"
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"

	"tidings/eval"
)

func main() {
	res, err := eval.LoadResources("../shared/data/rouge-golden")
	if err != nil {
		panic(err)
	}
	o, _ := eval.ParseArgs(strings.Fields("-n 2 -m -a"))
	f, _ := os.Open("../shared/data/multinews-dev.jsonl")
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<26)
	type row struct {
		id        string
		a, b      float64
	}
	var rows []row
	for sc.Scan() {
		var c struct {
			ID   string `json:"id"`
			Refs []struct{ Text string } `json:"refs"`
		}
		json.Unmarshal(sc.Bytes(), &c)
		var models []string
		for _, r := range c.Refs {
			models = append(models, r.Text)
		}
		get := func(dir string) float64 {
			b, err := os.ReadFile(dir + "/" + c.ID + ".txt")
			if err != nil {
				return -1
			}
			r, _ := eval.Evaluate(string(b), models, o, res)
			s, _ := r.Get("ROUGE-2")
			return s.F
		}
		rows = append(rows, row{c.ID, get(os.Args[1]), get(os.Args[2])})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].a-rows[i].b < rows[j].a-rows[j].b })
	for _, r := range rows {
		fmt.Printf("%s %.4f %.4f %+.4f\n", r.id, r.a, r.b, r.a-r.b)
	}
}
