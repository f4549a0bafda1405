package docx

import (
	"io"
	"testing"

	"baocao/internal/docmodel"
	"baocao/internal/msg"
)

// TestErrorsInVietnamese: what the DOCX writer refuses is told in
// Vietnamese.
func TestErrorsInVietnamese(t *testing.T) {
	if got, want := msg.Local(msg.Vietnamese, Write(io.Discard, nil)), "docx: không có văn bản"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	d := &docmodel.Document{Page: docmodel.DefaultPage(), Body: []docmodel.Block{nil}}
	if got, want := msg.Local(msg.Vietnamese, Write(io.Discard, d)), "docx: thân văn bản: khối 1: khối văn bản rỗng"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
