package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"

	"tidings"
	"tidings/ingest"
	"tidings/segment"
)

// clean prints the cleaned text of every article, or with --report the
// counts of what cleaning dropped, by rule, with a sample of each.
func (e *env) clean(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("clean", flag.ContinueOnError)
	report := fs.Bool("report", false, "report what cleaning drops instead of printing the text")
	sample := fs.Int("sample", 3, "dropped blocks shown per rule with --report")
	e.addFetchFlags(fs)
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: clean needs at least one PATH", errUsage)
	}
	p := &tidings.Pipeline{}
	type ruleStat struct {
		blocks, sentences, words int
		samples                  []string
	}
	stats := map[string]*ruleStat{}
	articles, failed, keptSents, keptWords := 0, 0, 0, 0
	opts, err := e.inputOptions()
	if err != nil {
		return err
	}
	for a, err := range ingest.Paths(ctx, fs.Args(), opts) {
		if err != nil {
			e.warn(err)
			failed++
			continue
		}
		drops, err := p.Prepare(&a)
		if err != nil {
			e.warn(err)
			failed++
			continue
		}
		articles++
		keptSents += len(a.Sentences)
		keptWords += segment.CountWords(a.Text)
		if !*report {
			fmt.Fprintf(e.stdout, "=== %s | %s | %s | %s\n%s\n\n", a.ID, a.Outlet, a.Title, a.Date.Format("2006-01-02"), a.Text)
			continue
		}
		for _, d := range drops {
			st := stats[d.Rule]
			if st == nil {
				st = &ruleStat{}
				stats[d.Rule] = st
			}
			st.blocks++
			st.sentences += len(segment.Sentences(d.Text))
			st.words += segment.CountWords(d.Text)
			if len(st.samples) < *sample {
				st.samples = append(st.samples, oneLine(d.Text, 110))
			}
		}
	}
	if *report {
		names := make([]string, 0, len(stats))
		dropSents, dropWords := 0, 0
		for n, st := range stats {
			names = append(names, n)
			dropSents += st.sentences
			dropWords += st.words
		}
		slices.SortFunc(names, func(a, b string) int {
			return cmp.Or(cmp.Compare(stats[b].sentences, stats[a].sentences), strings.Compare(a, b))
		})
		fmt.Fprintf(e.stdout, "articles: %d; kept %d sentences (%d words); dropped %d sentences (%d words, %.1f%% of sentences)\n\n",
			articles, keptSents, keptWords, dropSents, dropWords, 100*float64(dropSents)/float64(max(1, dropSents+keptSents)))
		for _, n := range names {
			st := stats[n]
			fmt.Fprintf(e.stdout, "%-18s %5d blocks %5d sentences %6d words\n", n, st.blocks, st.sentences, st.words)
			for _, s := range st.samples {
				fmt.Fprintf(e.stdout, "    - %s\n", s)
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
