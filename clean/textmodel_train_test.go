package clean

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The copied-text model is rebuilt from pages-dev with
//
//	go test ./clean -run TestTrainTextModel -train-text-model
//
// which trains on the even and on the odd pages, scores each model on the
// other half (segment P/R/F, the eval-pages measure), then trains on all
// pages and writes textmodel.bin.gz (see textmodelfile.go).
var (
	trainTextModel = flag.Bool("train-text-model", false, "train the copied-text block model on pages-dev and write textmodel.bin.gz")
	pagesDevDir    = flag.String("pages-dev", "../../shared/data/pages-dev", "pages-dev directory (pages.jsonl, text/)")
	textModelOut   = flag.String("text-model-out", "textmodel.bin.gz", "file the trained model is written to (\"\" for none)")
	boostTrees     = flag.Int("boost-trees", defaultBoost.trees, "trees of the copied-text model")
	boostDepth     = flag.Int("boost-depth", defaultBoost.depth, "depth of each tree")
	boostMinLeaf   = flag.Int("boost-min-leaf", defaultBoost.minLeaf, "fewest labelled blocks in a leaf")
	boostRate      = flag.Float64("boost-rate", defaultBoost.rate, "learning rate (shrinkage of each tree)")
	boostSubsample = flag.Float64("boost-subsample", defaultBoost.subsample, "share of the labelled blocks each tree sees")
	boostColsample = flag.Float64("boost-colsample", defaultBoost.colsample, "share of the features each tree may split on")
	moreRules      = flag.String("model-rules", "", "rules (comma-separated) the model may undo besides the main region's, to try them")
	weightPower    = flag.Float64("weight-power", 1, "a labelled block weighs its segments to this power")
	weightMode     = flag.String("weight-mode", "", "how a block's gold segments weigh it: \"\" the count (to -weight-power), \"plus1\" 1 + the count, \"share\" each segment split over the blocks that hold it, \"mixed\" also blocks holding both kinds, with the share of with-segments as a soft label")
	zeroFeatures   = flag.String("zero-features", "", "features (comma-separated, as textFeatureNames names them) set to 0 on every block, to measure what they bring")
	boostSeed      = flag.Uint64("boost-seed", 1, "seed of the trees' sampling (with the feature count)")
	stage1Folds    = flag.Bool("stage1-folds", false, "the first stage is the mean of the two fold models whose scores the second stage trains on, not a model of all the pages")
	boostBag       = flag.Int("boost-bag", 1, "each stage is the mean of this many boosted models, their sampling seeded by -boost-seed + 7919 x member")
	boostStages    = flag.Int("boost-stages", 2, "stages of the stacked model")
	dumpErrorsTo   = flag.String("text-model-errors", "", "with -boost-sweep: write each held-out half's errors to this file prefix")
	spanGaps       = flag.String("span-gaps", "", "with -boost-sweep: also score each held-out half with these gap costs of decideSpan (comma-separated)")
	boostSweep     = flag.String("boost-sweep", "", "only cross-validate these settings, trees/depth/rate[/minleaf[/subsample[/colsample]]] separated by commas (\"120/3/0.15,200/4/0.1/20/0.7/0.7\")")
)

// trainPage is one pages-dev page read for training: its blocks as the
// rules left them, their features and labels.
type trainPage struct {
	id            int
	blocks        []Block
	feats         *pageFeatures
	label, weight []float64 // per block: 1 article, 0 not; weight 0 unlabelled
	with, without []string  // the page's segments, white space collapsed
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func loadTrainPages(t *testing.T, dir string) []trainPage {
	f, err := os.Open(filepath.Join(dir, "pages.jsonl"))
	if err != nil {
		t.Skipf("pages-dev not found (%v): it lives in ../shared/data beside the repository", err)
	}
	defer f.Close()
	var pages []trainPage
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var p struct {
			ID, URL       string
			With, Without []string
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		raw, err := os.ReadFile(filepath.Join(dir, "text", p.ID+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		u := ""
		if strings.HasPrefix(p.URL, "http://") || strings.HasPrefix(p.URL, "https://") {
			u = p.URL
		}
		res, _ := cleanText(string(raw), Options{URL: u}, nil)
		tp := trainPage{blocks: res.Blocks, feats: textFeatures(res.Blocks, &res.Meta, nil)}
		tp.id, _ = strconv.Atoi(p.ID)
		for _, s := range p.With {
			tp.with = append(tp.with, collapseSpace(s))
		}
		for _, s := range p.Without {
			tp.without = append(tp.without, collapseSpace(s))
		}
		tp.label, tp.weight = blockLabels(res.Blocks, tp.with, tp.without, *weightMode, *weightPower)
		pages = append(pages, tp)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return pages
}

// blockLabels returns the label and weight of each of blocks from the
// page's gold segments (with: article, without: not). Only blocks the
// model decides (see relabelWith) are labelled. With mode "" a block
// holding segments of one kind only is labelled by that kind and weighs
// their count to the power pow; "plus1" weighs 1 + the count; "share"
// weighs each segment 1 / the number of decided blocks that hold it
// (so a segment weighs 1 in all); "mixed" also labels a block holding
// both kinds, with label pos/(pos+neg) and weight pos+neg: its logistic
// loss is that of pos article and neg non-article copies of it, the
// segments the measure counts when it is kept or dropped.
func blockLabels(blocks []Block, with, without []string, mode string, pow float64) (label, weight []float64) {
	label, weight = make([]float64, len(blocks)), make([]float64, len(blocks))
	pos, neg := make([]int, len(blocks)), make([]int, len(blocks))
	var holders map[string]int // segment -> decided blocks holding it
	if mode == "share" {
		holders = map[string]int{}
	}
	for i, b := range blocks {
		if !b.Kind.InArticle() && !modelRules[b.Rule] {
			pos[i], neg[i] = -1, -1 // the model does not decide it
			continue
		}
		cb := collapseSpace(b.Text)
		pos[i], neg[i] = overlaps(cb, with), overlaps(cb, without)
		if holders != nil {
			for _, segs := range [][]string{with, without} {
				for _, s := range segs {
					if holds(cb, s) {
						holders[s]++
					}
				}
			}
		}
	}
	for i, b := range blocks {
		if pos[i] < 0 {
			continue
		}
		p, n := pos[i], neg[i]
		switch {
		case p > 0 && n == 0:
			label[i] = 1
		case n > 0 && p == 0:
		case p > 0 && n > 0 && mode == "mixed":
			label[i], weight[i] = float64(p)/float64(p+n), float64(p+n)
			continue
		default:
			continue
		}
		switch mode {
		case "plus1":
			weight[i] = 1 + float64(p+n)
		case "share":
			cb := collapseSpace(b.Text)
			for _, segs := range [][]string{with, without} {
				for _, s := range segs {
					if holds(cb, s) {
						weight[i] += 1 / float64(holders[s])
					}
				}
			}
		default:
			weight[i] = math.Pow(float64(p+n), pow)
		}
	}
	return label, weight
}

// holds reports whether block b holds segment s or lies inside it, as
// overlaps counts.
func holds(b, s string) bool {
	return strings.Contains(b, s) || len(b) >= 20 && strings.Contains(s, b)
}

// overlaps counts the segments that lie inside block b or that hold it
// (a block of 20 bytes or more inside a longer segment).
func overlaps(b string, segs []string) int {
	n := 0
	for _, s := range segs {
		if holds(b, s) {
			n++
		}
	}
	return n
}

// segCounts is the eval-pages measure on a set of pages.
type segCounts struct{ tp, fp, fn int }

func (c segCounts) prf() (float64, float64, float64) {
	p := float64(c.tp) / math.Max(1, float64(c.tp+c.fp))
	r := float64(c.tp) / math.Max(1, float64(c.tp+c.fn))
	return p, r, 2 * p * r / math.Max(1e-9, p+r)
}

// scoreWith relabels each page's blocks with m (nil: the rules alone)
// and counts its segments.
func scoreWith(pages []trainPage, m *blockModel) segCounts {
	var c segCounts
	for _, p := range pages {
		res := Result{Blocks: slices.Clone(p.blocks)}
		assemble(&res)
		if m != nil {
			relabelWith(&res, m, p.feats)
		}
		c.add(res.Text, p)
	}
	return c
}

// boostOptions are the trainer's settings.
type boostOptions struct {
	trees, depth, minLeaf int
	rate, lambda          float64
	bins                  int
	// subsample and colsample are the shares of the blocks and of the
	// features each tree sees (1: all), drawn from a fixed seed.
	subsample, colsample float64
}

var defaultBoost = boostOptions{trees: 200, depth: 3, minLeaf: 30, rate: 0.1, lambda: 1, bins: 32, subsample: 0.7, colsample: 0.7}

// parseBoost reads trees/depth/rate[/minleaf[/subsample[/colsample]]].
func parseBoost(set string, o boostOptions) (boostOptions, error) {
	parts := strings.Split(set, "/")
	if len(parts) < 3 {
		return o, fmt.Errorf("setting %q: want trees/depth/rate[/minleaf[/subsample[/colsample]]]", set)
	}
	ints := []*int{&o.trees, &o.depth}
	floats := []*float64{&o.rate, nil, &o.subsample, &o.colsample}
	for i, p := range parts {
		var err error
		switch {
		case i < 2:
			*ints[i], err = strconv.Atoi(p)
		case i == 3:
			o.minLeaf, err = strconv.Atoi(p)
		case i < 6:
			*floats[i-2], err = strconv.ParseFloat(p, 64)
		default:
			err = fmt.Errorf("too many fields")
		}
		if err != nil {
			return o, fmt.Errorf("setting %q: %w", set, err)
		}
	}
	return o, nil
}

// trainBoost fits gradient-boosted regression trees (logistic loss,
// Newton leaves, histogram splits) on the labelled blocks of pages.
func trainBoost(pages []trainPage, rows [][]float64, nf int, o boostOptions) *treeModel {
	var x [][]float64
	var y, w []float64
	for k, p := range pages {
		for i := range p.blocks {
			if p.weight[i] == 0 {
				continue
			}
			x = append(x, rows[k][i*nf:(i+1)*nf])
			y = append(y, p.label[i])
			w = append(w, p.weight[i])
		}
	}
	n := len(x)
	// Quantile thresholds per feature.
	thr := make([][]float64, nf)
	bin := make([][]uint8, nf)
	for f := range nf {
		vals := make([]float64, n)
		for i := range x {
			vals[i] = x[i][f]
		}
		slices.Sort(vals)
		vals = slices.Compact(vals)
		var ts []float64
		if len(vals) <= o.bins {
			for i := 1; i < len(vals); i++ {
				ts = append(ts, (vals[i-1]+vals[i])/2)
			}
		} else {
			for k := 1; k < o.bins; k++ {
				j := k * len(vals) / o.bins
				ts = append(ts, (vals[j-1]+vals[j])/2)
			}
			ts = slices.Compact(ts)
		}
		thr[f] = ts
		bin[f] = make([]uint8, n)
		for i := range x {
			b, _ := slices.BinarySearch(ts, x[i][f])
			// x < ts[b] for bin b: BinarySearch gives the first ts >= x;
			// a value equal to a threshold goes right.
			if b < len(ts) && ts[b] == x[i][f] {
				b++
			}
			bin[f][i] = uint8(b)
		}
	}
	var sy, sw float64
	for i := range y {
		sy += y[i] * w[i]
		sw += w[i]
	}
	m := &treeModel{bias: math.Log(sy / (sw - sy))}
	bag := max(1, *boostBag)
	for j := range bag {
		boostMember(m, x, y, w, bin, thr, nf, o, *boostSeed+7919*uint64(j), float32(1/float64(bag)))
	}
	m.compile()
	return m
}

// boostMember adds to m the trees of one boosted model of the binned
// blocks x (labels y, weights w), its sampling drawn from seed, each
// leaf's value times scale (1 / the members of a bag: m then scores the
// members' mean).
func boostMember(m *treeModel, x [][]float64, y, w []float64, bin [][]uint8, thr [][]float64, nf int, o boostOptions, seed uint64, scale float32) {
	n := len(x)
	score := make([]float64, n)
	for i := range score {
		score[i] = m.bias
	}
	g, h := make([]float64, n), make([]float64, n)
	rng := rand.New(rand.NewPCG(seed, uint64(nf)))
	use := make([][]uint8, nf)
	for range o.trees {
		for i := range n {
			p := 1 / (1 + math.Exp(-score[i]))
			g[i], h[i] = (p-y[i])*w[i], math.Max(p*(1-p), 1e-6)*w[i]
		}
		t := &textTree{}
		var all []int
		for i := range n {
			if o.subsample >= 1 || rng.Float64() < o.subsample {
				all = append(all, i)
			}
		}
		for f := range nf {
			use[f] = bin[f]
			if o.colsample < 1 && rng.Float64() >= o.colsample {
				use[f] = nil
			}
		}
		growNode(t, all, 0, o, g, h, use, thr)
		for i := range n {
			score[i] += t.eval(x[i])
		}
		if scale != 1 {
			for k := range t.value {
				t.value[k] *= scale
			}
		}
		m.trees = append(m.trees, *t)
	}
}

// trainStacked trains a blockModel of the given stages on pages. The
// scores a later stage reads of its training pages come from models
// that did not see those pages (two folds), as they will at run time.
func trainStacked(pages []trainPage, stages int, o boostOptions) *blockModel {
	nf := len(textFeatureNames)
	rows := make([][]float64, len(pages))
	for k, p := range pages {
		rows[k] = p.feats.rows
	}
	m := &blockModel{}
	width := nf
	for st := range stages {
		m.stages = append(m.stages, trainBoost(pages, rows, width, o))
		if st == stages-1 {
			break
		}
		// Out-of-fold scores of this stage for the next one's rows.
		var folds [2][]int
		for k, p := range pages {
			folds[(p.id/2)%2] = append(folds[(p.id/2)%2], k)
		}
		next := make([][]float64, len(pages))
		var foldModels []*treeModel
		for f := range 2 {
			var sub []trainPage
			var subRows [][]float64
			for _, k := range folds[1-f] {
				sub, subRows = append(sub, pages[k]), append(subRows, rows[k])
			}
			fm := trainBoost(sub, subRows, width, o)
			foldModels = append(foldModels, fm)
			for _, k := range folds[f] {
				n := len(pages[k].blocks)
				s, prose := make([]float64, n), make([]float64, n)
				for i := range n {
					s[i] = fm.score(rows[k][i*width : (i+1)*width])
					prose[i] = proseOf(pages[k].feats.rows[i*nf : (i+1)*nf])
				}
				ps := newPageScores(s, prose, pages[k].feats.terms)
				nw := nf + len(contextNames)
				r := make([]float64, n*nw)
				for i := range n {
					copy(r[i*nw:], pages[k].feats.rows[i*nf:(i+1)*nf])
					contextFeatures(ps, i, r[i*nw+nf:(i+1)*nw])
				}
				next[k] = r
			}
		}
		if *stage1Folds {
			m.stages[st] = meanModel(foldModels)
		}
		rows, width = next, nf+len(contextNames)
	}
	return m
}

// meanModel returns the model that scores the mean of ms's scores.
func meanModel(ms []*treeModel) *treeModel {
	out := &treeModel{}
	scale := float32(1 / float64(len(ms)))
	for _, m := range ms {
		out.bias += m.bias / float64(len(ms))
		for _, t := range m.trees {
			t = textTree{feature: t.feature, threshold: t.threshold, left: t.left, value: slices.Clone(t.value)}
			for k := range t.value {
				t.value[k] *= scale
			}
			out.trees = append(out.trees, t)
		}
	}
	out.compile()
	return out
}

// growNode adds the node for samples idx to t and returns its index.
func growNode(t *textTree, idx []int, depth int, o boostOptions, g, h []float64, bin [][]uint8, thr [][]float64) int {
	var G, H float64
	for _, i := range idx {
		G += g[i]
		H += h[i]
	}
	me := len(t.feature)
	t.feature = append(t.feature, -1)
	t.threshold = append(t.threshold, 0)
	t.left = append(t.left, 0)
	t.value = append(t.value, float32(-G/(H+o.lambda)*o.rate))
	if depth >= o.depth || len(idx) < 2*o.minLeaf {
		return me
	}
	base := G * G / (H + o.lambda)
	bestGain, bestF, bestB := 1e-6, -1, 0
	var hg, hh [256]float64
	var hc [256]int
	for f := range bin {
		nb := len(thr[f]) + 1
		if nb < 2 || bin[f] == nil {
			continue
		}
		clear(hg[:nb])
		clear(hh[:nb])
		clear(hc[:nb])
		for _, i := range idx {
			b := bin[f][i]
			hg[b] += g[i]
			hh[b] += h[i]
			hc[b]++
		}
		var gl, hl float64
		cl := 0
		for b := 0; b < nb-1; b++ {
			gl, hl, cl = gl+hg[b], hl+hh[b], cl+hc[b]
			if cl < o.minLeaf || len(idx)-cl < o.minLeaf {
				continue
			}
			gr, hr := G-gl, H-hl
			if gain := gl*gl/(hl+o.lambda) + gr*gr/(hr+o.lambda) - base; gain > bestGain {
				bestGain, bestF, bestB = gain, f, b
			}
		}
	}
	if bestF < 0 {
		return me
	}
	var l, r []int
	for _, i := range idx {
		if int(bin[bestF][i]) <= bestB {
			l = append(l, i)
		} else {
			r = append(r, i)
		}
	}
	t.feature[me] = int16(bestF)
	t.threshold[me] = float32(thr[bestF][bestB])
	// The two children are allocated next to each other; their subtrees
	// follow.
	li := len(t.feature)
	t.left[me] = int16(li)
	for range 2 {
		t.feature = append(t.feature, -1)
		t.threshold = append(t.threshold, 0)
		t.left = append(t.left, 0)
		t.value = append(t.value, 0)
	}
	fillNode(t, li, l, depth+1, o, g, h, bin, thr)
	fillNode(t, li+1, r, depth+1, o, g, h, bin, thr)
	return me
}

// fillNode grows the subtree of samples idx into the node slot at.
func fillNode(t *textTree, at int, idx []int, depth int, o boostOptions, g, h []float64, bin [][]uint8, thr [][]float64) {
	sub := &textTree{}
	growNode(sub, idx, depth, o, g, h, bin, thr)
	// Copy sub's root into at and its other nodes after t's, shifting
	// their child indices.
	off := len(t.feature) - 1 // sub node k>0 goes to off+k
	t.feature[at], t.threshold[at], t.value[at] = sub.feature[0], sub.threshold[0], sub.value[0]
	if sub.feature[0] >= 0 {
		t.left[at] = int16(int(sub.left[0]) + off)
	}
	for k := 1; k < len(sub.feature); k++ {
		t.feature = append(t.feature, sub.feature[k])
		t.threshold = append(t.threshold, sub.threshold[k])
		l := sub.left[k]
		if sub.feature[k] >= 0 {
			l = int16(int(l) + off)
		}
		t.left = append(t.left, l)
		t.value = append(t.value, sub.value[k])
	}
}

// pickThreshold returns the threshold on the model's score that gives
// the best segment F on pages.
func pickThreshold(pages []trainPage, m *blockModel) float64 {
	best, bestF := 0.0, -1.0
	for th := -2.0; th <= 2.0; th += 0.25 {
		m.threshold = th
		if _, _, f := scoreWith(pages, m).prf(); f > bestF {
			best, bestF = th, f
		}
	}
	m.threshold = best
	return best
}

func TestTrainTextModel(t *testing.T) {
	if !*trainTextModel {
		t.Skip("rebuilds the copied-text model: go test ./clean -run TestTrainTextModel -train-text-model")
	}
	o := boostOptions{trees: *boostTrees, depth: *boostDepth, minLeaf: *boostMinLeaf, rate: *boostRate, lambda: defaultBoost.lambda, bins: defaultBoost.bins, subsample: *boostSubsample, colsample: *boostColsample}
	if *moreRules != "" {
		modelRules = maps.Clone(modelRules)
		for _, r := range strings.Split(*moreRules, ",") {
			modelRules[r] = true
		}
	}
	pages := loadTrainPages(t, *pagesDevDir)
	if *zeroFeatures != "" {
		if err := zeroOut(pages, strings.Split(*zeroFeatures, ",")); err != nil {
			t.Fatal(err)
		}
	}
	if *textModelFolds > 0 {
		crossValidate(t, pages, o)
		return
	}
	var even, odd []trainPage
	for _, p := range pages {
		if p.id%2 == 1 {
			odd = append(odd, p)
		} else {
			even = append(even, p)
		}
	}
	report := func(name string, c segCounts) {
		p, r, f := c.prf()
		t.Logf("%-28s P %.3f R %.3f F %.3f (tp %d fp %d fn %d)", name, p, r, f, c.tp, c.fp, c.fn)
	}
	report("rules, even", scoreWith(even, nil))
	report("rules, odd", scoreWith(odd, nil))
	report("oracle, even", scoreOracle(even))
	report("oracle, odd", scoreOracle(odd))
	if *boostSweep != "" {
		for _, set := range strings.Split(*boostSweep, ",") {
			so, err := parseBoost(set, o)
			if err != nil {
				t.Fatal(err)
			}
			for _, half := range []struct {
				name        string
				train, test []trainPage
			}{{"even->odd", even, odd}, {"odd->even", odd, even}} {
				fillLexicon(half.train, half.test)
				m := trainStacked(half.train, *boostStages, so)
				report(fmt.Sprintf("%s %s th 0", set, half.name), scoreWith(half.test, m))
				if *dumpErrorsTo != "" {
					if err := dumpErrors(*dumpErrorsTo+"."+half.name, half.test, m); err != nil {
						t.Fatal(err)
					}
				}
				for _, g := range strings.Split(*spanGaps, ",") {
					if g == "" {
						continue
					}
					v, err := strconv.ParseFloat(g, 64)
					if err != nil {
						t.Fatal(err)
					}
					old := spanGap
					spanGap = v
					report(fmt.Sprintf("%s %s gap %s", set, half.name, g), scoreWith(half.test, m))
					spanGap = old
				}
				th := pickThreshold(half.train, m)
				report(fmt.Sprintf("%s %s th %.2f", set, half.name, th), scoreWith(half.test, m))
			}
		}
		return
	}
	for _, half := range []struct {
		name        string
		train, test []trainPage
	}{{"trained on even, odd", even, odd}, {"trained on odd, even", odd, even}} {
		// The threshold stays 0: one picked on the training half (in
		// sample) was worse held out on both halves.
		fillLexicon(half.train, half.test)
		m := trainStacked(half.train, *boostStages, o)
		report(half.name, scoreWith(half.test, m))
	}
	lx := fillLexicon(pages, nil)
	if *lexDump != "" && lx != nil {
		keys, vals := lx.sorted()
		var sb strings.Builder
		for i, k := range keys {
			fmt.Fprintf(&sb, "%.3f\t%s\n", vals[i], k)
		}
		if err := os.WriteFile(*lexDump, []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m := trainStacked(pages, *boostStages, o)
	m.lexicon = lx
	report("all pages, in sample", scoreWith(pages, m))
	if *textModelOut == "" {
		return
	}
	if err := writeTextModel(*textModelOut, m); err != nil {
		t.Fatal(err)
	}
}

// zeroOut sets the named features of every block of pages to 0: a
// feature that is 0 everywhere is never split on, and the trees'
// sampling draws as before.
func zeroOut(pages []trainPage, names []string) error {
	nf := len(textFeatureNames)
	for _, name := range names {
		k := slices.Index(textFeatureNames, name)
		if k < 0 {
			return fmt.Errorf("-zero-features: no feature %q", name)
		}
		for _, p := range pages {
			for r := range p.blocks {
				p.feats.rows[r*nf+k] = 0
			}
		}
	}
	return nil
}

// writeTextModel writes m to path in the format of textmodelfile.go.
func writeTextModel(path string, m *blockModel) error {
	b, err := encodeTextModel(m)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// scoreOracle counts the segments of pages when every block the model
// decides and the labels know is kept exactly when it is article text:
// the most the model could reach.
func scoreOracle(pages []trainPage) segCounts {
	var c segCounts
	for _, p := range pages {
		res := Result{Blocks: slices.Clone(p.blocks)}
		for i := range res.Blocks {
			b := &res.Blocks[i]
			if p.weight[i] == 0 {
				continue
			}
			if p.label[i] == 1 {
				b.Kind = Body
			} else {
				b.Kind = Promotion
			}
		}
		assemble(&res)
		c.add(res.Text, p)
	}
	return c
}

// add counts p's segments in text.
func (c *segCounts) add(text string, p trainPage) {
	text = collapseSpace(text)
	for _, s := range p.with {
		if strings.Contains(text, s) {
			c.tp++
		} else {
			c.fn++
		}
	}
	for _, s := range p.without {
		if strings.Contains(text, s) {
			c.fp++
		}
	}
}

// dumpErrors writes, for every page, the without-segments m keeps and
// the with-segments it loses, with the block that holds each, its rule,
// kind, score and place.
func dumpErrors(path string, pages []trainPage, m *blockModel) error {
	var sb strings.Builder
	for _, p := range pages {
		res := Result{Blocks: slices.Clone(p.blocks)}
		assemble(&res)
		scores := m.scores(p.feats)
		relabelWith(&res, m, p.feats)
		text := collapseSpace(res.Text)
		find := func(s string) int {
			for i, b := range p.blocks {
				if strings.Contains(collapseSpace(b.Text), s) {
					return i
				}
			}
			return -1
		}
		kept := 0
		for _, b := range res.Blocks {
			if b.Kind.InArticle() {
				kept++
			}
		}
		line := func(tag, s string) {
			i := find(s)
			if i < 0 {
				fmt.Fprintf(&sb, "%s page %d block ? %q\n", tag, p.id, trunc(s, 160))
				return
			}
			b, nb := p.blocks[i], res.Blocks[i]
			fmt.Fprintf(&sb, "%s page %d block %d/%d kind %s rule %s -> %s/%s score %.2f w %d %q\n",
				tag, p.id, i, len(p.blocks), b.Kind, b.Rule, nb.Kind, nb.Rule, scores[i], b.words(), trunc(b.Text, 200))
		}
		for _, s := range p.without {
			if strings.Contains(text, s) {
				line("FP", s)
			}
		}
		for _, s := range p.with {
			if !strings.Contains(text, s) {
				line("FN", s)
			}
		}
	}
	return os.WriteFile(path, []byte(sb.String()), 0o644)
}

func trunc(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

var (
	useLexicon   = flag.Bool("lexicon", true, "learn the term lexicon and feed its features to the model")
	lexMinPages  = flag.Int("lexicon-min-pages", 4, "fewest training pages a lexicon term is seen on")
	lexFolds     = flag.Int("lexicon-folds", 5, "folds of the out-of-fold lexicon features of the training pages")
	lexDump      = flag.String("lexicon-dump", "", "write the lexicon of all pages to this file (value, term)")
	lexSmoothing = flag.Float64("lexicon-smoothing", 1, "pseudo-count of the lexicon's log-odds")
)

// pageTermKeys returns each of pt's term ids' key: short[id] for a
// term of up to 8 bytes, else long[id].
func pageTermKeys(pt *pageTerms) (short []uint64, long []string) {
	short, long = make([]uint64, pt.n), make([]string, pt.n)
	for k, id := range pt.short {
		short[id] = k
	}
	for k, id := range pt.long {
		long[id] = k
	}
	return short, long
}

// buildLexicon learns a termLexicon from the labelled blocks of pages:
// for each term, on how many pages it is in a block of the article and
// in a block that is not, as log-odds against those of all terms.
func buildLexicon(pages []trainPage) *termLexicon {
	type tally struct{ pos, neg int }
	short, long := map[uint64]*tally{}, map[string]*tally{}
	npos, nneg := 0, 0
	for _, p := range pages {
		pt := p.feats.terms
		ks, kl := pageTermKeys(pt)
		seen := make([]uint8, pt.n) // bit 1: in an article block, bit 2: in another
		for i := range p.blocks {
			if p.weight[i] == 0 || p.label[i] != 0 && p.label[i] != 1 {
				continue // unlabelled, or a mixed block's soft label
			}
			bit := uint8(2)
			if p.label[i] == 1 {
				bit = 1
			}
			for _, id := range pt.terms(i) {
				seen[id] |= bit
			}
		}
		anyPos, anyNeg := false, false
		for id, b := range seen {
			if b == 0 {
				continue
			}
			var t *tally
			if kl[id] != "" {
				if t = long[kl[id]]; t == nil {
					t = &tally{}
					long[kl[id]] = t
				}
			} else {
				if t = short[ks[id]]; t == nil {
					t = &tally{}
					short[ks[id]] = t
				}
			}
			if b&1 != 0 {
				t.pos++
				anyPos = true
			}
			if b&2 != 0 {
				t.neg++
				anyNeg = true
			}
		}
		npos += int(bool01(anyPos))
		nneg += int(bool01(anyNeg))
	}
	a := *lexSmoothing
	val := func(t *tally) (float32, bool) {
		if t.pos+t.neg < *lexMinPages {
			return 0, false
		}
		v := math.Log((float64(t.neg)+a)/(float64(nneg)+2*a)) - math.Log((float64(t.pos)+a)/(float64(npos)+2*a))
		return float32(max(-4, min(4, v))), true
	}
	lx := &termLexicon{short: map[uint64]float32{}, long: map[string]float32{}}
	for k, t := range short {
		if v, ok := val(t); ok {
			lx.short[k] = v
		}
	}
	for k, t := range long {
		if v, ok := val(t); ok {
			lx.long[k] = v
		}
	}
	return lx
}

// fillLexicon writes the lexicon features of train's pages from
// lexicons learned on the other folds of train, and those of test's from
// one learned on all of train, which it returns.
func fillLexicon(train, test []trainPage) *termLexicon {
	nf := len(textFeatureNames)
	off := slices.Index(textFeatureNames, lexNames[0])
	if !*useLexicon {
		for _, ps := range [][]trainPage{train, test} {
			for _, p := range ps {
				lexFeatures(p.feats.terms, nil, p.feats.rows, nf, off)
			}
		}
		return nil
	}
	k := *lexFolds
	for f := range k {
		var in []trainPage
		for _, p := range train {
			if (p.id/2)%k != f {
				in = append(in, p)
			}
		}
		lx := buildLexicon(in)
		for _, p := range train {
			if (p.id/2)%k == f {
				lexFeatures(p.feats.terms, lx, p.feats.rows, nf, off)
			}
		}
	}
	lx := buildLexicon(train)
	for _, p := range test {
		lexFeatures(p.feats.terms, lx, p.feats.rows, nf, off)
	}
	return lx
}
