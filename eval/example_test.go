package eval_test

import (
	"fmt"

	"tidings/eval"
)

// Counted by hand: 9 of the reference's 11 unigrams and 5 of its 10
// bigrams are in the 10-token peer; the two peer lines' LCS with the
// reference sentence cover 5 + 4 = 9 reference tokens.
func ExampleEvaluate() {
	o, err := eval.ParseArgs([]string{"-n", "2", "-a"})
	if err != nil {
		fmt.Println(err)
		return
	}
	peer := "The bridge was closed on Friday.\nRepairs take six weeks."
	refs := []string{"The bridge closed on Friday for repairs that take six weeks."}
	r, err := eval.Evaluate(peer, refs, o, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, name := range r.Names {
		s := r.Scores[i]
		fmt.Printf("%s R %s P %s F %s\n", name, eval.Format(s.R), eval.Format(s.P), eval.Format(s.F))
	}
	// Output:
	// ROUGE-1 R 0.81818 P 0.90000 F 0.85714
	// ROUGE-2 R 0.50000 P 0.55556 F 0.52632
	// ROUGE-L R 0.81818 P 0.90000 F 0.85714
}
