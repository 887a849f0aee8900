package cluster_test

import (
	"fmt"
	"strings"
	"time"

	"tidings/cluster"
)

// doc builds a Doc from space-separated terms and names (the segment
// stage's stems, written out by hand here) and a day of 2026.
func doc(terms, names string, month time.Month, day int) cluster.Doc {
	return cluster.Doc{Terms: strings.Fields(terms), Names: strings.Fields(names), Date: time.Date(2026, month, day, 0, 0, 0, 0, time.UTC)}
}

// Two reports of the ceasefire talks make one story; the strike is
// another; the same ministers meeting again five weeks later is a third,
// kept apart by the time window.
func ExampleBatch() {
	docs := []cluster.Doc{
		doc("minist meet talk ceasefir border river end deal", "berg sal geneva norland ostrava", time.March, 2),
		doc("talk ceasefir river end without sign agreement minist", "berg sal geneva vell", time.March, 2),
		doc("dock worker strike pay port ship wait", "marlow harbour union", time.March, 3),
		doc("minist meet talk ceasefir border river second round", "berg sal geneva norland ostrava", time.April, 6),
	}
	for i, story := range cluster.Batch(docs, cluster.Options{}) {
		fmt.Println("story", i, story)
	}
	// Without the window, content alone puts the two meetings together.
	fmt.Println(cluster.Batch(docs, cluster.Options{Window: -1}))
	// Output:
	// story 0 [0 1]
	// story 1 [2]
	// story 2 [3]
	// [[0 1 3] [2]]
}

// A Clusterer places one article at a time, for a service that receives
// them as they are published.
func ExampleClusterer() {
	c := cluster.New(cluster.Options{})
	for _, d := range []cluster.Doc{
		doc("minist meet talk ceasefir border river end deal", "berg sal geneva norland ostrava", time.March, 2),
		doc("dock worker strike pay port ship wait", "marlow harbour union", time.March, 3),
		doc("talk ceasefir river end without sign agreement minist", "berg sal geneva vell", time.March, 3),
	} {
		fmt.Println("article", c.Len(), "joins story", c.Add(d))
	}
	fmt.Println(c.Stories())
	// Output:
	// article 0 joins story 0
	// article 1 joins story 1
	// article 2 joins story 0
	// [[0 2] [1]]
}
