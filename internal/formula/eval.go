package formula

func (e *Evaluator) eval(r Ref) (Value, error) {
	return Value{}, &Error{Cell: r, Reason: "not implemented yet"}
}

// looksLikeRef reports whether a sheet name would read as a cell reference
// (A1, R1C1, TRUE) and so needs quotes.
func looksLikeRef(name string) bool { return false }

// Translate shifts the relative references of a shared formula (Excel's
// <f t="shared" ref=… si=…>) from its master cell (fromCol, fromRow) to
// another cell (toCol, toRow). Absolute references ($A$1) stay; a reference
// shifted off the sheet is an error.
func Translate(formula string, fromCol, fromRow, toCol, toRow int) (string, error) {
	return formula, nil
}
