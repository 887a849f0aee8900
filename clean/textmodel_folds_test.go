package clean

import (
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// Outer cross-validation of the copied-text model, to estimate how the
// shipped model (trained on all of pages-dev) does on pages it has not
// seen:
//
//	go test ./clean -run TestTrainTextModel -train-text-model -text-model-folds 5 -v
//
// trains, for each of the K folds, on the other K-1 exactly as the
// shipped model is trained on all pages (fillLexicon, then trainStacked
// with its inner out-of-fold scheme) and scores the held-out fold.
// -text-model-curve adds a learning curve on one held-out fold.
var (
	textModelFolds = flag.Int("text-model-folds", 0, "cross-validate the copied-text model over this many folds of pages-dev (page id mod K) instead of training it")
	textModelSeeds = flag.String("text-model-seeds", "", "with -text-model-folds: the boost seeds to run (comma-separated; default -boost-seed)")
	textModelCurve = flag.String("text-model-curve", "", "with -text-model-folds: instead, train on these shares of the pages outside fold -text-model-curve-fold (comma-separated, \"0.25,0.5,0.75,1\") and score that fold")
	curveFold      = flag.Int("text-model-curve-fold", 0, "the held-out fold of -text-model-curve (-1: each fold in turn, pooled)")
	foldDraw       = flag.Uint64("text-model-fold-draw", 0, "with -text-model-folds: deal the pages to the folds by a permutation from this seed (0: page id mod K)")
	leakCheck      = flag.Bool("text-model-leak-check", false, "with -text-model-folds: first check that garbling the held-out pages of fold 0 leaves the trained model unchanged")
	curveDraw      = flag.Uint64("text-model-curve-draw", 2026, "seed of the order in which -text-model-curve takes its training pages")
	foldThresholds = flag.String("text-model-thresholds", "", "with -text-model-folds: also pool the held-out counts at these thresholds of the model's score (comma-separated)")
)

// thresholdCounts, when not nil, gathers what trainHeldOut counts at
// each of heldOutThresholds besides the model's own threshold.
var (
	heldOutThresholds []float64
	thresholdCounts   []segCounts
)

// outerFold is the fold of pages-dev page id among k: its id mod k, as
// the halves are by parity (k 2: fold 0 the even pages, fold 1 the odd).
func outerFold(id, k int) int { return id % k }

// splitFold returns the pages outside fold f of k (to train on) and
// those in it (to score), each in the order of pages. With draw 0 a
// page's fold is outerFold of its id; otherwise the pages are dealt to
// the folds in the order of a permutation drawn from seed draw (another
// partition of the same pages, to see how much the figure owes to it).
func splitFold(pages []trainPage, k, f int, draw uint64) (train, test []trainPage) {
	var perm []int
	if draw != 0 {
		perm = rand.New(rand.NewPCG(draw, 3)).Perm(len(pages))
	}
	for i, p := range pages {
		fold := outerFold(p.id, k)
		if perm != nil {
			fold = perm[i] % k
		}
		if fold == f {
			test = append(test, p)
		} else {
			train = append(train, p)
		}
	}
	return train, test
}

// curveOrder is the fixed order in which the learning curve takes its
// training pages: a share s trains on the first round(s*n) of it, so
// each share's pages hold the smaller shares' pages. The order is a
// permutation drawn from a fixed seed (-text-model-curve-draw),
// unrelated to the page ids that the outer and inner folds read.
func curveOrder(n int) []int {
	return rand.New(rand.NewPCG(15, *curveDraw)).Perm(n)
}

// curveSubset returns the share s (0 < s <= 1) of train that the
// learning curve trains on, in train's order.
func curveSubset(train []trainPage, s float64) []trainPage {
	order := curveOrder(len(train))
	m := int(math.Round(s * float64(len(train))))
	keep := make([]bool, len(train))
	for _, i := range order[:m] {
		keep[i] = true
	}
	var out []trainPage
	for i, p := range train {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

// checkDisjoint fails when a page id is both in train and in test.
func checkDisjoint(train, test []trainPage) error {
	ids := make(map[int]bool, len(train))
	for _, p := range train {
		ids[p.id] = true
	}
	for _, p := range test {
		if ids[p.id] {
			return fmt.Errorf("page %d is in the training and the held-out pages", p.id)
		}
	}
	return nil
}

// trainHeldOut trains the copied-text model on train as the shipped one
// is trained on all pages and counts the segments of each page of test
// with it. test's lexicon features are written from train's lexicon;
// nothing learned reads test.
func trainHeldOut(train, test []trainPage, stages int, o boostOptions) ([]segCounts, error) {
	if err := checkDisjoint(train, test); err != nil {
		return nil, err
	}
	fillLexicon(train, test)
	m := trainStacked(train, stages, o)
	if thresholdCounts != nil {
		th := m.threshold
		for j, v := range heldOutThresholds {
			m.threshold = v
			c := scoreWith(test, m)
			thresholdCounts[j] = sumCounts([]segCounts{thresholdCounts[j], c})
		}
		m.threshold = th
	}
	out := make([]segCounts, len(test))
	for i := range test {
		out[i] = scoreWith(test[i:i+1], m)
	}
	return out, nil
}

// sumCounts adds up cs.
func sumCounts(cs []segCounts) segCounts {
	var c segCounts
	for _, x := range cs {
		c.tp, c.fp, c.fn = c.tp+x.tp, c.fp+x.fp, c.fn+x.fn
	}
	return c
}

// bootstrapF returns the 2.5th and 97.5th percentiles of the pooled F
// of n resamples (with replacement, from a fixed seed) of the pages
// whose counts are cs: how far the figure moves with the pages drawn.
func bootstrapF(cs []segCounts, n int) (lo, hi float64) {
	rng := rand.New(rand.NewPCG(15, 990))
	fs := make([]float64, n)
	for r := range fs {
		var c segCounts
		for range cs {
			x := cs[rng.IntN(len(cs))]
			c.tp, c.fp, c.fn = c.tp+x.tp, c.fp+x.fp, c.fn+x.fn
		}
		_, _, fs[r] = c.prf()
	}
	slices.Sort(fs)
	return fs[n*25/1000], fs[n*975/1000]
}

// parseSeeds reads a comma-separated list of boost seeds ("" gives def).
func parseSeeds(s string, def uint64) ([]uint64, error) {
	if s == "" {
		return []uint64{def}, nil
	}
	var out []uint64
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.ParseUint(strings.TrimSpace(f), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("-text-model-seeds: %w", err)
		}
		out = append(out, v)
	}
	return out, nil
}

// parseShares reads the learning curve's comma-separated shares, each
// in (0, 1].
func parseShares(s string) ([]float64, error) {
	var out []float64
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil {
			return nil, fmt.Errorf("-text-model-curve: %w", err)
		}
		if v <= 0 || v > 1 {
			return nil, fmt.Errorf("-text-model-curve: share %v not in (0, 1]", v)
		}
		out = append(out, v)
	}
	return out, nil
}

// crossValidate runs the outer K-fold cross-validation (or, with
// -text-model-curve, the learning curve) for each seed and logs each
// fold's P/R/F, the pooled P/R/F (counts summed over all held-out
// pages), and the mean and spread of the folds' F.
func crossValidate(t *testing.T, pages []trainPage, o boostOptions) {
	k := *textModelFolds
	if k < 2 {
		t.Fatalf("-text-model-folds %d: want at least 2", k)
	}
	seeds, err := parseSeeds(*textModelSeeds, *boostSeed)
	if err != nil {
		t.Fatal(err)
	}
	if *leakCheck {
		if err := checkNoLeak(pages, k, *boostStages, o); err != nil {
			t.Fatal(err)
		}
		t.Logf("K%d fold 0: the model trained beside garbled held-out pages is byte for byte the one trained beside the real ones", k)
	}
	old := *boostSeed
	defer func() { *boostSeed = old }()
	line := func(name string, c segCounts) {
		p, r, f := c.prf()
		t.Logf("%-34s P %.4f R %.4f F %.4f (tp %d fp %d fn %d)", name, p, r, f, c.tp, c.fp, c.fn)
	}
	if *textModelCurve != "" {
		shares, err := parseShares(*textModelCurve)
		if err != nil {
			t.Fatal(err)
		}
		folds := []int{*curveFold}
		if *curveFold < 0 {
			folds = nil
			for f := range k {
				folds = append(folds, f)
			}
		}
		for _, seed := range seeds {
			*boostSeed = seed
			pooled := make([]segCounts, len(shares))
			for _, f := range folds {
				train, test := splitFold(pages, k, f, *foldDraw)
				for j, s := range shares {
					sub := curveSubset(train, s)
					cs, err := trainHeldOut(sub, test, *boostStages, o)
					if err != nil {
						t.Fatal(err)
					}
					c := sumCounts(cs)
					line(fmt.Sprintf("curve K%d fold %d seed %d share %.3f (%d pages)", k, f, seed, s, len(sub)), c)
					pooled[j].tp, pooled[j].fp, pooled[j].fn = pooled[j].tp+c.tp, pooled[j].fp+c.fp, pooled[j].fn+c.fn
				}
			}
			if len(folds) > 1 {
				for j, s := range shares {
					line(fmt.Sprintf("curve K%d pooled seed %d share %.3f", k, seed, s), pooled[j])
				}
			}
		}
		return
	}
	if *foldThresholds != "" {
		for _, f := range strings.Split(*foldThresholds, ",") {
			v, err := strconv.ParseFloat(f, 64)
			if err != nil {
				t.Fatalf("-text-model-thresholds: %v", err)
			}
			heldOutThresholds = append(heldOutThresholds, v)
		}
		defer func() { heldOutThresholds, thresholdCounts = nil, nil }()
	}
	for _, seed := range seeds {
		*boostSeed = seed
		if heldOutThresholds != nil {
			thresholdCounts = make([]segCounts, len(heldOutThresholds))
		}
		var all []segCounts
		var fs []float64
		for f := range k {
			train, test := splitFold(pages, k, f, *foldDraw)
			cs, err := trainHeldOut(train, test, *boostStages, o)
			if err != nil {
				t.Fatal(err)
			}
			c := sumCounts(cs)
			line(fmt.Sprintf("K%d seed %d fold %d (%d held out)", k, seed, f, len(test)), c)
			all = append(all, cs...)
			_, _, fv := c.prf()
			fs = append(fs, fv)
		}
		line(fmt.Sprintf("K%d seed %d pooled", k, seed), sumCounts(all))
		for j, v := range heldOutThresholds {
			line(fmt.Sprintf("K%d seed %d pooled th %.2f", k, seed, v), thresholdCounts[j])
		}
		mean, sd := meanSD(fs)
		lo, hi := bootstrapF(all, 2000)
		t.Logf("K%d seed %d folds' F: mean %.4f sd %.4f min %.4f max %.4f; pooled F over pages resampled: 95 %% in [%.4f, %.4f]", k, seed, mean, sd, slices.Min(fs), slices.Max(fs), lo, hi)
	}
}

// meanSD returns the mean and the sample standard deviation of xs (0
// for fewer than two values).
func meanSD(xs []float64) (float64, float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	var s float64
	for _, x := range xs {
		s += x
	}
	mean := s / float64(len(xs))
	if len(xs) < 2 {
		return mean, 0
	}
	var v float64
	for _, x := range xs {
		v += (x - mean) * (x - mean)
	}
	return mean, math.Sqrt(v / float64(len(xs)-1))
}

// garbled returns copies of pages whose labels, weights, segments and
// feature rows are replaced by noise drawn from seed: what a held-out
// page holds, made wrong, to show that training never reads it.
func garbled(pages []trainPage, seed uint64) []trainPage {
	rng := rand.New(rand.NewPCG(seed, 7))
	out := make([]trainPage, len(pages))
	for k, p := range pages {
		q := p
		q.label, q.weight = make([]float64, len(p.label)), make([]float64, len(p.weight))
		for i := range q.label {
			q.label[i], q.weight[i] = float64(rng.IntN(2)), 1+rng.Float64()
		}
		q.with, q.without = p.without, p.with
		rows := make([]float64, len(p.feats.rows))
		for i := range rows {
			rows[i] = rng.NormFloat64()
		}
		q.feats = &pageFeatures{rows: rows, terms: p.feats.terms}
		out[k] = q
	}
	return out
}

// checkNoLeak trains on the pages outside fold 0 of k twice, once with
// the held-out pages as they are and once with them garbled, and fails
// unless the two models (trees and lexicon) are byte for byte the same.
func checkNoLeak(pages []trainPage, k, stages int, o boostOptions) error {
	train, test := splitFold(pages, k, 0, *foldDraw)
	enc := func(held []trainPage) ([]byte, error) {
		lx := fillLexicon(train, held)
		m := trainStacked(train, stages, o)
		m.lexicon = lx
		return encodeTextModel(m)
	}
	bad, err := enc(garbled(test, 1))
	if err != nil {
		return err
	}
	good, err := enc(test)
	if err != nil {
		return err
	}
	if !slices.Equal(bad, good) {
		return fmt.Errorf("fold 0 of %d: the model trained beside garbled held-out pages differs from the one trained beside the real ones (%d, %d bytes)", k, len(bad), len(good))
	}
	return nil
}
