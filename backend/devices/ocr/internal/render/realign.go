package render

import (
	"encoding/binary"
	"errors"
)

// realign rebuilds font idx of a TrueType collection (or a single font) as one standalone sfnt
// whose tables start on four-byte boundaries. Some older collections in Debian (wqy-zenhei,
// AR PL UMing) pack tables unaligned, which golang.org/x/image/font/sfnt refuses.
func realign(data []byte, idx int) ([]byte, error) {
	be := binary.BigEndian
	dir := 0
	if len(data) >= 12 && string(data[:4]) == "ttcf" {
		n := int(be.Uint32(data[8:12]))
		if idx < 0 || idx >= n || len(data) < 12+4*n {
			return nil, errors.New("render: bad collection index")
		}
		dir = int(be.Uint32(data[12+4*idx:]))
	}
	if dir+12 > len(data) {
		return nil, errors.New("render: truncated font")
	}
	numTables := int(be.Uint16(data[dir+4:]))
	head := 12 + 16*numTables
	if dir+head > len(data) {
		return nil, errors.New("render: truncated table directory")
	}
	out := make([]byte, head, len(data))
	copy(out, data[dir:dir+head])
	for i := 0; i < numTables; i++ {
		rec := out[12+16*i:]
		off, n := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off < 0 || n < 0 || off+n > len(data) {
			return nil, errors.New("render: table outside the file")
		}
		be.PutUint32(rec[8:], uint32(len(out)))
		out = append(out, data[off:off+n]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}
