// Command genledger writes a synthetic notice with N issues as JSON, for the
// scale benchmarks: go run ./scripts/genledger 100000 > big.json
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/rectify/rectify/internal/notice"
	"github.com/rectify/rectify/internal/testutil"
)

func main() {
	count := 100000
	if len(os.Args) > 1 {
		count, _ = strconv.Atoi(os.Args[1])
	}
	os.Stdout.Write(must(notice.Marshal(testutil.Synthetic(count))))
}

func must(b []byte, err error) []byte {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	return b
}
