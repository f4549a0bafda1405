// Package safename owns the turning of a unit's name ("Phường Bình Thạnh",
// "Xã Đắk Lắk", or whatever a workbook holds) into a file name, without its
// extension, that is safe on Linux, macOS and Windows file systems alike, and
// the making of such names unique within one batch build. The name given
// with --name, or taken from the workbook, is made safe the same way, and
// internal/build checks the names it reads back (manifest, journal) with it.
//
// Name never returns a path: the result has no separator, no "..", no
// leading dot, no control character, none of the characters Windows forbids
// (<>:"/\|?*), no trailing dot or space, is not a reserved Windows device
// name, is valid NFC UTF-8, is never empty, and is at most MaxLen bytes, which
// leaves room for a suffix such as ".v12.docx" within the 255-byte limit of
// common file systems. Unique makes a batch of such names distinct the way
// case-insensitive file systems (macOS, Windows) compare them.
package safename
