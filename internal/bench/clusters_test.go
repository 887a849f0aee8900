package bench

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"tidings/ingest"
)

func TestReadClusters(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		line string
		want string // the cluster, or the error text
	}{
		{"docs, refs and topic",
			`{"dataset": "duc2006", "id": "D1", "topic": {"title": "Ferries", "narrative": "Why did the crews strike?"}, "docs": [{"id": "APW19990707.0181", "headline": "Strike ends", "text": "Crews returned."}], "refs": [{"id": "A", "text": "The strike ended."}], "ref_words": 250}`,
			`D1 duc2006 "Ferries\nWhy did the crews strike?" 250 [APW19990707.0181 "Strike ends" "Associated Press" "Crews returned."] refs [A "The strike ended."]`},
		{"ids default from the line",
			`{"docs": [{"text": "First."}, {"text": "Second."}]}`,
			`own.jsonl:1  "" 0 [own.jsonl:1-1 "" "" "First."] [own.jsonl:1-2 "" "" "Second."] refs []`},
		{"pre-tokenized text is joined back",
			`{"id": "T", "docs": [{"id": "d", "text": "` + "``" + ` Yes , '' he said ."}]}`,
			`T  "" 0 [d "" "" "\"Yes,\" he said."] refs []`},
		{"an article line is a cluster of one",
			`{"id": "a1", "title": "Ferry", "text": "Crews returned.", "outlet": "Harbour Post"}`,
			`a1  "" 0 [a1 "Ferry" "Harbour Post" "Crews returned."] refs []`},
		{"bad JSON", `{"id": `, `own.jsonl:1: bad JSON: unexpected end of JSON input`},
		{"no documents", `{"id": "E", "docs": []}`, `own.jsonl:1: cluster "E": ingest: no articles found`},
		{"no text", `{"id": "E"}`, `own.jsonl:1: ingest: empty input: no "text", "html" or "docs"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got []string
			for c, err := range ReadClusters("own.jsonl", strings.NewReader(tc.line+"\n")) {
				if err != nil {
					var ie *ingest.Error
					if !errors.As(err, &ie) || ie.Line != 1 {
						t.Errorf("error %v is not an *ingest.Error of line 1", err)
					}
					got = append(got, err.Error())
					continue
				}
				got = append(got, describe(c))
			}
			if len(got) != 1 || got[0] != tc.want {
				t.Errorf("ReadClusters(%s) =\n%q\nwant\n%q", tc.line, got, tc.want)
			}
		})
	}
}

func describe(c Cluster) string {
	s := fmt.Sprintf("%s %s %q %d", c.ID, c.Dataset, c.Topic.Query(), c.RefWords)
	for _, a := range c.Articles {
		s += fmt.Sprintf(" [%s %q %q %q]", a.ID, a.Title, a.Outlet, a.Raw)
	}
	s += " refs ["
	for i, r := range c.Refs {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("%s %q", r.ID, r.Text)
	}
	return s + "]"
}

// TestReadClustersLines checks line numbers across blank and bad lines.
func TestReadClustersLines(t *testing.T) {
	t.Parallel()
	data := `{"id": "c1", "docs": [{"id": "d1", "text": "One."}]}

not json
{"docs": [{"text": "Two."}]}`
	var ids, errs []string
	for c, err := range ReadClusters("f", strings.NewReader(data)) {
		if err != nil {
			errs = append(errs, err.Error()[:len("f:3")])
			continue
		}
		ids = append(ids, c.ID)
	}
	if fmt.Sprint(ids) != "[c1 f:4]" || fmt.Sprint(errs) != "[f:3]" {
		t.Errorf("ReadClusters: clusters %v, errors at %v; want [c1 f:4] and [f:3]", ids, errs)
	}
}

// TestIngestOptions reads data-set files as plain inputs, as the
// commands do.
func TestIngestOptions(t *testing.T) {
	t.Parallel()
	opts := IngestOptions(ingest.Options{})
	tests := []struct {
		name, data string
		want       []string // article ids
		err        string
	}{
		{"clusters and articles mixed", `{"id": "c", "docs": [{"id": "d1", "text": "One."}, {"id": "d2", "text": "Two."}]}
{"id": "a", "text": "Three."}`, []string{"d1", "d2", "a"}, ""},
		{"Multi-News text", "First article.\n|||||\nSecond article.\n||||| ", []string{"mn.txt#1", "mn.txt#2"}, ""},
		{"only separators", "||||| \n |||||", nil, "mn.txt: ingest: no articles found"},
		{"plain text", "One article, no separator.", []string{"mn.txt"}, ""},
		{"HTML is not split", "<html><body><p>One ||||| two</p></body></html>", []string{"mn.txt"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			arts, err := opts.Parse("mn.txt", []byte(tc.data))
			var ids []string
			for _, a := range arts {
				ids = append(ids, a.ID)
			}
			if fmt.Sprint(ids) != fmt.Sprint(tc.want) {
				t.Errorf("Parse ids = %v, want %v", ids, tc.want)
			}
			if got := fmt.Sprint(err); (tc.err == "" && err != nil) || (tc.err != "" && got != tc.err) {
				t.Errorf("Parse error = %v, want %q", err, tc.err)
			}
		})
	}
	// Without the options ingest knows neither format.
	arts, _ := ingest.Parse("mn.txt", []byte("First.\n|||||\nSecond."))
	if len(arts) != 1 {
		t.Errorf("ingest.Parse split a Multi-News text into %d articles without Split", len(arts))
	}
}

func TestLDCOutlet(t *testing.T) {
	t.Parallel()
	tests := []struct{ id, want string }{
		{"APW19990707.0181", "Associated Press"},
		{"AFP_ENG_20050119.0019", "Agence France-Presse"},
		{"XIE19960113.0145", "Xinhua"},
		{"NYT_ENG_20041002.0181", "New York Times"},
		{"ZZZ19990707.0181", ""},
		{"e45abfcb82a3-1", ""},
		{"M0001", ""},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			t.Parallel()
			if got := ldcOutlet(tc.id); got != tc.want {
				t.Errorf("ldcOutlet(%q) = %q, want %q", tc.id, got, tc.want)
			}
		})
	}
}

// FuzzLine checks that no line makes Line panic and that its errors
// carry the line.
func FuzzLine(f *testing.F) {
	f.Add([]byte(`{"id": "c", "topic": {"title": "t"}, "docs": [{"id": "APW19990707.0181", "headline": null, "text": "` + "``" + ` Yes , '' he said ."}], "refs": [{"id": "A", "text": "r"}]}`))
	f.Add([]byte(`{"id": "a", "text": "One.", "published": "2026-03-02"}`))
	f.Add([]byte(`{"docs": []}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		arts, err := Line("f", 7, raw)
		if err != nil {
			var ie *ingest.Error
			if !errors.As(err, &ie) || ie.Line != 7 {
				t.Fatalf("Line error %v is not an *ingest.Error of line 7", err)
			}
			return
		}
		if len(arts) == 0 {
			t.Fatal("Line returned no articles and no error")
		}
	})
}
