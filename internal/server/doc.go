// Package server is tidings' HTTP service: the JSON API over a store (see
// package store), with token-guarded writes.
//
// Each article posted is cleaned, matched against the articles already
// held (near-duplicates fold into the article they copy), placed in a
// story incrementally (tidings.Grouper) and stored; only the stories it
// touched are re-summarized (its own, and those an earlier article left or
// joined when the grouper's settling step moved it). Ingest is serialized
// inside one process, in group commits: the posts that arrive while a
// commit runs are stored in one statement and placed together next
// (commit.go), each answered with its story. The grouping state is bounded by the active
// window: every 2,000 articles the placer retires the stories that can
// take no more articles (none of their articles among the clusterer's
// latest 4,096, and their latest dated article more than the clustering
// window and a day before the latest date seen; a story without dates,
// none among the latest 20,000) and saves what it holds to the store
// (store.Store.PutState), as it does when the server closes. At start the
// server restores that snapshot and replays, in the order they came, only
// the articles stored after it (every article of a store without one);
// stories are found again by their grouper number (store.Story.Seq), and
// only placements the store lacks are written.
//
// The code is in three parts, each readable alone: api.go, feeds.go and
// web.go hold the HTTP handlers (methods on [Server]), which clean what is
// posted; placer.go holds the placer, which stores articles and mirrors
// the grouper's placements into the store, and window.go its retiring
// and snapshots; worker.go holds the worker, which re-summarizes the
// stories the placer reports changed, in rounds that leave most of the
// cores to ingest during a burst; storycache.go keeps a SQLite server's
// stories in memory for reads.
package server
