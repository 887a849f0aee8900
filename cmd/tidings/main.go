package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"tidings/internal/gcstart"
)

const usage = `tidings turns news articles into cited briefs and stories, and serves them.

Usage:
  tidings brief [--words N] [--format text|markdown|json] [--algo NAME] [--query Q] [--all] PATH...
  tidings brief --in CLUSTERS.jsonl --out DIR [--words N] [--algo NAME] [--query Q]
  tidings stories [--format text|markdown|json] [--words N] [--algo NAME]
                  [--window DAYS] [--threshold T] [--in CLUSTERS.jsonl...] [PATH...]
  tidings stories --score [--seeds N] [--server=false] [--mistakes] [--half even|odd] [--format text|json]
                  --in CLUSTERS.jsonl [--in CLUSTERS.jsonl...]
  tidings serve [--addr HOST:PORT] [--db FILE|postgres://...] [--init] [--token-file F] [--private]
                [--words N] [--poll DURATION] [--grace DURATION]
                [--read-rate R] [--write-rate R] [--allow-fetch HOST,CIDR,...]
  tidings clean [--format text|json] [--report] [--sample N] [--alone] PATH...
  tidings rouge --data CLUSTERS.jsonl --sys DIR [--sys DIR...] [--name NAME...]
                [--format text|json] [--rouge-data DIR] [ROUGE-1.5.5 options]
  tidings eval --data CLUSTERS.jsonl [--words N] [--algo a,b,...] [--out DIR]
               [--rouge-data DIR] [--topic|--no-topic] [--split K] [ROUGE-1.5.5 options]
  tidings eval-pages [--data DIR] [--form html|text|both] [--half even|odd] [--worst N] [--pile]
  tidings eval-enrich [--data DIR] [--parts quotes,entities,dates] [--no-clean]
                      [--quotes-split dev|train] [--speaker-errors]
  tidings train-ner [--data DIR] [--out FILE] [--lists DIR] [--epochs N] [--max-epochs N]
                    [--min-count N] [--prune W]
  tidings help [COMMAND]

ROUGE-1.5.5 options use its own syntax, e.g. -n 4 -m -a -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0.
-m and -s read ROUGE's data files from --rouge-data (default ../shared/data/rouge-golden).
eval defaults to each data set's convention (budget and options).

PATH is a file, a directory (every file in it), - for standard input, or an
http(s) URL, fetched (public addresses only: --allow-private for an intranet,
--allow-fetch HOST,CIDR,... for named hosts or ranges). An RSS, Atom or JSON
feed, as a file or a URL, is read as its items (each item's page, else its own
content; the first 100). Gzipped files are read decompressed.
Exit status: 0 success, 1 some inputs failed or the run failed, 2 bad usage.
"tidings help" lists every command's flags; "tidings COMMAND -h" one command's.
`

// errUsage marks errors that are the caller's mistake (exit status 2).
var errUsage = errors.New("usage")

// errPartial marks a run that did its work but skipped bad inputs (exit
// status 1, after the output).
var errPartial = errors.New("some inputs failed")

func main() {
	// The collector has been off since package initialisation (which
	// allocates about 4 MB): see internal/gcstart.
	gcstart.Resume()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		hint := "tidings help"
		var ce *commandError
		if errors.As(err, &ce) {
			hint = "tidings " + ce.cmd + " -h"
		}
		fmt.Fprintf(stderr, "tidings: %s\nRun '%s' for usage.\n", message(err), hint)
		return 2
	}
	fmt.Fprintf(stderr, "tidings: %s\n", message(err))
	return 1
}

// commandError is an error of command cmd (for the usage hint).
type commandError struct {
	cmd string
	err error
}

func (e *commandError) Error() string { return e.err.Error() }
func (e *commandError) Unwrap() error { return e.err }

// run executes one command line; it is main without the process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("%w: no command", errUsage)
	}
	env := &env{stdin: stdin, stdout: stdout, stderr: stderr, bar: &stageBar{}}
	if isTerminal(stderr) {
		env.bar.w = stderr
	}
	defer env.bar.end()
	err := env.run(ctx, args)
	if err != nil && args[0] != "help" && !errors.Is(err, errUnknownCommand) {
		err = &commandError{cmd: args[0], err: err}
	}
	return err
}

// errUnknownCommand is returned for a command line whose first word
// names no command.
var errUnknownCommand = fmt.Errorf("%w: unknown command", errUsage)

// run executes the command args[0] with the arguments after it.
func (env *env) run(ctx context.Context, args []string) error {
	if h := args[1:]; len(h) == 1 && (h[0] == "-h" || h[0] == "-help" || h[0] == "--help") && args[0] != "help" {
		if fs := commandFlags(ctx, args[0]); fs != nil {
			fmt.Fprint(env.stdout, commandHelp(args[0], fs))
			return nil
		}
	}
	switch args[0] {
	case "brief":
		return env.brief(ctx, args[1:])
	case "clean":
		return env.clean(ctx, args[1:])
	case "rouge":
		return env.rouge(ctx, args[1:])
	case "eval":
		return env.eval(ctx, args[1:])
	case "eval-pages":
		return env.evalPages(ctx, args[1:])
	case "eval-enrich":
		return env.evalEnrich(ctx, args[1:])
	case "train-ner":
		return env.trainNER(ctx, args[1:])
	case "stories":
		return env.stories(ctx, args[1:])
	case "serve":
		return env.serve(ctx, args[1:])
	case "help", "-h", "--help":
		return env.help(ctx, args[1:])
	}
	return fmt.Errorf("%w %q", errUnknownCommand, args[0])
}

// env holds a command's streams.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// bar draws progress on stderr when it is a terminal.
	bar *stageBar
	// flagsOnly makes parse record the command's flags in flags and
	// return flag.ErrHelp without parsing: how help learns them.
	flagsOnly bool
	flags     *flag.FlagSet
	// fetch are the command's fetch flags, when it reads PATH arguments
	// (addFetchFlags).
	fetch *fetchFlags
}

// parse parses flags of a subcommand, turning flag errors into usage
// errors; -h prints the command's usage and flags to stdout and returns
// flag.ErrHelp.
func (e *env) parse(fs *flag.FlagSet, args []string) error {
	if e.flagsOnly {
		e.flags = fs
		return flag.ErrHelp
	}
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(e.stdout, commandHelp(fs.Name(), fs))
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

// warn prints one error line to stderr, on a line of its own.
func (e *env) warn(err error) {
	e.bar.end()
	fmt.Fprintf(e.stderr, "tidings: %s\n", message(err))
}

// isTerminal reports whether w is a character device (progress output is
// only drawn on terminals).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
