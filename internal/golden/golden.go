package golden

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files with the tests' output")

// Updating reports whether the test binary runs with -update.
func Updating() bool { return *update }

// Path returns testdata/<test>/<name><ext> for the running test, where
// <test> is the top-level test's name (TestStories for the subtest
// "TestStories/two outlets"), so that every case of one test has its
// golden file in one directory. name should be the case's name, made of
// letters, digits, "-" and "_".
func Path(t testing.TB, name, ext string) string {
	t.Helper()
	test, _, _ := strings.Cut(t.Name(), "/")
	return filepath.Join("testdata", test, name+ext)
}

// Check compares got with the golden file at path. Under -update it writes
// got to path first (creating its directory), so the comparison passes.
// A missing file or a mismatch fails t; a mismatch reports a diff of the
// file (-) against got (+).
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("golden file %s does not exist (run the test with -update to write it)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run the test with -update to accept it):\n%s", path, Diff(string(want), string(got)))
	}
}

// Unused fails t for each file in dir whose name is not in names: a golden
// file left behind by a renamed or removed case. It does nothing under
// -update, which may be writing the directory, nor when dir is missing.
func Unused(t testing.TB, dir string, names []string) {
	t.Helper()
	if *update {
		return
	}
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	keep := make(map[string]bool, len(names))
	for _, n := range names {
		keep[n] = true
	}
	for _, e := range entries {
		if !e.IsDir() && !keep[e.Name()] {
			t.Errorf("golden file %s belongs to no test case; remove it", filepath.Join(dir, e.Name()))
		}
	}
}

// maxDiffCells bounds the work of Diff (lines of a times lines of b);
// beyond it Diff reports the first differing line only.
const maxDiffCells = 4 << 20

// contextLines is how many unchanged lines Diff shows around a change.
const contextLines = 3

// Diff returns a line diff that turns a into b: removed lines start with
// "- ", added ones with "+ ", and up to three unchanged lines around each
// change with "  "; "@@ line n" opens each run of changes, n counting
// the lines of a from 1. Equal texts give "". It is the
// longest-common-subsequence diff, for the short files of tests; for
// files too long for it, it shows the first line that differs.
func Diff(a, b string) string {
	x, y := lines(a), lines(b)
	if len(x)*len(y) > maxDiffCells {
		return firstDifference(x, y)
	}
	// lcs[i][j] is the length of the longest common subsequence of x[i:]
	// and y[j:].
	lcs := make([][]int, len(x)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(y)+1)
	}
	for i := len(x) - 1; i >= 0; i-- {
		for j := len(y) - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type edit struct {
		op   byte // ' ', '-' or '+'
		line string
		at   int // the line of a it stands at, from 1
	}
	var script []edit
	i, j := 0, 0
	for i < len(x) || j < len(y) {
		switch {
		case i < len(x) && j < len(y) && x[i] == y[j]:
			script = append(script, edit{' ', x[i], i + 1})
			i++
			j++
		case i < len(x) && (j == len(y) || lcs[i+1][j] >= lcs[i][j+1]):
			script = append(script, edit{'-', x[i], i + 1})
			i++
		default:
			script = append(script, edit{'+', y[j], i + 1})
			j++
		}
	}
	// show marks the edits within context lines of a change.
	show := make([]bool, len(script))
	for k, e := range script {
		if e.op != ' ' {
			for m := max(0, k-contextLines); m <= min(len(script)-1, k+contextLines); m++ {
				show[m] = true
			}
		}
	}
	var sb strings.Builder
	for k, e := range script {
		if !show[k] {
			continue
		}
		if k == 0 || !show[k-1] {
			fmt.Fprintf(&sb, "@@ line %d\n", e.at)
		}
		sb.WriteByte(e.op)
		sb.WriteString(" " + e.line + "\n")
	}
	return sb.String()
}

// lines splits s into lines without their "\n"; a last line without one
// is marked, so that a missing final newline shows in the diff.
func lines(s string) []string {
	if s == "" {
		return nil
	}
	ls := strings.SplitAfter(s, "\n")
	if ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	for i, l := range ls {
		if t, ok := strings.CutSuffix(l, "\n"); ok {
			ls[i] = t
		} else {
			ls[i] = l + " (no newline at end)"
		}
	}
	return ls
}

func firstDifference(x, y []string) string {
	for i := range max(len(x), len(y)) {
		var a, b string
		if i < len(x) {
			a = x[i]
		}
		if i < len(y) {
			b = y[i]
		}
		if i >= len(x) || i >= len(y) || a != b {
			return fmt.Sprintf("first difference at line %d:\n- %s\n+ %s\n", i+1, a, b)
		}
	}
	return ""
}
