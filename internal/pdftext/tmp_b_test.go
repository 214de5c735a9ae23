package pdftext

import (
	"context"
	"os"
	"testing"
)

func BenchmarkTmp(b *testing.B) {
	data, _ := os.ReadFile(os.Getenv("PDF"))
	for b.Loop() {
		if _, err := Pages(context.Background(), data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
