// Package groupcommit lets callers that arrive together share one costly
// operation (a database commit, a queue insert): each caller queues its
// value, the first that finds nothing running runs the operation on every
// value queued (as many as the caller's take allows), and then hands the
// run of what queued meanwhile to the first of those callers. No goroutine
// of its own, no timer: a lone caller runs at once, and under load each
// run holds whatever queued while the previous one ran.
package groupcommit
