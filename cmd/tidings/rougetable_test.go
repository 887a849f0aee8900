package main

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"tidings"
)

// The ROUGE table of issue 19: 13 systems × 50 clusters = 650 summaries of
// 100 words, each scored against 4 references with DUC's options. The
// clusters are tac2009's 44 and the first 6 of duc2006 (4 references each;
// -l 100 cuts their 250-word references and every summary to 100 words).
// The systems are the 7 summarizers at 100 words and the 6 other than
// lead at 130 words (cut to 100 by -l 100).
var rougeTableDir = flag.String("rougetable", "", "TestWriteRougeTable writes the 13-system ROUGE table to this directory")

// rougeTableArgs are ROUGE-1.5.5's DUC 2004 options, as in the issue.
var rougeTableArgs = []string{"-n", "4", "-m", "-a", "-l", "100", "-x", "-c", "95", "-r", "1000", "-f", "A", "-p", "0.5", "-t", "0"}

const sharedData = "../../../shared/data/"

// writeRougeTable writes dir/clusters.jsonl and one folder of summaries
// per system, and returns the arguments of `tidings rouge` that score
// them (--rouge-data relative to the repository root's parent).
func writeRougeTable(tb testing.TB, dir string) []string {
	tb.Helper()
	data := filepath.Join(dir, "clusters.jsonl")
	var lines []byte
	for _, src := range []struct {
		file string
		n    int
	}{{"tac2009.jsonl", 44}, {"duc2006.jsonl", 6}} {
		b, err := firstLines(sharedData+src.file, src.n)
		if err != nil {
			tb.Skipf("the ROUGE table needs %s%s (%v)", sharedData, src.file, err)
		}
		lines = append(lines, b...)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(data, lines, 0o644); err != nil {
		tb.Fatal(err)
	}
	args := []string{"rouge", "--data", data, "--rouge-data", sharedData + "rouge-golden"}
	for _, budget := range []int{100, 130} {
		for _, algo := range tidings.Algorithms {
			if budget != 100 && algo == "lead" {
				continue
			}
			name := fmt.Sprintf("%s-%d", algo, budget)
			out := filepath.Join(dir, name)
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), []string{"brief", "--in", data, "--out", out,
				"--words", strconv.Itoa(budget), "--algo", algo}, strings.NewReader(""), &stdout, &stderr)
			if err != nil {
				tb.Fatalf("brief %s: %v\n%s", name, err, stderr.String())
			}
			args = append(args, "--sys", out)
		}
	}
	return append(args, rougeTableArgs...)
}

// firstLines returns the first n lines of a file, each with its newline.
func firstLines(path string, n int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	var out []byte
	for range n {
		l, err := r.ReadBytes('\n')
		if err != nil {
			return nil, fmt.Errorf("%s: fewer than %d lines: %w", path, n, err)
		}
		out = append(out, l...)
	}
	return out, nil
}

// TestWriteRougeTable writes the table for timing the command by hand:
//
//	go test ./cmd/tidings -run TestWriteRougeTable -rougetable /tmp/rt
//
// prints the command line (run it from the repository root).
func TestWriteRougeTable(t *testing.T) {
	if *rougeTableDir == "" {
		t.Skip("give -rougetable DIR to write the ROUGE table")
	}
	dir, err := filepath.Abs(*rougeTableDir)
	if err != nil {
		t.Fatal(err)
	}
	args := writeRougeTable(t, dir)
	for i, a := range args {
		if strings.HasPrefix(a, sharedData) {
			args[i] = "../shared/data/" + strings.TrimPrefix(a, sharedData)
		}
	}
	t.Logf("from the repository root: tidings %s", strings.Join(args, " "))
}

// BenchmarkRougeTable scores the table in-process (no start-up).
func BenchmarkRougeTable(b *testing.B) {
	args := writeRougeTable(b, b.TempDir())
	for b.Loop() {
		if err := run(context.Background(), args, strings.NewReader(""), io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCommand runs the built tidings binary, start-up included, and
// reports its CPU time (user + system) per run as cpu-ms/op, and the
// median run's as median-cpu-ms. help-static runs a binary built with
// CGO_ENABLED=0 (statically linked: no dynamic loader, no libc threads),
// which tidings builds as well, being pure Go.
func BenchmarkCommand(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "tidings")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	static := filepath.Join(b.TempDir(), "tidings")
	build := exec.Command("go", "build", "-o", static, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("CGO_ENABLED=0 go build: %v\n%s", err, out)
	}
	b.Run("help", func(b *testing.B) { benchProcess(b, bin, "help") })
	b.Run("help-static", func(b *testing.B) { benchProcess(b, static, "help") })
	b.Run("rouge-table", func(b *testing.B) {
		benchProcess(b, bin, writeRougeTable(b, b.TempDir())...)
	})
}

func benchProcess(b *testing.B, bin string, args ...string) {
	var runs []time.Duration
	var cpu time.Duration
	for b.Loop() {
		cmd := exec.Command(bin, args...)
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		if err := cmd.Run(); err != nil {
			b.Fatalf("%s %s: %v", bin, strings.Join(args, " "), err)
		}
		run := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		cpu += run
		runs = append(runs, run)
	}
	slices.Sort(runs)
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(runs[len(runs)/2].Microseconds())/1000, "median-cpu-ms")
}
