// Package cluster is the event-clustering stage of tidings: it splits a
// mixed pile of articles into stories, one per event, with no fixed
// number of stories.
//
// An article is a [Doc]: its content terms and the terms of the names it
// mentions (people, places, organisations: counted Options.NameWeight
// times), its date and the days its text reports.
// Each Doc becomes a TF-IDF vector (sublinear term frequency, the
// [TopTerms] heaviest terms kept) and joins the story whose centroid is
// most similar to it, when the cosine reaches Options.Threshold and its
// date lies within Options.Window of the story's dated articles; otherwise
// it starts a story. An article dated outside a story's window may still
// join it when one of the days its text reports ([Doc].Reported) lies
// inside: a later report of that story's event. This is single-pass
// clustering as in Topic Detection and Tracking (Allan et al., 1998),
// with time as a hard gate so that the same actors meeting twice, weeks
// apart, make two stories. An undated article joins by content alone, and
// a story's window comes from its dated articles only, so an undated one
// cannot bridge two dated groups far apart. Where time cannot confirm a
// join (placing an undated article into a story of dated ones, placing or
// moving a dated article into a story of undated ones) the cosine must
// reach 0.45 rather than the threshold: two events of one kind (two quakes in one country) are
// often that alike in their words, and then only their dates tell them
// apart.
//
// [Clusterer] is incremental: [Clusterer.Add] places one article without
// recomputing the others, with term weights from the documents seen so
// far, and gives the article placed Options.Settle articles earlier its
// chance to move to a story that now suits it better; an article still
// alone in its story gets three more, 4, 16 and 64 times as many articles
// after its own, as an article that arrives well before the rest of its
// story does in a mixed order ([Clusterer.Moves] reports such moves). [Batch] knows the whole pile
// first: it weighs terms over all of it, adds the articles in date order,
// then moves each article to the story that suits it best, pass after
// pass until none moves (at most three).
//
// Centroids blur two events of one kind (two fights of one champion, two
// fires in one town): each side's reports are closer to each other than
// to the other side's, yet the story's centroid sits between them. So a
// story is also tested for a split: each member is linked to its three
// most similar fellow members, the links are grouped agglomeratively by
// their centroid cosine over the graph, and when two or more groups of at
// least four articles come out, each becomes a story (smaller groups join
// the one they are closest to). Groups whose articles are mostly dated,
// and dated within Options.Window of each other, stay one story: two
// events of one kind happen at different times, and reports of the same
// days in two kinds of wording are of one event. A story the graph keeps
// whole still splits its undated articles off when there are four or
// more of them beside four or more dated ones and they are, on average,
// more like each other than like the dated ones: undated reports of the
// same event are as like the dated reports as each other, while the
// reports of another event of the kind, from pages that give no dates,
// are closer to each other. The same graph merges:
// a story takes in another whose centroid is like its own (cosine 0.3 or
// more) when the largest group of their union's graph holds at least half
// of each, and when their times meet: their dated articles lie within
// Options.Window of each other, or an article of one reports a day within
// the other's window (a trial report that recalls the killing's day), or
// articles of both report days within the window of each other (a plea
// and a verdict months apart, each recalling the killing's day). A story
// mostly of dated articles never merges with one of undated articles:
// time cannot confirm it, and the undated reports did not join it one by
// one. Other stories of dated articles merge with one of undated
// articles only at a centroid cosine of 0.6 or more. Batch tests every story once all are
// placed, splits first. A Clusterer instead regroups: once the story an
// article joins holds eight articles, and then each time it has grown by
// a quarter (and in its periodic pass, each story of the latest articles
// that changed since), it takes that story and the stories whose centroids are
// like its own (cosine 0.2 or more, up to 1,000 articles), groups their
// articles afresh as Batch does (in date order, settled, split, merged)
// and moves them to match, so that the grouping depends little on the
// order the articles came in; the moves are reported. When an
// article matches a story outside its window, that story's undated
// articles get a chance to move too: they may have joined it before any
// report of their own event came.
// When an article matches a story outside its window by a day it
// reports, the story it goes to is tested for a merge at once, as Batch
// tests every story: the reports of a trial that recall the killing's
// day bring the trial's story and the killing's together.
//
// Candidate stories come from an inverted index over the articles'
// heaviest terms whose lists keep only the most recent stories, so the
// cost per article is bounded and the total grows linearly with the pile.
// A search reads a compact entry per story it meets and scores only the
// stories its time window lets in; a settling move scores only the
// stories that changed since the article last stayed where it was. A
// Clusterer holds about 2.9 KB per stored article (BenchmarkAdd reports
// it as bytes/article: the vector, 1.6 KB at TopTerms terms, its probe
// terms, date and story, the stories' centroids, the term lists), plus
// about 160 to 260 bytes per term of its vocabulary (see MaxVocab). The
// articles' vectors and probe terms lie back to back in large chunks,
// each article holding two numbers that name its arrays, so that the
// collector marks a few hundred objects for them, not two per article.
// Retire keeps the vocabulary within twice the terms its held articles
// use: it drops the others, with their document frequencies, and
// renumbers the rest in order.
//
// Deterministic: ties break by input order, never by map order.
package cluster
