package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rectify/rectify/internal/testutil/golden"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"rectify": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end CLI scripts in testdata/script; -update
// rewrites the expected outputs compared with cmp in them.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: golden.Update(),
		Setup: func(env *testscript.Env) error {
			abs, err := filepath.Abs("../../testdata")
			env.Setenv("TESTDATA", abs)
			return err
		},
	})
}
