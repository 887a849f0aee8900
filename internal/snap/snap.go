package snap

import (
	"encoding/binary"
	"errors"
	"math"
	"time"
)

// ErrCorrupt is the error of a Reader whose data ends early or holds a
// value out of range.
var ErrCorrupt = errors.New("snap: corrupt data")

// Writer appends values to Buf.
type Writer struct {
	Buf []byte
}

// Uint appends v as an unsigned varint.
func (w *Writer) Uint(v uint64) { w.Buf = binary.AppendUvarint(w.Buf, v) }

// Int appends v as a signed (zig-zag) varint.
func (w *Writer) Int(v int64) { w.Buf = binary.AppendVarint(w.Buf, v) }

// Float appends the exact bits of v.
func (w *Writer) Float(v float64) {
	w.Buf = binary.LittleEndian.AppendUint64(w.Buf, math.Float64bits(v))
}

// Float32 appends the exact bits of v in 4 bytes.
func (w *Writer) Float32(v float32) {
	w.Buf = binary.LittleEndian.AppendUint32(w.Buf, math.Float32bits(v))
}

// Fixed appends v as 8 bytes, for values (hashes) that a varint would
// lengthen.
func (w *Writer) Fixed(v uint64) { w.Buf = binary.LittleEndian.AppendUint64(w.Buf, v) }

// String appends s, length first.
func (w *Writer) String(s string) {
	w.Uint(uint64(len(s)))
	w.Buf = append(w.Buf, s...)
}

// Bytes appends b, length first.
func (w *Writer) Bytes(b []byte) {
	w.Uint(uint64(len(b)))
	w.Buf = append(w.Buf, b...)
}

// Time appends t as Unix seconds and nanoseconds; the zero time is kept
// apart. The location is not kept: times come back in UTC.
func (w *Writer) Time(t time.Time) {
	if t.IsZero() {
		w.Uint(0)
		return
	}
	w.Uint(1)
	w.Int(t.Unix())
	w.Uint(uint64(t.Nanosecond()))
}

// Reader reads what a Writer wrote, in the same order.
type Reader struct {
	data []byte
	err  error
}

// NewReader returns a Reader over data.
func NewReader(data []byte) *Reader { return &Reader{data: data} }

// Err returns the first error met, or nil.
func (r *Reader) Err() error { return r.err }

// Done reports an error when r met one or data is left over.
func (r *Reader) Done() error {
	if r.err == nil && len(r.data) > 0 {
		r.err = ErrCorrupt
	}
	return r.err
}

func (r *Reader) fail() {
	if r.err == nil {
		r.err = ErrCorrupt
	}
	r.data = nil
}

// Uint reads an unsigned varint.
func (r *Reader) Uint() uint64 {
	v, n := binary.Uvarint(r.data)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.data = r.data[n:]
	return v
}

// Int reads a signed varint.
func (r *Reader) Int() int64 {
	v, n := binary.Varint(r.data)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.data = r.data[n:]
	return v
}

// Count reads a length of things of at least min bytes each: an error
// when fewer bytes are left than that many such things take.
func (r *Reader) Count(min int) int {
	v := r.Uint()
	if min < 1 {
		min = 1
	}
	if v > uint64(len(r.data)/min) {
		if v > 0 {
			r.fail()
		}
		return 0
	}
	return int(v)
}

// Index reads a number below n.
func (r *Reader) Index(n int) int {
	v := r.Uint()
	if v >= uint64(n) {
		r.fail()
		return 0
	}
	return int(v)
}

// Float reads a float64.
func (r *Reader) Float() float64 { return math.Float64frombits(r.Fixed()) }

// Float32 reads a float32 as written by Writer.Float32.
func (r *Reader) Float32() float32 {
	if len(r.data) < 4 {
		r.fail()
		return 0
	}
	v := binary.LittleEndian.Uint32(r.data)
	r.data = r.data[4:]
	return math.Float32frombits(v)
}

// Fixed reads 8 bytes as written by Writer.Fixed.
func (r *Reader) Fixed() uint64 {
	if len(r.data) < 8 {
		r.fail()
		return 0
	}
	v := binary.LittleEndian.Uint64(r.data)
	r.data = r.data[8:]
	return v
}

// String reads a string.
func (r *Reader) String() string {
	n := r.Count(1)
	if r.err != nil || n > len(r.data) {
		r.fail()
		return ""
	}
	s := string(r.data[:n])
	r.data = r.data[n:]
	return s
}

// Bytes reads what Writer.Bytes wrote; the result shares r's data.
func (r *Reader) Bytes() []byte {
	n := r.Count(1)
	if r.err != nil {
		return nil
	}
	b := r.data[:n:n]
	r.data = r.data[n:]
	return b
}

// Time reads a time, in UTC.
func (r *Reader) Time() time.Time {
	switch r.Uint() {
	case 0:
		return time.Time{}
	case 1:
		sec := r.Int()
		ns := r.Uint()
		if ns >= 1e9 {
			break
		}
		return time.Unix(sec, int64(ns)).UTC()
	}
	r.fail()
	return time.Time{}
}
