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
// Importing gcstart turns the collector off as soon as the runtime's
// own packages are initialised: Go initialises packages in import-path
// order, each as soon as its imports are, and gcstart imports only
// runtime and runtime/debug, so it runs well before the large
// initialisations (its test checks that no collection ran before main).
// [Resume], called first thing in main, turns it back on with the goal
// the program would have had without that heap: the first collection
// waits until the program has allocated, beyond the heap initialisation
// left, about what GOGC allows a fresh program (4 MB at GOGC=100); after
// that collection the GOGC setting applies unchanged. GOGC=off and GOGC=0
// are restored as they are, and GOMEMLIMIT is never changed.
//
// Only a main package should import gcstart, and it must call Resume:
// until then the collector does not run. A test binary of such a
// package calls Resume in its TestMain.
package gcstart
