// Package utf8: UTF-8 encoding and decoding, in Go.
package utf8

const (
	RuneError = '\uFFFD'     // the "error" Rune or "Unicode replacement character"
	RuneSelf  = 0x80         // characters below RuneSelf are represented as themselves in a single byte.
	MaxRune   = '\U0010FFFF' // Maximum valid Unicode code point.
	UTFMax    = 4            // maximum number of bytes of a UTF-8 encoded Unicode character.
)

const (
	surrogateMin = 0xD800
	surrogateMax = 0xDFFF
)

// RuneLen returns the number of bytes in the UTF-8 encoding of the rune, -1 if it is not a
// valid value to encode.
func RuneLen(r rune) int {
	switch {
	case r < 0:
		return -1
	case r < 0x80:
		return 1
	case r < 0x800:
		return 2
	case surrogateMin <= r && r <= surrogateMax:
		return -1
	case r < 0x10000:
		return 3
	case r <= MaxRune:
		return 4
	}
	return -1
}

// ValidRune reports whether r can be legally encoded as UTF-8.
func ValidRune(r rune) bool {
	return 0 <= r && r < surrogateMin || surrogateMax < r && r <= MaxRune
}

// decode decodes the first rune of the bytes at get(0..n-1).
func decode(b0, b1, b2, b3 byte, n int) (rune, int) {
	if n < 1 {
		return RuneError, 0
	}
	switch {
	case b0 < 0x80:
		return rune(b0), 1
	case b0 < 0xC2 || b0 > 0xF4:
		return RuneError, 1
	case b0 < 0xE0:
		if n < 2 || b1&0xC0 != 0x80 {
			return RuneError, 1
		}
		return rune(b0&0x1F)<<6 | rune(b1&0x3F), 2
	case b0 < 0xF0:
		lo, hi := byte(0x80), byte(0xBF)
		if b0 == 0xE0 {
			lo = 0xA0
		} else if b0 == 0xED {
			hi = 0x9F
		}
		if n < 2 || b1 < lo || b1 > hi {
			return RuneError, 1
		}
		if n < 3 || b2&0xC0 != 0x80 {
			return RuneError, 1
		}
		return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F), 3
	default:
		lo, hi := byte(0x80), byte(0xBF)
		if b0 == 0xF0 {
			lo = 0x90
		} else if b0 == 0xF4 {
			hi = 0x8F
		}
		if n < 2 || b1 < lo || b1 > hi {
			return RuneError, 1
		}
		if n < 3 || b2&0xC0 != 0x80 {
			return RuneError, 1
		}
		if n < 4 || b3&0xC0 != 0x80 {
			return RuneError, 1
		}
		return rune(b0&0x07)<<18 | rune(b1&0x3F)<<12 | rune(b2&0x3F)<<6 | rune(b3&0x3F), 4
	}
}

// DecodeRuneInString unpacks the first UTF-8 encoding in s and returns the rune and its width in
// bytes. (RuneError, 0) for an empty string, (RuneError, 1) for an invalid encoding.
func DecodeRuneInString(s string) (rune, int) {
	var b [4]byte
	n := copy(b[:], s)
	return decode(b[0], b[1], b[2], b[3], n)
}

// DecodeRune is DecodeRuneInString for a byte slice.
func DecodeRune(p []byte) (rune, int) {
	var b [4]byte
	n := copy(b[:], p)
	return decode(b[0], b[1], b[2], b[3], n)
}

// DecodeLastRuneInString unpacks the last UTF-8 encoding in s.
func DecodeLastRuneInString(s string) (rune, int) {
	end := len(s)
	if end == 0 {
		return RuneError, 0
	}
	start := end - 1
	if s[start] < RuneSelf {
		return rune(s[start]), 1
	}
	lim := end - UTFMax
	if lim < 0 {
		lim = 0
	}
	for start--; start >= lim; start-- {
		if s[start]&0xC0 != 0x80 {
			break
		}
	}
	if start < 0 {
		start = 0
	}
	r, size := DecodeRuneInString(s[start:end])
	if start+size != end {
		return RuneError, 1
	}
	return r, size
}

// DecodeLastRune is DecodeLastRuneInString for a byte slice.
func DecodeLastRune(p []byte) (rune, int) {
	return DecodeLastRuneInString(string(p))
}

// EncodeRune writes into p (which must be large enough) the UTF-8 encoding of the rune and
// returns the number of bytes written. An invalid rune is written as RuneError.
func EncodeRune(p []byte, r rune) int {
	if !ValidRune(r) {
		r = RuneError
	}
	switch {
	case r < 0x80:
		p[0] = byte(r)
		return 1
	case r < 0x800:
		_ = p[1]
		p[0] = 0xC0 | byte(r>>6)
		p[1] = 0x80 | byte(r)&0x3F
		return 2
	case r < 0x10000:
		_ = p[2]
		p[0] = 0xE0 | byte(r>>12)
		p[1] = 0x80 | byte(r>>6)&0x3F
		p[2] = 0x80 | byte(r)&0x3F
		return 3
	default:
		_ = p[3]
		p[0] = 0xF0 | byte(r>>18)
		p[1] = 0x80 | byte(r>>12)&0x3F
		p[2] = 0x80 | byte(r>>6)&0x3F
		p[3] = 0x80 | byte(r)&0x3F
		return 4
	}
}

// AppendRune appends the UTF-8 encoding of r to the end of p and returns the extended buffer.
func AppendRune(p []byte, r rune) []byte {
	if r >= 0 && r < RuneSelf {
		return append(p, byte(r))
	}
	var b [4]byte
	n := EncodeRune(b[:], r)
	return append(p, b[:n]...)
}

// RuneCountInString returns the number of runes in s; each invalid byte counts as one.
func RuneCountInString(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// RuneCount returns the number of runes in p.
func RuneCount(p []byte) int {
	return RuneCountInString(string(p))
}

// ValidString reports whether s consists entirely of valid UTF-8-encoded runes.
func ValidString(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < RuneSelf {
			i++
			continue
		}
		r, size := DecodeRuneInString(s[i:])
		if r == RuneError && size == 1 {
			return false
		}
		i += size
	}
	return true
}

// Valid reports whether p consists entirely of valid UTF-8-encoded runes.
func Valid(p []byte) bool {
	return ValidString(string(p))
}

// RuneStart reports whether the byte could be the first byte of an encoded rune.
func RuneStart(b byte) bool {
	return b&0xC0 != 0x80
}

// FullRuneInString reports whether s begins with a full UTF-8 encoding of a rune.
func FullRuneInString(s string) bool {
	if len(s) == 0 {
		return false
	}
	r, size := DecodeRuneInString(s)
	if r != RuneError || size != 1 {
		return true
	}
	// An invalid first byte is a full (error) rune; a valid prefix is not.
	need := 0
	switch b := s[0]; {
	case b >= 0xF0 && b <= 0xF4:
		need = 4
	case b >= 0xE0:
		need = 3
	case b >= 0xC2:
		need = 2
	}
	return need == 0 || len(s) >= need
}
