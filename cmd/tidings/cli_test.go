package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestHelpListsEveryFlag checks, for every command the usage shows, that
// each of its flags has a line of its own in "tidings help" and in
// "tidings CMD -h" (on stdout, exit 0), and that the command's usage
// lines (or the notes under them) name it; and that every --flag the
// usage lines name has a line.
func TestHelpListsEveryFlag(t *testing.T) {
	t.Parallel()
	help, stderr, code := runCLI(t, "", "help")
	if code != 0 || stderr != "" {
		t.Fatalf("tidings help: exit %d, stderr %q", code, stderr)
	}
	// The notes after the usage lines may name flags several commands
	// share.
	_, notes, _ := strings.Cut(usage, "Usage:\n")
	_, notes, _ = strings.Cut(notes, "\n\n")
	names := commandNames()
	for _, want := range []string{"brief", "stories", "serve", "clean", "rouge", "eval"} {
		if !strings.Contains(" "+strings.Join(names, " ")+" ", " "+want+" ") {
			t.Errorf("commandNames() = %v, lacks %s", names, want)
		}
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			fs := commandFlags(context.Background(), name)
			if fs == nil {
				t.Fatalf("commandFlags(%q) = nil", name)
			}
			cmdHelp, stderr, code := runCLI(t, "", name, "-h")
			if code != 0 || stderr != "" {
				t.Fatalf("tidings %s -h: exit %d, stderr %q", name, code, stderr)
			}
			section := help[strings.Index(help, "Flags of tidings "+name+":"):]
			if i := strings.Index(section[1:], "\nFlags of "); i >= 0 {
				section = section[:i+1]
			}
			syn := synopsis(name)
			n := 0
			fs.VisitAll(func(f *flag.Flag) {
				n++
				line := regexp.MustCompile(`(?m)^  --` + regexp.QuoteMeta(f.Name) + `( [A-Z][A-Z-]*)? {2,}\S`)
				if !line.MatchString(section) {
					t.Errorf("tidings help has no line for %s --%s:\n%s", name, f.Name, section)
				}
				if !line.MatchString(cmdHelp) {
					t.Errorf("tidings %s -h has no line for --%s:\n%s", name, f.Name, cmdHelp)
				}
				named := regexp.MustCompile(`--` + regexp.QuoteMeta(f.Name) + `\b`)
				if !named.MatchString(syn) && !named.MatchString(notes) {
					t.Errorf("neither the usage lines of %s nor the notes under them name --%s:\n%s", name, f.Name, syn)
				}
			})
			if n == 0 {
				t.Errorf("%s: no flags found", name)
			}
			for _, m := range regexp.MustCompile(`--([a-z][a-z-]*)`).FindAllStringSubmatch(syn, -1) {
				if fs.Lookup(m[1]) == nil {
					t.Errorf("the usage lines of %s name --%s, which it has no line for", name, m[1])
				}
			}
		})
	}
}

// TestUsageErrors checks that bad command lines exit with status 2,
// print nothing on stdout, and say what is wrong on stderr with a hint.
func TestUsageErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no_command", nil, "no command"},
		{"unknown_command", []string{"summarise"}, `unknown command "summarise"`},
		{"unknown_flag", []string{"brief", "--bogus", "x"}, "flag provided but not defined: -bogus"},
		{"bad_flag_value", []string{"stories", "--words", "many", "x"}, `invalid value "many" for flag -words`},
		{"unknown_format", []string{"stories", "--format", "xml", "x"}, `unknown format "xml" (valid: text, markdown, json)`},
		{"unknown_algo", []string{"brief", "--algo", "magic", "x"}, `unknown summarizer "magic"`},
		{"no_path", []string{"clean"}, "clean needs at least one PATH"},
		{"bad_threshold", []string{"stories", "--threshold", "2", "x"}, "--threshold in (0, 1]"},
		{"serve_arguments", []string{"serve", "x"}, "serve takes no arguments"},
		{"help_unknown", []string{"help", "nope"}, `unknown command "nope"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			stdout, stderr, code := runCLI(t, "", tc.args...)
			if code != 2 {
				t.Errorf("tidings %v: exit %d, want 2", tc.args, code)
			}
			if tc.args != nil && stdout != "" {
				t.Errorf("tidings %v: stdout %q, want nothing", tc.args, stdout)
			}
			if !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "Run 'tidings ") {
				t.Errorf("tidings %v: stderr %q, want %q and a hint", tc.args, stderr, tc.want)
			}
		})
	}
}

// pkgPrefix matches a Go package name or the CLI's own error markers
// where an error message would show them: "render: ", "usage: ".
var pkgPrefix = regexp.MustCompile(`(^|[\s:(])(tidings|ingest|clean|segment|dedupe|cluster|summarize|enrich|render|eval|store|news|feed|bench|server|usage|some inputs failed): `)

// TestErrorsInPlainWords checks that no error a user reads names a Go
// package: each stderr line, after the leading "tidings: ", is free of
// package prefixes.
func TestErrorsInPlainWords(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.txt", "")
	nav := write("nav.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
	binary := write("photo.jpg", "\xff\xd8\xff\xe0\x00\x10JFIF\x00")
	noDocs := write("clusters.jsonl", `{"id": "c1", "docs": []}`+"\n")
	missing := filepath.Join(dir, "missing.txt")
	tests := []struct {
		name string
		args []string
		want string // a phrase the message must hold
	}{
		{"empty_file", []string{"brief", empty}, "empty input"},
		{"no_text", []string{"stories", nav}, "no article text"},
		{"binary", []string{"clean", binary}, "binary data"},
		{"missing_path", []string{"brief", missing}, "no such file or directory"},
		{"unknown_format", []string{"brief", "--format", "xml", empty}, "unknown format"},
		{"unknown_algo", []string{"stories", "--algo", "magic", empty}, "unknown summarizer"},
		{"cluster_without_docs", []string{"brief", "--in", noDocs, "--out", filepath.Join(dir, "out")}, "no articles found"},
		{"some_failed", []string{"brief", empty, "../../examples/bridge"}, "1 of the inputs could not be used"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, stderr, code := runCLI(t, "", tc.args...)
			if code == 0 || !strings.Contains(stderr, tc.want) {
				t.Errorf("tidings %v: exit %d, stderr %q; want an error with %q", tc.args, code, stderr, tc.want)
			}
			for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
				msg, _ := strings.CutPrefix(line, "tidings: ")
				if m := pkgPrefix.FindString(msg); m != "" {
					t.Errorf("tidings %v: stderr line %q shows %q", tc.args, line, m)
				}
			}
		})
	}
}

// TestMessage checks the plain wording of errors the library makes.
func TestMessage(t *testing.T) {
	t.Parallel()
	_, stderr, _ := runCLI(t, "", "brief", "render") // a file named like a package
	if !strings.Contains(stderr, "render: no such file or directory") {
		t.Errorf("an input named render lost its name: %q", stderr)
	}
}

var (
	textMarkers = regexp.MustCompile(`((?:\[\d+\])+)$`)
	mdMarkers   = regexp.MustCompile(`(?:<sup>\[\d+\]\(#[^)]+\)</sup>)+`)
	number      = regexp.MustCompile(`\[(\d+)\]`)
)

// ascending reports whether the [n] markers in s name each source once,
// in ascending order.
func ascending(s string) bool {
	last := 0
	for _, m := range number.FindAllStringSubmatch(s, -1) {
		n, _ := strconv.Atoi(m[1])
		if n <= last {
			return false
		}
		last = n
	}
	return true
}

// TestMarkersAscending checks, on the example story and pile, that every
// sentence's citation markers are ascending in text and Markdown, and
// that source lines read "..., date — where" with no ", (" left.
func TestMarkersAscending(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
	}{
		{"brief_text", []string{"brief", "../../examples/bridge"}},
		{"brief_markdown", []string{"brief", "--format", "markdown", "../../examples/bridge"}},
		{"stories_text", []string{"stories", "../../examples/pile/articles.jsonl"}},
		{"stories_markdown", []string{"stories", "--format", "md", "../../examples/pile/articles.jsonl"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out, stderr, code := runCLI(t, "", tc.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var groups []string
			if strings.Contains(tc.name, "markdown") {
				groups = mdMarkers.FindAllString(out, -1)
			} else {
				for _, line := range strings.Split(out, "\n") {
					if m := textMarkers.FindString(line); m != "" && !regexp.MustCompile(`^\[\d+\] `).MatchString(line) {
						groups = append(groups, m)
					}
				}
			}
			if len(groups) < 3 {
				t.Fatalf("found %d groups of markers, want several:\n%s", len(groups), out)
			}
			several := false
			for _, g := range groups {
				several = several || strings.Count(g, "[") > 1
				if !ascending(g) {
					t.Errorf("markers %s are not ascending", g)
				}
			}
			if !several {
				t.Errorf("no sentence cites two sources: the test checks nothing")
			}
			if strings.Contains(out, ", (") {
				t.Errorf("output holds a stray \", (\":\n%s", out)
			}
			if strings.HasPrefix(tc.name, "brief") && !strings.Contains(out, `2026-03-14 — ../../examples/bridge/alder-gazette.html`) {
				t.Errorf("the Alder Gazette source line does not end in its path:\n%s", out)
			}
		})
	}
}

// TestProgressStages runs stories with the progress bar drawn into a
// buffer, as on a terminal: every stage shows, in order, each line is
// ended, and a warning starts a line of its own.
func TestProgressStages(t *testing.T) {
	t.Parallel()
	empty := filepath.Join(t.TempDir(), "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, bar: &stageBar{w: &stderr}}
	err := e.run(context.Background(), []string{"stories", "--words", "40", "../../examples/pile/articles.jsonl", empty})
	e.bar.end()
	if code := exitCode(err, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1 (the empty file); stderr %q", code, stderr.String())
	}
	got := stderr.String()
	at := 0
	for _, stage := range []string{"\rreading      7 articles\n", "\rcleaning     [", "] 7/7\n", "\rgrouping     [", "] 1/1\n", "\rsummarizing  [", "] 3/3\n"} {
		i := strings.Index(got[at:], stage)
		if i < 0 {
			t.Fatalf("stderr lacks %q after byte %d:\n%q", stage, at, got)
		}
		at += i + len(stage)
	}
	if !strings.Contains(got, "\ntidings: ") || strings.Contains(got, "articlestidings") {
		t.Errorf("the warning does not start its own line:\n%q", got)
	}
	if !strings.HasSuffix(got, "\n") {
		t.Errorf("stderr does not end its last line: %q", got)
	}
	for _, line := range strings.Split(got, "\n") {
		if strings.Contains(line, "\r") && strings.Contains(line, "tidings: ") {
			t.Errorf("a message shares a progress line: %q", line)
		}
	}
}

// TestStageBarEnds checks that a bar left part-way (an interrupted
// stage) is ended by end, and that a bar without a terminal draws
// nothing.
func TestStageBarEnds(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	b := &stageBar{w: &buf}
	b.update("summarizing", 1, 3)
	b.end()
	b.end()
	if got, want := buf.String(), "\rsummarizing  [##########....................] 1/3\n"; got != want {
		t.Errorf("bar = %q, want %q", got, want)
	}
	var none *stageBar
	none.update("cleaning", 1, 2)
	none.count("reading", 1, "article")
	none.end()
	(&stageBar{}).update("cleaning", 1, 2)
}
