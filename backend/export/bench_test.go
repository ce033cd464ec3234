package export

import (
	"context"
	"io"
	"testing"
)

func BenchmarkWriteCSV10k(b *testing.B) {
	trades := manyTrades(10_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteCSV(context.Background(), io.Discard, trades, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteCSV10kGB18030(b *testing.B) {
	trades := manyTrades(10_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteCSV(context.Background(), io.Discard, trades, Options{Encoding: GB18030}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkWriteXLSX10k(b *testing.B) {
	trades := manyTrades(10_000)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteXLSX(context.Background(), io.Discard, trades, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStatsPNG(b *testing.B) {
	stats := sampleStats()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := StatsPNG(stats, PNGOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
