package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"testing"

	"tidings/internal/gcstart"
)

// initGCs is the number of collections that ran before the tests start,
// package initialisation included.
var initGCs uint32

// TestMain does what main does first: the collector, off since
// internal/gcstart's initialisation, is turned back on.
func TestMain(m *testing.M) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	initGCs = ms.NumGC
	gcstart.Resume()
	os.Exit(m.Run())
}

// TestNoCollectionAtStart checks that no collection runs during package
// initialisation (issue 19): internal/gcstart turns the collector off
// early, before go-trafilatura's dependencies initialise (about 4 MB
// before internal/distill stood in for go-domdistiller, past the
// collector's first goal; about 1.2 MB since).
func TestNoCollectionAtStart(t *testing.T) {
	if initGCs != 0 {
		t.Errorf("%d collections ran during package initialisation, want none: is internal/gcstart initialised before go-trafilatura's dependencies?", initGCs)
	}
}

// initLine is a line of GODEBUG=inittrace=1: "init PKG @0.5 ms, 1.2 ms
// clock, 983408 bytes, 18 allocs".
var initLine = regexp.MustCompile(`^init (\S+) @[\d.]+ ms, ([\d.]+) ms clock, (\d+) bytes, (\d+) allocs`)

// TestStartupAllocation guards start-up (issue 19): every command pays for
// every package's initialisation, so none may build large tables there.
// It runs this test binary, which links what the tidings command links,
// with GODEBUG=inittrace=1 and no test, and bounds what package
// initialisation allocates: go-dateparser's locale data alone was 78 MB,
// go-domdistiller's word-counter tables 1.7 MB of the 3.0 MB in all
// before internal/distill stood in for it; 1.2 MB in all now, the most
// for one package go-trafilatura's 0.27 MB of regular expressions.
func TestStartupAllocation(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s", os.Args[0], err, stderr.String())
	}
	const perPackage, total = 1 << 20, 2 << 20
	sum, n := 0, 0
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		m := initLine.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		n++
		b, _ := strconv.Atoi(m[3])
		sum += b
		if b > perPackage {
			t.Errorf("init of %s allocates %.1f MB (at most %d MB): make it lazy", m[1], float64(b)/(1<<20), perPackage>>20)
		}
	}
	if n == 0 {
		t.Fatalf("no inittrace lines; stderr:\n%s", stderr.String())
	}
	t.Logf("%d package inits allocate %.1f MB", n, float64(sum)/(1<<20))
	if sum > total {
		t.Errorf("package initialisation allocates %.1f MB in all, at most %d MB", float64(sum)/(1<<20), total>>20)
	}
}
