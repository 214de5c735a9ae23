package ledger

import (
	"math/rand"
	"os"
	"runtime"
	"testing"
	"time"
)

// TestMutatedLedgersNeverHang feeds damaged copies of each fixture kind to
// the reader under a watchdog: each must end, with a notice or an error, in
// seconds. (go test -fuzz is slow on this package: the instrumented excelize
// makes each execution's coverage snapshot expensive.)
func TestMutatedLedgersNeverHang(t *testing.T) {
	for _, c := range []struct{ file, kind string }{{"../../testdata/ledgers/utf8-bom.csv", "csv"}, {"../../testdata/ledgers/two-row-header.xls", "xls"}, {"../../testdata/ledgers/two-row-header.xlsx", "xlsx"}} {
		base, _ := os.ReadFile(c.file)
		r := rand.New(rand.NewSource(3))
		for i := 0; i < 150; i++ {
			d := append([]byte(nil), base...)
			for k := 0; k < 1+r.Intn(6); k++ {
				p := r.Intn(len(d))
				switch r.Intn(4) {
				case 0:
					d[p] = byte(r.Intn(256))
				case 1:
					d = append(d[:p], d[min(len(d), p+1+r.Intn(16)):]...)
				case 2:
					ins := make([]byte, 1+r.Intn(8))
					r.Read(ins)
					d = append(d[:p], append(ins, d[p:]...)...)
				case 3:
					for j := 0; j < 4 && p+j < len(d); j++ {
						d[p+j] = 0xff
					}
				}
			}
			done := make(chan bool)
			go func() { readContained(d, c.kind); close(done) }()
			select {
			case <-done:
			case <-time.After(3 * time.Second):
				buf := make([]byte, 1<<20)
				n := runtime.Stack(buf, true)
				t.Fatalf("%s mutation %d hangs:\n%s", c.kind, i, buf[:n])
			}
		}
	}
}
