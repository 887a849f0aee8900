package cluster

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/internal/snap"
)

// longStream returns days of articles, perDay stories a day of perStory
// articles each: every story has words of its own that no other story,
// earlier or later, uses (so the vocabulary grows with history), each
// article two words of a small set common to all days and one of three
// themes that last 30 days, a new one every 10 (kept through
// compactions while their ids change).
func longStream(days, perDay, perStory int) []Doc {
	rng := rand.New(rand.NewPCG(19, 1))
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var docs []Doc
	for day := range days {
		date := start.AddDate(0, 0, day)
		for s := range perDay {
			own := make([]string, 10)
			for i := range own {
				own[i] = fmt.Sprintf("d%ds%dw%d", day, s, i)
			}
			for a := range perStory {
				var terms []string
				for i := range 7 {
					terms = append(terms, own[(a+i)%len(own)])
				}
				terms = append(terms, fmt.Sprintf("common%d", rng.IntN(40)), fmt.Sprintf("common%d", rng.IntN(40)),
					fmt.Sprintf("theme%d", day/10+rng.IntN(3)))
				docs = append(docs, Doc{Terms: terms, Date: date.Add(time.Duration(a) * time.Hour)})
			}
		}
	}
	return docs
}

// inUse counts the terms of the articles c holds, as their vectors and
// the article sequence docs (by c's article number) hold them.
func inUse(held []Doc) int {
	seen := map[string]bool{}
	for _, d := range held {
		for _, t := range d.Terms {
			seen[t] = true
		}
	}
	return len(seen)
}

// TestRetireCompactsVocabulary adds a long stream with ever-new words to
// a Clusterer that compacts its vocabulary when it retires and to one
// that never compacts, retiring every day: their placements, moves and
// stories must be the same, the compacting one's vocabulary must stay
// within compactRatio times the terms of the articles it holds (plus one
// day's new terms), while the other's grows with history; halfway the
// compacting one is saved and restored, and its state must encode again
// to the same bytes.
func TestRetireCompactsVocabulary(t *testing.T) {
	const days, perDay, perStory = 90, 40, 5
	docs := longStream(days, perDay, perStory)
	a, b := New(Options{}), New(Options{})
	b.keepVocab = true
	var held []Doc // a's articles, by article number
	compactions, restored := 0, false
	for i, d := range docs {
		sa, sb := a.Add(d), b.Add(d)
		if sa != sb {
			t.Fatalf("article %d: placed in story %d, without compaction %d", i, sa, sb)
		}
		if ma, mb := a.Moves(), b.Moves(); !slices.Equal(ma, mb) {
			t.Fatalf("article %d: moves %v, without compaction %v", i, ma, mb)
		}
		held = append(held, d)
		if (i+1)%(perDay*perStory) != 0 {
			continue
		}
		before := d.Date.Add(-DefaultWindow - 24*time.Hour)
		was := a.vocab.Len()
		ka, kb := a.Retire(before, 0), b.Retire(before, 0)
		if !slices.Equal(ka, kb) {
			t.Fatalf("day %s: retire kept %d articles, without compaction %d", d.Date.Format(time.DateOnly), len(ka), len(kb))
		}
		if a.vocab.Len() < was {
			compactions++
		}
		for j, k := range ka {
			held[j] = held[k]
		}
		held = held[:len(ka)]
		if limit := compactRatio*inUse(held) + perDay*10; a.vocab.Len() > limit {
			t.Fatalf("day %s: vocabulary of %d terms, more than %d for the %d articles held", d.Date.Format(time.DateOnly), a.vocab.Len(), limit, len(held))
		}
		if compactions > 0 && !restored {
			restored = true
			data, err := a.AppendBinary(nil)
			if err != nil {
				t.Fatal(err)
			}
			r := New(Options{})
			if err := r.UnmarshalBinary(data); err != nil {
				t.Fatalf("restoring after a compaction: %v", err)
			}
			again, err := r.AppendBinary(nil)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(data, again) {
				t.Fatalf("state restored after a compaction encodes to %d bytes, not the %d it was read from", len(again), len(data))
			}
			a = r
		}
	}
	if compactions < 2 || !restored {
		t.Fatalf("%d compactions (restored: %v), want at least 2 and a restore", compactions, restored)
	}
	if !slices.EqualFunc(a.Stories(), b.Stories(), slices.Equal) {
		t.Errorf("stories differ from those without compaction")
	}
	if a.vocab.Len() >= b.vocab.Len()/2 {
		t.Errorf("vocabulary of %d terms, without compaction %d: want under half", a.vocab.Len(), b.vocab.Len())
	}
	t.Logf("%d articles, %d held; vocabulary %d terms (%d compactions), without compaction %d", len(docs), len(held), a.vocab.Len(), compactions, b.vocab.Len())
}

// TestStateVersions reads a version 1 state (without the articles that
// last counted each term) as if the latest article had counted every
// term, and refuses a version it does not know with a clear error.
func TestStateVersions(t *testing.T) {
	c := New(Options{})
	for _, d := range longStream(2, 3, 2) {
		c.Add(d)
	}
	v2, err := c.AppendBinary(nil)
	if err != nil {
		t.Fatal(err)
	}
	// The version 1 bytes: the version 2 ones without the last articles.
	var head, last snap.Writer
	head.Uint(2)
	head.Uint(uint64(c.vocab.Len()))
	for id := range c.vocab.Len() {
		head.String(c.vocab.Term(int32(id)))
	}
	head.Uint(uint64(len(c.df)))
	for _, f := range c.df {
		head.Uint(uint64(f))
	}
	last.Uint(uint64(len(c.lastDoc)))
	for _, k := range c.lastDoc {
		last.Uint(uint64(k + 1))
	}
	if !bytes.HasPrefix(v2, append(slices.Clone(head.Buf), last.Buf...)) {
		t.Fatal("version 2 state does not start as expected")
	}
	v1 := append([]byte{1}, head.Buf[1:]...)
	v1 = append(v1, v2[len(head.Buf)+len(last.Buf):]...)
	r := New(Options{})
	if err := r.UnmarshalBinary(v1); err != nil {
		t.Fatalf("reading version 1: %v", err)
	}
	if r.Len() != c.Len() || r.vocab.Len() != c.vocab.Len() {
		t.Fatalf("version 1 read as %d articles, %d terms; want %d, %d", r.Len(), r.vocab.Len(), c.Len(), c.vocab.Len())
	}
	for id, k := range r.lastDoc {
		if k != int32(c.Len()-1) {
			t.Fatalf("term %d last counted by article %d, want the latest, %d", id, k, c.Len()-1)
		}
	}
	v3 := append([]byte{3}, v2[1:]...)
	if err := r.UnmarshalBinary(v3); err == nil || !strings.Contains(err.Error(), "version 3") {
		t.Errorf("reading version 3: error %v, want one naming the version", err)
	}
}
