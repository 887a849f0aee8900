package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestDiff(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, a, b, want string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"both empty", "", "", ""},
		{"line changed", "a\nb\nc\n", "a\nB\nc\n", "@@ line 1\n  a\n- b\n+ B\n  c\n"},
		{"line added", "a\nc\n", "a\nb\nc\n", "@@ line 1\n  a\n+ b\n  c\n"},
		{"line removed", "a\nb\nc\n", "a\nc\n", "@@ line 1\n  a\n- b\n  c\n"},
		{"from empty", "", "a\n", "@@ line 1\n+ a\n"},
		{"final newline lost", "a\n", "a", "@@ line 1\n- a\n+ a (no newline at end)\n"},
		{"context", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n", "1\n2\n3\n4\n5\nfive\n7\n8\n9\n10\n11\n12\n13\nthirteen\n",
			"@@ line 3\n  3\n  4\n  5\n- 6\n+ five\n  7\n  8\n  9\n@@ line 11\n  11\n  12\n  13\n- 14\n+ thirteen\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if got := Diff(tc.a, tc.b); got != tc.want {
				t.Errorf("Diff(%q, %q) = %q, want %q", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestDiffLong(t *testing.T) {
	t.Parallel()
	a := strings.Repeat("same\n", 3000)
	b := a[:5*1500] + "other\n" + a[5*1501:]
	if got, want := Diff(a, b), "first difference at line 1501:\n- same\n+ other\n"; got != want {
		t.Errorf("Diff of 3,000-line texts = %q, want %q", got, want)
	}
}

// recorder is a testing.TB that records failures; Fatal ends the
// goroutine as testing.T's does.
type recorder struct {
	testing.TB
	failures []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	runtime.Goexit()
}
func (r *recorder) Fatal(args ...any) {
	r.failures = append(r.failures, fmt.Sprint(args...))
	runtime.Goexit()
}

// run calls f with a recorder in a goroutine of its own and returns the
// failures it recorded.
func run(t *testing.T, f func(tb testing.TB)) []string {
	r := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r.failures
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "case.golden")
	if err := os.WriteFile(path, []byte("one\ntwo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		path    string
		got     string
		update  bool
		failure string // "" for none
	}{
		{"same", path, "one\ntwo\n", false, ""},
		{"different", path, "one\n2\n", false, "@@ line 1\n  one\n- two\n+ 2\n"},
		{"missing", filepath.Join(dir, "none.golden"), "x", false, "does not exist"},
		{"update writes", filepath.Join(dir, "sub", "new.golden"), "new\n", true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			*update = tc.update
			defer func() { *update = false }()
			failures := run(t, func(tb testing.TB) { Check(tb, tc.path, []byte(tc.got)) })
			switch {
			case tc.failure == "" && len(failures) > 0:
				t.Errorf("Check failed: %v", failures)
			case tc.failure != "" && (len(failures) != 1 || !strings.Contains(failures[0], tc.failure)):
				t.Errorf("Check failures %q, want one containing %q", failures, tc.failure)
			}
			if tc.update {
				b, err := os.ReadFile(tc.path)
				if err != nil || string(b) != tc.got {
					t.Errorf("after -update %s holds %q (%v), want %q", tc.path, b, err, tc.got)
				}
			}
		})
	}
}

func TestUnused(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a.golden", "b.golden"} {
		if err := os.WriteFile(filepath.Join(dir, n), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if f := run(t, func(tb testing.TB) { Unused(tb, dir, []string{"a.golden", "b.golden"}) }); len(f) != 0 {
		t.Errorf("Unused with every file named: %v", f)
	}
	f := run(t, func(tb testing.TB) { Unused(tb, dir, []string{"a.golden"}) })
	if len(f) != 1 || !strings.Contains(f[0], "b.golden") {
		t.Errorf("Unused without b.golden: %q, want one failure naming it", f)
	}
	if f := run(t, func(tb testing.TB) { Unused(tb, filepath.Join(dir, "none"), nil) }); len(f) != 0 {
		t.Errorf("Unused on a missing directory: %v", f)
	}
}

func TestPath(t *testing.T) {
	t.Run("a case", func(t *testing.T) {
		if got, want := Path(t, "two-outlets", ".txt.golden"), filepath.Join("testdata", "TestPath", "two-outlets.txt.golden"); got != want {
			t.Errorf("Path = %q, want %q", got, want)
		}
	})
}
