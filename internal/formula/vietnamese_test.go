package formula

import (
	"testing"

	"baocao/internal/msg"
	"baocao/internal/testtool"
)

// englishWords are the English words a Vietnamese message of this
// package must not have left in it.
var englishWords = []string{"the", "a", "an", "formula", "in", "is", "of", "and", "or", "not", "number", "text", "holds", "gives", "circular", "reference", "supported", "sheet", "cell", "cells", "more", "type", "takes", "arguments", "to", "at", "character"}

// TestVietnamese: a formula the evaluator refuses says why in Vietnamese,
// the error of a cell it depends on included.
func TestVietnamese(t *testing.T) {
	cells := map[string]any{
		"A1": "12,5", "B1": "=A1*2", // a number typed as text
		"B2": "=C2+1", "C2": "=B2", // circular
		"B3": "=SUM(A1:A2)", // text that reads as a number, skipped
		"B4": "=ROUND(1)",   // arity
		"B5": "=FOO(1)",     // unknown function
		"B6": "=1+",         // cannot be read
		"B7": "='Thiếu'!A1", // no such sheet
		"B8": "=B1+1",       // depends on B1
		"B9": "=SUBTOTAL(109,A1:A2)",
	}
	tests := []struct{ cell, want string }{
		{"B1", `công thức ở ô S!B1: A1 chứa văn bản "12,5", không phải số; hãy gõ lại số (dạng số, không phải dạng văn bản)`},
		{"B2", "công thức ở ô S!B2: tham chiếu vòng B2 → C2 → B2 (công thức phụ thuộc vào chính ô của nó thì không có giá trị; Excel sẽ hiện 0)"},
		{"B3", `A1 chứa văn bản "12,5" trông như một số, nhưng SUM bỏ qua văn bản`},
		{"B4", "ROUND nhận 2 đối số, không phải 1"},
		{"B5", "bộ tính công thức của baocao chưa hỗ trợ hàm FOO"},
		{"B6", "không đọc được công thức =1+: công thức kết thúc quá sớm (ở ký tự thứ 3)"},
		{"B7", "bảng tính không có trang"},
		{"B8", `công thức ở ô S!B8: phụ thuộc vào B1, là ô không tính được: công thức ở ô S!B1: A1 chứa văn bản "12,5"`},
		{"B9", "SUBTOTAL(109, …) bỏ qua các dòng ẩn"},
	}
	e := New(book(cells), Options{})
	for _, tt := range tests {
		_, err := e.Eval(ref(tt.cell))
		if err == nil {
			t.Errorf("%s: no error", tt.cell)
			continue
		}
		testtool.SaysVietnamese(t, tt.cell, err, tt.want, englishWords)
		if en := msg.Local(msg.English, err); en != err.Error() {
			t.Errorf("%s: English %q, Error() %q", tt.cell, en, err.Error())
		}
	}
}
