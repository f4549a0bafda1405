// Package legacyvn owns the detection and conversion of text typed with
// legacy Vietnamese 8-bit fonts into NFC Unicode (TCVN 6909:2001).
//
// Old workbooks and templates hold text in two legacy encodings:
//
//   - TCVN3 (ABC, TCVN 5712:1993 "VN3"), used by the fonts whose names start
//     with "." (.VnTime, .VnArial, .VnTimeH …). VN3 has the 67 lower-case
//     Vietnamese letters and only seven capitals (Ă Â Ê Ô Ơ Ư Đ); capitals
//     with a tone were typed with the "H" fonts (.VnTimeH, .VnArialH …), whose
//     glyphs are all capitals: the same code points render upper-case.
//   - VNI-Windows, used by the VNI-* fonts (VNI-Times, VNI-Helve …): a base
//     ASCII letter followed by a mark byte ("a"+"ø" = "à", "e"+"ä" = "ệ",
//     "a"+"ê" = "ă"), plus a few one-byte letters ("ñ" = "đ", "ô" = "ơ",
//     "ö" = "ư", "ó" = "ĩ", "î" = "ỵ").
//
// In an .xlsx the cell text of such a run is stored as the Unicode code
// points equal to the legacy bytes (the Windows-1252 reading; every letter
// code of both encodings is in 0xA1–0xFF where Windows-1252 and Latin-1
// agree), so it reads as mojibake: "Céng hoµ x· héi chñ nghÜa ViÖt Nam"
// (TCVN3), "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam" (VNI).
//
// API: [ByFont] maps a font name to an [Encoding]; [Detect] guesses the
// encoding of text without a font hint and is conservative (it answers
// [Unicode] unless converted words read as Vietnamese syllables and the
// original does not); [Convert] converts; [Fix] is the reader's entry point.
// The "H" fonts get their own encoding, [TCVN3Upper]: Convert decodes the
// VN3 code points and upper-cases the result (ASCII letters included, as
// the glyphs are). Output is always valid UTF-8 in NFC; tone placement is
// kept as in the source ("hoµ" → "hoà", "hßa" → "hòa").
//
// Sources of the tables (checked against each other; no code copied):
//
//   - TCVN3: the byte values of bogoengine (github.com/cmpitg/bogoengine,
//     src/charset.hpp, utf8ToTCVN3) and the TCVN table of xvnkb by Dao Hai
//     Lam (github.com/lamdao/xvnkb, tcvn.h), which agree on every VN3 letter;
//     the 0x80–0x9F and 0x01–0x17 capitals of TCVN 5712 "VN1" (X11
//     lcUniConv/tcvn.h) are deliberately not mapped: in Windows-1252 they
//     are real punctuation (– — ‘ ’ “ ” …) and the ABC fonts do not use them.
//   - VNI-Windows: xvnkb vni.h (same author) and the VNI charset of
//     vietnamese-conversion (github.com/duydev/vietnamese-conversion,
//     src/charsets.ts), which agree.
//   - Literature strings used in the tests: duydev/vietnamese-conversion
//     tests ("Xin chµo c¸c b¹n", "T«i ®i häc", "Xin chaøo caùc baïn"),
//     Ductrung03/DuBaoMatRung ("B¶o Th¾ng", "M\u00adêng Kh¬ng"), and the
//     domain notes (/work/shared/research/domain.md §6).
package legacyvn
