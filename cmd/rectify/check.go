package main

import (
	"fmt"
	"io"
)

func runCheck(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "rectify check：尚未实现")
	return 2
}
