//go:build !unix

package main

import "os"

// peakRSS is not measured here: the process state carries no resource
// usage with a peak resident set.
func peakRSS(*os.ProcessState) int64 { return 0 }
