package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"tidings/cluster"
	"tidings/eval"
	"tidings/internal/bench"
	"tidings/internal/server"
	"tidings/news"
)

// serverOrders scores the server's path as "stories --score" reports it:
// for each seed 1 to seeds, a server over a new SQLite store in a
// temporary folder (removed afterwards) is given every article of files
// over loopback HTTP in the order bench.Shuffled gives for the seed, and
// the stories it stored are scored against the true clusters and against
// the batch stories of placed (what bench.ScoreStories returned for the
// same files). The server must keep the articles batch kept: any other
// set is an error, as a difference would make the two scores
// incomparable.
func (e *env) serverOrders(ctx context.Context, files []bench.ClusterFile, placed []bench.Placed, copts cluster.Options, seeds int) ([]bench.OrderScore, error) {
	var arts []news.Article
	for _, f := range files {
		for _, c := range f.Clusters {
			arts = append(arts, c.Articles...)
		}
	}
	var out []bench.OrderScore
	for seed := uint64(1); seed <= uint64(max(seeds, 0)); seed++ {
		stories, err := postShuffled(ctx, arts, seed, copts, func(done, total int) {
			e.progress(fmt.Sprintf("server %d/%d", seed, seeds), done, total)
		})
		if err != nil {
			return nil, err
		}
		var pred, truth, batch []string
		j := 0
		for k, sid := range stories {
			if sid == 0 {
				continue
			}
			if j >= len(placed) || placed[j].ID != arts[k].ID {
				return nil, fmt.Errorf("server seed %d: the server kept article %s, which batch left out for having no text", seed, arts[k].ID)
			}
			pred = append(pred, fmt.Sprint(sid))
			truth = append(truth, placed[j].Truth)
			batch = append(batch, fmt.Sprint(placed[j].Story))
			j++
		}
		if j < len(placed) {
			return nil, fmt.Errorf("server seed %d: the server refused article %s for having no text, which batch kept", seed, placed[j].ID)
		}
		o := bench.OrderScore{Seed: seed}
		if o.Truth, err = eval.Clustering(pred, truth); err != nil {
			return nil, err
		}
		if o.Batch, err = eval.Clustering(pred, batch); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

// postShuffled posts arts to a server over a store in a new temporary
// folder, in the order of seed, and returns their stories
// (server.Placements); the folder is removed before it returns.
func postShuffled(ctx context.Context, arts []news.Article, seed uint64, copts cluster.Options, progress func(done, total int)) ([]int64, error) {
	dir, err := os.MkdirTemp("", "tidings-score-")
	if err != nil {
		return nil, fmt.Errorf("server seed %d: %w", seed, err)
	}
	defer os.RemoveAll(dir)
	stories, err := server.Placements(ctx, filepath.Join(dir, "score.db"), arts, bench.Shuffled(len(arts), seed),
		server.PlaceOptions{Cluster: copts, Progress: progress})
	if err != nil {
		return nil, fmt.Errorf("server seed %d: %w", seed, err)
	}
	return stories, nil
}

// scoreJSON is what "stories --score --format json" prints: the figures
// of the text output, by name.
type scoreJSON struct {
	Articles     int           `json:"articles"`
	WithText     int           `json:"with_text"`
	TrueClusters int           `json:"true_clusters"`
	Folded       int           `json:"folded"`
	FoldedSame   int           `json:"folded_same"`
	Nearest      int           `json:"nearest"`
	NearestOf    int           `json:"nearest_of"`
	ByFile       []fileJSON    `json:"by_file,omitempty"`
	Rows         []rowJSON     `json:"rows"`
	Incremental  *ordersJSON   `json:"incremental,omitempty"`
	Server       *ordersJSON   `json:"server,omitempty"`
	Mistakes     []mistakeJSON `json:"mistakes,omitzero"`
}

// fileJSON is the nearest-article count of one input file.
type fileJSON struct {
	Path string `json:"path"`
	Same int    `json:"same"`
	Of   int    `json:"of"`
}

// rowJSON is one grouping's scores.
type rowJSON struct {
	Name      string  `json:"name,omitempty"`
	Seed      uint64  `json:"seed,omitempty"`
	Stories   int     `json:"stories"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	ARI       float64 `json:"ari"`
	// BatchF1 is the B-cubed F1 of a shuffled order against batch.
	BatchF1 *float64 `json:"batch_f1,omitempty"`
}

// ordersJSON is the shuffled orders of one path, and their medians.
type ordersJSON struct {
	Orders []rowJSON `json:"orders"`
	Median struct {
		Precision float64 `json:"precision"`
		Recall    float64 `json:"recall"`
		F1        float64 `json:"f1"`
		BatchF1   float64 `json:"batch_f1"`
	} `json:"median"`
}

// mistakeJSON is one bench.Mistake: Story is -1 for a split true cluster.
type mistakeJSON struct {
	Story int        `json:"story"`
	Truth string     `json:"truth,omitempty"`
	Parts []partJSON `json:"parts"`
}

// partJSON is one bench.Part.
type partJSON struct {
	Story    int          `json:"story"`
	Truth    string       `json:"truth"`
	Articles []placedJSON `json:"articles"`
}

// placedJSON is one article of a part; its dates as YYYY-MM-DD.
type placedJSON struct {
	ID       string   `json:"id"`
	Copy     string   `json:"copy_of,omitempty"`
	Date     string   `json:"date,omitempty"`
	Reported []string `json:"reported,omitempty"`
}

// newRowJSON returns the row of the scores s.
func newRowJSON(name string, s eval.ClusterScores) rowJSON {
	return rowJSON{Name: name, Stories: s.Predicted, Precision: s.Precision, Recall: s.Recall, F1: s.F1, ARI: s.ARI}
}

// newOrdersJSON returns orders and their medians; nil for none.
func newOrdersJSON(orders []bench.OrderScore) *ordersJSON {
	if len(orders) == 0 {
		return nil
	}
	var out ordersJSON
	for _, o := range orders {
		r := newRowJSON("", o.Truth)
		r.Seed, r.BatchF1 = o.Seed, &o.Batch.F1
		out.Orders = append(out.Orders, r)
	}
	m := &out.Median
	m.Precision, m.Recall, m.F1, m.BatchF1 = bench.StoryScore{Orders: orders}.MedianOrder()
	return &out
}

// writeScoreJSON prints s, the server's orders and, when mistakes is
// set, the batch grouping's mistakes as one JSON object.
func writeScoreJSON(w io.Writer, s bench.StoryScore, srv []bench.OrderScore, mistakes bool) error {
	out := scoreJSON{Articles: s.Articles, WithText: s.WithText, TrueClusters: s.TrueClusters, Folded: s.Folded,
		FoldedSame: s.FoldedSame, Nearest: s.Nearest, NearestOf: s.NearestOf}
	for _, f := range s.ByFile {
		out.ByFile = append(out.ByFile, fileJSON{f.Path, f.Same, f.Of})
	}
	for _, r := range s.Rows {
		out.Rows = append(out.Rows, newRowJSON(r.Name, r.ClusterScores))
	}
	out.Incremental, out.Server = newOrdersJSON(s.Orders), newOrdersJSON(srv)
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.DateOnly)
	}
	if mistakes {
		out.Mistakes = []mistakeJSON{}
		for _, m := range bench.Mistakes(s.Placed) {
			mj := mistakeJSON{Story: m.Story, Truth: m.Truth}
			for _, p := range m.Parts {
				pj := partJSON{Story: p.Story, Truth: p.Truth}
				for _, a := range p.Articles {
					aj := placedJSON{ID: a.ID, Copy: a.Copy, Date: day(a.Date)}
					for _, t := range a.Reported {
						aj.Reported = append(aj.Reported, day(t))
					}
					pj.Articles = append(pj.Articles, aj)
				}
				mj.Parts = append(mj.Parts, pj)
			}
			out.Mistakes = append(out.Mistakes, mj)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
