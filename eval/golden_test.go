package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// goldenDir holds what ROUGE-1.5.5 printed (see its README).
const goldenDir = "../../shared/data/rouge-golden"

type vector struct {
	Set    string                        `json:"set"`
	Args   string                        `json:"args"`
	ID     string                        `json:"id"`
	Kind   string                        `json:"kind"`
	Peer   string                        `json:"peer"`
	Refs   []string                      `json:"refs"`
	Scores map[string]map[string]float64 `json:"scores"`
}

func loadGolden(t testing.TB) ([]vector, *Resources) {
	t.Helper()
	f, err := os.Open(filepath.Join(goldenDir, "vectors.jsonl"))
	if err != nil {
		t.Skipf("skipping: %v (ROUGE-1.5.5 golden vectors are in ../shared/data, absent here)", err)
	}
	defer f.Close()
	var vs []vector
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var v vector
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		vs = append(vs, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	res, err := LoadResources(goldenDir)
	if err != nil {
		t.Fatal(err)
	}
	return vs, res
}

// TestGoldenVectors requires every per-evaluation R, P and F that
// ROUGE-1.5.5 printed to match ours at five decimals, and reports per option
// set how many match and the largest difference.
func TestGoldenVectors(t *testing.T) {
	vs, res := loadGolden(t)
	type tally struct {
		n, match int
		maxDiff  float64
		fails    []string
	}
	sets := map[string]*tally{}
	// One Scorer per set scores every vector of it, as the rouge command
	// does: what it keeps between calls must not change a figure.
	scorers := map[string]*Scorer{}
	for _, v := range vs {
		o, err := ParseArgs(strings.Fields(v.Args))
		if err != nil {
			t.Fatalf("%s: ParseArgs(%q): %v", v.ID, v.Args, err)
		}
		got, err := Evaluate(v.Peer, v.Refs, o, res)
		if err != nil {
			t.Fatalf("%s: %v", v.ID, err)
		}
		sc := scorers[v.Set]
		if sc == nil {
			if sc, err = NewScorer(o, res); err != nil {
				t.Fatal(err)
			}
			scorers[v.Set] = sc
		}
		ms, err := sc.Models(v.Refs)
		if err != nil {
			t.Fatal(err)
		}
		if shared := sc.Evaluate(v.Peer, ms); !reflect.DeepEqual(shared, got) {
			t.Errorf("%s: a shared Scorer gives %v, Evaluate %v", v.ID, shared.Scores, got.Scores)
		}
		ta := sets[v.Set]
		if ta == nil {
			ta = &tally{}
			sets[v.Set] = ta
		}
		for metric, want := range v.Scores {
			s, ok := got.Get(metric)
			if !ok {
				t.Fatalf("%s: metric %s not computed (have %v)", v.ID, metric, got.Names)
			}
			for _, f := range []struct {
				name string
				got  float64
			}{{"R", s.R}, {"P", s.P}, {"F", s.F}} {
				ta.n++
				w := want[f.name]
				if Format(f.got) == Format(w) {
					ta.match++
					continue
				}
				ta.maxDiff = math.Max(ta.maxDiff, math.Abs(f.got-w))
				if len(ta.fails) < 5 {
					ta.fails = append(ta.fails, fmt.Sprintf("%s (%s) %s %s = %s, want %s", v.ID, v.Kind, metric, f.name, Format(f.got), Format(w)))
				}
			}
		}
	}
	names := make([]string, 0, len(sets))
	for n := range sets {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		ta := sets[n]
		t.Logf("%-10s %5d/%5d scores match, largest difference %.5f", n, ta.match, ta.n, ta.maxDiff)
		if ta.match != ta.n {
			t.Errorf("set %s: %d of %d scores differ from ROUGE-1.5.5:\n  %s", n, ta.n-ta.match, ta.n, strings.Join(ta.fails, "\n  "))
		}
	}
}

type average struct {
	Set     string                     `json:"set"`
	Args    string                     `json:"args"`
	NEvals  int                        `json:"n_evals"`
	Metrics map[string]json.RawMessage `json:"metrics"`
}

// TestGoldenAverages requires the bootstrap averages and 95% bounds to
// match what ROUGE-1.5.5 printed for each option set.
func TestGoldenAverages(t *testing.T) {
	vs, res := loadGolden(t)
	f, err := os.ReadFile(filepath.Join(goldenDir, "averages.jsonl"))
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(f)), "\n") {
		var avg average
		if err := json.Unmarshal([]byte(line), &avg); err != nil {
			t.Fatal(err)
		}
		t.Run(avg.Set, func(t *testing.T) {
			o, err := ParseArgs(strings.Fields(avg.Args))
			if err != nil {
				t.Fatal(err)
			}
			var set []vector
			for _, v := range vs {
				if v.Set == avg.Set {
					set = append(set, v)
				}
			}
			sort.Slice(set, func(i, j int) bool { return set[i].ID+".P" < set[j].ID+".P" })
			if len(set) != avg.NEvals {
				t.Fatalf("%d vectors, averages say %d", len(set), avg.NEvals)
			}
			results := make([]Result, len(set))
			for i, v := range set {
				if results[i], err = Evaluate(v.Peer, v.Refs, o, res); err != nil {
					t.Fatal(err)
				}
			}
			for metric, raw := range avg.Metrics {
				var m struct {
					R, P, F float64
					RCI     [2]float64 `json:"R_ci"`
					PCI     [2]float64 `json:"P_ci"`
					FCI     [2]float64 `json:"F_ci"`
				}
				if err := json.Unmarshal(raw, &m); err != nil {
					t.Fatal(err)
				}
				for _, c := range []struct {
					name string
					want float64
					ci   [2]float64
					pick func(Score) float64
				}{
					{"R", m.R, m.RCI, func(s Score) float64 { return s.R }},
					{"P", m.P, m.PCI, func(s Score) float64 { return s.P }},
					{"F", m.F, m.FCI, func(s Score) float64 { return s.F }},
				} {
					vals := make([]float64, len(results))
					for i, r := range results {
						s, _ := r.Get(metric)
						vals[i] = c.pick(s)
					}
					got := Bootstrap(vals, o.Resamples, o.Confidence)
					if r := NewResampler(len(vals), o.Resamples).Interval(vals, o.Confidence); r != got {
						t.Errorf("%s Average_%s: Resampler gives %+v, Bootstrap %+v", metric, c.name, r, got)
					}
					if Format(got.Mean) != Format(c.want) || Format(got.Low) != Format(c.ci[0]) || Format(got.High) != Format(c.ci[1]) {
						t.Errorf("%s Average_%s = %s (%s - %s), ROUGE-1.5.5 printed %s (%s - %s)", metric, c.name,
							Format(got.Mean), Format(got.Low), Format(got.High), Format(c.want), Format(c.ci[0]), Format(c.ci[1]))
					}
				}
			}
		})
	}
}
