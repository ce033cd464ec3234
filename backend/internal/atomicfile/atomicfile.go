// Package atomicfile replaces a file's contents so that a crash or a failed write leaves
// either the old or the new file, never a torn one, and so that a reader holding the file
// open does not make the replacement fail on Windows.
package atomicfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write replaces path with b. prepare (when not nil) adjusts the new file before it takes the
// name: permissions, an ACL.
func Write(path string, b []byte, prepare func(*os.File) error) error {
	return replace(path, func(f *os.File) error {
		if _, err := f.Write(b); err != nil {
			return err
		}
		if prepare != nil {
			return prepare(f)
		}
		return nil
	})
}

// Stream replaces path with what write writes (a large export): a write that fails leaves
// the old file, or none, under the name.
func Stream(path string, write func(io.Writer) error) error {
	return replace(path, func(f *os.File) error { return write(f) })
}

// replace fills a temporary file in path's folder, syncs it to disk, closes it and renames it
// over path. On Windows a rename onto a file another process or goroutine is reading fails
// with a sharing violation; rename retries that for a while instead of failing.
func replace(path string, fill func(*os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if err := fill(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("atomicfile: replace %s: %w", filepath.Base(path), err)
	}
	return nil
}
