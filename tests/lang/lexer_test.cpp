// The Go lexer: every literal form, semicolon insertion, and gc's errors at gc's positions.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "lang/lexer.hpp"

using namespace gopark::lang;

namespace {

// The tokens of `source`, one word each: operators and keywords as spelled, identifiers and
// literals as `kind:text`, semicolons as `;newline` / `;semicolon` / `;EOF`.
std::string tokens(std::string_view source, std::string* errors = nullptr) {
  Diagnostics diags("x.go");
  Lexer lexer(source, diags);
  std::string out;
  for (int guard = 0; guard < 10000; ++guard) {
    Token t = lexer.next();
    if (t.tok == Tok::Eof) break;
    if (!out.empty()) out += ' ';
    switch (t.tok) {
      case Tok::Ident: out += "id:"; out += t.text; break;
      case Tok::Int: out += "int:"; out += t.text; break;
      case Tok::Float: out += "float:"; out += t.text; break;
      case Tok::Imag: out += "imag:"; out += t.text; break;
      case Tok::Char: out += "char:"; out += t.text; break;
      case Tok::String: out += "string:"; out += t.text; break;
      case Tok::Semicolon: out += ";"; out += t.text; break;
      default: out += spelling(t.tok); break;
    }
  }
  if (errors != nullptr) *errors = diags.format(0);
  return out;
}

// The errors lexing `source` gives, formatted "x.go:line:col: message\n".
std::string lex_errors(std::string_view source) {
  std::string errors;
  tokens(source, &errors);
  return errors;
}

std::vector<Token> all_tokens(std::string_view source) {
  Diagnostics diags("x.go");
  Lexer lexer(source, diags);
  std::vector<Token> out;
  for (Token t = lexer.next(); t.tok != Tok::Eof; t = lexer.next()) out.push_back(t);
  return out;
}

}  // namespace

TEST_CASE("lexer: integer literals in every base") {
  CHECK(tokens("0 42 0x1F 0XaB 0o17 0O7 0b101 0B1 0777 1_000_000 0x_FF 0_7 0b_1") ==
        "int:0 int:42 int:0x1F int:0XaB int:0o17 int:0O7 int:0b101 int:0B1 int:0777 "
        "int:1_000_000 int:0x_FF int:0_7 int:0b_1 ;EOF");
  CHECK(lex_errors("0 42 0x1F 0XaB 0o17 0O7 0b101 0B1 0777 1_000_000 0x_FF 0_7 0b_1").empty());
}

TEST_CASE("lexer: float and imaginary literals") {
  CHECK(tokens("1.5 .5 1. 1e10 1E-5 1e+3 0x1p-2 0x1.8p3 0X.8P0 0x1p+2 1_0.5e1_0 09.5 0e0") ==
        "float:1.5 float:.5 float:1. float:1e10 float:1E-5 float:1e+3 float:0x1p-2 "
        "float:0x1.8p3 float:0X.8P0 float:0x1p+2 float:1_0.5e1_0 float:09.5 float:0e0 ;EOF");
  CHECK(tokens("2i 1.5i 0x1p2i 0i 01i 1e3i 0b1i") ==
        "imag:2i imag:1.5i imag:0x1p2i imag:0i imag:01i imag:1e3i imag:0b1i ;EOF");
  CHECK(lex_errors("1.5 .5 1. 1e10 0x1p-2 0X.8P0 09.5 2i 01i 0x1p2i").empty());
  // `0x1e3` is an integer: e is a hex digit
  CHECK(tokens("0x1e3") == "int:0x1e3 ;EOF");
}

TEST_CASE("lexer: rune and string literals with every escape") {
  CHECK(tokens(R"('a' '\n' '\x41' '\101' '\u00e9' '\U0001F600' 'é' '\'' '\\' '"')") ==
        R"(char:'a' char:'\n' char:'\x41' char:'\101' char:'\u00e9' char:'\U0001F600' char:'é' )"
        R"(char:'\'' char:'\\' char:'"' ;EOF)");
  CHECK(tokens(R"("" "a\tb" "\"" "\a\b\f\n\r\t\v\\" "\xff\377\u00e9\U0010FFFF")") ==
        R"(string:"" string:"a\tb" string:"\"" string:"\a\b\f\n\r\t\v\\" )"
        R"(string:"\xff\377\u00e9\U0010FFFF" ;EOF)");
  CHECK(tokens("`raw\\n\nline` x") == "string:`raw\\n\nline` id:x ;EOF");
  CHECK(lex_errors(R"('a' '\n' '\x41' '\101' '\u00e9' "\xff\377\u00e9" `a\q`)").empty());
}

TEST_CASE("lexer: literal values for the checker") {
  CHECK(unquote_string(R"("a\tb")") == std::optional<std::string>("a\tb"));
  CHECK(unquote_string(R"("\xff\377")") == std::optional<std::string>("\xff\xff"));
  CHECK(unquote_string(R"("\u00e9\U0001F600")") ==
        std::optional<std::string>("\xc3\xa9\xf0\x9f\x98\x80"));
  CHECK(unquote_string(R"("\"\\")") == std::optional<std::string>("\"\\"));
  CHECK(unquote_string("`a\r\nb\\n`") == std::optional<std::string>("a\nb\\n"));
  CHECK(unquote_string(R"("é")") == std::optional<std::string>("é"));
  CHECK(unquote_string(R"("")") == std::optional<std::string>(""));
  CHECK_FALSE(unquote_string(R"("\q")").has_value());
  CHECK_FALSE(unquote_string(R"("\'")").has_value());  // \' only in runes
  CHECK_FALSE(unquote_string(R"("\400")").has_value());
  CHECK_FALSE(unquote_string(R"("\uD800")").has_value());
  CHECK_FALSE(unquote_string(R"("abc)").has_value());
  CHECK_FALSE(unquote_string("'a'").has_value());
  CHECK_FALSE(unquote_string("\"").has_value());

  CHECK(unquote_char("'a'") == std::optional<std::uint32_t>('a'));
  CHECK(unquote_char(R"('\n')") == std::optional<std::uint32_t>('\n'));
  CHECK(unquote_char(R"('\'')") == std::optional<std::uint32_t>('\''));
  CHECK(unquote_char(R"('\x41')") == std::optional<std::uint32_t>(0x41));
  CHECK(unquote_char(R"('\377')") == std::optional<std::uint32_t>(255));
  CHECK(unquote_char(R"('\xff')") == std::optional<std::uint32_t>(255));
  CHECK(unquote_char(R"('\u00e9')") == std::optional<std::uint32_t>(0xE9));
  CHECK(unquote_char(R"('\U0001F600')") == std::optional<std::uint32_t>(0x1F600));
  CHECK(unquote_char("'é'") == std::optional<std::uint32_t>(0xE9));
  CHECK(unquote_char("'日'") == std::optional<std::uint32_t>(0x65E5));
  CHECK_FALSE(unquote_char("''").has_value());
  CHECK_FALSE(unquote_char("'ab'").has_value());
  CHECK_FALSE(unquote_char(R"('\"')").has_value());  // \" only in strings
  CHECK_FALSE(unquote_char(R"('\U00110000')").has_value());
  CHECK_FALSE(unquote_char("'a").has_value());
}

TEST_CASE("lexer: operators and punctuation") {
  CHECK(tokens("+ - * / % & | ^ << >> &^ && || == != < <= > >= <- ++ -- ! ~ ... . , ; : :=") ==
        "+ - * / % & | ^ << >> &^ && || == != < <= > >= <- ++ -- ! ~ ... . , ;semicolon : :=");
  CHECK(tokens("+= -= *= /= %= &= |= ^= <<= >>= &^= = ( ) [ ] { }") ==
        "+= -= *= /= %= &= |= ^= <<= >>= &^= = ( ) [ ] { } ;EOF");
  CHECK(tokens("x..y") == "id:x . . id:y ;EOF");
  CHECK(tokens("a<-b") == "id:a <- id:b ;EOF");
  CHECK(tokens("a&^=b") == "id:a &^= id:b ;EOF");
}

TEST_CASE("lexer: keywords and identifiers, Unicode included") {
  CHECK(tokens("chan const default defer else for func go goto if import interface map package "
               "range select struct switch type var case") ==
        "chan const default defer else for func go goto if import interface map package range "
        "select struct switch type var case");
  CHECK(tokens("héllo 日本語 _x x1 a١ ℌ") == "id:héllo id:日本語 id:_x id:x1 id:a١ id:ℌ ;EOF");
  CHECK(lex_errors("héllo 日本語 _x x1 a١").empty());
  CHECK(tokens("iff forx") == "id:iff id:forx ;EOF");
}

TEST_CASE("lexer: automatic semicolons") {
  // after identifiers, literals, break/continue/fallthrough/return, ++ -- ) ] }
  CHECK(tokens("x\n1\n'a'\n\"s\"\nbreak\ncontinue\nfallthrough\nreturn\ni++\ni--\nf()\na[0]\n}\n") ==
        "id:x ;newline int:1 ;newline char:'a' ;newline string:\"s\" ;newline break ;newline "
        "continue ;newline fallthrough ;newline return ;newline id:i ++ ;newline id:i -- ;newline "
        "id:f ( ) ;newline id:a [ int:0 ] ;newline } ;newline");
  // not after operators, other keywords or openers
  CHECK(tokens("x +\ny\nfunc\n(\n{\n[\n,\nif\n") == "id:x + id:y ;newline func ( { [ , if");
  // at the end of the file
  CHECK(tokens("return") == "return ;EOF");
  CHECK(tokens("x // comment") == "id:x ;EOF");
  CHECK(tokens("x // comment\ny") == "id:x ;newline id:y ;EOF");
  // a block comment containing a newline is a newline; one without is nothing
  CHECK(tokens("x /* a\nb */ y") == "id:x ;newline id:y ;EOF");
  CHECK(tokens("x /* a b */ y") == "id:x id:y ;EOF");
  CHECK(tokens("x /* a b */\ny") == "id:x ;newline id:y ;EOF");
  CHECK(tokens("+ /* a\nb */ y") == "+ id:y ;EOF");
  CHECK(tokens("x\r\ny") == "id:x ;newline id:y ;EOF");
}

TEST_CASE("lexer: positions are 1-based byte columns") {
  std::vector<Token> t = all_tokens("a := \"é\" + b\n\tc\n");
  REQUIRE(t.size() >= 7);
  CHECK(t[0].pos == Pos{1, 1});
  CHECK(t[1].pos == Pos{1, 3});   // :=
  CHECK(t[2].pos == Pos{1, 6});   // "é"
  CHECK(t[3].pos == Pos{1, 11});  // + (é is two bytes)
  CHECK(t[4].pos == Pos{1, 13});  // b
  CHECK(t[5].pos == Pos{1, 14});  // the newline
  CHECK(t[6].pos == Pos{2, 2});   // c after a tab
  // a leading BOM is skipped but counts in the columns, as in gc
  std::vector<Token> bom = all_tokens("\xEF\xBB\xBFpackage p");
  REQUIRE(bom.size() >= 2);
  CHECK(bom[0].tok == Tok::Package);
  CHECK(bom[0].pos == Pos{1, 4});
  CHECK(lex_errors("\xEF\xBB\xBFpackage p").empty());
  // a multi-line raw string moves the line count on
  std::vector<Token> raw = all_tokens("`a\nb\nc` d");
  REQUIRE(raw.size() >= 2);
  CHECK(raw[1].pos == Pos{3, 4});
}

TEST_CASE("lexer: number errors, worded and placed as gc does") {
  CHECK(lex_errors("0x") == "x.go:1:3: hexadecimal literal has no digits\n");
  CHECK(lex_errors("x := 09") == "x.go:1:7: invalid digit '9' in octal literal\n");
  CHECK(lex_errors("0b102") == "x.go:1:5: invalid digit '2' in binary literal\n");
  CHECK(lex_errors("0o78") == "x.go:1:4: invalid digit '8' in octal literal\n");
  CHECK(lex_errors("1__0") == "x.go:1:3: '_' must separate successive digits\n");
  CHECK(lex_errors("10_") == "x.go:1:3: '_' must separate successive digits\n");
  CHECK(lex_errors("0_x1") == "x.go:1:2: '_' must separate successive digits\n");
  CHECK(lex_errors("1e") == "x.go:1:3: exponent has no digits\n");
  CHECK(lex_errors("0x1.0") == "x.go:1:6: hexadecimal mantissa requires a 'p' exponent\n");
  CHECK(lex_errors("0b1.0") == "x.go:1:4: invalid radix point in binary literal\n");
  CHECK(lex_errors("1p4") == "x.go:1:2: 'p' exponent requires hexadecimal mantissa\n");
  CHECK(lex_errors("0o1e2") == "x.go:1:4: 'e' exponent requires decimal mantissa\n");
  CHECK(lex_errors("0x.p1") == "x.go:1:4: hexadecimal literal has no digits\n");
  // a bad literal is still one token
  CHECK(tokens("09 x") == "int:09 id:x ;EOF");
}

TEST_CASE("lexer: string and rune errors, worded and placed as gc does") {
  CHECK(lex_errors("x := \"abc\ny") == "x.go:1:10: newline in string\n");
  CHECK(lex_errors("x := \"abc") == "x.go:1:6: string not terminated\n");
  CHECK(lex_errors("x := `abc") == "x.go:1:6: string not terminated\n");
  CHECK(lex_errors("x := ''") == "x.go:1:7: empty rune literal or unescaped '\n");
  CHECK(lex_errors("x := 'ab'") == "x.go:1:6: more than one character in rune literal\n");
  CHECK(lex_errors("x := 'a\n") == "x.go:1:8: newline in rune literal\n");
  CHECK(lex_errors("x := 'a") == "x.go:1:6: rune literal not terminated\n");
  CHECK(lex_errors(R"(x := "\q")") == "x.go:1:8: unknown escape\n");
  CHECK(lex_errors(R"(x := '\"')") == "x.go:1:8: unknown escape\n");
  CHECK(lex_errors(R"(x := "\x4g")") == "x.go:1:10: invalid character 'g' in hexadecimal escape\n");
  CHECK(lex_errors(R"(x := "\18")") == "x.go:1:9: invalid character '8' in octal escape\n");
  CHECK(lex_errors(R"(x := "\400")") == "x.go:1:11: octal escape value 256 > 255\n");
  CHECK(lex_errors(R"(x := "\uD800")") ==
        "x.go:1:13: escape is invalid Unicode code point U+D800\n");
  CHECK(lex_errors(R"(x := "\U00110000")") ==
        "x.go:1:17: escape is invalid Unicode code point U+110000\n");
  // the newline also ends the string (that second error, on the same line, is dropped), and the
  // quote on the next line opens a new one
  CHECK(lex_errors("x := \"\\x4\n\"") ==
        "x.go:1:10: invalid character '\\n' in hexadecimal escape\nx.go:2:1: string not terminated\n");
}

TEST_CASE("lexer: character errors, worded and placed as gc does") {
  CHECK(lex_errors("a # b") == "x.go:1:3: invalid character U+0023 '#'\n");
  CHECK(tokens("a # b") == "id:a id:b ;EOF");  // the character is skipped
  CHECK(lex_errors("a $") == "x.go:1:3: invalid character U+0024 '$'\n");
  CHECK(lex_errors("a \xC2\xA0" "b") == "x.go:1:3: invalid character U+00A0 in identifier\n");
  CHECK(lex_errors("x…") == "x.go:1:2: invalid character U+2026 '…' in identifier\n");
  CHECK(lex_errors("\xD9\xA1x") == "x.go:1:1: identifier cannot begin with digit U+0661 '١'\n");
  CHECK(lex_errors(std::string_view("a\0b", 3)) == "x.go:1:2: invalid NUL character\n");
  CHECK(lex_errors("a \xff b") == "x.go:1:3: invalid UTF-8 encoding\n");
  CHECK(lex_errors("a \xED\xA0\x80 b") == "x.go:1:3: invalid UTF-8 encoding\n");  // a surrogate
  CHECK(lex_errors("a\n b\xEF\xBB\xBF") == "x.go:2:3: invalid BOM in the middle of the file\n");
  CHECK(lex_errors("a /* b\n c") == "x.go:1:3: comment not terminated\n");
  CHECK(tokens("a /* b\n c") == "id:a ;newline");
}

TEST_CASE("lexer: messages name characters as Go's %#U and %q do") {
  CHECK(format_code_point('#') == "U+0023 '#'");
  CHECK(format_code_point(0xA0) == "U+00A0");
  CHECK(format_code_point(0x200B) == "U+200B");
  CHECK(format_code_point(0x1F600) == "U+1F600 '\xF0\x9F\x98\x80'");
  CHECK(format_code_point(0xD800) == "U+D800");
  CHECK(quote_rune('g') == "'g'");
  CHECK(quote_rune('\n') == "'\\n'");
  CHECK(quote_rune(0) == "'\\x00'");
  CHECK(quote_rune('\'') == "'\\''");
  CHECK(quote_rune(0xA0) == "'\\u00a0'");
  CHECK(is_unicode_letter(0xE9));
  CHECK(is_unicode_letter(0x65E5));
  CHECK_FALSE(is_unicode_letter(0x2026));
  CHECK(is_unicode_digit(0x0661));
  CHECK_FALSE(is_unicode_digit('a'));
}

TEST_CASE("lexer: garbage never hangs and always ends in Eof") {
  std::string garbage;
  std::uint32_t state = 12345;
  for (int i = 0; i < 20000; ++i) {
    state = state * 1103515245u + 12345u;
    garbage += static_cast<char>(state >> 16);
  }
  Diagnostics diags("x.go");
  Lexer lexer(garbage, diags);
  int count = 0;
  while (lexer.next().tok != Tok::Eof) REQUIRE(++count <= 20001);
  CHECK(lexer.next().tok == Tok::Eof);
}

TEST_CASE("lexer: a line of garbage costs one error") {
  std::string garbage(200000, '#');
  Diagnostics diags("x.go");
  Lexer lexer(garbage, diags);
  while (lexer.next().tok != Tok::Eof) {
  }
  CHECK(diags.size() == 1);
  CHECK(lexer.error_count() == 200000);
}

TEST_CASE("token: spellings and precedences") {
  CHECK(spelling(Tok::Add) == "+");
  CHECK(spelling(Tok::AndNotAssign) == "&^=");
  CHECK(spelling(Tok::Fallthrough) == "fallthrough");
  CHECK(spelling(Tok::Ident) == "identifier");
  CHECK(spelling(Tok::Eof) == "EOF");
  CHECK(precedence(Tok::Mul) == 5);
  CHECK(precedence(Tok::AndNot) == 5);
  CHECK(precedence(Tok::Shl) == 5);
  CHECK(precedence(Tok::Or) == 4);
  CHECK(precedence(Tok::Geq) == 3);
  CHECK(precedence(Tok::LogAnd) == 2);
  CHECK(precedence(Tok::LogOr) == 1);
  CHECK(precedence(Tok::Assign) == 0);
  CHECK(precedence(Tok::Not) == 0);
  CHECK(assign_op_base(Tok::ShlAssign) == Tok::Shl);
}
