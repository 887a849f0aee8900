package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"tidings/internal/ner"
)

// trainNER trains the entity tagger on the CoNLL-2003 training file,
// reports its span F1 on the development file, and writes the model.
func (e *env) trainNER(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("train-ner", flag.ContinueOnError)
	dir := fs.String("data", "../shared/data/enrich-dev", "enrich-dev data directory (reads entities/eng.train and eng.testa)")
	out := fs.String("out", "enrich/data/ner.model.gz", "model file to write")
	lists := fs.String("lists", "enrich/data", "directory of the gazetteer lists (places.txt, firstnames.txt, nonnames.txt)")
	var opts ner.TrainOptions
	fs.IntVar(&opts.Epochs, "epochs", 8, "passes over the training data; 0 chooses them on a held-out slice of it (see --max-epochs)")
	maxEpochs := fs.Int("max-epochs", 16, "with --epochs 0: most passes tried on the training documents but every tenth, the number of the best by span F1 on those (3 passes in a row without a better one stop it) then made on all")
	fs.IntVar(&opts.MinCount, "min-count", 2, "least times a feature is seen to be kept")
	fs.Float64Var(&opts.Prune, "prune", 0.01, "least averaged weight kept")
	if err := e.parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: train-ner takes no arguments", errUsage)
	}
	read := func(name string) ([]ner.Document, error) {
		f, err := os.Open(filepath.Join(*dir, "entities", name))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return ner.ReadCoNLL(f)
	}
	train, err := read("eng.train")
	if err != nil {
		return err
	}
	dev, err := read("eng.testa")
	if err != nil {
		return err
	}
	for i, list := range []*[]string{&opts.Gazetteer.Places, &opts.Gazetteer.FirstNames, &opts.Gazetteer.NonNames} {
		name := []string{"places.txt", "firstnames.txt", "nonnames.txt"}[i]
		if *list, err = readList(filepath.Join(*lists, name)); err != nil {
			return err
		}
	}
	opts.Progress = func(epoch int, acc float64) {
		fmt.Fprintf(e.stderr, "epoch %d: training accuracy %.4f\n", epoch, acc)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if opts.Epochs == 0 {
		if opts.Epochs, err = chooseEpochs(ctx, train, opts, *maxEpochs, e.stderr); err != nil {
			return err
		}
	}
	m, err := ner.Train(train, opts)
	if err != nil {
		return err
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	n, err := m.WriteTo(f)
	if err := errors.Join(err, f.Close()); err != nil {
		return err
	}
	sc := m.Evaluate(dev)
	fmt.Fprintf(e.stdout, "%s: %d features, %d bytes; eng.testa names F1 %.4f (P %.4f R %.4f)\n", *out, m.Features(), n,
		sc.F1(), float64(sc.Right)/float64(max(sc.Tagged, 1)), float64(sc.Right)/float64(max(sc.Gold, 1)))
	return nil
}

// chooseEpochs trains on every document of docs but each tenth for at
// most max passes and returns the pass whose model tags the tenth best
// (span F1; the first of the best), stopping after 3 passes without a
// better one.
func chooseEpochs(ctx context.Context, docs []ner.Document, opts ner.TrainOptions, most int, log io.Writer) (int, error) {
	var fit, held []ner.Document
	for i, d := range docs {
		if i%10 == 9 {
			held = append(held, d)
		} else {
			fit = append(fit, d)
		}
	}
	best, bestF1 := 1, -1.0
	opts.Epochs = max(most, 1)
	opts.AfterPass = func(epoch int, m *ner.Model) {
		f1 := m.Evaluate(held).F1()
		fmt.Fprintf(log, "pass %d on 9/10 of the documents: held-out span F1 %.4f\n", epoch, f1)
		if f1 > bestF1 {
			best, bestF1 = epoch, f1
		}
	}
	opts.Stop = func(epoch int) bool { return epoch-best >= 3 || ctx.Err() != nil }
	if _, err := ner.Train(fit, opts); err != nil {
		return 0, err
	}
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	fmt.Fprintf(log, "%d passes (held-out span F1 %.4f)\n", best, bestF1)
	return best, nil
}

// readList reads a word list: one entry a line, # comment lines and
// blank lines left out.
func readList(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for line := range strings.Lines(string(data)) {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out, nil
}
