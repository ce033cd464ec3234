package tray

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"runtime"
)

// defaultIcon draws a plain 32×32 disc so the tray is never blank when the shell gives no
// icon: PNG, wrapped in an ICO container on Windows.
func defaultIcon() []byte {
	const size = 32
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	blue := color.NRGBA{R: 0x1e, G: 0x6f, B: 0xd9, A: 0xff}
	for y := range size {
		for x := range size {
			dx, dy := x-size/2, y-size/2
			if dx*dx+dy*dy <= (size/2-1)*(size/2-1) {
				img.SetNRGBA(x, y, blue)
			}
		}
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	if runtime.GOOS == "windows" {
		return icoFromPNG(buf.Bytes(), size)
	}
	return buf.Bytes()
}

// icoFromPNG wraps one PNG image in an ICO file (supported since Windows Vista).
func icoFromPNG(p []byte, size byte) []byte {
	var b bytes.Buffer
	_ = binary.Write(&b, binary.LittleEndian, [3]uint16{0, 1, 1}) // reserved, type icon, 1 image
	b.Write([]byte{size, size, 0, 0})                             // width, height, colours, reserved
	_ = binary.Write(&b, binary.LittleEndian, [2]uint16{1, 32})   // planes, bits per pixel
	_ = binary.Write(&b, binary.LittleEndian, [2]uint32{uint32(len(p)), 6 + 16})
	b.Write(p)
	return b.Bytes()
}
