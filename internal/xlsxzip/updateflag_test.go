package xlsxzip

// No golden files here, but `go test ./... -update` must not stop on an
// unknown flag in this package.
import _ "github.com/rectify/rectify/internal/testutil/golden"
