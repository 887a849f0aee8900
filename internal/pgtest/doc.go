// Package pgtest gives a test an empty PostgreSQL database of its own, on
// the server that the TIDINGS_TEST_POSTGRES variable names (.ci/run starts
// a throwaway one and sets it). Each test gets its own database, so
// packages tested in parallel do not meet.
package pgtest
