package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// help prints the usage and every command's flags, or with a COMMAND
// argument that command's usage and flags.
func (e *env) help(ctx context.Context, args []string) error {
	switch {
	case len(args) == 0 || len(args) == 1 && (args[0] == "-h" || args[0] == "--help"):
	case len(args) == 1:
		fs := commandFlags(ctx, args[0])
		if fs == nil {
			return fmt.Errorf("%w: help: unknown command %q", errUsage, args[0])
		}
		fmt.Fprint(e.stdout, commandHelp(args[0], fs))
		return nil
	default:
		return fmt.Errorf("%w: help takes at most one COMMAND", errUsage)
	}
	var sb strings.Builder
	sb.WriteString(usage)
	for _, name := range commandNames() {
		fs := commandFlags(ctx, name)
		if fs == nil {
			continue
		}
		fmt.Fprintf(&sb, "\nFlags of tidings %s:\n%s", name, flagLines(fs))
	}
	_, err := io.WriteString(e.stdout, sb.String())
	return err
}

// commandNames returns the commands the usage text shows, in its order,
// help excepted.
func commandNames() []string {
	var names []string
	seen := map[string]bool{"help": true}
	for _, line := range strings.Split(usage, "\n") {
		rest, ok := strings.CutPrefix(line, "  tidings ")
		if !ok {
			continue
		}
		name, _, _ := strings.Cut(rest, " ")
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	return names
}

// synopsis returns the usage text's lines for command name, continuation
// lines included.
func synopsis(name string) string {
	var sb strings.Builder
	in := false
	for _, line := range strings.Split(usage, "\n") {
		switch {
		case strings.HasPrefix(line, "  tidings "+name+" ") || line == "  tidings "+name:
			in = true
		case in && strings.HasPrefix(line, "    ") && strings.TrimSpace(line) != "":
		default:
			in = false
		}
		if in {
			sb.WriteString(line + "\n")
		}
	}
	return sb.String()
}

// commandHelp is what "tidings NAME -h" prints: the command's usage lines
// and one line per flag.
func commandHelp(name string, fs *flag.FlagSet) string {
	s := "Usage:\n" + synopsis(name)
	if fl := flagLines(fs); fl != "" {
		s += "\nFlags:\n" + fl
	}
	return s
}

// commandFlags returns the flags of command name, or nil when there is
// no such command: the FlagSet the command parses with, recorded without
// running it, or for the commands that parse their own arguments (they
// take ROUGE-1.5.5 options too) a FlagSet that documents them.
func commandFlags(ctx context.Context, name string) *flag.FlagSet {
	if fs := docFlags(name); fs != nil {
		return fs
	}
	e := &env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, flagsOnly: true}
	if err := e.run(ctx, []string{name}); err != nil && e.flags == nil {
		return nil
	}
	return e.flags
}

// docFlags documents the flags of rouge and eval, which parse their
// arguments with splitArgs (their own --flags among ROUGE-1.5.5's
// single-letter options) rather than a FlagSet; nil for other commands.
func docFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	switch name {
	case "rouge":
		fs.String("data", "", "JSONL `CLUSTERS` file whose reference summaries the systems are scored against")
		fs.String("sys", "", "`DIR` of one system's summaries, <cluster id>.txt with one sentence per line (repeatable)")
		fs.String("name", "", "`NAME` of each --sys system in the output, in the same order (repeatable; default: the folder's name)")
		fs.String("format", "text", "output `format`: text or json")
		fs.String("rouge-data", defaultRougeData, "`DIR` holding ROUGE-1.5.5's data files, which -m and -s need")
	case "eval":
		fs.String("data", "", "JSONL `CLUSTERS` file: summarize every cluster and score it against its references")
		fs.Int("words", 0, "summary length budget in words (default: the data set's convention)")
		fs.String("algo", "", "comma-separated `names` of the summarizers to score (default: all)")
		fs.String("out", "", "`DIR` to write each summary to, <cluster id>.txt (default: none written)")
		fs.String("rouge-data", defaultRougeData, "`DIR` holding ROUGE-1.5.5's data files, which -m and -s need")
		fs.Bool("topic", false, "steer each summary with its cluster's topic (default for query-focused data sets)")
		fs.Bool("no-topic", false, "do not steer summaries with the cluster topics")
		fs.Int("split", 0, "cut each cluster into stories of `K` consecutive articles, each scored against the whole cluster's references")
	default:
		return nil
	}
	return fs
}

// flagLines lists the flags of fs, one line each, sorted by name:
// "  --words N   summary length budget in words (default 120)", the texts
// aligned two spaces after the longest "--name VALUE" (as a tabwriter
// with padding 2 would, without its cost: this is most of what "tidings
// help" does).
func flagLines(fs *flag.FlagSet) string {
	type line struct{ name, text string }
	var lines []line
	width, size := 0, 0
	fs.VisitAll(func(f *flag.Flag) {
		arg, text := flag.UnquoteUsage(f)
		// A value's placeholder is the word the usage text quotes in
		// back quotes, else N for a whole number, DURATION for a
		// duration and the flag's name for others, upper-cased
		// ("--window DAYS", "--addr ADDR"); a boolean takes none.
		if !strings.Contains(f.Usage, "`") {
			switch arg {
			case "", "duration":
			case "int", "uint", "int64", "uint64":
				arg = "N"
			default:
				arg = f.Name
			}
		}
		name := "  --" + f.Name
		if arg != "" {
			name += " " + strings.ToUpper(arg)
		}
		if !strings.Contains(text, "(default") && f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
			text += " (default " + f.DefValue + ")"
		}
		lines = append(lines, line{name, text})
		width = max(width, utf8.RuneCountInString(name))
		size += len(name) + len(text) + 1
	})
	var sb strings.Builder
	sb.Grow(size + len(lines)*(width+2))
	for _, l := range lines {
		sb.WriteString(l.name)
		for range width + 2 - utf8.RuneCountInString(l.name) {
			sb.WriteByte(' ')
		}
		sb.WriteString(l.text)
		sb.WriteByte('\n')
	}
	return sb.String()
}
