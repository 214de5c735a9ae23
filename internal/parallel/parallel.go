// Package parallel runs independent jobs on the machine's cores.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls fn(i) for every i in 0…n-1 on up to limit goroutines (and no
// more than GOMAXPROCS; limit ≤ 0: GOMAXPROCS), each taking the next index
// as it finishes one, so that uneven jobs even out. With one worker it
// runs in the caller. A panic in fn is raised again in the caller once
// every worker has stopped.
func Each(n, limit int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if limit > 0 {
		workers = min(workers, limit)
	}
	if workers < 2 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	panics := make([]any, workers)
	for w := range workers {
		wg.Go(func() {
			defer func() { panics[w] = recover() }()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				fn(i)
			}
		})
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
}
