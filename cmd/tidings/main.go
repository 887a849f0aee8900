// Command tidings turns a pile of news articles into clear, cited
// stories. Run "tidings help" for the commands.
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
)

const usage = `tidings turns news articles into cited briefs and stories, and serves them.

Usage:
  tidings brief [--words N] [--format text|markdown|json] [--algo NAME] [--query Q] [--all] PATH...
  tidings brief --in CLUSTERS.jsonl --out DIR [--words N] [--algo NAME]
  tidings stories [--words N] [--format text|markdown|json] [--window DAYS] PATH...
  tidings stories --score --in CLUSTERS.jsonl [--in CLUSTERS.jsonl...]
  tidings serve [--addr HOST:PORT] [--db FILE|postgres://...] [--token-file F] [--private]
  tidings clean [--report] [--sample N] PATH...
  tidings rouge --data CLUSTERS.jsonl --sys DIR [--sys DIR...] [--name NAME...]
                [--format text|json] [--rouge-data DIR] [ROUGE-1.5.5 options]
  tidings eval --data CLUSTERS.jsonl [--words N] [--algo a,b,...] [--out DIR]
               [--rouge-data DIR] [--topic|--no-topic] [--split K] [ROUGE-1.5.5 options]
  tidings eval-enrich [--data DIR] [--parts quotes,entities,dates] [--no-clean]
                      [--quotes-split dev|train]
  tidings train-ner [--data DIR] [--out FILE] [--epochs N] [--min-count N] [--prune W]
  tidings help

ROUGE-1.5.5 options use its own syntax, e.g. -n 4 -m -a -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0.
-m and -s read ROUGE's data files from --rouge-data (default ../shared/data/rouge-golden).
eval defaults to each data set's convention (budget and options).

PATH is a file, a directory (every file in it) or - for standard input.
Exit status: 0 success, 1 some inputs failed or the run failed, 2 bad usage.
`

// errUsage marks errors that are the caller's mistake (exit status 2).
var errUsage = errors.New("usage")

// errPartial marks a run that did its work but skipped bad inputs (exit
// status 1, after the output).
var errPartial = errors.New("some inputs failed")

func main() {
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
		fmt.Fprintf(stderr, "tidings: %v\nRun 'tidings help' for usage.\n", err)
		return 2
	case errors.Is(err, errPartial):
		fmt.Fprintf(stderr, "tidings: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "tidings: %v\n", err)
	return 1
}

// run executes one command line; it is main without the process.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return fmt.Errorf("%w: no command", errUsage)
	}
	env := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	switch args[0] {
	case "brief":
		return env.brief(ctx, args[1:])
	case "clean":
		return env.clean(ctx, args[1:])
	case "rouge":
		return env.rouge(ctx, args[1:])
	case "eval":
		return env.eval(ctx, args[1:])
	case "eval-enrich":
		return env.evalEnrich(ctx, args[1:])
	case "train-ner":
		return env.trainNER(ctx, args[1:])
	case "stories":
		return env.stories(ctx, args[1:])
	case "serve":
		return env.serve(ctx, args[1:])
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
}

// env holds a command's streams.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// parse parses flags of a subcommand, turning flag errors into usage
// errors.
func (e *env) parse(fs *flag.FlagSet, args []string) error {
	fs.SetOutput(e.stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

// warn prints one error line to stderr.
func (e *env) warn(err error) {
	fmt.Fprintf(e.stderr, "tidings: %v\n", err)
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
