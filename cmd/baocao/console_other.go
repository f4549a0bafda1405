//go:build !windows

package main

import (
	"errors"
	"os"
	"syscall"

	"golang.org/x/term"
)

// noTerminal reports whether baocao was started without a terminal, as by
// a file manager: its standard input is not one.
func noTerminal() bool {
	return !term.IsTerminal(int(os.Stdin.Fd()))
}

// addrInUse reports whether listening failed because the port is taken.
func addrInUse(err error) bool { return errors.Is(err, syscall.EADDRINUSE) }
