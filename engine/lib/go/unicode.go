// Package unicode: character classes and case mapping. The tables are the engine's (natives).
package unicode

const (
	MaxRune         = '\U0010FFFF' // Maximum valid Unicode code point.
	ReplacementChar = '\uFFFD'     // Represents invalid code points.
	MaxASCII        = '\u007F'     // maximum ASCII value.
	MaxLatin1       = '\u00FF'     // maximum Latin-1 value.
)

// IsLetter reports whether the rune is a letter (category L).
func IsLetter(r rune) bool

// IsDigit reports whether the rune is a decimal digit (category Nd).
func IsDigit(r rune) bool

// IsNumber reports whether the rune is a number (category N).
func IsNumber(r rune) bool

// IsSpace reports whether the rune is a space character as defined by Unicode's White Space
// property.
func IsSpace(r rune) bool

// IsUpper reports whether the rune is an upper case letter.
func IsUpper(r rune) bool

// IsLower reports whether the rune is a lower case letter.
func IsLower(r rune) bool

// IsTitle reports whether the rune is a title case letter.
func IsTitle(r rune) bool

// IsPunct reports whether the rune is a Unicode punctuation character (category P).
func IsPunct(r rune) bool

// IsSymbol reports whether the rune is a symbolic character.
func IsSymbol(r rune) bool

// IsMark reports whether the rune is a mark character (category M).
func IsMark(r rune) bool

// IsControl reports whether the rune is a control character.
func IsControl(r rune) bool

// IsPrint reports whether the rune is printable by Go's definition.
func IsPrint(r rune) bool

// IsGraphic reports whether the rune is a graphic character.
func IsGraphic(r rune) bool

// ToUpper maps the rune to upper case.
func ToUpper(r rune) rune

// ToLower maps the rune to lower case.
func ToLower(r rune) rune

// ToTitle maps the rune to title case.
func ToTitle(r rune) rune

// SimpleFold iterates over Unicode code points equivalent under simple case folding.
func SimpleFold(r rune) rune
