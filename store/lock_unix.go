//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package store

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// lockFile creates path if needed and takes an exclusive flock on it, held
// until the returned file is closed or the process ends (also by kill -9:
// the kernel releases it). A lock file beside the database rather than the
// database itself, so that SQLite's own locks on it are left alone.
func lockFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("store: lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		defer f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			pid := make([]byte, 20)
			n, _ := f.ReadAt(pid, 0)
			holder := ""
			if p := strings.TrimSpace(string(pid[:n])); p != "" {
				holder = " (process " + p + ")"
			}
			db := strings.TrimSuffix(path, ".lock")
			return nil, fmt.Errorf("%w: %s is open in another tidings process%s; a SQLite store serves one process: to run several servers on one store, use PostgreSQL (a postgres:// address)", ErrLocked, db, holder)
		}
		return nil, fmt.Errorf("store: lock %s: %w", path, err)
	}
	// The holder's pid, for the message above: information only.
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	return f, nil
}
