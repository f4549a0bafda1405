package main

import (
	"os"
	"testing"
)

// TestMain runs the tests in the default language, Vietnamese, whatever
// the machine's locale: the environment's language is read through
// getenv, which here sees no locale variable.
func TestMain(m *testing.M) {
	getenv = func(k string) string {
		switch k {
		case "LC_ALL", "LC_MESSAGES", "LANG":
			return ""
		}
		return os.Getenv(k)
	}
	os.Exit(m.Run())
}
