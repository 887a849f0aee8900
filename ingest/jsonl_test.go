package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
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

// TestCheckText checks the refusals of text that no store keeps as it is
// (issue 18 row 1), with a NUL past the first 8,000 bytes as well.
func TestCheckText(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("The bridge reopened on Monday. ", 300)
	for _, tt := range []struct {
		name string
		data string
		want error
	}{
		{"text", "The bridge reopened.", nil},
		{"empty", " \n\t", ErrEmpty},
		{"NUL at the start: binary", "\x00\x01PNG", ErrBinary},
		{"NUL past the head", long + "\x00tail", ErrNUL},
		{"invalid UTF-8", "caf\xe9 au lait", ErrInvalidUTF8},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := CheckText([]byte(tt.data)); !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Errorf("CheckText(%.20q) = %v, want %v", tt.data, err, tt.want)
			}
		})
	}
	arts, err := Parse("in.jsonl", []byte(`{"id":"a","text":"nul\u0000inside"}`+"\n"+`{"id":"b","text":"fine"}`+"\n"))
	var ie *Error
	if len(arts) != 1 || arts[0].ID != "b" || !errors.As(err, &ie) || ie.Line != 1 || !errors.Is(err, ErrNUL) {
		t.Errorf(`Parse(JSONL with "\u0000") = %d articles, %v; want b and line 1 refused with ErrNUL`, len(arts), err)
	}
}
