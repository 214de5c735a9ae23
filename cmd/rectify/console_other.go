//go:build !windows

package main

// startedByDoubleClick is for Windows' Explorer; elsewhere a program
// started without arguments prints its usage.
func startedByDoubleClick() bool { return false }
