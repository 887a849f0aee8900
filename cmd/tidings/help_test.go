package main

import (
	"context"
	"flag"
	"io"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"tidings/internal/cputime"
)

// BenchmarkHelp measures what "tidings help" does after start-up (issue
// 19), in CPU time per run.
func BenchmarkHelp(b *testing.B) {
	c0 := cputime.Used()
	for b.Loop() {
		e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, bar: &stageBar{}}
		if err := e.run(context.Background(), []string{"help"}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cputime.Used()-c0).Microseconds())/float64(b.N), "cpu-us/op")
}

// TestFlagLinesAlign checks that flagLines aligns the flag texts as a
// tabwriter with padding 2 would (what it printed before it padded by
// itself): every command's flags, and a FlagSet of each kind of value
// with a name of non-ASCII letters.
func TestFlagLinesAlign(t *testing.T) {
	odd := flag.NewFlagSet("odd", flag.ContinueOnError)
	odd.Bool("x", false, "a boolean")
	odd.Int("größe", 3, "a whole number")
	odd.Duration("poll", time.Minute, "a duration")
	odd.String("from", "", "a `PLACE` named in the text")
	odd.Float64("t", 0.5, "a number (default one half)")
	cases := map[string]*flag.FlagSet{"odd": odd}
	for _, name := range commandNames() {
		cases[name] = commandFlags(context.Background(), name)
	}
	for name, fs := range cases {
		t.Run(name, func(t *testing.T) {
			if fs == nil {
				t.Fatalf("commandFlags(%q) = nil", name)
			}
			got := flagLines(fs)
			var want strings.Builder
			tw := tabwriter.NewWriter(&want, 0, 4, 2, ' ', 0)
			n := 0
			for line := range strings.Lines(got) {
				n++
				// "  --name VALUE" holds no two spaces after its first two.
				i := strings.Index(line[2:], "  ")
				if !strings.HasPrefix(line, "  --") || i < 0 {
					t.Fatalf("line %q is not \"  --name  text\"", line)
				}
				tw.Write([]byte(line[:2+i] + "\t" + strings.TrimLeft(line[2+i:], " ")))
			}
			tw.Flush()
			if got != want.String() {
				t.Errorf("flagLines:\n%s\nas a tabwriter aligns them:\n%s", got, want.String())
			}
			if n == 0 {
				t.Errorf("no flag lines for %s", name)
			}
		})
	}
}
