package enricheval

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"unicode"

	"tidings"
)

// Pair is a name and its kind ("person", "organization", "place").
type Pair struct {
	Name, Kind string
}

// normName folds a name for comparison: lower case, whitespace
// collapsed, ’ read as ', surrounding punctuation and a trailing 's
// removed.
func normName(s string) string {
	s = strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "’", "'"))), " ")
	trim := func(s string) string {
		return strings.TrimFunc(s, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	}
	s = trim(s)
	s = strings.TrimSuffix(s, "'s")
	return trim(s)
}

// pairSet returns the distinct normalised pairs of ps, leaving out a
// person's name that is the last word or words of a longer person's name
// of the same set ("clinton" beside "bill clinton").
func pairSet(ps []Pair) map[Pair]bool {
	set := map[Pair]bool{}
	for _, p := range ps {
		if n := normName(p.Name); n != "" {
			set[Pair{n, p.Kind}] = true
		}
	}
	for p := range set {
		if p.Kind != "person" {
			continue
		}
		for q := range set {
			if q.Kind == "person" && q != p && strings.HasSuffix(q.Name, " "+p.Name) {
				delete(set, p)
				break
			}
		}
	}
	return set
}

// ScoreEntities compares the names found in one document with its gold
// names: typed as (name, kind) pairs, untyped as names, and per kind.
func ScoreEntities(pred, gold []Pair) (typed, names Score, kinds map[string]Score) {
	ps, gs := pairSet(pred), pairSet(gold)
	kinds = map[string]Score{}
	pn, gn := map[string]bool{}, map[string]bool{}
	for p := range ps {
		pn[p.Name] = true
		k := kinds[p.Kind]
		k.Predicted++
		if gs[p] {
			typed.Matched++
			k.Matched++
		}
		kinds[p.Kind] = k
	}
	for g := range gs {
		gn[g.Name] = true
		k := kinds[g.Kind]
		k.Gold++
		if ps[g] {
			k.Found++
		}
		kinds[g.Kind] = k
	}
	typed.Found, typed.Predicted, typed.Gold = typed.Matched, len(ps), len(gs)
	for n := range pn {
		if gn[n] {
			names.Matched++
		}
	}
	names.Found, names.Predicted, names.Gold = names.Matched, len(pn), len(gn)
	return typed, names, kinds
}

// entityGold is a row of entities/testa.gold.jsonl.
type entityGold struct {
	ID   string     `json:"id"`
	Body [][]string `json:"body"`
}

func (r *Report) runEntities(ctx context.Context, p *tidings.Pipeline, dir string) error {
	arts, err := readArticles(filepath.Join(dir, "entities", "testa.articles.jsonl"))
	if err != nil {
		return err
	}
	gold := map[string][]Pair{}
	err = readJSONL(filepath.Join(dir, "entities", "testa.gold.jsonl"), func(line []byte) error {
		var row entityGold
		if err := json.Unmarshal(line, &row); err != nil {
			return err
		}
		for _, b := range row.Body {
			if len(b) == 2 {
				gold[row.ID] = append(gold[row.ID], Pair{b[0], b[1]})
			}
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
		var pred []Pair
		for _, e := range st.Entities {
			pred = append(pred, Pair{e.Name, e.Kind.String()})
		}
		t, n, k := ScoreEntities(pred, gold[a.ID])
		r.Entities.add(t)
		r.Names.add(n)
		for kind, s := range k {
			sum := r.Kinds[kind]
			sum.add(s)
			r.Kinds[kind] = sum
		}
		r.EntityArticles++
	}
	return nil
}
