#pragma once
// The scanner: Go source text to tokens (spec "Lexical elements"), with automatic semicolon
// insertion (spec "Semicolons").
//
// Design
// - One pass over the bytes of the File's source with one character of lookahead (`ch_`). Every
//   token's text is a string_view into that source, so the source must outlive the tokens (the
//   File owns both).
// - Positions are what gc prints: 1-based line, 1-based *byte* column. A BOM at the very start is
//   skipped but still counts in the columns of line 1, as in gc.
// - Errors carry gc's wording (cmd/compile/internal/syntax/scanner.go) and its positions: some at
//   the offending character, some at the start of the token. A malformed literal is still
//   returned as a literal token with `bad` set, so the parser reports nothing more about it.
// - Semicolons: after a line's final token that may end a statement (an identifier, a literal,
//   one of break continue fallthrough return ++ -- ) ] }), a newline, a block comment that
//   contains a newline, or the end of the file becomes a Semicolon token whose text says which
//   ("newline", "EOF"; an explicit one is "semicolon"): gc's messages name it that way
//   ("unexpected newline, expected comma or )").
// - Identifiers may use Unicode letters and digits; the classification tables are generated from
//   Go's `unicode` package (so they follow its Unicode version) and live in lexer.cpp.
//
// Rejected: a regex or table-driven scanner. Go's scanner is small and hand-written, its error
// messages depend on exactly where scanning stopped, and a hand-written one reproduces them.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lang/diagnostics.hpp"
#include "lang/token.hpp"

namespace gopark::lang {

// Past this many stored errors a file is not read further (gc stops after 10): nobody reads
// more, and hostile input cannot then make error reporting cost more than this many errors.
inline constexpr std::size_t kMaxErrorsPerFile = 1000;

struct Token {
  Tok tok = Tok::Eof;
  Pos pos;
  // Ident: the name. Literals: the text as written, quotes included. Semicolon: "semicolon",
  // "newline" or "EOF", as gc names it in messages. Empty for every other token.
  std::string_view text;
  bool bad = false;  // a literal whose error has been reported
};

class Lexer {
 public:
  // `source` must outlive the lexer and its tokens. Errors go to `diags`.
  Lexer(std::string_view source, Diagnostics& diags);

  // The next token; Eof forever at the end.
  Token next();

  // Restarts scanning at `pos` (a token's start, which must lie in the source): the checker
  // parses a generic function's declaration again for each instantiation.
  void seek(Pos pos);

  // From now on next() returns Eof: the parser gives up on a file nested too deeply or with too
  // many errors.
  void stop() { stopped_ = true; }

  // How many errors the lexer has reported (including ones Diagnostics dropped as same-line).
  int error_count() const { return errors_; }

 private:
  Pos here() const;  // position of ch_
  void advance();    // reads the next character into ch_
  void report(Pos pos, std::string message);
  void error_here(std::string message);
  void error_at_token(std::size_t byte_offset, std::string message);
  std::string_view token_text() const;

  // What scanning a number literal has found so far.
  struct Number {
    bool ok = true;
    Tok kind = Tok::Int;
    int base = 10;
    char prefix = 0;    // 0 decimal, '0' legacy octal, 'x', 'o' or 'b'
    int seen = 0;       // bit 0: a digit, bit 1: a '_'
    int invalid = -1;   // offset of the first digit too large for the base
  };

  bool scan(bool nlsemi, Token& token);  // false: nothing produced (comment, bad char): rescan
  bool scan_slash(bool nlsemi, Token& token);
  void scan_identifier(Token& token);
  bool at_identifier_char(bool first);
  void scan_number(Token& token, bool seen_point);
  void scan_integer_part(Number& number);
  void scan_exponent(Number& number);
  void check_number(Token& token, Number& number);
  int scan_digits(int base, int* invalid);
  void scan_string(Token& token);
  void scan_raw_string(Token& token);
  void scan_rune(Token& token);
  bool scan_escape(char quote);
  void skip_line_comment();
  bool skip_block_comment();
  bool scan_operator(Token& token);
  void finish_literal(Token& token, Tok kind, bool ok);

  std::string_view src_;
  Diagnostics& diags_;
  std::int32_t ch_ = ' ';          // current character; -1 at the end
  std::size_t offset_ = 0;         // byte offset of ch_
  std::size_t next_offset_ = 0;    // byte offset just past ch_
  std::size_t line_start_ = 0;     // byte offset where ch_'s line starts
  std::uint32_t line_ = 1;         // ch_'s line
  std::size_t token_offset_ = 0;   // where the token being scanned starts
  Pos token_pos_;
  bool nlsemi_ = false;            // a newline here becomes a Semicolon
  bool stopped_ = false;
  int errors_ = 0;
  std::uint32_t last_error_line_ = 0;
};

// The value of a string literal token as written in the source (interpreted "..." or raw `...`):
// escapes decoded, carriage returns dropped from raw strings. nullopt if `lit` is not a valid
// string literal (the lexer has reported why).
std::optional<std::string> unquote_string(std::string_view lit);

// The value of a rune literal token ('x', '\n', '\u00e9', '\377'): a Unicode code point, or a byte
// value for \x and octal escapes. nullopt if `lit` is not a valid rune literal.
std::optional<std::uint32_t> unquote_char(std::string_view lit);

// Character classes as Go's scanner uses them (exposed for the tests and for messages).
bool is_unicode_letter(std::uint32_t r);
bool is_unicode_digit(std::uint32_t r);
// Go's %#U: "U+0023 '#'", or just "U+00A0" when the character is not printable.
std::string format_code_point(std::uint32_t r);
// Go's %q of a rune: 'g', '\n', '\x00', '\u00a0'.
std::string quote_rune(std::uint32_t r);

}  // namespace gopark::lang
