package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestEvalSplit scores stories of one article cut from a cluster of our
// own making: each algorithm writes one summary per story.
func TestEvalSplit(t *testing.T) {
	t.Parallel()
	line := `{"dataset":"own","id":"ferry","docs":[` +
		`{"id":"a","text":"The island ferry resumed on Monday after a winter of repairs to the harbour wall. It will sail twice a day until September."},` +
		`{"id":"b","text":"Ferry sailings to the islands began again on Monday. The council spent two million on the harbour wall."},` +
		`{"id":"c","text":"The harbour wall, breached by storms in January, is mended and the ferry is back. Tickets sold out within an hour."}],` +
		`"refs":[{"id":"A","text":"The island ferry resumed on Monday after the harbour wall was repaired."}]}`
	dir := t.TempDir()
	path := filepath.Join(dir, "own.jsonl")
	if err := os.WriteFile(path, []byte(line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	stdout, stderr, code := runCLI(t, "", "eval", "--data", path, "--algo", "ilp,lead", "--words", "20", "--split", "1", "--out", out, "-n", "2", "-a")
	if code != 0 {
		t.Fatalf("eval --split 1: exit %d: %s", code, stderr)
	}
	for _, algo := range []string{"ilp", "lead"} {
		entries, err := os.ReadDir(filepath.Join(out, algo))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		if want := []string{"ferry#1.txt", "ferry#2.txt", "ferry#3.txt"}; !slices.Equal(names, want) {
			t.Errorf("%s wrote %v, want %v (one summary per article)", algo, names, want)
		}
		if !strings.Contains(stdout, algo+" ") {
			t.Errorf("no %s row in the table:\n%s", algo, stdout)
		}
	}
	for _, bad := range []string{"0", "-1", "two"} {
		if _, stderr, code := runCLI(t, "", "eval", "--data", path, "--split", bad, "-n", "2"); code != 2 || !strings.Contains(stderr, "--split") {
			t.Errorf("--split %s: exit %d, stderr %q; want 2 and a message naming --split", bad, code, stderr)
		}
	}
}
