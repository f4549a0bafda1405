//go:build windows

package main

import (
	"errors"
	"unsafe"

	"golang.org/x/sys/windows"
)

var getConsoleProcessList = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// noTerminal reports whether baocao was double-clicked: Windows then
// gives it a console of its own, which no other process (no cmd.exe, no
// PowerShell) shares.
func noTerminal() bool {
	if getConsoleProcessList.Find() != nil {
		return false
	}
	var pids [4]uint32
	n, _, _ := getConsoleProcessList.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	return n == 1
}

// addrInUse reports whether listening failed because the port is taken.
func addrInUse(err error) bool { return errors.Is(err, windows.WSAEADDRINUSE) }
