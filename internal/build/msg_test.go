package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"baocao"
	"baocao/internal/check"
	"baocao/internal/msg"
)

var englishWords = []string{" the ", " sheet ", " cell ", " expected ", " found ", " cannot ", " signature ", " block ", " is ", " folder "}

func noEnglish(t *testing.T, vi string) {
	t.Helper()
	for _, w := range englishWords {
		if strings.Contains(vi, w) {
			t.Errorf("Vietnamese %q has the English %q", vi, w)
		}
	}
}

// TestFindingsInVietnamese: the findings the build makes itself (the
// signature block's, a report that cannot be built) keep their Text, so
// that the printer and the web page tell them in Vietnamese.
func TestFindingsInVietnamese(t *testing.T) {
	chuKy := func(fs []check.Finding) *check.Finding {
		for i := range fs {
			if fs[i].Check == "chu-ky" {
				return &fs[i]
			}
		}
		return nil
	}
	f := chuKy(sampleJob(t, "sa-dec-9-thang-2024", t.TempDir()).Validate())
	if f == nil {
		t.Fatal("no signature finding")
	}
	want := "khối chữ ký thiếu dòng chức vụ (CHỦ TỊCH, PHÓ CHỦ TỊCH …) giữa dòng quyền hạn và họ tên (Nghị định 30, Phụ lục I, Mục II.7)"
	if got := f.In(msg.Vietnamese).Message; got != want {
		t.Errorf("signature finding %q\nwant %q", got, want)
	}
	if got := f.In(msg.English).Message; got != f.Message || !strings.HasPrefix(got, "the signature block has no chức vụ line") {
		t.Errorf("English %q, Message %q", got, f.Message)
	}

	j := tinyJob(t, t.TempDir(), "a.xlsx", "{{ div 1 0 }}")
	var bad *check.Finding
	for _, f := range j.Validate() {
		if f.Check == "bao-cao" {
			bad = &f
		}
	}
	if bad == nil {
		t.Fatal("no finding for a report that cannot be built")
	}
	if got, want := bad.In(msg.Vietnamese).Message, "không lập được báo cáo: report.md:9:3: tại <div 1 0>: chia cho 0"; got != want {
		t.Errorf("report finding %q\nwant %q", got, want)
	}
	noEnglish(t, bad.Localize(msg.Vietnamese))
	if !strings.HasPrefix(bad.Message, "the report cannot be built: report.md:9:3: in <div 1 0>: division by zero") {
		t.Errorf("English %q", bad.Message)
	}
}

// TestConsolidationFindingInVietnamese: a unit left out is named in
// Vietnamese.
func TestConsolidationFindingInVietnamese(t *testing.T) {
	sd, _ := fs.ReadFile(baocao.Assets(), "data/sa-dec-2024.xlsx")
	j := consolidation(t, map[string][]byte{"zz-sai-mau.xlsx": sd})
	found := false
	for _, f := range j.Validate() {
		found = found || f.File == "zz-sai-mau.xlsx" && strings.Contains(f.Localize(msg.Vietnamese), "đơn vị zz-sai-mau.xlsx bị bỏ ra khỏi bản tổng hợp: ")
	}
	if !found {
		t.Errorf("no finding names the unit left out in Vietnamese: %v", j.Validate())
	}
}

// TestErrorsInVietnamese: the errors of writing a report say what to do
// in Vietnamese, and stay the sentinels errors.Is knows.
func TestErrorsInVietnamese(t *testing.T) {
	dir := t.TempDir()
	j := tinyJob(t, dir, "a.xlsx", "Nội dung.")
	j.Name = "../x"
	_, err := j.Run()
	if vi := msg.Local(msg.Vietnamese, err); !strings.HasPrefix(vi, `tên tệp kết quả "../x" không phải là một tên tệp đơn giản`) {
		t.Errorf("name: %q", vi)
	} else {
		noEnglish(t, vi)
	}

	// An output that would replace the workbook it reads.
	in := filepath.Join(dir, "bao-cao.pdf")
	os.WriteFile(in, []byte("x"), 0o644)
	j = tinyJob(t, dir, "a.xlsx", "Nội dung.")
	j.InputPaths = []string{in}
	_, err = j.Run()
	if !errors.Is(err, ErrOverwritesInput) {
		t.Fatalf("err = %v, want ErrOverwritesInput", err)
	}
	vi := msg.Local(msg.Vietnamese, err)
	if !strings.HasPrefix(vi, "tệp kết quả sẽ ghi đè lên một tệp đầu vào: ghi ") || !strings.HasSuffix(vi, "; hãy chọn thư mục --out khác hoặc tên --name khác; chưa ghi tệp nào") {
		t.Errorf("overwrite: %q", vi)
	}
	noEnglish(t, vi)

	for _, tt := range []struct {
		err  error
		want string
	}{
		{msg.Errorf("%w: waited %v for the lock on %s; wait for the other build to finish, or build into another --out folder", ErrLocked, LockTimeout, "ra/.baocao.lock"),
			"thư mục lưu kết quả đang được một lần lập khác sử dụng: đã chờ " + LockTimeout.String() + " để khóa ra/.baocao.lock; hãy chờ lần lập kia xong, hoặc lập vào thư mục --out khác"},
		{msg.Errorf("%s is %s: baocao replaces only regular files and does not write through links; remove it and build again", "ra/bao-cao.pdf", kind(fs.ModeSymlink)),
			"ra/bao-cao.pdf là một liên kết tượng trưng: baocao chỉ thay thế tệp thông thường và không ghi qua liên kết; hãy xóa nó rồi lập lại"},
	} {
		if got := msg.Local(msg.Vietnamese, tt.err); got != tt.want {
			t.Errorf("%q\nwant %q", got, tt.want)
		}
	}
}
