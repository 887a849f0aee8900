package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestJSONLBadLine checks that one bad line of a JSONL file is reported
// with its line number and that every other line is read.
func TestJSONLBadLine(t *testing.T) {
	t.Parallel()
	good1 := `{"id":"a","title":"Bridge","text":"The bridge reopened on Monday."}`
	good2 := `{"id":"b","text":"Ferry crews went on strike."}`
	for _, tt := range []struct {
		name     string
		data     string
		ids      []string
		badLines []int
	}{
		{"bad middle line", good1 + "\n{\"id\": \"x\", \"text\": \n" + good2 + "\n", []string{"a", "b"}, []int{2}},
		{"bad first line", "{not json\n" + good1 + "\n" + good2, []string{"a", "b"}, []int{1}},
		{"bad date and no text", good1 + "\n" + `{"id":"c","text":"x","published":"Monday"}` + "\n" + `{"id":"d"}` + "\n" + good2,
			[]string{"a", "b"}, []int{2, 3}},
		{"byte order mark", "\ufeff" + good1 + "\n" + good2, []string{"a", "b"}, nil},
		{"blank lines are not lines to report", good1 + "\n\n\n" + good2 + "\n\n", []string{"a", "b"}, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "in.jsonl")
			if err := os.WriteFile(path, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			var ids []string
			var lines []int
			for a, err := range Paths(context.Background(), []string{path}, Options{}) {
				if err != nil {
					var ie *Error
					if !errors.As(err, &ie) || ie.Source != path {
						t.Fatalf("error %v (%T): want an *Error for %s", err, err, path)
					}
					lines = append(lines, ie.Line)
					continue
				}
				ids = append(ids, a.ID)
			}
			if !slices.Equal(ids, tt.ids) || !slices.Equal(lines, tt.badLines) {
				t.Errorf("Paths(%q) = ids %v, bad lines %v; want %v, %v", tt.name, ids, lines, tt.ids, tt.badLines)
			}
		})
	}
}
