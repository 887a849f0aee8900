package summarize

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"tidings/internal/vec"
	"tidings/news"
	"tidings/segment"
)

// methods are the summarizers under test, by name.
var methods = []struct {
	name string
	fn   func(context.Context, []news.Article, Options) (news.Summary, error)
}{
	{"ilp", ILP},
	{"centroid", Centroid},
	{"lexrank", LexRank},
	{"textrank", TextRank},
	{"mmr", MMR},
	{"submodular", Submodular},
	{"lead", Lead},
}

// story is a small story we wrote: three outlets on a harbour strike, with
// a side thread about ferries that a query can ask for.
func story() []news.Article {
	texts := []string{
		"Dock workers at the port of Selby walked out on Tuesday in a dispute over night-shift pay. The strike halted loading at all four container terminals. The union said the walkout would last at least three days. Ferry services to the islands kept running, the ferry operator said, although passengers faced long queues at the terminal.",
		"The port of Selby came to a standstill on Tuesday as dock workers went on strike over night-shift pay. Shipping lines diverted six container ships to the port of Marden. Port managers offered talks for Thursday, but the union rejected them. A spokesman for the island ferry operator said all ferry sailings would run to timetable during the strike.",
		"A strike by dock workers shut the container terminals at Selby on Tuesday. The dispute is over pay for night shifts, which the union says has not risen in five years. Retailers warned that shelves could empty within a week if the strike goes on. The ferry operator added two extra sailings to the islands to carry freight that would normally go by container ship.",
	}
	arts := make([]news.Article, len(texts))
	for i, t := range texts {
		arts[i] = news.Article{ID: string(rune('a' + i)), Text: t}
		segment.Article(&arts[i])
	}
	return arts
}

func TestMethodsInvariants(t *testing.T) {
	arts := story()
	for _, m := range methods {
		for _, words := range []int{25, 60, 400} {
			t.Run(m.name, func(t *testing.T) {
				s, err := m.fn(context.Background(), arts, Options{Words: words})
				if err != nil {
					t.Fatal(err)
				}
				if len(s.Sentences) == 0 {
					t.Fatalf("%d words: empty summary", words)
				}
				if s.Words > words {
					t.Errorf("%d words: summary has %d", words, s.Words)
				}
				seen := map[string]bool{}
				for _, ss := range s.Sentences {
					if seen[ss.Text] {
						t.Errorf("sentence twice: %q", ss.Text)
					}
					seen[ss.Text] = true
					a := findArticle(arts, ss.Origin.ArticleID)
					if a == nil || a.Text[ss.Origin.Start:ss.Origin.End] != ss.Text {
						t.Errorf("origin of %q does not point at it", ss.Text)
					}
					if len(ss.Citations) == 0 || ss.Citations[0] != ss.Origin {
						t.Errorf("citations of %q do not start with its origin", ss.Text)
					}
					for _, c := range ss.Citations {
						if a := findArticle(arts, c.ArticleID); a == nil || c.End > len(a.Text) || c.Start >= c.End {
							t.Errorf("bad citation %+v", c)
						}
					}
				}
			})
		}
	}
}

func findArticle(arts []news.Article, id string) *news.Article {
	for i := range arts {
		if arts[i].ID == id {
			return &arts[i]
		}
	}
	return nil
}

// TestQuerySteers checks that a query about the side thread (the
// ferries) brings more ferry sentences into a short summary than it has
// without the query.
func TestQuerySteers(t *testing.T) {
	arts := story()
	query := segment.Terms("What happened to the island ferry sailings?")
	for _, m := range methods {
		if m.name == "lead" {
			continue
		}
		t.Run(m.name, func(t *testing.T) {
			generic, err := m.fn(context.Background(), arts, Options{Words: 45})
			if err != nil {
				t.Fatal(err)
			}
			focused, err := m.fn(context.Background(), arts, Options{Words: 45, Query: query})
			if err != nil {
				t.Fatal(err)
			}
			if g, f := mentions(generic, "ferry"), mentions(focused, "ferry"); f <= g {
				t.Errorf("%d ferry sentences with the query, %d without:\n  generic %q\n  focused %q", f, g, texts(generic), texts(focused))
			}
		})
	}
}

// mentions counts the sentences of s that contain word.
func mentions(s news.Summary, word string) int {
	n := 0
	for _, ss := range s.Sentences {
		if strings.Contains(strings.ToLower(ss.Text), word) {
			n++
		}
	}
	return n
}

func texts(s news.Summary) []string {
	var out []string
	for _, ss := range s.Sentences {
		out = append(out, ss.Text)
	}
	return out
}

// TestCoverSolverExact compares the branch and bound with brute force on
// random small instances.
func TestCoverSolverExact(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := range 300 {
		p := randomCover(r, 2+r.IntN(11), 3+r.IntN(15))
		got, exact, _ := p.solve(context.Background(), time.Now().Add(time.Minute))
		if !exact {
			t.Fatalf("trial %d: small instance not solved exactly", trial)
		}
		if w := p.costOf(got); w > p.budget {
			t.Fatalf("trial %d: solution costs %d over budget %d", trial, w, p.budget)
		}
		want := 0.0
		for mask := 0; mask < 1<<len(p.cost); mask++ {
			var set []int
			for k := range p.cost {
				if mask&(1<<k) != 0 {
					set = append(set, k)
				}
			}
			if p.costOf(set) <= p.budget {
				want = max(want, p.valueOf(set))
			}
		}
		if v := p.valueOf(got); math.Abs(v-want) > 1e-9 {
			t.Fatalf("trial %d: branch and bound found %.6f, brute force %.6f", trial, v, want)
		}
	}
}

// TestCoverSolverTimeLimit checks that a search stopped by its deadline
// returns a feasible selection and says it is not proven optimal.
func TestCoverSolverTimeLimit(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	p := randomCover(r, 400, 600)
	p.budget = 250
	got, exact, _ := p.solve(context.Background(), time.Now())
	if exact {
		t.Fatal("a search with an expired deadline claims to be exact")
	}
	if len(got) == 0 || p.costOf(got) > p.budget {
		t.Fatalf("stopped search returned %d items costing %d (budget %d)", len(got), p.costOf(got), p.budget)
	}
}

func randomCover(r *rand.Rand, items, elements int) *coverProblem {
	p := &coverProblem{weight: make([]float64, elements), bonus: make([]float64, items)}
	for e := range p.weight {
		p.weight[e] = float64(1 + r.IntN(5))
	}
	total := 0
	for k := range items {
		p.cost = append(p.cost, 5+r.IntN(25))
		total += p.cost[k]
		var set []int32
		for e := range elements {
			if r.IntN(4) == 0 {
				set = append(set, int32(e))
			}
		}
		p.items = append(p.items, set)
		p.bonus[k] = r.Float64()
	}
	p.budget = total / 3
	return p
}

func (p *coverProblem) costOf(set []int) int {
	c := 0
	for _, k := range set {
		c += p.cost[k]
	}
	return c
}

func (p *coverProblem) valueOf(set []int) float64 {
	covered := map[int32]bool{}
	v := 0.0
	for _, k := range set {
		v += p.bonus[k]
		for _, e := range p.items[k] {
			if !covered[e] {
				covered[e] = true
				v += p.weight[e]
			}
		}
	}
	return v
}

func TestPagerank(t *testing.T) {
	tests := []struct {
		name string
		w    [][]float64
		jump []float64
		want []float64
	}{
		{"cycle is uniform", [][]float64{{0, 1, 0}, {0, 0, 1}, {1, 0, 0}}, nil, []float64{1. / 3, 1. / 3, 1. / 3}},
		{"no edges follows the jump", [][]float64{{0, 0}, {0, 0}}, []float64{0.25, 0.75}, []float64{0.25, 0.75}},
		// Star: the centre gets (1-d)/3 + d*(its two leaves), the leaves
		// (1-d)/3 + d*centre/2; solved by hand for d = 0.85.
		{"star", [][]float64{{0, 1, 1}, {1, 0, 0}, {1, 0, 0}}, nil, []float64{0.4865, 0.2568, 0.2568}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pagerank(tt.w, tt.jump, 0.85)
			for i := range got {
				if math.Abs(got[i]-tt.want[i]) > 1e-3 {
					t.Fatalf("pagerank = %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestKmeansDeterministic(t *testing.T) {
	arts := story()
	cands := Candidates(arts)
	sp := newSpace(arts)
	a := kmeans(cands, sp, 3)
	b := kmeans(cands, sp, 3)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("two runs differ: %v and %v", a, b)
		}
	}
	groups := map[int]bool{}
	for _, g := range a {
		groups[g] = true
	}
	if len(groups) < 2 {
		t.Errorf("all %d sentences in one cluster", len(a))
	}
}

func TestReadingOrder(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	c := func(article, index int, pos float64, date time.Time) Candidate {
		return Candidate{Article: article, Sentence: news.Sentence{Index: index}, Position: pos, Published: date}
	}
	tests := []struct {
		name string
		in   []Candidate
		want []int // articles in the expected order
	}{
		{"leads first", []Candidate{c(0, 5, 0.5, time.Time{}), c(1, 0, 0, time.Time{})}, []int{1, 0}},
		{"earlier report first", []Candidate{c(0, 0, 0, day(14)), c(1, 0, 0, day(13))}, []int{1, 0}},
		{"unknown date after known", []Candidate{c(0, 0, 0, time.Time{}), c(1, 0, 0, day(13))}, []int{1, 0}},
		{"no dates keeps article order", []Candidate{c(1, 0, 0, time.Time{}), c(0, 0, 0, time.Time{})}, []int{0, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readingOrder(tt.in)
			for i, a := range tt.want {
				if got[i].Article != a {
					t.Fatalf("order %v, want articles %v", got, tt.want)
				}
			}
		})
	}
}

// TestRepeatsMatchesAllPairs checks the inverted-index search of repeated
// candidates against scoring every pair.
func TestRepeatsMatchesAllPairs(t *testing.T) {
	arts := story()
	// A reprint makes pairs of identical sentences.
	arts = append(arts, news.Article{ID: "d", Text: arts[0].Text})
	segment.Article(&arts[len(arts)-1])
	checkRepeats(t, arts, Candidates(arts))
	// One article alone has passages, which overlap its sentences.
	one := []news.Article{{ID: "e", Text: "Dock workers at the port of Selby walked out on Tuesday over night-shift pay. " +
		"They halted loading at all four container terminals of the port. It will last three days, the union said. " +
		"Ferry services to the islands kept running during the dock strike on Tuesday."}}
	segment.Article(&one[0])
	cands := candidates(one, true)
	if !slices.ContainsFunc(cands, func(c Candidate) bool { return c.Span > 1 }) {
		t.Fatal("the first article alone has no passage candidate")
	}
	checkRepeats(t, one, cands)
}

// repeats lists, for each candidate that index names (by position in
// index), the others that repeat it (see [repeatIndex.row]), all at once.
func repeats(cands []Candidate, index []int, sp *space, bound float64) [][]int {
	r := new(repeatIndex).reset(cands, index, sp, bound)
	out := make([][]int, len(index))
	for k := range out {
		out[k] = slices.Clone(r.row(k))
	}
	return out
}

func checkRepeats(t *testing.T, arts []news.Article, cands []Candidate) {
	t.Helper()
	sp := newSpace(arts)
	index := make([]int, len(cands))
	for i := range index {
		index[i] = i
	}
	for _, bound := range []float64{0, 0.1, 0.3, 0.5, 0.99} {
		got := repeats(cands, index, sp, bound)
		for k := range index {
			var want []int
			for l := range index {
				vk, vl := sp.vector(cands[k]), sp.vector(cands[l])
				if l != k && (sameText(&cands[k], &cands[l]) || vec.Cosine(vk, vl) > bound || contained(len(vk), len(vl), shared(vk, vl))) {
					want = append(want, l)
				}
			}
			g := slices.Clone(got[k])
			slices.Sort(g)
			if !slices.Equal(g, want) {
				t.Errorf("bound %v: candidate %d repeats %v, want %v", bound, k, g, want)
			}
		}
	}
}

func TestSameText(t *testing.T) {
	sentence := func(article, index, span int, text string) Candidate {
		return Candidate{Article: article, Span: span, Sentence: news.Sentence{Index: index, Text: text}}
	}
	tests := []struct {
		name string
		a, b Candidate
		want bool
	}{
		{"one sentence", sentence(0, 3, 0, "A."), sentence(0, 3, 1, "A."), true},
		{"neighbours", sentence(0, 3, 0, "A."), sentence(0, 4, 0, "B."), false},
		{"passage and its last sentence", sentence(0, 2, 3, "A. B. C."), sentence(0, 4, 0, "C."), true},
		{"passage and the next sentence", sentence(0, 2, 3, "A. B. C."), sentence(0, 5, 0, "D."), false},
		{"overlapping passages", sentence(0, 2, 2, "A. B."), sentence(0, 3, 2, "B. C."), true},
		{"same place, other article", sentence(0, 3, 0, "A."), sentence(1, 3, 0, "B."), false},
		{"reprint", sentence(0, 3, 0, "A."), sentence(1, 7, 0, "A."), true},
	}
	for _, tc := range tests {
		if got := sameText(&tc.a, &tc.b); got != tc.want {
			t.Errorf("%s: sameText = %v, want %v", tc.name, got, tc.want)
		}
		if got := sameText(&tc.b, &tc.a); got != tc.want {
			t.Errorf("%s (swapped): sameText = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestILPReportsStopped checks that a summary whose cover search reached
// the time limit says so, and one proven optimal does not.
func TestILPReportsStopped(t *testing.T) {
	// Twelve articles of sentences drawn from a small vocabulary, so that
	// many sentences share concepts and the search needs many nodes.
	r := rand.New(rand.NewPCG(5, 6))
	words := strings.Fields("harbour ferry council strike wall storm repair pay union port dock sailing " +
		"island timetable engineer crack bridge budget mayor captain crew night shift ship freight")
	var arts []news.Article
	for i := range 12 {
		var sb strings.Builder
		for range 8 {
			sb.WriteString("The")
			for range 8 + r.IntN(6) {
				sb.WriteString(" " + words[r.IntN(len(words))])
			}
			sb.WriteString(". ")
		}
		a := news.Article{ID: fmt.Sprint(i), Text: sb.String()}
		segment.Article(&a)
		arts = append(arts, a)
	}
	for _, tc := range []struct {
		limit time.Duration
		want  bool
	}{
		{time.Minute, false},
		{time.Nanosecond, true},
	} {
		s, err := ILP(context.Background(), arts, Options{Words: 250, TimeLimit: tc.limit})
		if err != nil {
			t.Fatal(err)
		}
		if s.Stopped != tc.want || len(s.Sentences) == 0 {
			t.Errorf("limit %v: Stopped = %v with %d sentences, want %v and a summary", tc.limit, s.Stopped, len(s.Sentences), tc.want)
		}
	}
}

// TestRedundantContained checks that a short sentence whose terms a chosen
// one nearly all holds repeats it, though their TF-IDF cosine is low.
func TestRedundantContained(t *testing.T) {
	arts := []news.Article{
		{ID: "a", Text: "Norland's Anna Berg called the meeting very constructive, while Ostrava's Viktor Sal said the talks had been tough. Troops stayed near Kessel."},
		{ID: "b", Text: "Sal described the talks as tough. The ministers will meet again in Geneva this month."},
		{ID: "c", Text: "The Geneva talks ended without a deal on Monday. Sal flew home to Ostrava on Tuesday evening."},
	}
	for i := range arts {
		segment.Article(&arts[i])
	}
	sp := newSpace(arts)
	long := Candidate{Article: 0, Sentence: arts[0].Sentences[0]}
	short := Candidate{Article: 1, Sentence: arts[1].Sentences[0]}
	other := Candidate{Article: 2, Sentence: arts[2].Sentences[1]}
	if cos := vec.Cosine(sp.vector(short), sp.vector(long)); cos > 0.5 {
		t.Fatalf("cosine %.2f: the case no longer tests containment", cos)
	}
	if !redundant(short, []Candidate{long}, sp, 0.5) {
		t.Errorf("%q does not repeat %q", short.Sentence.Text, long.Sentence.Text)
	}
	if redundant(other, []Candidate{long}, sp, 0.5) {
		t.Errorf("%q repeats %q", other.Sentence.Text, long.Sentence.Text)
	}
}

func TestContained(t *testing.T) {
	for _, tc := range []struct {
		na, nb, shared int
		want           bool
	}{
		{4, 11, 3, true},  // 3 of the shorter's 4 terms
		{11, 4, 3, true},  // either order
		{4, 11, 2, false}, // half
		{8, 8, 6, true},
		{8, 8, 5, false},
		{0, 5, 0, false},
	} {
		if got := contained(tc.na, tc.nb, tc.shared); got != tc.want {
			t.Errorf("contained(%d, %d, %d) = %v, want %v", tc.na, tc.nb, tc.shared, got, tc.want)
		}
	}
}

func shared(a, b vec.Vector) int {
	_, n := vec.Overlap(a, b)
	return n
}

// TestScratchReuse checks that the ILP's reused memory (scratch) gives
// what fresh memory gives: the same space, word numbers and summaries,
// story after story, a larger story before a smaller and after.
func TestScratchReuse(t *testing.T) {
	one := []news.Article{{ID: "e", Text: "Dock workers at the port of Selby walked out on Tuesday over night-shift pay. " +
		"They halted loading at all four container terminals of the port. It will last three days, the union said."}}
	segment.Article(&one[0])
	stories := [][]news.Article{story(), one, story()[:2], story()}
	sc := new(scratch)
	for n, arts := range stories {
		fresh := newSpace(arts)
		got := sc.space.fill(arts, sc.words.fill(arts))
		if !slices.Equal(got.idf, fresh.idf) || !slices.Equal(got.df, fresh.df) || got.words.Len() != fresh.words.Len() {
			t.Fatalf("story %d: reused space has idf %v df %v, fresh %v %v", n, got.idf, got.df, fresh.idf, fresh.df)
		}
		if !slices.Equal(got.words.stems, fresh.words.stems) || !slices.Equal(got.words.terms, fresh.words.terms) {
			t.Errorf("story %d: reused words number the stems %v and terms %v, fresh %v %v", n, got.words.stems, got.words.terms, fresh.words.stems, fresh.words.terms)
		}
		for ai := range arts {
			if !slices.Equal(got.norms[ai], fresh.norms[ai]) {
				t.Errorf("story %d article %d: norms %v, fresh %v", n, ai, got.norms[ai], fresh.norms[ai])
			}
			for si := range fresh.vecs[ai] {
				if !slices.Equal(got.vecs[ai][si], fresh.vecs[ai][si]) {
					t.Errorf("story %d sentence %d/%d: vector %v, fresh %v", n, ai, si, got.vecs[ai][si], fresh.vecs[ai][si])
				}
			}
		}
	}
	// Through the pool, summaries stay those of the first run.
	var first []string
	for round := range 3 {
		for n, arts := range stories {
			s, err := ILP(context.Background(), arts, Options{Words: 40})
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprint(s); round == 0 {
				first = append(first, got)
			} else if got != first[n] {
				t.Errorf("round %d story %d: %s, first %s", round, n, got, first[n])
			}
		}
	}
}
