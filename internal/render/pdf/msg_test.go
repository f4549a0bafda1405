package pdf

import (
	"io"
	"testing"

	"baocao/internal/docmodel"
	"baocao/internal/msg"
)

// TestErrorsInVietnamese: what the PDF writer refuses is told in
// Vietnamese.
func TestErrorsInVietnamese(t *testing.T) {
	d := &docmodel.Document{Page: docmodel.DefaultPage()}
	d.Page.MarginLeft = -1
	for _, tt := range []struct {
		d    *docmodel.Document
		want string
	}{
		{nil, "pdf: không có văn bản"},
		{d, "pdf: lề trang không được âm"},
	} {
		if got := msg.Local(msg.Vietnamese, Write(io.Discard, tt.d)); got != tt.want {
			t.Errorf("%q, want %q", got, tt.want)
		}
	}
}
