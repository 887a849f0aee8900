package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"tidings"
	"tidings/internal/enricheval"
)

// evalEnrich measures quotes, entities and dates on the enrich-dev data
// (see internal/enricheval) and prints a table.
func (e *env) evalEnrich(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("eval-enrich", flag.ContinueOnError)
	dir := fs.String("data", "../shared/data/enrich-dev", "enrich-dev data directory")
	parts := fs.String("parts", "quotes,entities,dates", "comma-separated parts to measure")
	split := fs.String("quotes-split", "dev", "PolNeAR split for the quotes part: dev or train")
	misses := fs.Bool("speaker-errors", false, "after the table, print each quote whose named gold speaker is missed: quote, gold speaker, predicted speaker, sentences")
	noClean := fs.Bool("no-clean", false, "segment each article's text as given, without the cleaning stage (measures enrich alone)")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: eval-enrich takes no arguments", errUsage)
	}
	var names []string
	for _, p := range strings.Split(*parts, ",") {
		if p = strings.TrimSpace(p); p != "" {
			names = append(names, p)
		}
	}
	r, err := enricheval.Run(ctx, &tidings.Pipeline{}, *dir, enricheval.Options{Parts: names, NoClean: *noClean, QuoteSplit: *split})
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "measure\tP\tR\tF1\tmatched\tpredicted\tgold\t")
	row := func(name string, s enricheval.Score) {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t\n", name, s.P(), s.R(), s.F1(), s.Matched, s.Predicted, s.Gold)
	}
	if r.QuoteArticles > 0 {
		row("quotes (PolNeAR "+*split+")", r.Quotes)
		fmt.Fprintf(tw, "speaker accuracy (named)\t\t\t%.3f\t%d\t\t%d\t\n", r.Speakers.R(), r.Speakers.Matched, r.Speakers.Gold)
	}
	if r.EntityArticles > 0 {
		row("entities typed (CoNLL testa)", r.Entities)
		row("entities names only", r.Names)
		for _, k := range []string{"person", "organization", "place"} {
			row("  "+k, r.Kinds[k])
		}
	}
	if r.DateArticles > 0 {
		row("full-day dates (AQUAINT)", r.Dates)
		row("day values per document", r.DocDates)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if *misses {
		for _, m := range r.SpeakerMisses {
			fmt.Fprintf(e.stdout, "\n%s\n  quote: %q\n  gold: %q (named %q)\n  predicted: %q\n  before: %s\n  context: %s\n",
				m.ArticleID, m.Quote, m.Gold, m.Named, m.Predicted, strings.ReplaceAll(m.Before, "\n", " / "), strings.ReplaceAll(m.Context, "\n", " / "))
		}
	}
	return nil
}
