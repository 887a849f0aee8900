package dedupe

import (
	"fmt"
	"testing"
)

// TestKeepAndRestore checks that an index restored from its state finds
// the copies the original finds, and that Keep renumbers the texts it
// keeps and forgets the others.
func TestKeepAndRestore(t *testing.T) {
	t.Parallel()
	texts := []string{wire, "A different report on the council vote about the harbour budget for next year, by our correspondent.", "", reprint}
	x := NewIndex(Options{})
	for _, s := range texts[:3] {
		x.Add(s)
	}
	data, err := x.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	y := NewIndex(Options{})
	if err := y.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	if a, b := x.Add(reprint), y.Add(reprint); a != 0 || b != 0 {
		t.Errorf("Add(reprint) = %d original, %d restored; want 0", a, b)
	}
	tests := []struct {
		name string
		kept []int
		want int
	}{
		{"the copied text kept, renumbered", []int{1, 2, 3}, 2}, // text 3 is the reprint: now 2
		{"the copied texts dropped", []int{1, 2}, -1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			z := NewIndex(Options{})
			if err := z.UnmarshalBinary(data); err != nil {
				t.Fatal(err)
			}
			z.Add(reprint)
			z.Keep(tc.kept)
			if got := z.Add(wire); got != tc.want || z.Len() != len(tc.kept)+1 {
				t.Errorf("after Keep(%v): Add(wire) = %d, Len %d; want %d, %d", tc.kept, got, z.Len(), tc.want, len(tc.kept)+1)
			}
		})
	}
}

func FuzzUnmarshal(f *testing.F) {
	x := NewIndex(Options{})
	x.Add(wire)
	data, _ := x.AppendBinary(nil)
	f.Add(data)
	f.Add([]byte{1})
	f.Fuzz(func(t *testing.T, data []byte) {
		y := NewIndex(Options{})
		if err := y.UnmarshalBinary(data); err != nil {
			return
		}
		y.Add(fmt.Sprint(len(data), " words to add"))
	})
}
