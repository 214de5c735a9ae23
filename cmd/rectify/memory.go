package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// How rectify's runs use memory, in one place. Every run is a short-lived
// process, so the collector's settings trade memory for time, each kind of
// run as its work asks:
//   - every run (batchGC): collect at 400% growth, near a 256 MiB soft limit;
//   - one file converted (oneFileGC): no collection until the soft limit,
//     which grows with the live heap up to memoryCeiling;
//   - one file streamed to .xlsx (streamGC): a 128 MiB soft limit, since
//     what it holds at a time is small;
//   - merge (mergeGC): collect at the usual pace, since it keeps every
//     unit's facts while files come and go.
// Measured: a notice to PDF spent a fifth of its CPU collecting at the
// default; streaming 100,000 issues peaks at 137 MiB; a sheet of a million
// rows converts in 637 MiB (871 MiB at Go's defaults).

// batchGC sets the collector for every run. The tests' rectify command
// sets it too, so that what they measure is what users run.
func batchGC() {
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(256 << 20) // …but collect as usual near this soft limit
}

// oneFileGC turns collection off for the conversion of one file, after
// which the process ends and its garbage with it, and returns the function
// that restores the collector. Not without a soft limit (tests call run
// without batchGC).
func oneFileGC() (restore func()) {
	if debug.SetMemoryLimit(-1) == math.MaxInt64 {
		return func() {}
	}
	old := debug.SetGCPercent(-1)
	stop := growMemoryLimit()
	return func() { stop(); debug.SetGCPercent(old) }
}

// memoryCeiling is as far as growMemoryLimit raises the soft limit: under
// the 1 GiB a user's office PC can give one file (the hostile tests'
// ceiling), with room for what is not heap.
const memoryCeiling = 640 << 20

// growMemoryLimit keeps the soft memory limit at least twice the live heap
// (up to memoryCeiling), checked after every collection, until stop is
// called. With collection off until the limit, when what a conversion must
// keep (a sheet of a million rows is half a gigabyte of issues) nears the
// limit, the collector would otherwise run back to back and take more time
// than the work. The limit is only raised, never lowered: a caller's lower
// limit (streaming) stands while the heap is small.
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

// streamMemoryLimit is the soft memory limit while a conversion streams.
const streamMemoryLimit = 128 << 20

// streamGC lowers the soft limit for one streamed conversion and returns
// the function that restores it. What a streamed conversion holds at a time
// is small (a few batches of issues, excelize's 16 MiB row buffer, the
// compressed workbook), but with collection off the heap would grow to the
// limit; near a lower one the process stays small. A lower limit already
// set stands.
func streamGC() (restore func()) {
	old := debug.SetMemoryLimit(streamMemoryLimit)
	if old < streamMemoryLimit {
		debug.SetMemoryLimit(old)
		return func() {}
	}
	return func() { debug.SetMemoryLimit(old) }
}

// mergeGC collects at the usual pace while merge keeps every unit's facts,
// so that peak memory follows what is kept, not what was read.
func mergeGC() { debug.SetGCPercent(100) }
