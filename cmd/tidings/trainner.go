package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
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
	fs.IntVar(&opts.Epochs, "epochs", 8, "passes over the training data")
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
