package main

import (
	"context"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"tidings/internal/bench"
)

// evalPages scores cleaning on a pages-dev style set: segment precision,
// recall and F of the article text for the HTML and the copied-text form,
// next to a baseline for each, and the accuracy of the metadata found.
func (e *env) evalPages(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("eval-pages", flag.ContinueOnError)
	data := fs.String("data", "../shared/data/pages-dev", "directory holding pages.jsonl, html/ and text/")
	form := fs.String("form", "both", "which form to score: html, text or both")
	half := fs.String("half", "", "score only the pages of one half by id: even or odd (to check that a rule generalises)")
	worst := fs.Int("worst", 0, "also list the N pages with the most segment errors of each form, with the segments missed (-) and kept wrongly (+)")
	pile := fs.Bool("pile", false, "also score the copied text cleaned as one pile of pages: blocks recurring on other pages are evidence (see clean.Pile)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	var forms []bench.PageForm
	switch *form {
	case "html":
		forms = []bench.PageForm{bench.HTMLForm}
	case "text":
		forms = []bench.PageForm{bench.TextForm}
	case "both":
		forms = []bench.PageForm{bench.HTMLForm, bench.TextForm}
	default:
		return fmt.Errorf("%w: eval-pages --form %q (valid: html, text, both)", errUsage, *form)
	}
	pages, err := bench.LoadPages(*data)
	if err != nil {
		return err
	}
	switch *half {
	case "":
	case "even", "odd":
		pages = bench.HalfPages(pages, *half == "odd")
	default:
		return fmt.Errorf("%w: eval-pages --half %q (valid: even, odd)", errUsage, *half)
	}
	fmt.Fprintf(e.stdout, "%d pages from %s\n", len(pages), *data)
	fmt.Fprintf(e.stdout, "%-5s %-22s %6s %6s %6s %6s %6s %6s %6s %8s\n", "form", "extractor", "P", "R", "F", "date", "author", "title", "failed", "ms/page")
	var details, worstLines []string
	for _, f := range forms {
		exs := bench.PageExtractors(f)
		if *pile && f == bench.TextForm {
			ex, err := bench.PileExtractor(*data, pages)
			if err != nil {
				return err
			}
			exs = append(exs[:1], append([]bench.Extractor{ex}, exs[1:]...)...)
		}
		for _, ex := range exs {
			r, err := bench.EvalPages(ctx, *data, pages, ex)
			if err != nil {
				return err
			}
			s := r.Segments
			fmt.Fprintf(e.stdout, "%-5s %-22s %6.3f %6.3f %6.3f %6.3f %6.3f %6.3f %6d %8.1f\n", f, r.Name,
				s.Precision(), s.Recall(), s.F(), r.Date.Rate(), r.Author.Rate(), r.Title.Rate(), r.Failed,
				float64(r.Elapsed.Microseconds())/1000/float64(max(1, r.Pages)))
			details = append(details, fmt.Sprintf("%s %s: segments tp %d fp %d fn %d; date %d/%d (%s); author %d/%d; title %d/%d; outlet found on %d pages (%s)",
				f, r.Name, s.TP, s.FP, s.FN, r.Date.Right, r.Date.Gold, counts(r.DateSources), r.Author.Right, r.Author.Gold,
				r.Title.Right, r.Title.Gold, sum(r.Outlet), counts(r.Outlet)))
			if *worst > 0 && strings.HasPrefix(r.Name, "tidings") {
				worstLines = append(worstLines, worstPages(f, r, *worst)...)
			}
		}
	}
	fmt.Fprintln(e.stdout)
	for _, d := range details {
		fmt.Fprintln(e.stdout, d)
	}
	for _, l := range worstLines {
		fmt.Fprintln(e.stdout, l)
	}
	return nil
}

// worstPages lists the n pages of r with the most segment errors, each
// segment cut to 100 bytes.
func worstPages(f bench.PageForm, r bench.PagesResult, n int) []string {
	out := []string{"", fmt.Sprintf("worst %s pages (fp+fn):", f)}
	for _, p := range bench.WorstPages(r, n) {
		out = append(out, fmt.Sprintf("%s: tp %d fp %d fn %d; date %q gold %q", p.ID, p.TP, p.FP, p.FN, p.Date, p.GoldDate))
		for _, s := range p.Missed {
			out = append(out, "  - "+cut(s, 100))
		}
		for _, s := range p.Unwanted {
			out = append(out, "  + "+cut(s, 100))
		}
	}
	return out
}

// cut shortens s to at most n bytes, on a rune boundary.
func cut(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// counts formats a count per name, names sorted.
func counts(m map[string]int) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		name := k
		if name == "" {
			name = "?"
		}
		parts = append(parts, fmt.Sprintf("%s %d", name, m[k]))
	}
	return strings.Join(parts, ", ")
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
