// Package gcstart keeps the garbage collector idle while the packages of
// a program initialise, and lets the program's own work start with a
// full heap allowance.
//
// Package initialisation of the tidings command allocates about 4 MB,
// nearly all of it in go-trafilatura's dependencies (go-domdistiller's
// Unicode range tables, gomoji's emoji table, the regular expressions of
// go-htmldate, go-readability and go-trafilatura), which tidings cannot
// make lazy. That is just past the collector's first goal (4 MB at
// GOGC=100), so every command, "tidings help" included, ran one
// collection in the middle of initialisation (GODEBUG=gctrace=1: "3->4->2
// MB"), about 3 ms of CPU of a 26 ms start-up on the development machine
// (median of 60 runs).
//
// Importing gcstart turns the collector off early in initialisation. Go
// initialises, at each step, the first package in import-path order whose
// imports are all initialised; gcstart imports only math, runtime,
// runtime/debug and sync, so it runs soon after them: in tidings after
// 1.6 MB of the 4.4 MB (gomoji's and whatlanggo's tables), before
// go-domdistiller's and the rest. cmd/tidings' TestNoCollectionAtStart
// fails if a collection ran before main.
// [Resume], called first thing in main, turns it back on with GOGC
// doubled until the first collection, so that the program's first goal
// (4 MB × GOGC/100 in a fresh process) leaves it about the usual
// allowance beyond the initialisation heap; after that collection the
// GOGC setting applies unchanged. GOGC=off and GOGC=0 are restored as
// they are, and GOMEMLIMIT is never changed.
//
// Only a main package should import gcstart, and it must call Resume:
// until then the collector does not run. A test binary of such a
// package calls Resume in its TestMain.
package gcstart
