// Package golden compares a test's output with a golden file, the
// expected output kept under the package's testdata directory, and
// rewrites the file instead when the test binary runs with -update:
//
//	go test ./render -update
//
// (only packages whose tests import golden know the flag, so name them
// rather than ./...). A mismatch fails the test with a line diff of the
// golden file against the output. Files are paired with test cases by
// name, never by index: [Check] takes the file's path, and [Path] builds
// it as testdata/<TestName>/<case><ext>.
//
// It is a helper for this module's tests, not library API. See ExampleDiff.
package golden
