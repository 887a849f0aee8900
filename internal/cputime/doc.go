// Package cputime reads the processor time the process has used, user
// and system. Benchmarks report it beside the wall clock: on a machine
// shared with other work it measures a benchmark's own cost better.
package cputime
