// Package summarize is the extractive summarization stage of tidings:
// from the segmented articles of one story it picks source sentences,
// verbatim, up to a word budget, and cites for each every article that
// reports the same fact.
//
// [Candidates] filters sentences that cannot stand alone in a summary
// (fragments, captions, questions, sentences opening with an unresolved
// pronoun, connective or dangling quote, sentences in the writer's own
// voice). The ILP also takes a quotation that sentence splitting cut in
// parts, whole, as one span. Each method, a file of its own, then
// chooses among them:
//
//   - [ILP], the default: the sentences that cover the most weighted
//     bigram concepts, solved exactly by branch and bound under a time
//     limit (Gillick and Favre, 2009);
//   - [Centroid] (Radev et al., 2004), [LexRank] (Erkan and Radev, 2004),
//     [TextRank] (Mihalcea and Tarau, 2004), [MMR] (Carbonell and
//     Goldstein, 1998) and [Submodular] (Lin and Bilmes, 2011);
//   - [Lead], the first-sentences baseline.
//
// Options.Query steers every method but Lead towards a question. Chosen
// sentences are put in reading order (leads first, then article order),
// and [Cite] finds the supporting sentences of each in the other articles.
//
// Input: []news.Article with Sentences filled (see package segment; the
// ILP also uses Sentence.Stems). Output: a news.Summary whose citations
// satisfy art.Text[c.Start:c.End] == the supporting sentence (or the
// sentences of a quotation the ILP took whole). Batch and
// deterministic, except that an ILP search stopped by its time limit
// depends on the machine's speed.
//
// See ExampleCentroid and ExampleILP.
package summarize
