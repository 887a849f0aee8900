package main

import (
	"context"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"

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
	var details []string
	for _, f := range forms {
		for _, ex := range bench.PageExtractors(f) {
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
		}
	}
	fmt.Fprintln(e.stdout)
	for _, d := range details {
		fmt.Fprintln(e.stdout, d)
	}
	return nil
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
