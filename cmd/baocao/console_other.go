//go:build !windows

package main

import (
	"os"

	"golang.org/x/term"
)

// noTerminal reports whether baocao was started without a terminal, as by
// a file manager: its standard input is not one.
func noTerminal() bool {
	return !term.IsTerminal(int(os.Stdin.Fd()))
}
