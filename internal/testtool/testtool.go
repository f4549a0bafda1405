// Package testtool finds the external programs that tests drive
// (LibreOffice, poppler, xmllint, qpdf, the OOXML validator, …).
//
// A test that needs a program calls Need (or Path). When the program is
// missing the test is skipped with a message that names it and how to
// install it; when the environment variable BAOCAO_REQUIRE_TOOLS is set
// (.ci/run sets it) the test fails instead, so CI never passes by skipping.
package testtool

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Required reports whether a missing program fails the test (CI) rather
// than skipping it.
func Required() bool { return os.Getenv("BAOCAO_REQUIRE_TOOLS") != "" }

// Missing skips or fails t (see the package comment) for a missing
// dependency described by what.
func Missing(t testing.TB, what string) {
	t.Helper()
	if Required() {
		t.Fatalf("%s is missing and BAOCAO_REQUIRE_TOOLS is set: .ci/run must install it", what)
	}
	t.Skipf("SKIPPED: %s is missing (.ci/run installs it; with BAOCAO_REQUIRE_TOOLS=1 this fails)", what)
}

// Path returns the path of the program name, or skips or fails t.
func Path(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, "the program "+name)
	}
	return p
}

// Need checks that every named program is installed.
func Need(t testing.TB, names ...string) {
	t.Helper()
	for _, n := range names {
		Path(t, n)
	}
}

// RepoRoot is the checkout's top folder (the one holding go.mod).
func RepoRoot(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the testtool package")
	}
	return filepath.Dir(filepath.Dir(filepath.Dir(file)))
}

// Shared returns the path of rel inside ../shared, the project's shared
// material beside the checkout, or inside its copy .ci/shared (for a
// checkout without ../shared), or skips or fails t when neither has it.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	root := RepoRoot(t)
	for _, dir := range []string{filepath.Join(filepath.Dir(root), "shared"), filepath.Join(root, ".ci", "shared")} {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	Missing(t, "../shared/"+rel+" (or its copy in .ci/shared)")
	return ""
}

// OOXMLValidator returns the path of the OOXML schema validator script
// (../shared/tools/ooxml-validate.sh), after checking that the programs it
// runs are installed.
func OOXMLValidator(t testing.TB) string {
	t.Helper()
	p := Shared(t, "tools/ooxml-validate.sh")
	Need(t, "bash", "xmllint", "python3")
	return p
}
