package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"strings"

	"tidings/ingest"
	"tidings/news"
)

// Topic is the question of a query-focused cluster.
type Topic struct {
	Title     string
	Narrative string
}

// Query returns the topic as one query text: the title, then the
// narrative. A nil topic gives "".
func (t *Topic) Query() string {
	if t == nil {
		return ""
	}
	return strings.TrimSpace(t.Title + "\n" + t.Narrative)
}

// Reference is a human reference summary of a cluster.
type Reference struct {
	ID   string
	Text string
}

// Cluster is a set of articles about one story, as an evaluation data set
// gives it, with optional human reference summaries.
type Cluster struct {
	ID       string
	Dataset  string
	Topic    *Topic
	Articles []news.Article
	Refs     []Reference
	// RefWords is the data set's summary length in words, or 0.
	RefWords int
}

// jsonCluster is one line of a clusters file (../shared/data/README.md).
type jsonCluster struct {
	Dataset  string    `json:"dataset"`
	ID       string    `json:"id"`
	Topic    *Topic    `json:"topic"`
	Docs     []jsonDoc `json:"docs"`
	Refs     []jsonRef `json:"refs"`
	RefWords int       `json:"ref_words"`
}

type jsonDoc struct {
	ID       string  `json:"id"`
	Headline *string `json:"headline"`
	Text     string  `json:"text"`
}

type jsonRef struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// ReadClusters reads a JSONL file of clusters (or of single articles,
// each then its own cluster) from r and yields them in file order. A bad
// line yields an *[ingest.Error] with its line number and reading goes on.
func ReadClusters(source string, r io.Reader) iter.Seq2[Cluster, error] {
	return func(yield func(Cluster, error) bool) {
		br := bufio.NewReader(r)
		for line := 1; ; line++ {
			data, err := br.ReadBytes('\n')
			if len(bytes.TrimSpace(data)) > 0 {
				if !yield(decodeCluster(data, source, line)) {
					return
				}
			}
			if err == io.EOF {
				return
			}
			if err != nil {
				yield(Cluster{}, &ingest.Error{Source: source, Line: line, Err: err})
				return
			}
		}
	}
}

// LoadClusters reads every cluster of the JSONL file at path. The errors
// of bad lines, which are skipped, come back in bad; err is set when the
// file cannot be read or holds no cluster.
func LoadClusters(path string) (clusters []Cluster, bad []error, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	for c, err := range ReadClusters(path, f) {
		if err != nil {
			bad = append(bad, err)
			continue
		}
		clusters = append(clusters, c)
	}
	if len(clusters) == 0 {
		return nil, bad, fmt.Errorf("%s holds no clusters", path)
	}
	return clusters, bad, nil
}

// Line decodes one line of a JSONL input as [ingest.Options.Line] does,
// for inputs that may be clusters files: a cluster's documents become its
// articles, any other line is an article ([ingest.DecodeLine]).
func Line(source string, line int, raw []byte) ([]news.Article, error) {
	c, err := decodeCluster(raw, source, line)
	return c.Articles, err
}

func decodeCluster(raw []byte, source string, line int) (Cluster, error) {
	var l jsonCluster
	if err := json.Unmarshal(raw, &l); err != nil {
		return Cluster{}, &ingest.Error{Source: source, Line: line, Err: fmt.Errorf("bad JSON: %w", err)}
	}
	if l.ID == "" {
		l.ID = fmt.Sprintf("%s:%d", source, line)
	}
	c := Cluster{ID: l.ID, Dataset: l.Dataset, Topic: l.Topic, RefWords: l.RefWords}
	for _, r := range l.Refs {
		c.Refs = append(c.Refs, Reference(r))
	}
	if l.Docs == nil {
		a, err := ingest.DecodeLine(source, line, raw)
		if errors.Is(err, ingest.ErrEmpty) {
			err = &ingest.Error{Source: source, Line: line, Err: fmt.Errorf("%w: no \"text\", \"html\" or \"docs\"", ingest.ErrEmpty)}
		}
		if err != nil {
			return c, err
		}
		c.Articles = []news.Article{a}
		return c, nil
	}
	for i, d := range l.Docs {
		a := news.Article{ID: d.ID, Raw: d.Text, Outlet: ldcOutlet(d.ID)}
		if pretokenized(d.Text) {
			a.Raw = detokenize(d.Text)
		} else if strings.Contains(d.Text, "``") {
			a.Raw = wireQuotes(d.Text)
		}
		if a.ID == "" {
			a.ID = fmt.Sprintf("%s-%d", l.ID, i+1)
		}
		if d.Headline != nil {
			a.Title = *d.Headline
		}
		c.Articles = append(c.Articles, a)
	}
	if len(c.Articles) == 0 {
		return c, &ingest.Error{Source: source, Line: line, Err: fmt.Errorf("cluster %q: %w", l.ID, ingest.ErrNoArticles)}
	}
	return c, nil
}

// SplitMultiNews reads a Multi-News text, where "|||||" separates the
// articles, as [ingest.Options.Split] does: each non-blank part is an
// article with ID "source#1", "source#2", .... It returns nil and no error
// for a text without "|||||", and ingest.ErrNoArticles (in an
// *ingest.Error) when every part is blank.
func SplitMultiNews(source, text string) ([]news.Article, error) {
	if !strings.Contains(text, "|||||") {
		return nil, nil
	}
	var out []news.Article
	for part := range strings.SplitSeq(text, "|||||") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		out = append(out, news.Article{ID: fmt.Sprintf("%s#%d", source, len(out)+1), Raw: part})
	}
	if len(out) == 0 {
		return nil, &ingest.Error{Source: source, Err: ingest.ErrNoArticles}
	}
	return out, nil
}

// IngestOptions returns o with Line and Split set to read the evaluation
// data sets' formats: clusters files and Multi-News text.
func IngestOptions(o ingest.Options) ingest.Options {
	o.Line, o.Split = Line, SplitMultiNews
	return o
}
