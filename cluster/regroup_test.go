package cluster

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// Two quakes of one kind in one country, years apart: the reports of the
// first carry dates, those of the second none. They share the words of
// the kind of event; only the places and figures differ.
var (
	quakeDated = []Doc{
		doc("quake magnitude indonesia killed injured tsunami aceh bener meriah takengon landslide", "2013-07-02"),
		doc("quake magnitude indonesia killed injured aceh bener meriah takengon rescuers", "2013-07-02"),
		doc("quake magnitude indonesia killed aceh bener meriah takengon villages", "2013-07-03"),
		doc("quake magnitude indonesia injured tsunami aceh bener meriah landslide rescuers", "2013-07-03"),
		doc("quake magnitude indonesia killed tsunami aceh bener meriah takengon landslide", "2013-07-04"),
	}
	quakeUndated = []Doc{
		doc("quake magnitude indonesia killed injured tsunami papua manokwari sorong tents", ""),
		doc("quake magnitude indonesia killed injured papua manokwari sorong buildings", ""),
		doc("quake magnitude indonesia killed papua manokwari sorong tents aftershocks", ""),
	}
)

// TestUntimedJoin: an article whose time cannot confirm a story's (one
// of the two has no date) joins it only when the content says more than
// the plain threshold asks, so the undated quake makes its own story,
// in Batch and in a Clusterer fed any order; an undated report that
// repeats a dated story's details still joins it.
func TestUntimedJoin(t *testing.T) {
	copyOfDated := doc("quake magnitude indonesia killed injured tsunami aceh bener meriah takengon rescuers", "")
	tests := []struct {
		name string
		docs []Doc
		want string
	}{
		{"two quakes, one undated", slices.Concat(quakeDated, quakeUndated), "[[0 1 2 3 4] [5 6 7]]"},
		{"an undated report of the dated quake", append(slices.Clone(quakeDated), copyOfDated), "[[0 1 2 3 4 5]]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := fmt.Sprint(Batch(tc.docs, Options{})); got != tc.want {
				t.Errorf("Batch = %s, want %s", got, tc.want)
			}
			for seed := range uint64(6) {
				order := rand.New(rand.NewPCG(seed, 7)).Perm(len(tc.docs))
				if got := fmt.Sprint(addInOrder(tc.docs, order, Options{})); got != tc.want {
					t.Errorf("order %v: Clusterer stories %s, want %s", order, got, tc.want)
				}
			}
		})
	}
}

// TestUntimedJoinFixture checks the premise of TestUntimedJoin: each
// report of the undated quake matches the dated quake's story above the
// plain threshold but below untimedJoin, so that without the rule it
// would join.
func TestUntimedJoinFixture(t *testing.T) {
	for i, d := range quakeUndated {
		if c := cosineTo(quakeDated, d); c < DefaultThreshold || c >= untimedJoin {
			t.Errorf("cosine of undated report %d to the dated story = %.3f, want in [%.2f, %.2f)", i, c, DefaultThreshold, untimedJoin)
		}
	}
}

// cosineTo returns the cosine of d to the centroid of story, with term
// weights over story and d together, as Batch weighs them.
func cosineTo(story []Doc, d Doc) float64 {
	c, _ := weighed(append(slices.Clone(story), d), Options{})
	for _, s := range story {
		v, probe := c.vector(s)
		c.record(v, probe, s.Date, nil)
		c.of = append(c.of, 0)
		if len(c.stories) == 0 {
			c.newStory()
		}
		c.join(0, c.Len()-1)
	}
	v, _ := c.vector(d)
	return c.cosine(c.vecs.at(v), c.stories[0])
}

// addInOrder adds docs to a Clusterer in order and returns its stories
// by index into docs, as Batch does.
func addInOrder(docs []Doc, order []int, opts Options) [][]int {
	c := New(opts)
	for _, k := range order {
		c.Add(docs[k])
	}
	stories := c.Stories()
	for _, s := range stories {
		for j, k := range s {
			s[j] = order[k]
		}
		slices.Sort(s)
	}
	slices.SortFunc(stories, func(a, b []int) int { return a[0] - b[0] })
	return stories
}

// TestRegroupAround: a story that took in the reports of two events, as
// an arrival order can leave it (here forced: every article joins story
// 0), is regrouped as Batch groups the same articles, and the moves say
// which articles left it.
func TestRegroupAround(t *testing.T) {
	meeting := "berg sal geneva ministers talks ceasefire vell river border norland ostrava"
	tests := []struct {
		name string
		docs []Doc
	}{
		{"two quakes, one undated", slices.Concat(quakeDated, quakeUndated)},
		{"one meeting twice, weeks apart", []Doc{
			doc(meeting+" troops", "2026-03-02"), doc(meeting+" kessel", "2026-03-03"),
			doc(meeting+" prisoners", "2026-03-24"), doc(meeting+" exchange", "2026-03-25"),
			doc(meeting+" troops kessel", "2026-03-03"), doc(meeting+" prisoners exchange", "2026-03-26"),
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, _ := weighed(tc.docs, Options{})
			c.newStory()
			for _, d := range tc.docs {
				v, probe := c.vector(d)
				c.record(v, probe, d.Date, d.Reported)
				c.of = append(c.of, 0)
				c.join(0, c.Len()-1)
			}
			moves, n := c.regroupAround(0)
			if n != len(tc.docs) {
				t.Errorf("regroupAround regrouped %d articles, want %d", n, len(tc.docs))
			}
			want := Batch(tc.docs, Options{})
			if got := c.Stories(); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("stories after regroupAround = %v, want Batch's %v", got, want)
			}
			moved := 0
			for _, m := range moves {
				if m.From != 0 || c.of[m.Article] != m.To {
					t.Errorf("move %+v does not match the stories", m)
				}
				moved++
			}
			if stay := len(c.stories[0].members); moved+stay != len(tc.docs) || len(want) < 2 {
				t.Errorf("%d moved and %d stayed of %d articles (Batch: %d stories)", moved, stay, len(tc.docs), len(want))
			}
		})
	}
}

// TestVocabularyBounded feeds a Clusterer articles of made-up words,
// each new: its vocabulary stops at its bound, an article counts at most
// MaxDocTerms distinct terms, and articles of known words still cluster.
func TestVocabularyBounded(t *testing.T) {
	c := New(Options{})
	c.maxVocab = 5000
	for i := range 4 {
		var d Doc
		for j := range 2 * MaxDocTerms {
			d.Terms = append(d.Terms, fmt.Sprintf("junk%d_%d", i, j))
		}
		c.Add(d)
		if got := c.vocab.Len(); i == 0 && got != MaxDocTerms {
			t.Errorf("after one article of %d new words the vocabulary holds %d, want %d", len(d.Terms), got, MaxDocTerms)
		}
	}
	if got := c.vocab.Len(); got != c.maxVocab {
		t.Errorf("vocabulary holds %d terms, want its bound %d", got, c.maxVocab)
	}
	if got := len(c.df); got > c.maxVocab {
		t.Errorf("document frequencies hold %d terms, want at most %d", got, c.maxVocab)
	}
	a := c.Add(doc("junk0_1 junk0_2 junk0_3 junk0_4", ""))
	b := c.Add(doc("junk0_1 junk0_2 junk0_3 junk0_5", ""))
	if a != b {
		t.Errorf("two articles of known terms made stories %d and %d, want one", a, b)
	}
}

// TestStaysWhole checks the short cut of regroupAround: whenever
// staysWhole says a story's articles would come back from regroup as one
// group, regroup gives exactly that, and whenever it says not, regroup
// gives some other grouping at least once. It runs on the stories of a
// Clusterer fed synthetic articles and on unions of two of its stories
// (which regroup mostly splits): with their dates, some undated and some
// reporting a day weeks later; all on one day, so that content decides;
// and with a threshold so low that every placement joins, so that the
// split test decides.
func TestStaysWhole(t *testing.T) {
	var vocab []wordCount
	for i := range 5000 {
		vocab = append(vocab, wordCount{fmt.Sprint("w", i), 1 + 100000/(i+1)})
	}
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		opts Options
		date func(i int, d *Doc)
	}{
		{"dated, undated, reported", Options{}, func(i int, d *Doc) {
			switch {
			case i%5 == 0:
				d.Date = time.Time{}
			case i%7 == 0:
				d.Reported = []time.Time{d.Date.AddDate(0, 0, 20)}
			}
		}},
		{"one day", Options{}, func(_ int, d *Doc) { d.Date = day }},
		{"one day, every join", Options{Threshold: 0.001}, func(_ int, d *Doc) { d.Date = day }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			docs := synthetic(600, 3, vocab)
			for i := range docs {
				tc.date(i, &docs[i])
			}
			c := New(tc.opts)
			for _, d := range docs {
				c.Add(d)
			}
			var whole, not, differ int
			check := func(members []int) {
				members = slices.Sorted(slices.Values(members))
				got := c.staysWhole(members)
				groups := c.regroup(members)
				same := len(groups) == 1 && slices.Equal(groups[0], members)
				switch {
				case got && !same:
					t.Errorf("staysWhole(%v) = true, regroup gives %v", members, groups)
				case got:
					whole++
				case !same:
					not++
					differ++
				default:
					not++
				}
			}
			stories := c.Stories()
			// A copy of a story's first article dated 30 days later:
			// alike in content, outside the time window. And an undated
			// article of its first article's background words and a few
			// of its event's words: somewhat alike (see untimedJoin).
			var later, vague []int
			for _, s := range stories {
				d := docs[s[0]]
				u := Doc{Terms: slices.Concat(d.Terms[:150], d.Terms[150:150+12])}
				c.Add(u)
				vague = append(vague, c.Len()-1)
				if d.Date.IsZero() {
					later = append(later, -1)
					continue
				}
				d.Date, d.Reported = d.Date.AddDate(0, 0, 30), nil
				c.Add(d)
				later = append(later, c.Len()-1)
			}
			for i, s := range stories {
				if len(s) >= passRegroupMin {
					check(s)
				}
				check(append(slices.Clone(s), vague[i]))
				if later[i] >= 0 && tc.opts.Threshold == 0 {
					check(append(slices.Clone(s), later[i]))
				}
				if i > 0 && len(s)+len(stories[i-1]) <= splitMax {
					check(slices.Concat(s, stories[i-1]))
					check(append(slices.Clone(s), stories[i-1][0]))
				}
			}
			t.Logf("%d whole, %d not (%d of them regrouped otherwise)", whole, not, differ)
			if whole == 0 || differ == 0 {
				t.Errorf("%d whole, %d regrouped otherwise: the test needs both", whole, differ)
			}
		})
	}
}
