package main

import (
	"syscall"
	"unsafe"
)

// startedByDoubleClick reports whether rectify.exe has a console window of
// its own, as when Explorer starts it: then no other process (cmd.exe,
// PowerShell) shares the console.
func startedByDoubleClick() bool {
	proc := syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")
	if proc.Find() != nil {
		return false
	}
	var pids [2]uint32
	n, _, _ := proc.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids)))
	return n == 1
}
