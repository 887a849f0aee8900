package enricheval

import (
	"cmp"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"tidings"
	"tidings/news"
)

// GoldQuote is one gold attribution: the text of its quoted pieces
// joined by a space, and its speaker's name when the speaker is a named
// person ("" for pronouns, descriptions and bodies).
type GoldQuote struct {
	Text  string
	Named string
	// Speaker is the gold speaker as written ("he", "the newspaper");
	// only the error dump reads it.
	Speaker string
}

// SpeakerMiss is a matched quote whose gold speaker is named and whose
// predicted speaker is not that person: what an error dump prints.
type SpeakerMiss struct {
	ArticleID string
	Quote     string // the predicted quotation
	Gold      string // the gold speaker as written
	Named     string // the gold speaker's name
	Predicted string // the predicted speaker, "" for none
	Context   string // the sentences that carry the quotation in the article
	Before    string // the two sentences before Context
}

// tokens returns the lower-cased runs of letters, digits, '_' and
// apostrophes of s, with ’ read as '.
func tokens(s string) []string {
	s = strings.ReplaceAll(strings.ToLower(s), "’", "'")
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '\''
	})
}

// shared counts the tokens a and b share, as multisets.
func shared(a, b []string) int {
	n := map[string]int{}
	for _, t := range a {
		n[t]++
	}
	k := 0
	for _, t := range b {
		if n[t] > 0 {
			n[t]--
			k++
		}
	}
	return k
}

// ScoreQuotes matches the quotes found in one article with its gold
// quotes: a pair matches when the tokens they share are at least half the
// gold quote's; matching is one-to-one, greedy by the number of shared
// tokens (ties: the earlier gold, then the earlier prediction). speakers
// counts, over the matched pairs whose gold speaker is named, those whose
// predicted speaker is right (see [SpeakerRight]).
func ScoreQuotes(pred []news.Quote, gold []GoldQuote) (quotes, speakers Score) {
	quotes, speakers, _ = scoreQuotes(pred, gold)
	return quotes, speakers
}

// quotePair is a matched pair of ScoreQuotes: indices into pred and gold.
type quotePair struct{ p, g int }

// scoreQuotes is ScoreQuotes, also returning the matched pairs whose gold
// speaker is named and whose predicted speaker is wrong.
func scoreQuotes(pred []news.Quote, gold []GoldQuote) (quotes, speakers Score, wrong []quotePair) {
	type pair struct{ p, g, n int }
	var pairs []pair
	gt := make([][]string, len(gold))
	for j, g := range gold {
		gt[j] = tokens(g.Text)
	}
	for i, q := range pred {
		pt := tokens(q.Text)
		for j := range gold {
			if n := shared(pt, gt[j]); len(gt[j]) > 0 && 2*n >= len(gt[j]) {
				pairs = append(pairs, pair{i, j, n})
			}
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int {
		return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.g, b.g), cmp.Compare(a.p, b.p))
	})
	usedP, usedG := map[int]bool{}, map[int]bool{}
	quotes = Score{Predicted: len(pred), Gold: len(gold)}
	for _, x := range pairs {
		if usedP[x.p] || usedG[x.g] {
			continue
		}
		usedP[x.p], usedG[x.g] = true, true
		quotes.Matched++
		quotes.Found++
		if gold[x.g].Named == "" {
			continue
		}
		speakers.Gold++
		speakers.Predicted++
		if SpeakerRight(pred[x.p].Speaker, gold[x.g].Named) {
			speakers.Matched++
			speakers.Found++
		} else {
			wrong = append(wrong, quotePair{x.p, x.g})
		}
	}
	return quotes, speakers, wrong
}

// speakerTitles are dropped from a speaker's name before comparing.
var speakerTitles = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true,
	"gov": true, "president": true, "senator": true, "gen": true, "secretary": true}

// speakerTokens returns the tokens of a speaker's name without titles
// and without a trailing 's.
func speakerTokens(s string) []string {
	var out []string
	for _, t := range tokens(s) {
		if !speakerTitles[t] {
			out = append(out, t)
		}
	}
	if n := len(out); n > 0 {
		out[n-1] = strings.TrimSuffix(strings.TrimSuffix(out[n-1], "'s"), "'")
		if out[n-1] == "" {
			out = out[:n-1]
		}
	}
	return out
}

// SpeakerRight reports whether pred names the person named, by the
// measure of the data's README (enrich-dev/README.md): after dropping
// titles (Mr, Mrs, Ms, Dr, Sen, Rep, Gov, President, Senator, Gen,
// Secretary) and a trailing 's, its tokens equal those of named or its
// last token equals named's last token. The gold name is the longest
// person name inside the gold speaker span, so a speaker described around
// another person's name ("X, press secretary to Y") is scored against Y:
// the held-out figures are taken the same way, so this scorer does not
// second-guess it.
func SpeakerRight(pred, named string) bool {
	p, n := speakerTokens(pred), speakerTokens(named)
	if len(p) == 0 || len(n) == 0 {
		return false
	}
	return slices.Equal(p, n) || p[len(p)-1] == n[len(n)-1]
}

// goldRow is a row of quotes/*.gold.jsonl.
type goldRow struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Named   string `json:"named"`
	Attr    string `json:"attr"`
}

func (r *Report) runQuotes(ctx context.Context, p *tidings.Pipeline, dir string) error {
	arts, err := readArticles(filepath.Join(dir, "quotes", r.quoteSplit+".articles.jsonl"))
	if err != nil {
		return err
	}
	gold := map[string][]GoldQuote{}
	index := map[string]int{} // id + attr -> index in gold[id]
	err = readJSONL(filepath.Join(dir, "quotes", r.quoteSplit+".gold.jsonl"), func(line []byte) error {
		var row goldRow
		if err := json.Unmarshal(line, &row); err != nil {
			return err
		}
		key := row.ID + "\x00" + row.Attr
		i, ok := index[key]
		if !ok {
			i = len(gold[row.ID])
			index[key] = i
			gold[row.ID] = append(gold[row.ID], GoldQuote{})
		}
		g := &gold[row.ID][i]
		if g.Text != "" {
			g.Text += " "
		}
		g.Text += row.Text
		if g.Named == "" {
			g.Named = row.Named
		}
		if g.Speaker == "" {
			g.Speaker = row.Speaker
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, a := range arts {
		st, err := r.story(ctx, p, a)
		if err != nil {
			return err
		}
		q, s, wrong := scoreQuotes(st.Quotes, gold[a.ID])
		for _, w := range wrong {
			r.SpeakerMisses = append(r.SpeakerMisses, speakerMiss(st, a.ID, st.Quotes[w.p], gold[a.ID][w.g]))
		}
		r.Quotes.add(q)
		r.Speakers.add(s)
		r.QuoteArticles++
	}
	return nil
}

// speakerMiss describes one wrong speaker of article id in story st.
func speakerMiss(st news.Story, id string, q news.Quote, g GoldQuote) SpeakerMiss {
	m := SpeakerMiss{ArticleID: id, Quote: q.Text, Gold: g.Speaker, Named: g.Named, Predicted: q.Speaker}
	for _, c := range q.Citations {
		for _, a := range st.Articles {
			if a.ID != c.ArticleID || c.Start < 0 || c.Start > c.End || c.End > len(a.Text) {
				continue
			}
			m.Context = a.Text[c.Start:c.End]
			for k, s := range a.Sentences {
				if s.Start == c.Start && k > 0 {
					m.Before = a.Text[a.Sentences[max(0, k-2)].Start:a.Sentences[k-1].End]
				}
			}
		}
		break
	}
	return m
}
