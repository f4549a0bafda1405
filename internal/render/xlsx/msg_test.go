package xlsx

import (
	"errors"
	"io"
	"testing"

	"baocao/internal/docmodel"
	"baocao/internal/msg"
)

// TestErrorsInVietnamese: a document without an appendix says so in
// Vietnamese, and stays ErrNoAppendix.
func TestErrorsInVietnamese(t *testing.T) {
	err := Write(io.Discard, &docmodel.Document{})
	if !errors.Is(err, ErrNoAppendix) {
		t.Fatalf("err = %v, want ErrNoAppendix", err)
	}
	if got, want := msg.Local(msg.Vietnamese, err), "văn bản không có biểu phụ lục nào"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
}
