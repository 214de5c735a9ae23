package olefile

import (
	"encoding/binary"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"

	_ "github.com/rectify/rectify/internal/testutil/golden" // -update, as every test package takes it
)

// header is a compound file header of 512-byte sectors claiming fat FAT
// sectors, padded to size bytes.
func header(fat uint32, size int) []byte {
	b := make([]byte, size)
	copy(b, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
	binary.LittleEndian.PutUint16(b[0x1A:], 3)      // major version
	binary.LittleEndian.PutUint16(b[0x1C:], 0xFFFE) // byte order
	binary.LittleEndian.PutUint16(b[0x1E:], 9)      // sector shift
	binary.LittleEndian.PutUint32(b[0x2C:], fat)
	return b
}

func TestCountsFit(t *testing.T) {
	if !CountsFit(header(1, 4096)) {
		t.Error("one FAT sector in an 8-sector file refused")
	}
	if CountsFit(header(0xFFFFFFFF, 4096)) {
		t.Error("2^32-1 FAT sectors in an 8-sector file accepted")
	}
	if _, err := Streams(header(0xFFFFFFFF, 4096), map[string]bool{"WordDocument": true}, 1<<20, nil); !errors.Is(err, ErrDamaged) {
		t.Errorf("Streams on a header whose counts cannot fit: %v, want ErrDamaged", err)
	}
}

// TestPanicIsDamage: the input with which the ledger's fuzzer made mscfb
// panic (its DIFAT slice capacity wrapped around) is a damaged file here.
func TestPanicIsDamage(t *testing.T) {
	raw, err := os.ReadFile("../ledger/testdata/fuzz/FuzzRead/7651abe12ec6eafe")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(raw), "\n")
	data, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(lines[1], "[]byte("), ")"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Streams([]byte(data), map[string]bool{"Workbook": true, "WordDocument": true}, 1<<20, nil); err == nil {
		t.Error("a damaged compound file read without error")
	}
}
