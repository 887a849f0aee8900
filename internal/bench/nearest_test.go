package bench

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/cluster"
)

func doc(text string, date string) cluster.Doc {
	d := cluster.Doc{Terms: strings.Fields(text)}
	if date != "" {
		d.Date, _ = time.Parse(time.DateOnly, date)
	}
	return d
}

func TestNearest(t *testing.T) {
	tests := []struct {
		name string
		docs []cluster.Doc
		want []int
	}{
		{"pairs", []cluster.Doc{
			doc("ferry strike crews lannic", ""), doc("geneva talks ministers border", ""),
			doc("ferry strike crews pay", ""), doc("geneva talks ministers troops", ""),
		}, []int{2, 3, 0, 1}},
		{"nothing shared", []cluster.Doc{doc("ferry strike", ""), doc("geneva talks", "")}, []int{-1, -1}},
		{"a tie goes to the earlier", []cluster.Doc{doc("ferry", ""), doc("ferry", ""), doc("ferry", "")}, []int{1, 0, 0}},
		{"empty", []cluster.Doc{{}, doc("ferry", "")}, []int{-1, -1}},
		{"dates do not count", []cluster.Doc{
			doc("ferry strike crews", "2026-03-02"), doc("ferry strike crews", "2026-05-02"), doc("ferry talks", "2026-03-02"),
		}, []int{1, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Nearest(tt.docs); !slices.Equal(got, tt.want) {
				t.Errorf("Nearest = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestReassign(t *testing.T) {
	docs := []cluster.Doc{
		doc("ferry strike crews lannic", ""), doc("ferry strike crews pay", ""),
		doc("geneva talks ministers border", ""), doc("geneva talks ministers troops", ""),
		doc("volcano ash flights", ""), doc("geneva talks ministers ceasefire", ""),
	}
	tests := []struct {
		name   string
		groups [][]int
		want   [][]int
	}{
		{"a held grouping stays", [][]int{{0, 1}, {2, 3, 5}, {4}}, [][]int{{0, 1}, {2, 3, 5}, {4}}},
		{"a misplaced article moves", [][]int{{0, 1, 2}, {3, 5}, {4}}, [][]int{{0, 1}, {2, 3, 5}, {4}}},
		{"nothing shared: it stays", [][]int{{0, 1, 4}, {2, 3, 5}}, [][]int{{0, 1, 4}, {2, 3, 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Reassign(docs, tt.groups); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Reassign = %v, want %v", got, tt.want)
			}
		})
	}
}
