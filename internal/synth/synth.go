package synth

import (
	"fmt"
	"iter"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"tidings/news"
)

// Options shape a stream. The zero value of a field means its default.
type Options struct {
	// Articles is how many articles the stream has (default 1,000).
	Articles int
	// Start is the date of the first article (default 2025-01-01 UTC);
	// Days is the span over which the articles are spread evenly
	// (default 30).
	Start time.Time
	Days  float64
	// Seed seeds the generator.
	Seed uint64
}

// Article is an article of the stream and the number of its true story.
type Article struct {
	news.Article
	Story int
}

// syllables make the words: word i spells i in base len(syllables).
var syllables = strings.Fields(`ka ren tol mi sar vu pel dor ik ast bem cul fen gor hal jin lor mup nes
	ob pra quil ros sen tam urk vel wen xan yor zil bra cre dri fro glu`)

// word returns the made-up word number i, at least two syllables long.
func word(i int) string {
	var b strings.Builder
	n := len(syllables)
	b.WriteString(syllables[i%n])
	i /= n
	b.WriteString(syllables[i%n])
	for i /= n; i > 0; i /= n {
		b.WriteString(syllables[i%n])
	}
	return b.String()
}

// Bounds of the made-up language: commonWords words any article uses,
// drawn with a Zipf law, and a long tail of rareWords from which each
// story draws its own words, so that the vocabulary grows with the
// stream as names do in the news.
const (
	commonWords = 20000
	rareWords   = 2000000
	storyWords  = 10
	newStory    = 0.12 // chance that an article starts a story
	recent      = 400  // stories an article may join: the latest started
	reprint     = 0.02 // chance that an article reprints an earlier one
	reprintBack = 1000 // of the latest so many
)

// Stream returns the articles of the stream opts describes, in date
// order. Article i has ID "s<i>" and a URL of its own.
func Stream(opts Options) []Article {
	var out []Article
	for a := range Each(opts) {
		out = append(out, a)
	}
	return out
}

// Each yields the articles Stream returns, one at a time, holding only
// the latest reprintBack of them.
func Each(opts Options) iter.Seq[Article] {
	return func(yield func(Article) bool) { each(opts, yield) }
}

func each(opts Options, yield func(Article) bool) {
	n := opts.Articles
	if n <= 0 {
		n = 1000
	}
	start := opts.Start
	if start.IsZero() {
		start = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	days := opts.Days
	if days <= 0 {
		days = 30
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x7469_6469_6e67_73))
	zipf := newZipf(rng, commonWords)
	var topics [recent][]string // the words of the latest stories, by number modulo recent
	stories := 0
	var back [reprintBack]Article // the latest articles, by number modulo reprintBack
	step := days * 24 * float64(time.Hour) / float64(n)
	for i := range n {
		date := start.Add(time.Duration(float64(i) * step)).Truncate(time.Second)
		if i > 0 && rng.Float64() < reprint {
			a := back[(i-1-rng.IntN(min(i, reprintBack)))%reprintBack]
			a.ID, a.URL, a.Date = fmt.Sprintf("s%d", i), fmt.Sprintf("https://reprints.example/%d", i), date
			a.Outlet = "Reprints"
			back[i%reprintBack] = a
			if !yield(a) {
				return
			}
			continue
		}
		s := 0
		if stories == 0 || rng.Float64() < newStory {
			t := make([]string, storyWords)
			for j := range t {
				t[j] = word(commonWords + rng.IntN(rareWords))
			}
			topics[stories%recent] = t
			s = stories
			stories++
		} else {
			// The latest stories most often.
			back := int(float64(min(recent, stories)) * math.Pow(rng.Float64(), 2))
			s = stories - 1 - min(back, recent-1)
		}
		t := topics[s%recent]
		var title []string
		for range 3 {
			title = append(title, capital(t[rng.IntN(len(t))]))
		}
		title = append(title, zipf.word(), zipf.word())
		var text strings.Builder
		for range 4 + rng.IntN(3) {
			var sent []string
			for range 10 + rng.IntN(6) {
				if rng.IntN(3) == 0 {
					sent = append(sent, t[rng.IntN(len(t))])
				} else {
					sent = append(sent, zipf.word())
				}
			}
			sent[0] = capital(sent[0])
			text.WriteString(strings.Join(sent, " "))
			text.WriteString(". ")
		}
		a := Article{Story: s, Article: news.Article{
			ID: fmt.Sprintf("s%d", i), Outlet: fmt.Sprintf("Outlet %d", i%50), URL: fmt.Sprintf("https://news.example/%d", i),
			Title: strings.Join(title, " "), Raw: strings.TrimSpace(text.String()), Date: date}}
		back[i%reprintBack] = a
		if !yield(a) {
			return
		}
	}
}

func capital(w string) string { return strings.ToUpper(w[:1]) + w[1:] }

// zipf draws common words with probability proportional to 1/rank.
type zipf struct {
	z *rand.Zipf
}

func newZipf(rng *rand.Rand, n int) zipf {
	return zipf{rand.NewZipf(rng, 1.1, 2, uint64(n-1))}
}

func (z zipf) word() string { return word(int(z.z.Uint64())) }
