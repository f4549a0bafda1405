package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// initBudget bounds what package initialisation may allocate in the real
// program, measured with GODEBUG=inittrace=1 (bytes and allocations are
// exact, unlike its clock). Every process pays for it before main, so a
// dependency that compiles its regular expressions at init shows here:
// goldmark's did, 0.26 MB and 2,049 allocations in one package, 1.4 ms of
// every run (third_party/goldmark/README.md). Today the whole program's
// initialisation allocates about 0.32 MB in 1,730 allocations, and no
// package more than 42 KB (klauspost/compress's tables).
var initBudget = struct {
	pkgBytes, pkgAllocs, totalBytes, totalAllocs int
}{pkgBytes: 64 << 10, pkgAllocs: 400, totalBytes: 512 << 10, totalAllocs: 2500}

func TestInitBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	cmd := exec.Command(buildProgram(t, nil), "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("baocao version: %v\n%s", err, stderr.Bytes())
	}
	var pkgs, bytesAll, allocsAll int
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		// init go.yaml.in/yaml/v3 @1.8 ms, 0.15 ms clock, 25720 bytes, 276 allocs
		f := strings.Fields(sc.Text())
		if len(f) != 11 || f[0] != "init" || f[8] != "bytes," || f[10] != "allocs" {
			continue
		}
		b, err1 := strconv.Atoi(f[7])
		a, err2 := strconv.Atoi(f[9])
		if err1 != nil || err2 != nil {
			t.Fatalf("unexpected inittrace line %q", sc.Text())
		}
		pkgs++
		bytesAll += b
		allocsAll += a
		if b > initBudget.pkgBytes || a > initBudget.pkgAllocs {
			t.Errorf("package %s allocates %d bytes in %d allocations at init, over the budget of %d bytes and %d allocations: make what it builds lazy (sync.OnceValue)",
				f[1], b, a, initBudget.pkgBytes, initBudget.pkgAllocs)
		}
	}
	if pkgs < 50 {
		t.Fatalf("only %d inittrace lines in the output; has GODEBUG=inittrace changed?\n%s", pkgs, stderr.Bytes())
	}
	if bytesAll > initBudget.totalBytes || allocsAll > initBudget.totalAllocs {
		t.Errorf("initialisation allocates %d bytes in %d allocations, over the budget of %d bytes and %d allocations",
			bytesAll, allocsAll, initBudget.totalBytes, initBudget.totalAllocs)
	}
	t.Logf("%d packages initialised: %d bytes, %d allocations", pkgs, bytesAll, allocsAll)
}
