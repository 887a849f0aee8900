package eval

import "fmt"

// ClusterScores compares a clustering with the true one.
type ClusterScores struct {
	// Precision, Recall and F1 are B-cubed (Bagga and Baldwin, 1998): the
	// mean over items of the share of an item's predicted cluster that is
	// truly with it, the share of its true cluster that is predicted with
	// it, and their harmonic mean.
	Precision, Recall, F1 float64
	// ARI is the adjusted Rand index (Hubert and Arabie, 1985): 1 for the
	// same partition, about 0 for a random one.
	ARI float64
	// Items, Predicted and True count the items and the clusters of each
	// side.
	Items, Predicted, True int
}

// Clustering scores the predicted cluster labels of items against their
// true labels; pred[i] and gold[i] label item i.
func Clustering(pred, gold []string) (ClusterScores, error) {
	if len(pred) != len(gold) {
		return ClusterScores{}, fmt.Errorf("eval: %d predicted labels for %d items", len(pred), len(gold))
	}
	n := len(pred)
	s := ClusterScores{Items: n}
	if n == 0 {
		return s, nil
	}
	type pair struct{ p, g string }
	both := map[pair]int{}
	np := map[string]int{}
	ng := map[string]int{}
	for i := range pred {
		both[pair{pred[i], gold[i]}]++
		np[pred[i]]++
		ng[gold[i]]++
	}
	s.Predicted, s.True = len(np), len(ng)
	for i := range pred {
		k := float64(both[pair{pred[i], gold[i]}])
		s.Precision += k / float64(np[pred[i]])
		s.Recall += k / float64(ng[gold[i]])
	}
	s.Precision /= float64(n)
	s.Recall /= float64(n)
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	c2 := func(x int) float64 { return float64(x) * float64(x-1) / 2 }
	var index, sumP, sumG float64
	for _, k := range both {
		index += c2(k)
	}
	for _, k := range np {
		sumP += c2(k)
	}
	for _, k := range ng {
		sumG += c2(k)
	}
	expected := sumP * sumG / c2(n)
	maxIndex := (sumP + sumG) / 2
	switch {
	case maxIndex == expected:
		s.ARI = 1 // both partitions trivial (all singletons or one cluster) and equal in shape
		if index != maxIndex {
			s.ARI = 0
		}
	default:
		s.ARI = (index - expected) / (maxIndex - expected)
	}
	return s, nil
}
