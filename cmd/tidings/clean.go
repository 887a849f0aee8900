package main

import (
	"cmp"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"slices"
	"strings"

	"tidings"
	"tidings/clean"
	"tidings/ingest"
	"tidings/news"
	"tidings/render"
	"tidings/segment"
)

// cleanedPage is one article as `clean --format json` prints it: its
// metadata, where each field was found, its article text and every block
// of the page with its kind.
type cleanedPage struct {
	ID       string `json:"id"`
	Title    string `json:"title,omitempty"`
	Outlet   string `json:"outlet,omitempty"`
	Author   string `json:"author,omitempty"`
	Date     string `json:"date,omitempty"`
	URL      string `json:"url,omitempty"`
	Dateline string `json:"dateline,omitempty"`
	// Found names where each field was found (see news.Found).
	Found *render.JSONFound `json:"found,omitempty"`
	Text  string            `json:"text"`
	// Headings are the byte offsets in Text of the subheadings.
	Headings [][2]int       `json:"headings,omitempty"`
	Blocks   []cleanedBlock `json:"blocks"`
}

type cleanedBlock struct {
	Kind  clean.Kind `json:"kind"`
	Rule  string     `json:"rule,omitempty"`
	Start int        `json:"start"`
	End   int        `json:"end"`
	Text  string     `json:"text"`
}

// clean prints the cleaned text of every article, with --format json its
// labelled blocks, or with --report the counts of what cleaning left out,
// by kind and by rule, with a sample of each rule.
func (e *env) clean(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("clean", flag.ContinueOnError)
	report := fs.Bool("report", false, "count the blocks by kind and the dropped ones by rule instead of printing the text")
	sample := fs.Int("sample", 3, "dropped blocks shown per rule with --report")
	format := fs.String("format", "text", "output: text (a === id | outlet | title | date line, then the text) or json (one object a line, with the blocks)")
	alone := fs.Bool("alone", false, "clean each page on its own, as it is read, without the evidence of the others (blocks recurring across the pages)")
	e.addFetchFlags(fs)
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("%w: clean --format %q (valid: text, json)", errUsage, *format)
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: clean needs at least one PATH", errUsage)
	}
	p := &tidings.Pipeline{}
	type stat struct {
		blocks, sentences, words int
		samples                  []string
	}
	rules, kinds := map[string]*stat{}, map[clean.Kind]*stat{}
	articles, failed, keptSents, keptWords := 0, 0, 0, 0
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	opts, err := e.inputOptions()
	if err != nil {
		return err
	}
	input := ingest.Paths(ctx, fs.Args(), opts)
	var pile *clean.Pile
	if !*alone {
		// The pages are read first, so that each is cleaned with the
		// evidence of all the others.
		var arts []news.Article
		for a, err := range input {
			if err != nil {
				e.warn(err)
				failed++
				continue
			}
			arts = append(arts, a)
		}
		pile = tidings.PileOf(arts)
		input = func(yield func(news.Article, error) bool) {
			for _, a := range arts {
				if !yield(a, nil) {
					return
				}
			}
		}
	}
	// Each page is cleaned once: the blocks shown by --format json and
	// --report are those of the cleaning Prepare does.
	var res clean.Result
	p.Cleaner = tidings.CleanerFunc(func(a *news.Article) ([]clean.Drop, error) {
		var err error
		res, err = clean.ArticleResult(a, pile)
		return res.Dropped, err
	})
	for a, err := range input {
		if err != nil {
			e.warn(err)
			failed++
			continue
		}
		res = clean.Result{}
		drops, err := p.Prepare(&a)
		if err != nil {
			e.warn(err)
			failed++
			continue
		}
		articles++
		keptSents += len(a.Sentences)
		keptWords += segment.CountWords(a.Text)
		switch {
		case *report:
			for _, b := range res.Blocks {
				st := kinds[b.Kind]
				if st == nil {
					st = &stat{}
					kinds[b.Kind] = st
				}
				st.blocks++
				st.words += segment.CountWords(b.Text)
			}
			for _, d := range drops {
				st := rules[d.Rule]
				if st == nil {
					st = &stat{}
					rules[d.Rule] = st
				}
				st.blocks++
				st.sentences += len(segment.Sentences(d.Text))
				st.words += segment.CountWords(d.Text)
				if len(st.samples) < *sample {
					st.samples = append(st.samples, oneLine(d.Text, 110))
				}
			}
		case *format == "json":
			out := cleanedPage{ID: a.ID, Title: a.Title, Outlet: a.Outlet, Author: a.Author, URL: a.URL,
				Dateline: a.Dateline, Found: render.FoundJSON(a.Found), Text: a.Text, Headings: a.Headings}
			if !a.Date.IsZero() {
				out.Date = a.Date.Format("2006-01-02")
			}
			out.Blocks = make([]cleanedBlock, 0, len(res.Blocks))
			for _, b := range res.Blocks {
				out.Blocks = append(out.Blocks, cleanedBlock{Kind: b.Kind, Rule: b.Rule, Start: b.Start, End: b.End, Text: b.Text})
			}
			if err := enc.Encode(out); err != nil {
				return err
			}
		default:
			fmt.Fprintf(e.stdout, "=== %s | %s | %s | %s\n%s\n\n", a.ID, a.Outlet, a.Title, a.Date.Format("2006-01-02"), a.Text)
		}
	}
	if *report {
		dropSents, dropWords := 0, 0
		for _, st := range rules {
			dropSents += st.sentences
			dropWords += st.words
		}
		fmt.Fprintf(e.stdout, "articles: %d; kept %d sentences (%d words); dropped %d sentences (%d words, %.1f%% of sentences)\n\n",
			articles, keptSents, keptWords, dropSents, dropWords, 100*float64(dropSents)/float64(max(1, dropSents+keptSents)))
		fmt.Fprintln(e.stdout, "blocks by kind:")
		for _, k := range slices.Sorted(func(yield func(clean.Kind) bool) {
			for k := range kinds {
				if !yield(k) {
					return
				}
			}
		}) {
			fmt.Fprintf(e.stdout, "  %-14s %6d blocks %7d words\n", k, kinds[k].blocks, kinds[k].words)
		}
		fmt.Fprintln(e.stdout, "\nleft out, by rule:")
		names := make([]string, 0, len(rules))
		for n := range rules {
			names = append(names, n)
		}
		slices.SortFunc(names, func(a, b string) int {
			return cmp.Or(cmp.Compare(rules[b].sentences, rules[a].sentences), strings.Compare(a, b))
		})
		for _, n := range names {
			st := rules[n]
			fmt.Fprintf(e.stdout, "  %-22s %5d blocks %5d sentences %6d words\n", cmp.Or(n, "-"), st.blocks, st.sentences, st.words)
			for _, s := range st.samples {
				fmt.Fprintf(e.stdout, "      - %s\n", s)
			}
		}
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d of the inputs could not be used", errPartial, failed)
	}
	return nil
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
