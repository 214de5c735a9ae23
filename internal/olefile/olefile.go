// Package olefile guards the OLE compound files (old .xls and .doc) that
// mscfb reads: mscfb trusts a file's header, and a damaged or hostile one
// can make it allocate without bound or panic.
package olefile

import (
	"bytes"
	"encoding/binary"
	"errors"

	"github.com/richardlehane/mscfb"
)

// ErrDamaged is a compound file mscfb cannot read safely.
var ErrDamaged = errors.New("OLE compound file damaged")

// CountsFit reports whether the FAT and DIFAT sector counts in a compound
// file's header fit in the file (each such sector is a sector of the file).
// Headers mscfb would refuse anyway (too short, an unknown sector size) pass:
// it says so itself.
func CountsFit(data []byte) bool {
	if len(data) < 0x4C {
		return true
	}
	shift := binary.LittleEndian.Uint16(data[0x1E:])
	if shift != 9 && shift != 12 {
		return true
	}
	sectors := uint64(len(data))>>shift + 1
	return uint64(binary.LittleEndian.Uint32(data[0x2C:])) <= sectors && uint64(binary.LittleEndian.Uint32(data[0x48:])) <= sectors
}

// Streams reads the named streams of a compound file (each at most limit
// bytes, and never more than the file holds); a damaged file, including one
// that makes mscfb panic, is ErrDamaged. other is called for every other
// entry's name.
func Streams(data []byte, names map[string]bool, limit int64, other func(name string)) (streams map[string][]byte, err error) {
	if !CountsFit(data) {
		return nil, ErrDamaged
	}
	defer func() {
		if recover() != nil {
			streams, err = nil, ErrDamaged
		}
	}()
	cf, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	streams = map[string][]byte{}
	for entry, err := cf.Next(); err == nil; entry, err = cf.Next() {
		if !names[entry.Name] {
			if other != nil {
				other(entry.Name)
			}
			continue
		}
		if entry.Size > limit || entry.Size > int64(len(data)) {
			return nil, ErrTooLarge
		}
		b := make([]byte, entry.Size)
		if n, err := readFull(entry, b); err != nil || n != len(b) {
			return nil, ErrDamaged
		}
		streams[entry.Name] = b
	}
	return streams, nil
}

// ErrTooLarge is a stream longer than the limit or than the file.
var ErrTooLarge = errors.New("OLE stream too large")

// readFull is io.ReadFull that also stops on a read of nothing without an
// error, which io.ReadFull would repeat forever (a damaged sector chain).
func readFull(r interface{ Read([]byte) (int, error) }, b []byte) (int, error) {
	n := 0
	for n < len(b) {
		k, err := r.Read(b[n:])
		n += k
		if err != nil {
			if n == len(b) {
				return n, nil
			}
			return n, err
		}
		if k == 0 {
			return n, ErrDamaged
		}
	}
	return n, nil
}
