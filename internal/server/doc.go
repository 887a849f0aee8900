// Package server is tidings' HTTP service: the JSON API over a store (see
// package store), with token-guarded writes.
//
// Each article posted is cleaned, matched against the articles already
// held (near-duplicates fold into the article they copy), placed in a
// story incrementally (tidings.Grouper) and stored; only the stories it
// touched are re-summarized (its own, and those an earlier article left or
// joined when the grouper's settling step moved it). Ingest is serialized
// inside one process. At start the server replays the stored articles, in
// the order they came, to rebuild its grouping state; stories are found
// again by their grouper number (store.Story.Seq), and only placements the
// store lacks are written.
//
// The code is in three parts, each readable alone: api.go, feeds.go and
// web.go hold the HTTP handlers (methods on [Server]), which clean what is
// posted; placer.go holds the placer, which stores articles and mirrors
// the grouper's placements into the store; worker.go holds the worker,
// which re-summarizes the stories the placer reports changed.
package server
