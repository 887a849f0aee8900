package tidings_test

import (
	"fmt"
	"testing"
	"time"

	"tidings"
	"tidings/cluster"
	"tidings/internal/synth"
	"tidings/news"
)

// groupRun is what a run of a Grouper over a stream records, by index in
// the stream: the story and copied article (-1 for none) each Add
// reported, and each article's story at the end.
type groupRun struct {
	story, copyOf, final []int
	held                 int // articles the grouper held at the end
}

// runGrouper adds arts to a Grouper in order. With retire it retires
// every 2000 articles as the server does (before: the window and a day
// before the latest date); at each of restartAt articles it saves the
// grouper's state and goes on with a new Grouper restored from it.
func runGrouper(t *testing.T, arts []news.Article, retire bool, restartAt ...int) groupRun {
	t.Helper()
	g := tidings.NewGrouper(tidings.StoryOptions{})
	var run groupRun
	var orig []int // grouper number -> index in arts
	var latest time.Time
	for i := range arts {
		if len(restartAt) > 0 && restartAt[0] == i {
			restartAt = restartAt[1:]
			data, err := g.AppendBinary(nil)
			if err != nil {
				t.Fatal(err)
			}
			g = tidings.NewGrouper(tidings.StoryOptions{})
			if err := g.UnmarshalBinary(data); err != nil {
				t.Fatalf("restoring at %d: %v", i, err)
			}
		}
		copyOf, story, moved := g.Add(&arts[i])
		orig = append(orig, i)
		if copyOf >= 0 {
			copyOf = orig[copyOf]
		}
		run.story, run.copyOf, run.final = append(run.story, story), append(run.copyOf, copyOf), append(run.final, story)
		for _, m := range moved {
			run.final[orig[m.Article]] = m.Story
		}
		if arts[i].Date.After(latest) {
			latest = arts[i].Date
		}
		if retire && (i+1)%2000 == 0 {
			kept := g.Retire(latest.Add(-cluster.DefaultWindow-24*time.Hour), 20000)
			for j, k := range kept {
				orig[j] = orig[k]
			}
			orig = orig[:len(kept)]
		}
	}
	run.held = g.Len()
	return run
}

// synthPrepared returns a synthetic stream of n articles over days,
// prepared.
func synthPrepared(t *testing.T, n int, days float64) []news.Article {
	t.Helper()
	var arts []news.Article
	for _, a := range synth.Stream(synth.Options{Articles: n, Days: days, Seed: 19}) {
		na := a.Article
		if _, err := new(tidings.Pipeline).Prepare(&na); err != nil {
			t.Fatalf("article %s: %v", na.ID, err)
		}
		arts = append(arts, na)
	}
	return arts
}

// TestGrouperRestart checks that a Grouper saved and restored between
// two articles places every later article as one that ran on, retiring
// or not, and that retiring keeps the state to the active window while
// the articles of the last window are placed as without it.
func TestGrouperRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping: groups 9,000 articles four times")
	}
	arts := synthPrepared(t, 9000, 45) // 200 a day: 8 days are 1,600 articles
	ran := runGrouper(t, arts, true)
	tests := []struct {
		name      string
		retire    bool
		restartAt []int
	}{
		{"retiring, restarted at a retirement and between", true, []int{4000, 7001, 8999}},
		{"not retiring, restarted", false, []int{5000}},
	}
	whole := runGrouper(t, arts, false)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := ran
			if !tc.retire {
				want = whole
			}
			got := runGrouper(t, arts, tc.retire, tc.restartAt...)
			for i := range arts {
				if got.story[i] != want.story[i] || got.copyOf[i] != want.copyOf[i] || got.final[i] != want.final[i] {
					t.Fatalf("article %d: restarted: story %d copy of %d, at the end %d; ran on: %d %d %d",
						i, got.story[i], got.copyOf[i], got.final[i], want.story[i], want.copyOf[i], want.final[i])
				}
			}
		})
	}
	// The last window's articles (7 days: 1,400) as without retiring:
	// each with the same fellows of the window in its story, and the
	// same copied article.
	from := arts[len(arts)-1].Date.Add(-cluster.DefaultWindow)
	fellows := func(final []int) map[int]string {
		byStory := map[int][]int{}
		for i, a := range arts {
			if !a.Date.Before(from) {
				byStory[final[i]] = append(byStory[final[i]], i)
			}
		}
		out := map[int]string{}
		for _, m := range byStory {
			for _, i := range m {
				out[i] = fmt.Sprint(m)
			}
		}
		return out
	}
	fr, fw := fellows(ran.final), fellows(whole.final)
	same, in := 0, 0
	for i := range fr {
		in++
		if fr[i] == fw[i] && ran.copyOf[i] == whole.copyOf[i] {
			same++
		}
	}
	t.Logf("last window: %d of %d articles placed as without retiring; the grouper holds %d of %d articles (%d without retiring)",
		same, in, ran.held, len(arts), whole.held)
	if same != in {
		t.Errorf("retiring changed the placement of %d of the %d articles of the last window", in-same, in)
	}
	if ran.held > 7000 {
		t.Errorf("retiring, the grouper holds %d articles, want at most 7,000 (8 days are 1,600, the clusterer's reach 4,096)", ran.held)
	}
}

// FuzzGrouperState checks that a Grouper restored from any data either
// refuses it or takes articles without panicking.
func FuzzGrouperState(f *testing.F) {
	g := tidings.NewGrouper(tidings.StoryOptions{})
	var arts []news.Article
	for _, a := range synth.Stream(synth.Options{Articles: 12, Seed: 3}) {
		na := a.Article
		if _, err := new(tidings.Pipeline).Prepare(&na); err != nil {
			f.Fatal(err)
		}
		arts = append(arts, na)
	}
	for i := range arts[:10] {
		g.Add(&arts[i])
	}
	data, err := g.AppendBinary(nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		g := tidings.NewGrouper(tidings.StoryOptions{})
		if err := g.UnmarshalBinary(data); err != nil {
			return
		}
		for i := range arts[10:] {
			g.Add(&arts[10+i])
		}
		g.Retire(arts[11].Date, 0)
	})
}
