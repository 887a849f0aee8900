package server

import (
	"testing"
	"time"
)

// TestWorkerDue checks when the background summarizer's next round may
// begin: at once after one post, but during a burst of posts not before
// the rest after the last round, even when the posts come with short
// gaps (as on a busy machine), and at once when the burst is over.
func TestWorkerDue(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	ms := func(n int) time.Time { return now.Add(time.Duration(n) * time.Millisecond) }
	tests := []struct {
		name string
		// first and last touch, end and length of the last round, flush
		first, last, ended time.Time
		took               time.Duration
		flush              bool
		want               time.Duration
	}{
		{"one post, no round yet", ms(-10), ms(-10), time.Time{}, 0, false, 40 * time.Millisecond},
		{"one post, quiet since", ms(-60), ms(-60), time.Time{}, 0, false, 0},
		{"one post long after the last round", ms(-60), ms(-60), ms(-5000), 100 * time.Millisecond, false, 0},
		{"a gap in a burst, resting", ms(-500), ms(-60), ms(-100), 200 * time.Millisecond, false, 190 * time.Millisecond},
		{"a gap in a burst, rested", ms(-500), ms(-60), ms(-700), 200 * time.Millisecond, false, 0},
		{"posts go on, rested: a gap may start it", ms(-300), ms(-1), ms(-5000), 100 * time.Millisecond, false, 49 * time.Millisecond},
		{"posts go on, rest after the gathering", ms(-1200), ms(-1), ms(-100), time.Second, false, 249 * time.Millisecond},
		{"posts go on, gathered and rested", ms(-1200), ms(-1), ms(-5000), time.Second, false, 0},
		{"the burst over, resting", ms(-3000), ms(-250), ms(-100), time.Second, false, 0},
		{"flush", ms(-1), ms(-1), ms(-1), time.Second, true, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := &worker{first: tc.first, last: tc.last, ended: tc.ended, took: tc.took, flush: tc.flush}
			if got := w.due(now); got != tc.want {
				t.Errorf("due = %v, want %v", got, tc.want)
			}
		})
	}
}
