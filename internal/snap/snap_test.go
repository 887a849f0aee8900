package snap

import (
	"math"
	"testing"
	"time"
)

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		put  func(w *Writer)
		get  func(r *Reader) bool
	}{
		{"uint max", func(w *Writer) { w.Uint(math.MaxUint64) }, func(r *Reader) bool { return r.Uint() == math.MaxUint64 }},
		{"negative int", func(w *Writer) { w.Int(-7) }, func(r *Reader) bool { return r.Int() == -7 }},
		{"float bits", func(w *Writer) { w.Float(math.Nextafter(1, 2)) }, func(r *Reader) bool { return r.Float() == math.Nextafter(1, 2) }},
		{"float32 bits", func(w *Writer) { w.Float32(math.Nextafter32(1, 2)) }, func(r *Reader) bool { return r.Float32() == math.Nextafter32(1, 2) }},
		{"fixed", func(w *Writer) { w.Fixed(1 << 63) }, func(r *Reader) bool { return r.Fixed() == 1<<63 }},
		{"empty string", func(w *Writer) { w.String("") }, func(r *Reader) bool { return r.String() == "" }},
		{"zero time", func(w *Writer) { w.Time(time.Time{}) }, func(r *Reader) bool { return r.Time().IsZero() }},
		{"far time", func(w *Writer) { w.Time(time.Date(9999, 1, 2, 3, 4, 5, 6, time.UTC)) },
			func(r *Reader) bool { return r.Time().Equal(time.Date(9999, 1, 2, 3, 4, 5, 6, time.UTC)) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var w Writer
			tc.put(&w)
			r := NewReader(w.Buf)
			if !tc.get(r) || r.Done() != nil {
				t.Errorf("read back %x: wrong value or error %v", w.Buf, r.Err())
			}
		})
	}
}

// TestCount checks that a count larger than the data left is an error,
// not an allocation.
func TestCount(t *testing.T) {
	t.Parallel()
	var w Writer
	w.Uint(1 << 40)
	r := NewReader(w.Buf)
	if n := r.Count(8); n != 0 || r.Err() == nil {
		t.Errorf("Count of 1<<40 over %d bytes = %d, %v; want 0 and an error", len(w.Buf), n, r.Err())
	}
}

func FuzzReader(f *testing.F) {
	f.Add([]byte{1, 5, 'f', 'e', 'r', 'r', 'y'})
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(data)
		for r.Err() == nil && len(r.data) > 0 {
			r.Uint()
			_ = r.String()
			r.Time()
			r.Float()
			r.Float32()
		}
	})
}
