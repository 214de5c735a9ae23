package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// memoryCeiling is as far as growMemoryLimit raises the soft limit: under
// the 1 GiB a user's office PC can give one file (the hostile tests'
// ceiling), with room for what is not heap.
const memoryCeiling = 640 << 20

// growMemoryLimit keeps the soft memory limit at least twice the live heap
// (up to memoryCeiling), checked after every collection, until stop is
// called. A one-file convert runs with collection off until the limit; when
// what it must keep (a sheet of a million rows is half a gigabyte of
// issues) nears the limit, the collector would otherwise run back to back
// and take more time than the work. The limit is only raised, never
// lowered: a caller's lower limit (streaming) stands while the heap is small.
func growMemoryLimit() (stop func()) {
	var stopped atomic.Bool
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var arm func()
	arm = func() {
		// A finalizer runs after the collection that found its object
		// unreachable; 32 bytes is not tiny-allocated, so it does run.
		runtime.SetFinalizer(new([32]byte), func(*[32]byte) {
			if stopped.Load() {
				return
			}
			metrics.Read(sample)
			live := int64(sample[0].Value.Uint64())
			if want := min(2*live, memoryCeiling); want > debug.SetMemoryLimit(-1) {
				debug.SetMemoryLimit(want)
			}
			arm()
		})
	}
	arm()
	return func() { stopped.Store(true) }
}
