package bench_test

import (
	"context"
	"fmt"
	"strings"

	"tidings"
	"tidings/eval"
	"tidings/internal/bench"
)

// ExampleRun scores the lead baseline on a one-cluster data set of our
// own making under its convention (a data set named "own": 100 words,
// ROUGE "-n 2 -m -a").
func ExampleRun() {
	data := `{"dataset": "own", "id": "ferry", "docs": [` +
		`{"id": "a", "text": "The island ferry resumed on Monday after a winter of repairs to the harbour wall."},` +
		`{"id": "b", "text": "Ferry sailings to the islands began again on Monday."}],` +
		`"refs": [{"id": "A", "text": "The island ferry resumed on Monday."}]}`
	var clusters []bench.Cluster
	for c, err := range bench.ReadClusters("own.jsonl", strings.NewReader(data)) {
		if err != nil {
			fmt.Println(err)
			return
		}
		clusters = append(clusters, c)
	}
	conv := bench.ConventionFor(clusters[0].Dataset)
	o, err := eval.ParseArgs(strings.Fields("-n 2 -a")) // -m needs ROUGE's data files
	if err != nil {
		fmt.Println(err)
		return
	}
	lead, _ := tidings.SummarizerByName("lead")
	rep, err := bench.Run(context.Background(), clusters, []bench.System{{Name: "lead", Summarizer: lead}},
		bench.RunOptions{Words: conv.Words, ROUGE: o})
	if err != nil {
		fmt.Println(err)
		return
	}
	s := rep.Systems[0].Score
	r1, _ := s.Get("ROUGE-1", "R")
	fmt.Printf("%d words, %q; %s over %d cluster: ROUGE-1 R %.2f\n", conv.Words, conv.ROUGE, s.Name, s.Clusters, r1.Mean)
	// Output:
	// 100 words, "-n 2 -m -a"; lead over 1 cluster: ROUGE-1 R 1.00
}
