package report

import (
	"strings"

	"baocao/internal/msg"
	"baocao/internal/tmpl"
)

// An Issue is something the document lacks that a signer would notice: it
// is reported (as a warning, or an error where the template says so), and
// the document is still built.
type Issue struct {
	Error bool
	// Message is the issue in English; Text is it as it can be told in
	// the reader's language.
	Message string
	Text    msg.Text
}

// examples show each authority as a signature block writes it.
var examples = map[string]string{"TM.": "TM. ỦY BAN NHÂN DÂN", "KT.": "KT. CHỦ TỊCH", "Q.": "Q. CHỦ TỊCH", "TL.": "TL. CHỦ TỊCH", "TUQ.": "TUQ. CHỦ TỊCH"}

// forms are the signing authorities of ND30 Phụ lục I, Mục II.7.b.
var forms = []string{"TM.", "KT.", "Q.", "TL.", "TUQ."}

// formOf is the authority that opens a quyền hạn line ("TM. ỦY BAN NHÂN
// DÂN" → "TM."), or "" when it opens with none.
func formOf(line string) string {
	l := strings.ToUpper(strings.TrimSpace(line))
	for _, f := range forms {
		if strings.HasPrefix(l, f) || strings.HasPrefix(l, strings.TrimSuffix(f, ".")+" ") {
			return f
		}
	}
	return ""
}

// checkSignature says what the signature block lacks per ND30 Phụ lục I,
// Mục II.7: the authority (TM., KT., …) where the template's form needs
// one, the chức vụ line, the name. path and line locate the ky key.
func checkSignature(k tmpl.Ky, path string) ([]Issue, error) {
	want := strings.ToUpper(strings.TrimSpace(k.HinhThuc))
	switch want {
	case "", "KHONG":
	default:
		if !strings.HasSuffix(want, ".") {
			want += "."
		}
		ok := false
		for _, f := range forms {
			ok = ok || f == want
		}
		if !ok {
			return nil, msg.Errorf("%s: front matter: ky.hinh_thuc %q: expected TM., KT., Q., TL., TUQ. or khong", path, k.HinhThuc)
		}
	}
	severe := false
	switch k.Thieu {
	case "", "canh-bao":
	case "loi":
		severe = true
	default:
		return nil, msg.Errorf("%s: front matter: ky.thieu %q: expected canh-bao or loi", path, k.Thieu)
	}
	var out []Issue
	add := func(what msg.Text) {
		text := msg.Sprintf("the signature block %s (ND30 Phụ lục I, Mục II.7)", what)
		out = append(out, Issue{Error: severe, Message: text.String(), Text: text})
	}
	q, c, n := strings.TrimSpace(k.QuyenHan), strings.TrimSpace(k.ChucVu), strings.TrimSpace(k.HoTen)
	got := formOf(q)
	switch {
	case want == "KHONG" && q != "":
		add(msg.Sprintf("has the authority line %q, but the template says the head signs in their own name (hinh_thuc: khong)", q))
	case want != "" && want != "KHONG" && q == "":
		add(msg.Sprintf("has no authority line: the template signs %s (as in \"%s\"); the data leaves it blank", want, examples[want]))
	case want != "" && want != "KHONG" && got != want:
		add(msg.Sprintf("opens its authority line %q with %q, but the template signs %s", q, got, want))
	case q != "" && got == "":
		add(msg.Sprintf("has the authority line %q, which opens with none of TM., KT., Q., TL., TUQ.", q))
	}
	if c == "" {
		add(msg.Sprintf("has no chức vụ line (CHỦ TỊCH, PHÓ CHỦ TỊCH …) between the authority and the name"))
	}
	if n == "" && (q != "" || c != "") {
		add(msg.Sprintf("has no name under the chức vụ"))
	}
	return out, nil
}
