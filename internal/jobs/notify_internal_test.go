package jobs

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestPlacedPayload(t *testing.T) {
	many := make([]Placement, 1000)
	for i := range many {
		many[i] = Placement{Article: int64(1000 + i), Story: int64(7 + i%3), CopyOf: int64(i % 2 * 999)}
	}
	tests := []struct {
		name string
		id   int64
		told []Placement
		want string // "" when only the length bound is checked
	}{
		{"none", 42, nil, "42"},
		{"some", 42, []Placement{{40, 3, 0}, {42, 5, 40}}, "42 40:3:0 42:5:40"},
		{"over the bound", 1999, many, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := placedPayload(tc.id, tc.told)
			if tc.want != "" && p != tc.want {
				t.Errorf("placedPayload = %q, want %q", p, tc.want)
			}
			if len(p) > maxTold {
				t.Errorf("payload of %d bytes, over %d", len(p), maxTold)
			}
			id, got := parsePlaced(p)
			if id != tc.id {
				t.Errorf("parsePlaced id = %d, want %d", id, tc.id)
			}
			if len(got) == 0 && len(tc.told) > 0 || !reflect.DeepEqual(got, tc.told[:len(got)]) {
				t.Errorf("parsePlaced told %v, want a prefix of %v", got, tc.told)
			}
			if tc.want == "" && len(got) == len(tc.told) {
				t.Errorf("all %d placements told in %d bytes: the case does not reach the bound", len(got), len(p))
			}
		})
	}
}

func TestParsePlacedBad(t *testing.T) {
	tests := []struct {
		payload string
		id      int64
		told    []Placement
	}{
		{"", 0, nil},
		{"x", 0, nil},
		{"-4", 0, nil},
		{"17", 17, nil},
		{"17 3:4", 17, nil}, // no copy field
		{"17 3:4:0 18:4:0", 17, []Placement{{3, 4, 0}}}, // an article beyond id
		{"17 3:0:0 5:6:x 9:2:1", 17, []Placement{{9, 2, 1}}},
	}
	for _, tc := range tests {
		id, told := parsePlaced(tc.payload)
		if id != tc.id || !reflect.DeepEqual(told, tc.told) {
			t.Errorf("parsePlaced(%q) = %d, %v; want %d, %v", tc.payload, id, told, tc.id, tc.told)
		}
	}
}

// TestWaitersEarly checks that the end of a job told before its waiter
// came is kept for it, and that only the last maxEarly such ends are.
func TestWaitersEarly(t *testing.T) {
	w := newWaiters()
	w.jobDone(1, `{"id":5}`)
	ch, forget := w.job(1)
	select {
	case got := <-ch:
		if got != `{"id":5}` {
			t.Errorf("told %q", got)
		}
	default:
		t.Fatal("the end told before the wait is lost")
	}
	forget()
	for i := range int64(maxEarly + 10) {
		w.jobDone(100+i, fmt.Sprint(i))
	}
	if len(w.early) != maxEarly {
		t.Errorf("%d ends kept, want %d", len(w.early), maxEarly)
	}
	ch, _ = w.job(100) // the oldest: forgotten
	select {
	case got := <-ch:
		t.Errorf("job 100 told %q after %d more ends", got, maxEarly)
	default:
	}
	ch, _ = w.job(100 + maxEarly + 9)
	if got := <-ch; got != fmt.Sprint(maxEarly+9) {
		t.Errorf("the last end told %q", got)
	}
	// A waiter that waits before the end is told it, and nothing is kept.
	ch, _ = w.job(7)
	n := len(w.early)
	w.jobDone(7, "seven")
	if got := <-ch; got != "seven" || len(w.early) != n {
		t.Errorf("told %q, %d ends kept (was %d)", got, len(w.early), n)
	}
}

// TestWaitersPlaced checks the placements told: how far, and where each
// told article went, the last maxEarly of them.
func TestWaitersPlaced(t *testing.T) {
	w := newWaiters()
	next, upTo := w.placement()
	if upTo != 0 {
		t.Fatalf("upTo %d before any telling", upTo)
	}
	w.wasPlaced(parsePlaced("12 11:3:0 12:3:11"))
	select {
	case <-next:
	default:
		t.Fatal("a telling did not wake the waiters")
	}
	if _, upTo = w.placement(); upTo != 12 {
		t.Errorf("upTo %d, want 12", upTo)
	}
	if pl, ok := w.toldPlacement(12); !ok || pl != (Placement{12, 3, 11}) {
		t.Errorf("toldPlacement(12) = %v, %v", pl, ok)
	}
	w.wasPlaced(parsePlaced("9")) // an older telling does not go back
	if _, upTo = w.placement(); upTo != 12 {
		t.Errorf("upTo %d after an older telling, want 12", upTo)
	}
	var many []string
	for i := range maxEarly {
		many = append(many, fmt.Sprintf("%d:1:0", 100+i))
	}
	w.wasPlaced(parsePlaced(fmt.Sprint(100+maxEarly, " ", strings.Join(many, " "))))
	if _, ok := w.toldPlacement(11); ok {
		t.Error("placement 11 still held after maxEarly more")
	}
	w.unheard()
	if _, upTo = w.placement(); upTo != 0 {
		t.Errorf("upTo %d after the listener began again", upTo)
	}
}
