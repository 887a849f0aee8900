package snap_test

import (
	"fmt"
	"time"

	"tidings/internal/snap"
)

// A Reader reads back what a Writer wrote, in the same order.
func Example() {
	var w snap.Writer
	w.Uint(3)
	w.String("ferry")
	w.Float(0.1)
	w.Time(time.Date(2026, 3, 3, 12, 0, 0, 0, time.UTC))
	r := snap.NewReader(w.Buf)
	n, s, f, t := r.Uint(), r.String(), r.Float(), r.Time()
	fmt.Println(n, s, f, t.Format(time.DateOnly), r.Done())
	r = snap.NewReader(w.Buf[:3])
	r.Uint()
	fmt.Println(r.String(), r.Done())
	// Output:
	// 3 ferry 0.1 2026-03-03 <nil>
	//  snap: corrupt data
}
