//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package store

import "os"

// lockFile is a no-op where flock is missing: there the SQLite store
// cannot keep a second process out, and running one is the user's care.
func lockFile(string) (*os.File, error) { return nil, nil }
