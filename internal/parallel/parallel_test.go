package parallel

import (
	"runtime"
	"sync/atomic"
	"testing"

	_ "github.com/rectify/rectify/internal/testutil/golden"
)

// TestEachCallsEveryIndexOnce, for job counts around the worker count.
func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 100} {
		for _, limit := range []int{0, 1, 4} {
			calls := make([]atomic.Int32, n)
			Each(n, limit, func(i int) { calls[i].Add(1) })
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Errorf("n %d, limit %d: index %d called %d times", n, limit, i, c)
				}
			}
		}
	}
}

// TestEachRaisesPanic: a job's panic reaches the caller, after the other
// workers have done the rest.
func TestEachRaisesPanic(t *testing.T) {
	var done atomic.Int32
	defer func() {
		if p := recover(); p != "job 7" {
			t.Errorf("recovered %v", p)
		}
		if runtime.GOMAXPROCS(0) > 1 && done.Load() != 99 { // one core: the caller's own loop stops at the panic
			t.Errorf("%d other jobs done, want 99", done.Load())
		}
	}()
	Each(100, 0, func(i int) {
		if i == 7 {
			panic("job 7")
		}
		done.Add(1)
	})
	t.Error("no panic")
}
