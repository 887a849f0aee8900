package eval

import (
	"fmt"
	"strconv"
	"strings"
)

// Options are ROUGE-1.5.5's scoring options. The zero value scores nothing;
// start from [ParseArgs] or set the fields.
type Options struct {
	// N computes ROUGE-1 to ROUGE-N (-n N); 0 computes none. At most 4.
	N int
	// LCS computes ROUGE-L (on unless -x).
	LCS bool
	// W computes ROUGE-W with this weight (-w W, usually 1.2); 0 is off.
	W float64
	// Skip computes ROUGE-S (or ROUGE-SU when SU) with this maximum gap
	// (-2 Skip); -1 is off, 0 counts adjacent pairs only.
	Skip int
	// SU adds unigrams to ROUGE-S (-u).
	SU bool
	// Stem applies stemming (-m).
	Stem bool
	// Stop removes stop words (-s).
	Stop bool
	// WordLimit truncates peers and models to this many words (-l); 0 is
	// no limit.
	WordLimit int
	// ByteLimit truncates peers and models to this many bytes (-b); 0 is
	// no limit.
	ByteLimit int
	// BestModel scores against the best single model (-f B) instead of
	// pooling all models (-f A).
	BestModel bool
	// Alpha weighs precision against recall in F (-p); ROUGE's default
	// is 0.5.
	Alpha float64
	// Confidence is the confidence level in percent (-c); default 95.
	Confidence float64
	// Resamples is the number of bootstrap samples (-r); default 1000.
	Resamples int
}

// DefaultOptions are ROUGE-1.5.5's defaults with no arguments: ROUGE-1 to
// -4 off, ROUGE-L on, F with alpha 0.5, 95% intervals from 1000 samples.
func DefaultOptions() Options {
	return Options{LCS: true, Skip: -1, Alpha: 0.5, Confidence: 95, Resamples: 1000}
}

// ParseArgs parses ROUGE-1.5.5 arguments ("-n 2 -m -a -l 100 -x -c 95 -r
// 1000 -f A -p 0.5 -t 0 -2 4 -u -s -b 665 -w 1.2") into Options. -a, -d and
// -e DIR are accepted and ignored (they choose what is printed and where
// data lives); -t must be 0. It returns an error naming any other
// argument.
func ParseArgs(args []string) (Options, error) {
	o := DefaultOptions()
	for i := 0; i < len(args); i++ {
		a := args[i]
		val := func() (string, error) {
			if i+1 >= len(args) {
				return "", fmt.Errorf("eval: %s needs a value", a)
			}
			i++
			return args[i], nil
		}
		intVal := func(lo, hi int) (int, error) {
			v, err := val()
			if err != nil {
				return 0, err
			}
			n, err := strconv.Atoi(v)
			if err != nil || n < lo || n > hi {
				return 0, fmt.Errorf("eval: %s wants a whole number from %d to %d, got %q", a, lo, hi, v)
			}
			return n, nil
		}
		floatVal := func(lo, hi float64) (float64, error) {
			v, err := val()
			if err != nil {
				return 0, err
			}
			f, err := strconv.ParseFloat(v, 64)
			if err != nil || f < lo || f > hi {
				return 0, fmt.Errorf("eval: %s wants a number from %g to %g, got %q", a, lo, hi, v)
			}
			return f, nil
		}
		var err error
		switch a {
		case "-n":
			o.N, err = intVal(0, 4)
		case "-x":
			o.LCS = false
		case "-w":
			o.W, err = floatVal(1, 10)
		case "-2":
			o.Skip, err = intVal(-1, 100)
		case "-u":
			o.SU = true
		case "-m":
			o.Stem = true
		case "-s":
			o.Stop = true
		case "-l":
			o.WordLimit, err = intVal(1, 1<<30)
		case "-b":
			o.ByteLimit, err = intVal(1, 1<<30)
		case "-f":
			var v string
			if v, err = val(); err == nil {
				switch strings.ToUpper(v) {
				case "A":
					o.BestModel = false
				case "B":
					o.BestModel = true
				default:
					err = fmt.Errorf("eval: -f wants A or B, got %q", v)
				}
			}
		case "-p":
			o.Alpha, err = floatVal(0, 1)
		case "-c":
			o.Confidence, err = floatVal(0, 100)
		case "-r":
			o.Resamples, err = intVal(1, 1000000)
		case "-t":
			var n int
			if n, err = intVal(0, 2); err == nil && n != 0 {
				err = fmt.Errorf("eval: only -t 0 (sentence counting units) is supported, got -t %d", n)
			}
		case "-a", "-d":
		case "-e":
			_, err = val()
		default:
			err = fmt.Errorf("eval: unknown or unsupported ROUGE option %q", a)
		}
		if err != nil {
			return o, err
		}
	}
	if o.WordLimit > 0 && o.ByteLimit > 0 {
		return o, fmt.Errorf("eval: -l and -b cannot be used together")
	}
	if o.SU && o.Skip < 0 {
		return o, fmt.Errorf("eval: -u needs a skip distance (-2 N)")
	}
	return o, nil
}

// Metrics returns the names of the metrics o computes, in ROUGE-1.5.5's
// print order: ROUGE-1..N, ROUGE-L, ROUGE-W-1.2, ROUGE-S4 or ROUGE-SU4.
func (o Options) Metrics() []string {
	var m []string
	for n := 1; n <= o.N; n++ {
		m = append(m, fmt.Sprintf("ROUGE-%d", n))
	}
	if o.LCS {
		m = append(m, "ROUGE-L")
	}
	if o.W > 0 {
		m = append(m, "ROUGE-W-"+strconv.FormatFloat(o.W, 'f', -1, 64))
	}
	if o.Skip >= 0 {
		if o.SU {
			m = append(m, fmt.Sprintf("ROUGE-SU%d", o.Skip))
		} else {
			m = append(m, fmt.Sprintf("ROUGE-S%d", o.Skip))
		}
	}
	return m
}
