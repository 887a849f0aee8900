package cluster

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"tidings/internal/cputime"
)

func doc(text string, date string) Doc {
	d := Doc{Terms: strings.Fields(text)}
	if date != "" {
		d.Date, _ = time.Parse(time.DateOnly, date)
	}
	return d
}

func TestBatch(t *testing.T) {
	meeting := "berg sal geneva ministers talks ceasefire vell river border norland ostrava"
	tests := []struct {
		name string
		docs []Doc
		opts Options
		want [][]int
	}{
		{"two topics", []Doc{
			doc(meeting+" troops kessel", ""), doc("ferry strike union crews lannic pay islands", ""),
			doc(meeting+" agreement", ""), doc("ferry crews strike sailings lannic company", ""),
		}, Options{}, [][]int{{0, 2}, {1, 3}}},
		{"same actors weeks apart", []Doc{
			doc(meeting+" troops", "2026-03-02"), doc(meeting+" kessel", "2026-03-03"),
			doc(meeting+" prisoners", "2026-03-24"), doc(meeting+" exchange", "2026-03-25"),
		}, Options{}, [][]int{{0, 1}, {2, 3}}},
		{"no window joins them", []Doc{
			doc(meeting+" troops", "2026-03-02"), doc(meeting+" prisoners", "2026-03-24"),
		}, Options{Window: -1}, [][]int{{0, 1}}},
		{"an undated article joins by content", []Doc{
			doc(meeting+" troops", "2026-03-02"), doc(meeting, ""),
		}, Options{}, [][]int{{0, 1}}},
		{"empty docs stand alone", []Doc{{}, {}, doc(meeting, "")}, Options{}, [][]int{{0}, {1}, {2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Batch(tt.docs, tt.opts)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Batch = %v, want %v", got, tt.want)
			}
		})
	}
}

// synthetic makes n articles about n/20 events. Each event has 25 words
// of its own, drawn from the middle of the vocabulary, and a day in one
// year; an article takes 40 of its event's words and 150 background words
// drawn by their frequency in the vocabulary, and is dated within two days
// of its event. vocab lists words by descending frequency with counts.
func synthetic(n int, seed uint64, vocab []wordCount) []Doc {
	p := newSynthPile(n, seed, vocab)
	docs := make([]Doc, n)
	var ids []int32
	for i := range docs {
		var hours int32
		ids, hours = p.next(ids[:0])
		docs[i] = p.doc(ids, hours, nil)
	}
	return docs
}

// synthPile draws the articles of synthetic one at a time, each as the
// vocabulary numbers of its terms and its date in hours from the first
// day, so that a benchmark need not hold a pile of Docs (their strings)
// to add them.
type synthPile struct {
	r      *rand.Rand
	vocab  []wordCount
	cum    []int     // cumulative counts of vocab
	events [][]int32 // each event's words, by number in vocab
}

const (
	synthBackground = 150 // background words of an article
	synthOwn        = 40  // words of its event
	synthTerms      = synthBackground + synthOwn
)

// synthStart is the first day of synthetic's dates.
var synthStart = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func newSynthPile(n int, seed uint64, vocab []wordCount) *synthPile {
	p := &synthPile{r: rand.New(rand.NewPCG(seed, 1)), vocab: vocab, cum: make([]int, len(vocab))}
	total := 0
	for i, w := range vocab {
		total += w.n
		p.cum[i] = total
	}
	mid := min(500, len(vocab)/10) // the first word of the middle
	p.events = make([][]int32, max(n/20, 1))
	for e := range p.events {
		for range 25 {
			p.events[e] = append(p.events[e], int32(mid+p.r.IntN(len(vocab)-mid)))
		}
	}
	return p
}

// next appends the vocabulary numbers of the next article's terms to ids
// and returns them with its date, in hours from synthStart.
func (p *synthPile) next(ids []int32) ([]int32, int32) {
	total := p.cum[len(p.cum)-1]
	e := p.r.IntN(len(p.events))
	for range synthBackground {
		i, _ := slices.BinarySearch(p.cum, p.r.IntN(total)+1)
		ids = append(ids, int32(i))
	}
	words := p.events[e]
	for range synthOwn {
		ids = append(ids, words[p.r.IntN(len(words))])
	}
	return ids, int32(e%365*24 + p.r.IntN(48))
}

// doc returns the article of the vocabulary numbers ids and date hours
// (see next), its terms in terms[:0].
func (p *synthPile) doc(ids []int32, hours int32, terms []string) Doc {
	terms = terms[:0]
	for _, i := range ids {
		terms = append(terms, p.vocab[i].w)
	}
	return Doc{Terms: terms, Date: synthStart.Add(time.Duration(hours) * time.Hour)}
}

type wordCount struct {
	w string
	n int
}

// devVocabulary counts the lower-cased words of the documents of the
// development sets in ../shared/data, most frequent first; it skips the
// test when they are absent.
func devVocabulary(tb testing.TB) []wordCount {
	tb.Helper()
	counts := map[string]int{}
	for _, set := range []string{"tac2009", "multinews-dev", "multiling2011_en", "duc2006"} {
		f, err := os.Open(filepath.Join("..", "..", "shared", "data", set+".jsonl"))
		if err != nil {
			tb.Skipf("development data not found (%v): ../shared/data is needed for the synthetic vocabulary", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			var c struct {
				Docs []struct{ Text string } `json:"docs"`
			}
			if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
				tb.Fatal(err)
			}
			for _, d := range c.Docs {
				for _, w := range strings.FieldsFunc(strings.ToLower(d.Text), func(r rune) bool { return !unicode.IsLetter(r) }) {
					counts[w]++
				}
			}
		}
		f.Close()
	}
	var out []wordCount
	for w, n := range counts {
		out = append(out, wordCount{w, n})
	}
	slices.SortFunc(out, func(a, b wordCount) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return strings.Compare(a.w, b.w)
	})
	return out
}

func TestIncrementalMatchesBatch(t *testing.T) {
	docs := synthetic(2000, 7, devVocabulary(t))
	batch := Batch(docs, Options{})
	c := New(Options{})
	for _, d := range docs {
		c.Add(d)
	}
	inc := c.Stories()
	// Same-story pairs on each side; the sides must agree on almost all.
	pairs := func(stories [][]int) map[[2]int]bool {
		m := map[[2]int]bool{}
		for _, s := range stories {
			for i := range s {
				for j := i + 1; j < len(s); j++ {
					m[[2]int{s[i], s[j]}] = true
				}
			}
		}
		return m
	}
	pb, pi := pairs(batch), pairs(inc)
	common := 0
	for p := range pb {
		if pi[p] {
			common++
		}
	}
	agree := 2 * float64(common) / float64(len(pb)+len(pi))
	t.Logf("batch %d stories, incremental %d; same-story pairs agree %.3f", len(batch), len(inc), agree)
	if agree < 0.9 {
		t.Errorf("incremental and batch agree on %.3f of same-story pairs, want at least 0.9", agree)
	}
	if !slices.EqualFunc(batch, Batch(docs, Options{}), slices.Equal) {
		t.Error("Batch is not deterministic")
	}
}

// BenchmarkBatch clusters synthetic piles of 1k, 10k and 100k articles
// made from the development sets' vocabulary; the time per article should
// stay nearly flat as the pile grows.
func BenchmarkBatch(b *testing.B) {
	vocab := devVocabulary(b)
	for _, n := range []int{1000, 10000, 100000} {
		docs := synthetic(n, 1, vocab)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				Batch(docs, Options{})
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/article")
		})
	}
}

// BenchmarkAdd places articles one at a time into a Clusterer that
// already holds 100k synthetic articles (see BenchmarkBatch): the cost of
// one placement, with its settling, regrouping and the pass over the
// latest articles, as the server pays it; ns/op and cpu-µs/op (processor
// time of the whole process, so the collector's too) count the adds
// only. A pass comes every passWindow/2 adds, so -benchtime 4096x or more
// averages it in. The articles are drawn one at a time (synthPile) and
// handed over as a server would, each Doc built for its Add into the
// same arrays (that copy is counted, about 190 words): the benchmark
// holds no pile of Docs, only the next 20k articles as vocabulary
// numbers, so that the heap the collector scans is the Clusterer's, as in
// a server. With 100k stored, 4,096 adds seldom reach the next
// collection (the heap may double first), so gc-µs/op states the share
// of collections an Add pays all the same: the processor time of one
// full collection of the heap after the adds, times the bytes an Add
// allocates over the bytes that can be allocated between two collections
// (GOGC percent of the live heap). It also reports the heap the
// Clusterer holds per stored article (bytes/article: live heap after a
// collection, with the 100k added, less the live heap before, over
// 100k).
func BenchmarkAdd(b *testing.B) {
	vocab := devVocabulary(b)
	const stored, drawn = 100000, 20000
	pile := newSynthPile(stored+drawn, 1, vocab)
	next := make([]int32, 0, drawn*synthTerms) // the articles of the timed adds
	hours := make([]int32, 0, drawn)
	var ids []int32
	var terms []string
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	c := New(Options{})
	for range stored {
		var h int32
		ids, h = pile.next(ids[:0])
		d := pile.doc(ids, h, terms)
		terms = d.Terms
		c.Add(d)
	}
	for range drawn {
		var h int32
		next, h = pile.next(next)
		hours = append(hours, h)
	}
	c.Moves() // what a caller reads and drops
	ids = nil
	runtime.GC()
	runtime.ReadMemStats(&after)
	perArticle := float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / stored
	i := 0
	cpu0 := cputime.Used()
	for b.Loop() {
		d := pile.doc(next[i*synthTerms:(i+1)*synthTerms], hours[i], terms)
		terms = d.Terms
		c.Add(d)
		if i++; i == drawn {
			i = 0
		}
	}
	cpu := cputime.Used() - cpu0
	b.StopTimer()
	var end runtime.MemStats
	runtime.ReadMemStats(&end)
	allocated := float64(end.TotalAlloc - after.TotalAlloc)
	gc0 := cputime.Used()
	runtime.GC()
	gcCPU := cputime.Used() - gc0
	runtime.ReadMemStats(&end)
	runtime.KeepAlive(c) // the heap collected is the Clusterer's
	gogc := 100.0
	if v, err := strconv.Atoi(os.Getenv("GOGC")); err == nil && v > 0 {
		gogc = float64(v)
	}
	perAdd := allocated / float64(b.N)
	b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/op")
	b.ReportMetric(float64(gcCPU.Microseconds())*perAdd/(float64(end.HeapAlloc)*gogc/100), "gc-µs/op")
	b.ReportMetric(perArticle, "bytes/article")
}

func TestVectors(t *testing.T) {
	docs := []Doc{doc("ferry strike ferry crews", ""), doc("ferry talks", ""), {}}
	got := Vectors(docs, Options{})
	if len(got) != 3 || len(got[2]) != 0 {
		t.Fatalf("Vectors = %v, want 3 vectors, the last empty", got)
	}
	// "ferry" is in two of the three articles: the heaviest term of the
	// first, which counts it twice, and the lightest of the second.
	for i, v := range got[:2] {
		norm := 0.0
		for j, w := range v {
			norm += w.W * w.W
			if j > 0 && w.W > v[j-1].W {
				t.Errorf("Vectors[%d] = %v, not heaviest first", i, v)
			}
		}
		if norm < 1-1e-9 || norm > 1+1e-9 {
			t.Errorf("Vectors[%d] has squared norm %v, want 1", i, norm)
		}
	}
	if got[0][0].Term != "ferry" || got[1][len(got[1])-1].Term != "ferry" {
		t.Errorf("Vectors = %v, want ferry first in the first and last in the second", got)
	}
}
