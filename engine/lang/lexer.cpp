#include "lang/lexer.hpp"

#include <algorithm>
#include <cstdio>

#include "text/escape.hpp"
#include "text/utf8.hpp"

namespace gopark::lang {

// ----------------------------------------------------------------------------------------------
// Characters

namespace {

constexpr std::uint32_t kByteOrderMark = 0xFEFF;

struct CodeRange {
  std::uint32_t first, last;
};

// Generated from Go's unicode package (unicode.IsLetter, unicode.IsDigit, and the assigned
// characters strconv.IsPrint rejects), for code points >= 0x80. Unassigned code points count as
// printable here, which only changes how a message shows such a character.
// clang-format off
constexpr CodeRange kLetters[] = {
    {0xAA, 0xAA}, {0xB5, 0xB5}, {0xBA, 0xBA}, {0xC0, 0xD6}, {0xD8, 0xF6}, {0xF8, 0x2C1},
    {0x2C6, 0x2D1}, {0x2E0, 0x2E4}, {0x2EC, 0x2EC}, {0x2EE, 0x2EE}, {0x370, 0x374}, {0x376, 0x377},
    {0x37A, 0x37D}, {0x37F, 0x37F}, {0x386, 0x386}, {0x388, 0x38A}, {0x38C, 0x38C}, {0x38E, 0x3A1},
    {0x3A3, 0x3F5}, {0x3F7, 0x481}, {0x48A, 0x52F}, {0x531, 0x556}, {0x559, 0x559}, {0x560, 0x588},
    {0x5D0, 0x5EA}, {0x5EF, 0x5F2}, {0x620, 0x64A}, {0x66E, 0x66F}, {0x671, 0x6D3}, {0x6D5, 0x6D5},
    {0x6E5, 0x6E6}, {0x6EE, 0x6EF}, {0x6FA, 0x6FC}, {0x6FF, 0x6FF}, {0x710, 0x710}, {0x712, 0x72F},
    {0x74D, 0x7A5}, {0x7B1, 0x7B1}, {0x7CA, 0x7EA}, {0x7F4, 0x7F5}, {0x7FA, 0x7FA}, {0x800, 0x815},
    {0x81A, 0x81A}, {0x824, 0x824}, {0x828, 0x828}, {0x840, 0x858}, {0x860, 0x86A}, {0x8A0, 0x8B4},
    {0x8B6, 0x8C7}, {0x904, 0x939}, {0x93D, 0x93D}, {0x950, 0x950}, {0x958, 0x961}, {0x971, 0x980},
    {0x985, 0x98C}, {0x98F, 0x990}, {0x993, 0x9A8}, {0x9AA, 0x9B0}, {0x9B2, 0x9B2}, {0x9B6, 0x9B9},
    {0x9BD, 0x9BD}, {0x9CE, 0x9CE}, {0x9DC, 0x9DD}, {0x9DF, 0x9E1}, {0x9F0, 0x9F1}, {0x9FC, 0x9FC},
    {0xA05, 0xA0A}, {0xA0F, 0xA10}, {0xA13, 0xA28}, {0xA2A, 0xA30}, {0xA32, 0xA33}, {0xA35, 0xA36},
    {0xA38, 0xA39}, {0xA59, 0xA5C}, {0xA5E, 0xA5E}, {0xA72, 0xA74}, {0xA85, 0xA8D}, {0xA8F, 0xA91},
    {0xA93, 0xAA8}, {0xAAA, 0xAB0}, {0xAB2, 0xAB3}, {0xAB5, 0xAB9}, {0xABD, 0xABD}, {0xAD0, 0xAD0},
    {0xAE0, 0xAE1}, {0xAF9, 0xAF9}, {0xB05, 0xB0C}, {0xB0F, 0xB10}, {0xB13, 0xB28}, {0xB2A, 0xB30},
    {0xB32, 0xB33}, {0xB35, 0xB39}, {0xB3D, 0xB3D}, {0xB5C, 0xB5D}, {0xB5F, 0xB61}, {0xB71, 0xB71},
    {0xB83, 0xB83}, {0xB85, 0xB8A}, {0xB8E, 0xB90}, {0xB92, 0xB95}, {0xB99, 0xB9A}, {0xB9C, 0xB9C},
    {0xB9E, 0xB9F}, {0xBA3, 0xBA4}, {0xBA8, 0xBAA}, {0xBAE, 0xBB9}, {0xBD0, 0xBD0}, {0xC05, 0xC0C},
    {0xC0E, 0xC10}, {0xC12, 0xC28}, {0xC2A, 0xC39}, {0xC3D, 0xC3D}, {0xC58, 0xC5A}, {0xC60, 0xC61},
    {0xC80, 0xC80}, {0xC85, 0xC8C}, {0xC8E, 0xC90}, {0xC92, 0xCA8}, {0xCAA, 0xCB3}, {0xCB5, 0xCB9},
    {0xCBD, 0xCBD}, {0xCDE, 0xCDE}, {0xCE0, 0xCE1}, {0xCF1, 0xCF2}, {0xD04, 0xD0C}, {0xD0E, 0xD10},
    {0xD12, 0xD3A}, {0xD3D, 0xD3D}, {0xD4E, 0xD4E}, {0xD54, 0xD56}, {0xD5F, 0xD61}, {0xD7A, 0xD7F},
    {0xD85, 0xD96}, {0xD9A, 0xDB1}, {0xDB3, 0xDBB}, {0xDBD, 0xDBD}, {0xDC0, 0xDC6}, {0xE01, 0xE30},
    {0xE32, 0xE33}, {0xE40, 0xE46}, {0xE81, 0xE82}, {0xE84, 0xE84}, {0xE86, 0xE8A}, {0xE8C, 0xEA3},
    {0xEA5, 0xEA5}, {0xEA7, 0xEB0}, {0xEB2, 0xEB3}, {0xEBD, 0xEBD}, {0xEC0, 0xEC4}, {0xEC6, 0xEC6},
    {0xEDC, 0xEDF}, {0xF00, 0xF00}, {0xF40, 0xF47}, {0xF49, 0xF6C}, {0xF88, 0xF8C},
    {0x1000, 0x102A}, {0x103F, 0x103F}, {0x1050, 0x1055}, {0x105A, 0x105D}, {0x1061, 0x1061},
    {0x1065, 0x1066}, {0x106E, 0x1070}, {0x1075, 0x1081}, {0x108E, 0x108E}, {0x10A0, 0x10C5},
    {0x10C7, 0x10C7}, {0x10CD, 0x10CD}, {0x10D0, 0x10FA}, {0x10FC, 0x1248}, {0x124A, 0x124D},
    {0x1250, 0x1256}, {0x1258, 0x1258}, {0x125A, 0x125D}, {0x1260, 0x1288}, {0x128A, 0x128D},
    {0x1290, 0x12B0}, {0x12B2, 0x12B5}, {0x12B8, 0x12BE}, {0x12C0, 0x12C0}, {0x12C2, 0x12C5},
    {0x12C8, 0x12D6}, {0x12D8, 0x1310}, {0x1312, 0x1315}, {0x1318, 0x135A}, {0x1380, 0x138F},
    {0x13A0, 0x13F5}, {0x13F8, 0x13FD}, {0x1401, 0x166C}, {0x166F, 0x167F}, {0x1681, 0x169A},
    {0x16A0, 0x16EA}, {0x16F1, 0x16F8}, {0x1700, 0x170C}, {0x170E, 0x1711}, {0x1720, 0x1731},
    {0x1740, 0x1751}, {0x1760, 0x176C}, {0x176E, 0x1770}, {0x1780, 0x17B3}, {0x17D7, 0x17D7},
    {0x17DC, 0x17DC}, {0x1820, 0x1878}, {0x1880, 0x1884}, {0x1887, 0x18A8}, {0x18AA, 0x18AA},
    {0x18B0, 0x18F5}, {0x1900, 0x191E}, {0x1950, 0x196D}, {0x1970, 0x1974}, {0x1980, 0x19AB},
    {0x19B0, 0x19C9}, {0x1A00, 0x1A16}, {0x1A20, 0x1A54}, {0x1AA7, 0x1AA7}, {0x1B05, 0x1B33},
    {0x1B45, 0x1B4B}, {0x1B83, 0x1BA0}, {0x1BAE, 0x1BAF}, {0x1BBA, 0x1BE5}, {0x1C00, 0x1C23},
    {0x1C4D, 0x1C4F}, {0x1C5A, 0x1C7D}, {0x1C80, 0x1C88}, {0x1C90, 0x1CBA}, {0x1CBD, 0x1CBF},
    {0x1CE9, 0x1CEC}, {0x1CEE, 0x1CF3}, {0x1CF5, 0x1CF6}, {0x1CFA, 0x1CFA}, {0x1D00, 0x1DBF},
    {0x1E00, 0x1F15}, {0x1F18, 0x1F1D}, {0x1F20, 0x1F45}, {0x1F48, 0x1F4D}, {0x1F50, 0x1F57},
    {0x1F59, 0x1F59}, {0x1F5B, 0x1F5B}, {0x1F5D, 0x1F5D}, {0x1F5F, 0x1F7D}, {0x1F80, 0x1FB4},
    {0x1FB6, 0x1FBC}, {0x1FBE, 0x1FBE}, {0x1FC2, 0x1FC4}, {0x1FC6, 0x1FCC}, {0x1FD0, 0x1FD3},
    {0x1FD6, 0x1FDB}, {0x1FE0, 0x1FEC}, {0x1FF2, 0x1FF4}, {0x1FF6, 0x1FFC}, {0x2071, 0x2071},
    {0x207F, 0x207F}, {0x2090, 0x209C}, {0x2102, 0x2102}, {0x2107, 0x2107}, {0x210A, 0x2113},
    {0x2115, 0x2115}, {0x2119, 0x211D}, {0x2124, 0x2124}, {0x2126, 0x2126}, {0x2128, 0x2128},
    {0x212A, 0x212D}, {0x212F, 0x2139}, {0x213C, 0x213F}, {0x2145, 0x2149}, {0x214E, 0x214E},
    {0x2183, 0x2184}, {0x2C00, 0x2C2E}, {0x2C30, 0x2C5E}, {0x2C60, 0x2CE4}, {0x2CEB, 0x2CEE},
    {0x2CF2, 0x2CF3}, {0x2D00, 0x2D25}, {0x2D27, 0x2D27}, {0x2D2D, 0x2D2D}, {0x2D30, 0x2D67},
    {0x2D6F, 0x2D6F}, {0x2D80, 0x2D96}, {0x2DA0, 0x2DA6}, {0x2DA8, 0x2DAE}, {0x2DB0, 0x2DB6},
    {0x2DB8, 0x2DBE}, {0x2DC0, 0x2DC6}, {0x2DC8, 0x2DCE}, {0x2DD0, 0x2DD6}, {0x2DD8, 0x2DDE},
    {0x2E2F, 0x2E2F}, {0x3005, 0x3006}, {0x3031, 0x3035}, {0x303B, 0x303C}, {0x3041, 0x3096},
    {0x309D, 0x309F}, {0x30A1, 0x30FA}, {0x30FC, 0x30FF}, {0x3105, 0x312F}, {0x3131, 0x318E},
    {0x31A0, 0x31BF}, {0x31F0, 0x31FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFC}, {0xA000, 0xA48C},
    {0xA4D0, 0xA4FD}, {0xA500, 0xA60C}, {0xA610, 0xA61F}, {0xA62A, 0xA62B}, {0xA640, 0xA66E},
    {0xA67F, 0xA69D}, {0xA6A0, 0xA6E5}, {0xA717, 0xA71F}, {0xA722, 0xA788}, {0xA78B, 0xA7BF},
    {0xA7C2, 0xA7CA}, {0xA7F5, 0xA801}, {0xA803, 0xA805}, {0xA807, 0xA80A}, {0xA80C, 0xA822},
    {0xA840, 0xA873}, {0xA882, 0xA8B3}, {0xA8F2, 0xA8F7}, {0xA8FB, 0xA8FB}, {0xA8FD, 0xA8FE},
    {0xA90A, 0xA925}, {0xA930, 0xA946}, {0xA960, 0xA97C}, {0xA984, 0xA9B2}, {0xA9CF, 0xA9CF},
    {0xA9E0, 0xA9E4}, {0xA9E6, 0xA9EF}, {0xA9FA, 0xA9FE}, {0xAA00, 0xAA28}, {0xAA40, 0xAA42},
    {0xAA44, 0xAA4B}, {0xAA60, 0xAA76}, {0xAA7A, 0xAA7A}, {0xAA7E, 0xAAAF}, {0xAAB1, 0xAAB1},
    {0xAAB5, 0xAAB6}, {0xAAB9, 0xAABD}, {0xAAC0, 0xAAC0}, {0xAAC2, 0xAAC2}, {0xAADB, 0xAADD},
    {0xAAE0, 0xAAEA}, {0xAAF2, 0xAAF4}, {0xAB01, 0xAB06}, {0xAB09, 0xAB0E}, {0xAB11, 0xAB16},
    {0xAB20, 0xAB26}, {0xAB28, 0xAB2E}, {0xAB30, 0xAB5A}, {0xAB5C, 0xAB69}, {0xAB70, 0xABE2},
    {0xAC00, 0xD7A3}, {0xD7B0, 0xD7C6}, {0xD7CB, 0xD7FB}, {0xF900, 0xFA6D}, {0xFA70, 0xFAD9},
    {0xFB00, 0xFB06}, {0xFB13, 0xFB17}, {0xFB1D, 0xFB1D}, {0xFB1F, 0xFB28}, {0xFB2A, 0xFB36},
    {0xFB38, 0xFB3C}, {0xFB3E, 0xFB3E}, {0xFB40, 0xFB41}, {0xFB43, 0xFB44}, {0xFB46, 0xFBB1},
    {0xFBD3, 0xFD3D}, {0xFD50, 0xFD8F}, {0xFD92, 0xFDC7}, {0xFDF0, 0xFDFB}, {0xFE70, 0xFE74},
    {0xFE76, 0xFEFC}, {0xFF21, 0xFF3A}, {0xFF41, 0xFF5A}, {0xFF66, 0xFFBE}, {0xFFC2, 0xFFC7},
    {0xFFCA, 0xFFCF}, {0xFFD2, 0xFFD7}, {0xFFDA, 0xFFDC}, {0x10000, 0x1000B}, {0x1000D, 0x10026},
    {0x10028, 0x1003A}, {0x1003C, 0x1003D}, {0x1003F, 0x1004D}, {0x10050, 0x1005D},
    {0x10080, 0x100FA}, {0x10280, 0x1029C}, {0x102A0, 0x102D0}, {0x10300, 0x1031F},
    {0x1032D, 0x10340}, {0x10342, 0x10349}, {0x10350, 0x10375}, {0x10380, 0x1039D},
    {0x103A0, 0x103C3}, {0x103C8, 0x103CF}, {0x10400, 0x1049D}, {0x104B0, 0x104D3},
    {0x104D8, 0x104FB}, {0x10500, 0x10527}, {0x10530, 0x10563}, {0x10600, 0x10736},
    {0x10740, 0x10755}, {0x10760, 0x10767}, {0x10800, 0x10805}, {0x10808, 0x10808},
    {0x1080A, 0x10835}, {0x10837, 0x10838}, {0x1083C, 0x1083C}, {0x1083F, 0x10855},
    {0x10860, 0x10876}, {0x10880, 0x1089E}, {0x108E0, 0x108F2}, {0x108F4, 0x108F5},
    {0x10900, 0x10915}, {0x10920, 0x10939}, {0x10980, 0x109B7}, {0x109BE, 0x109BF},
    {0x10A00, 0x10A00}, {0x10A10, 0x10A13}, {0x10A15, 0x10A17}, {0x10A19, 0x10A35},
    {0x10A60, 0x10A7C}, {0x10A80, 0x10A9C}, {0x10AC0, 0x10AC7}, {0x10AC9, 0x10AE4},
    {0x10B00, 0x10B35}, {0x10B40, 0x10B55}, {0x10B60, 0x10B72}, {0x10B80, 0x10B91},
    {0x10C00, 0x10C48}, {0x10C80, 0x10CB2}, {0x10CC0, 0x10CF2}, {0x10D00, 0x10D23},
    {0x10E80, 0x10EA9}, {0x10EB0, 0x10EB1}, {0x10F00, 0x10F1C}, {0x10F27, 0x10F27},
    {0x10F30, 0x10F45}, {0x10FB0, 0x10FC4}, {0x10FE0, 0x10FF6}, {0x11003, 0x11037},
    {0x11083, 0x110AF}, {0x110D0, 0x110E8}, {0x11103, 0x11126}, {0x11144, 0x11144},
    {0x11147, 0x11147}, {0x11150, 0x11172}, {0x11176, 0x11176}, {0x11183, 0x111B2},
    {0x111C1, 0x111C4}, {0x111DA, 0x111DA}, {0x111DC, 0x111DC}, {0x11200, 0x11211},
    {0x11213, 0x1122B}, {0x11280, 0x11286}, {0x11288, 0x11288}, {0x1128A, 0x1128D},
    {0x1128F, 0x1129D}, {0x1129F, 0x112A8}, {0x112B0, 0x112DE}, {0x11305, 0x1130C},
    {0x1130F, 0x11310}, {0x11313, 0x11328}, {0x1132A, 0x11330}, {0x11332, 0x11333},
    {0x11335, 0x11339}, {0x1133D, 0x1133D}, {0x11350, 0x11350}, {0x1135D, 0x11361},
    {0x11400, 0x11434}, {0x11447, 0x1144A}, {0x1145F, 0x11461}, {0x11480, 0x114AF},
    {0x114C4, 0x114C5}, {0x114C7, 0x114C7}, {0x11580, 0x115AE}, {0x115D8, 0x115DB},
    {0x11600, 0x1162F}, {0x11644, 0x11644}, {0x11680, 0x116AA}, {0x116B8, 0x116B8},
    {0x11700, 0x1171A}, {0x11800, 0x1182B}, {0x118A0, 0x118DF}, {0x118FF, 0x11906},
    {0x11909, 0x11909}, {0x1190C, 0x11913}, {0x11915, 0x11916}, {0x11918, 0x1192F},
    {0x1193F, 0x1193F}, {0x11941, 0x11941}, {0x119A0, 0x119A7}, {0x119AA, 0x119D0},
    {0x119E1, 0x119E1}, {0x119E3, 0x119E3}, {0x11A00, 0x11A00}, {0x11A0B, 0x11A32},
    {0x11A3A, 0x11A3A}, {0x11A50, 0x11A50}, {0x11A5C, 0x11A89}, {0x11A9D, 0x11A9D},
    {0x11AC0, 0x11AF8}, {0x11C00, 0x11C08}, {0x11C0A, 0x11C2E}, {0x11C40, 0x11C40},
    {0x11C72, 0x11C8F}, {0x11D00, 0x11D06}, {0x11D08, 0x11D09}, {0x11D0B, 0x11D30},
    {0x11D46, 0x11D46}, {0x11D60, 0x11D65}, {0x11D67, 0x11D68}, {0x11D6A, 0x11D89},
    {0x11D98, 0x11D98}, {0x11EE0, 0x11EF2}, {0x11FB0, 0x11FB0}, {0x12000, 0x12399},
    {0x12480, 0x12543}, {0x13000, 0x1342E}, {0x14400, 0x14646}, {0x16800, 0x16A38},
    {0x16A40, 0x16A5E}, {0x16AD0, 0x16AED}, {0x16B00, 0x16B2F}, {0x16B40, 0x16B43},
    {0x16B63, 0x16B77}, {0x16B7D, 0x16B8F}, {0x16E40, 0x16E7F}, {0x16F00, 0x16F4A},
    {0x16F50, 0x16F50}, {0x16F93, 0x16F9F}, {0x16FE0, 0x16FE1}, {0x16FE3, 0x16FE3},
    {0x17000, 0x187F7}, {0x18800, 0x18CD5}, {0x18D00, 0x18D08}, {0x1B000, 0x1B11E},
    {0x1B150, 0x1B152}, {0x1B164, 0x1B167}, {0x1B170, 0x1B2FB}, {0x1BC00, 0x1BC6A},
    {0x1BC70, 0x1BC7C}, {0x1BC80, 0x1BC88}, {0x1BC90, 0x1BC99}, {0x1D400, 0x1D454},
    {0x1D456, 0x1D49C}, {0x1D49E, 0x1D49F}, {0x1D4A2, 0x1D4A2}, {0x1D4A5, 0x1D4A6},
    {0x1D4A9, 0x1D4AC}, {0x1D4AE, 0x1D4B9}, {0x1D4BB, 0x1D4BB}, {0x1D4BD, 0x1D4C3},
    {0x1D4C5, 0x1D505}, {0x1D507, 0x1D50A}, {0x1D50D, 0x1D514}, {0x1D516, 0x1D51C},
    {0x1D51E, 0x1D539}, {0x1D53B, 0x1D53E}, {0x1D540, 0x1D544}, {0x1D546, 0x1D546},
    {0x1D54A, 0x1D550}, {0x1D552, 0x1D6A5}, {0x1D6A8, 0x1D6C0}, {0x1D6C2, 0x1D6DA},
    {0x1D6DC, 0x1D6FA}, {0x1D6FC, 0x1D714}, {0x1D716, 0x1D734}, {0x1D736, 0x1D74E},
    {0x1D750, 0x1D76E}, {0x1D770, 0x1D788}, {0x1D78A, 0x1D7A8}, {0x1D7AA, 0x1D7C2},
    {0x1D7C4, 0x1D7CB}, {0x1E100, 0x1E12C}, {0x1E137, 0x1E13D}, {0x1E14E, 0x1E14E},
    {0x1E2C0, 0x1E2EB}, {0x1E800, 0x1E8C4}, {0x1E900, 0x1E943}, {0x1E94B, 0x1E94B},
    {0x1EE00, 0x1EE03}, {0x1EE05, 0x1EE1F}, {0x1EE21, 0x1EE22}, {0x1EE24, 0x1EE24},
    {0x1EE27, 0x1EE27}, {0x1EE29, 0x1EE32}, {0x1EE34, 0x1EE37}, {0x1EE39, 0x1EE39},
    {0x1EE3B, 0x1EE3B}, {0x1EE42, 0x1EE42}, {0x1EE47, 0x1EE47}, {0x1EE49, 0x1EE49},
    {0x1EE4B, 0x1EE4B}, {0x1EE4D, 0x1EE4F}, {0x1EE51, 0x1EE52}, {0x1EE54, 0x1EE54},
    {0x1EE57, 0x1EE57}, {0x1EE59, 0x1EE59}, {0x1EE5B, 0x1EE5B}, {0x1EE5D, 0x1EE5D},
    {0x1EE5F, 0x1EE5F}, {0x1EE61, 0x1EE62}, {0x1EE64, 0x1EE64}, {0x1EE67, 0x1EE6A},
    {0x1EE6C, 0x1EE72}, {0x1EE74, 0x1EE77}, {0x1EE79, 0x1EE7C}, {0x1EE7E, 0x1EE7E},
    {0x1EE80, 0x1EE89}, {0x1EE8B, 0x1EE9B}, {0x1EEA1, 0x1EEA3}, {0x1EEA5, 0x1EEA9},
    {0x1EEAB, 0x1EEBB}, {0x20000, 0x2A6DD}, {0x2A700, 0x2B734}, {0x2B740, 0x2B81D},
    {0x2B820, 0x2CEA1}, {0x2CEB0, 0x2EBE0}, {0x2F800, 0x2FA1D}, {0x30000, 0x3134A},
};
constexpr CodeRange kDigits[] = {
    {0x660, 0x669}, {0x6F0, 0x6F9}, {0x7C0, 0x7C9}, {0x966, 0x96F}, {0x9E6, 0x9EF}, {0xA66, 0xA6F},
    {0xAE6, 0xAEF}, {0xB66, 0xB6F}, {0xBE6, 0xBEF}, {0xC66, 0xC6F}, {0xCE6, 0xCEF}, {0xD66, 0xD6F},
    {0xDE6, 0xDEF}, {0xE50, 0xE59}, {0xED0, 0xED9}, {0xF20, 0xF29}, {0x1040, 0x1049},
    {0x1090, 0x1099}, {0x17E0, 0x17E9}, {0x1810, 0x1819}, {0x1946, 0x194F}, {0x19D0, 0x19D9},
    {0x1A80, 0x1A89}, {0x1A90, 0x1A99}, {0x1B50, 0x1B59}, {0x1BB0, 0x1BB9}, {0x1C40, 0x1C49},
    {0x1C50, 0x1C59}, {0xA620, 0xA629}, {0xA8D0, 0xA8D9}, {0xA900, 0xA909}, {0xA9D0, 0xA9D9},
    {0xA9F0, 0xA9F9}, {0xAA50, 0xAA59}, {0xABF0, 0xABF9}, {0xFF10, 0xFF19}, {0x104A0, 0x104A9},
    {0x10D30, 0x10D39}, {0x11066, 0x1106F}, {0x110F0, 0x110F9}, {0x11136, 0x1113F},
    {0x111D0, 0x111D9}, {0x112F0, 0x112F9}, {0x11450, 0x11459}, {0x114D0, 0x114D9},
    {0x11650, 0x11659}, {0x116C0, 0x116C9}, {0x11730, 0x11739}, {0x118E0, 0x118E9},
    {0x11950, 0x11959}, {0x11C50, 0x11C59}, {0x11D50, 0x11D59}, {0x11DA0, 0x11DA9},
    {0x16A60, 0x16A69}, {0x16B50, 0x16B59}, {0x1D7CE, 0x1D7FF}, {0x1E140, 0x1E149},
    {0x1E2F0, 0x1E2F9}, {0x1E950, 0x1E959}, {0x1FBF0, 0x1FBF9},
};
constexpr CodeRange kUnprintable[] = {
    {0x80, 0xA0}, {0xAD, 0xAD}, {0x600, 0x605}, {0x61C, 0x61C}, {0x6DD, 0x6DD}, {0x70F, 0x70F},
    {0x8E2, 0x8E2}, {0x1680, 0x1680}, {0x180E, 0x180E}, {0x2000, 0x200F}, {0x2028, 0x202F},
    {0x205F, 0x2064}, {0x2066, 0x206F}, {0x3000, 0x3000}, {0xE000, 0xF8FF}, {0xFEFF, 0xFEFF},
    {0xFFF9, 0xFFFB}, {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x13430, 0x13438},
    {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F},
    {0xF0000, 0xFFFFD}, {0x100000, 0x10FFFD},
};
// clang-format on

bool in_ranges(const CodeRange* begin, const CodeRange* end, std::uint32_t r) {
  // The first range whose end is >= r is the only one that can hold r.
  const CodeRange* it =
      std::lower_bound(begin, end, r, [](const CodeRange& range, std::uint32_t value) {
        return range.last < value;
      });
  return it != end && it->first <= r;
}

constexpr std::int32_t lower(std::int32_t c) { return c | 0x20; }  // ASCII letters only
constexpr bool is_ascii_letter(std::int32_t c) {
  return ('a' <= lower(c) && lower(c) <= 'z') || c == '_';
}
constexpr bool is_decimal(std::int32_t c) { return '0' <= c && c <= '9'; }
constexpr bool is_hex(std::int32_t c) {
  return is_decimal(c) || ('a' <= lower(c) && lower(c) <= 'f');
}

bool is_printable(std::uint32_t r) {
  if (r < 0x80) return r >= 0x20 && r < 0x7F;
  if (!text::valid_rune(r)) return false;
  return !in_ranges(std::begin(kUnprintable), std::end(kUnprintable), r);
}

std::string hex(std::uint32_t value, int width, bool upper) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, upper ? "%0*X" : "%0*x", width, value);
  return buffer;
}

std::string base_name(int base) {
  switch (base) {
    case 2: return "binary";
    case 8: return "octal";
    case 16: return "hexadecimal";
    default: return "decimal";
  }
}

// The index of the first '_' in a number literal that does not sit between two digits (a base
// prefix counts as a digit), or -1.
int invalid_separator(std::string_view x) {
  std::int32_t prefix = ' ';
  std::int32_t previous_kind = '.';  // '0' digit, '_' separator, '.' anything else
  std::size_t i = 0;
  if (x.size() >= 2 && x[0] == '0') {
    prefix = lower(x[1]);
    if (prefix == 'x' || prefix == 'o' || prefix == 'b') {
      previous_kind = '0';
      i = 2;
    }
  }
  std::int32_t kind = previous_kind;
  for (; i < x.size(); ++i) {
    previous_kind = kind;
    std::int32_t c = static_cast<unsigned char>(x[i]);
    if (c == '_') {
      kind = '_';
      if (previous_kind != '0') return static_cast<int>(i);
    } else if (is_decimal(c) || (prefix == 'x' && is_hex(c))) {
      kind = '0';
    } else {
      if (previous_kind == '_') return static_cast<int>(i) - 1;
      kind = '.';
    }
  }
  return kind == '_' ? static_cast<int>(x.size()) - 1 : -1;
}

}  // namespace

bool is_unicode_letter(std::uint32_t r) {
  if (r < 0x80) return ('a' <= (r | 0x20) && (r | 0x20) <= 'z');
  return in_ranges(std::begin(kLetters), std::end(kLetters), r);
}

bool is_unicode_digit(std::uint32_t r) {
  if (r < 0x80) return '0' <= r && r <= '9';
  return in_ranges(std::begin(kDigits), std::end(kDigits), r);
}

std::string format_code_point(std::uint32_t r) {
  std::string out = "U+" + hex(r, 4, true);
  if (is_printable(r) || r == ' ') {
    out += " '";
    text::encode(r, out);
    out += "'";
  }
  return out;
}

std::string quote_rune(std::uint32_t r) {
  if (!text::valid_rune(r)) r = text::kRuneError;
  std::string out = "'";
  if (r == '\'' || r == '\\') {
    out += '\\';
    out += static_cast<char>(r);
  } else if (is_printable(r) || r == ' ') {
    text::encode(r, out);
  } else {
    text::append_escape(out, static_cast<std::int32_t>(r));
  }
  return out + "'";
}

// ----------------------------------------------------------------------------------------------
// Reading characters

Lexer::Lexer(std::string_view source, Diagnostics& diags) : src_(source), diags_(diags) {
  advance();
}

void Lexer::seek(Pos pos) {
  std::size_t start = 0;
  for (std::uint32_t line = 1; line < pos.line && start < src_.size(); ++line) {
    std::size_t nl = src_.find('\n', start);
    start = nl == std::string_view::npos ? src_.size() : nl + 1;
  }
  line_ = pos.line;
  line_start_ = start;
  next_offset_ = std::min(src_.size(), start + (pos.col > 0 ? pos.col - 1 : 0));
  ch_ = ' ';
  nlsemi_ = false;
  advance();
}

Pos Lexer::here() const {
  return Pos{line_, static_cast<std::uint32_t>(offset_ - line_start_ + 1)};
}

void Lexer::error_here(std::string message) { report(here(), std::move(message)); }

// Diagnostics keeps one error per line, so a second one on the line of the previous is not even
// passed on: a line of garbage bytes (one error each) then costs nothing more.
void Lexer::report(Pos pos, std::string message) {
  ++errors_;
  if (pos.line == last_error_line_ || stopped_) return;
  last_error_line_ = pos.line;
  diags_.error(pos, std::move(message));
  if (diags_.size() >= kMaxErrorsPerFile) stop();
}

// Errors about a whole token are reported at its start, or at a byte offset into it (always on
// the token's first line: such offsets only point into number literals).
void Lexer::error_at_token(std::size_t byte_offset, std::string message) {
  Pos pos = token_pos_;
  pos.col += static_cast<std::uint32_t>(byte_offset);
  report(pos, std::move(message));
}

std::string_view Lexer::token_text() const {
  return src_.substr(token_offset_, offset_ - token_offset_);
}

// Moves to the next character. NUL bytes, invalid UTF-8 and byte order marks are reported and
// skipped here, so no scanning function ever sees them (as in gc, which does the same in its
// source reader); a BOM is silently skipped only as the file's first character.
void Lexer::advance() {
  for (;;) {
    if (ch_ == '\n') {
      ++line_;
      line_start_ = next_offset_;
    }
    offset_ = next_offset_;
    if (offset_ >= src_.size()) {
      ch_ = -1;
      return;
    }
    text::Decoded decoded = text::decode(src_, offset_);
    next_offset_ = offset_ + decoded.width;
    ch_ = decoded.rune;
    if (decoded.invalid()) {
      error_here("invalid UTF-8 encoding");
      continue;
    }
    std::uint32_t rune = static_cast<std::uint32_t>(decoded.rune);
    if (rune == 0) {
      error_here("invalid NUL character");
      continue;
    }
    if (rune == kByteOrderMark) {
      if (offset_ > 0) error_here("invalid BOM in the middle of the file");
      continue;
    }
    return;
  }
}

// ----------------------------------------------------------------------------------------------
// Tokens

Token Lexer::next() {
  Token token;
  if (stopped_) {
    token.pos = here();
    return token;
  }
  bool nlsemi = nlsemi_;
  nlsemi_ = false;
  while (!scan(nlsemi, token)) {
    if (stopped_) {  // too many errors in a run of garbage
      token = Token{};
      token.pos = here();
      break;
    }
  }
  return token;
}

bool Lexer::scan(bool nlsemi, Token& token) {
  while (ch_ == ' ' || ch_ == '\t' || (ch_ == '\n' && !nlsemi) || ch_ == '\r') advance();
  token = Token{};
  token_offset_ = offset_;
  token_pos_ = here();
  token.pos = token_pos_;

  if (is_ascii_letter(ch_) || (ch_ >= 0x80 && at_identifier_char(true))) {
    advance();
    scan_identifier(token);
    return true;
  }
  switch (ch_) {
    case -1:
      if (nlsemi) {
        token.tok = Tok::Semicolon;
        token.text = "EOF";
      }
      return true;
    case '\n':
      advance();
      token.tok = Tok::Semicolon;
      token.text = "newline";
      return true;
    case '"':
      scan_string(token);
      return true;
    case '`':
      scan_raw_string(token);
      return true;
    case '\'':
      scan_rune(token);
      return true;
    case '/':
      return scan_slash(nlsemi, token);
    default:
      break;
  }
  if (is_decimal(ch_)) {
    scan_number(token, false);
    return true;
  }
  if (scan_operator(token)) return true;
  error_here("invalid character " + format_code_point(static_cast<std::uint32_t>(ch_)));
  advance();
  return false;
}

// A comment (nothing to return unless it acts as a newline), `/` or `/=`.
bool Lexer::scan_slash(bool nlsemi, Token& token) {
  advance();
  if (ch_ == '/') {
    advance();
    skip_line_comment();
    return false;
  }
  if (ch_ == '*') {
    advance();
    skip_block_comment();
    // A comment spanning lines ends the line it started on.
    if (line_ > token_pos_.line && nlsemi) {
      token.tok = Tok::Semicolon;
      token.text = "newline";
      return true;
    }
    return false;
  }
  token.tok = Tok::Quo;
  if (ch_ == '=') {
    advance();
    token.tok = Tok::QuoAssign;
  }
  return true;
}

// identifier = letter { letter | unicode_digit } . (the first character is already consumed)
void Lexer::scan_identifier(Token& token) {
  while (is_ascii_letter(ch_) || is_decimal(ch_)) advance();
  if (ch_ >= 0x80) {
    while (at_identifier_char(false)) advance();
  }
  std::string_view text = token_text();
  if (text.size() >= 2) {
    for (int t = static_cast<int>(Tok::Break); t <= static_cast<int>(Tok::Var); ++t) {
      auto keyword = static_cast<Tok>(t);
      if (spelling(keyword) == text) {
        token.tok = keyword;
        nlsemi_ = keyword == Tok::Break || keyword == Tok::Continue ||
                  keyword == Tok::Fallthrough || keyword == Tok::Return;
        return;
      }
    }
  }
  token.tok = Tok::Ident;
  token.text = text;
  nlsemi_ = true;
}

// Whether ch_ continues an identifier. Like gc, a digit or any other non-ASCII character is taken
// into the identifier after reporting it, so that one bad character gives one error.
bool Lexer::at_identifier_char(bool first) {
  if (ch_ < 0) return false;
  auto r = static_cast<std::uint32_t>(ch_);
  if (is_unicode_letter(r) || r == '_') return true;
  if (is_unicode_digit(r)) {
    if (first) error_here("identifier cannot begin with digit " + format_code_point(r));
    return true;
  }
  if (r >= 0x80) {
    error_here("invalid character " + format_code_point(r) + " in identifier");
    return true;
  }
  return false;
}

// { digit | '_' } in `base`. Returns bit 0 set if a digit was seen, bit 1 if a '_' was. For bases
// up to 10 any decimal digit is accepted, and the offset of the first one too large for the base
// goes to *invalid, to be reported once the literal is known to be an integer ("09.5" is fine).
int Lexer::scan_digits(int base, int* invalid) {
  int seen = 0;
  if (base <= 10) {
    std::int32_t max = '0' + base;
    while (is_decimal(ch_) || ch_ == '_') {
      if (ch_ == '_') {
        seen |= 2;
      } else {
        seen |= 1;
        if (ch_ >= max && invalid != nullptr && *invalid < 0) {
          *invalid = static_cast<int>(offset_ - token_offset_);
        }
      }
      advance();
    }
  } else {
    while (is_hex(ch_) || ch_ == '_') {
      seen |= ch_ == '_' ? 2 : 1;
      advance();
    }
  }
  return seen;
}

// int_lit, float_lit, imaginary_lit: every form, checked as gc checks it; one error per literal.
void Lexer::scan_number(Token& token, bool seen_point) {
  Number number;
  if (!seen_point) {
    scan_integer_part(number);
    seen_point = ch_ == '.';
    if (seen_point) {
      if (number.prefix == 'o' || number.prefix == 'b') {
        error_here("invalid radix point in " + base_name(number.base) + " literal");
        number.ok = false;
      }
      advance();
    }
  }
  if (seen_point) {
    number.kind = Tok::Float;
    number.seen |= scan_digits(number.base, &number.invalid);
  }
  if ((number.seen & 1) == 0 && number.ok) {
    error_here(base_name(number.base) + " literal has no digits");
    number.ok = false;
  }
  scan_exponent(number);
  if (ch_ == 'i') {
    number.kind = Tok::Imag;
    advance();
  }
  finish_literal(token, number.kind, number.ok);
  check_number(token, number);
}

// [ "0" ( "x" | "o" | "b" ) ] digits, or a legacy octal 0777.
void Lexer::scan_integer_part(Number& number) {
  if (ch_ == '0') {
    advance();
    switch (lower(ch_)) {
      case 'x': advance(); number.base = 16; number.prefix = 'x'; break;
      case 'o': advance(); number.base = 8; number.prefix = 'o'; break;
      case 'b': advance(); number.base = 2; number.prefix = 'b'; break;
      default: number.base = 8; number.prefix = '0'; number.seen = 1; break;  // the 0 is a digit
    }
  }
  number.seen |= scan_digits(number.base, &number.invalid);
}

// [ ( "e" | "p" ) [ "+" | "-" ] decimal_digits ]; a hexadecimal mantissa requires "p".
void Lexer::scan_exponent(Number& number) {
  std::int32_t exponent = lower(ch_);
  if (exponent != 'e' && exponent != 'p') {
    if (number.prefix == 'x' && number.kind == Tok::Float && number.ok) {
      error_here("hexadecimal mantissa requires a 'p' exponent");
      number.ok = false;
    }
    return;
  }
  if (number.ok) {
    std::string letter = quote_rune(static_cast<std::uint32_t>(ch_));
    if (exponent == 'e' && number.prefix != 0 && number.prefix != '0') {
      error_here(letter + " exponent requires decimal mantissa");
      number.ok = false;
    } else if (exponent == 'p' && number.prefix != 'x') {
      error_here(letter + " exponent requires hexadecimal mantissa");
      number.ok = false;
    }
  }
  advance();
  number.kind = Tok::Float;
  if (ch_ == '+' || ch_ == '-') advance();
  number.seen = scan_digits(10, nullptr) | (number.seen & 2);
  if ((number.seen & 1) == 0 && number.ok) {
    error_here("exponent has no digits");
    number.ok = false;
  }
}

// The checks that need the whole literal: digits too large for the base (an integer's only:
// "09.5" is a fine float) and misplaced '_' separators. Reported at the offending byte.
void Lexer::check_number(Token& token, Number& number) {
  if (number.kind == Tok::Int && number.invalid >= 0 && number.ok) {
    std::string digit(1, token.text[static_cast<std::size_t>(number.invalid)]);
    error_at_token(static_cast<std::size_t>(number.invalid),
                   "invalid digit '" + digit + "' in " + base_name(number.base) + " literal");
    number.ok = false;
  }
  if ((number.seen & 2) != 0 && number.ok) {
    int at = invalid_separator(token.text);
    if (at >= 0) {
      error_at_token(static_cast<std::size_t>(at), "'_' must separate successive digits");
      number.ok = false;
    }
  }
  token.bad = !number.ok;
}

// Interpreted string literal; the opening quote is ch_.
void Lexer::scan_string(Token& token) {
  bool ok = true;
  advance();
  for (;;) {
    if (ch_ == '"') {
      advance();
      break;
    }
    if (ch_ == '\\') {
      advance();
      if (!scan_escape('"')) ok = false;
      continue;
    }
    if (ch_ == '\n') {
      error_here("newline in string");
      ok = false;
      break;
    }
    if (ch_ < 0) {
      error_at_token(0, "string not terminated");
      ok = false;
      break;
    }
    advance();
  }
  finish_literal(token, Tok::String, ok);
}

// Raw string literal; carriage returns stay in the text (unquote_string drops them).
void Lexer::scan_raw_string(Token& token) {
  bool ok = true;
  advance();
  for (;;) {
    if (ch_ == '`') {
      advance();
      break;
    }
    if (ch_ < 0) {
      error_at_token(0, "string not terminated");
      ok = false;
      break;
    }
    advance();
  }
  finish_literal(token, Tok::String, ok);
}

// rune_lit = "'" ( unicode_value | byte_value ) "'" . Only the first problem is reported.
void Lexer::scan_rune(Token& token) {
  bool ok = true;
  advance();
  for (int n = 0;; ++n) {
    if (ch_ == '\'') {
      if (ok && n == 0) {
        error_here("empty rune literal or unescaped '");
        ok = false;
      } else if (ok && n != 1) {
        error_at_token(0, "more than one character in rune literal");
        ok = false;
      }
      advance();
      break;
    }
    if (ch_ == '\\') {
      advance();
      if (!scan_escape('\'')) ok = false;
      continue;
    }
    if (ch_ == '\n') {
      if (ok) error_here("newline in rune literal");
      ok = false;
      break;
    }
    if (ch_ < 0) {
      if (ok) error_at_token(0, "rune literal not terminated");
      ok = false;
      break;
    }
    advance();
  }
  finish_literal(token, Tok::Char, ok);
}

// The escape after a backslash (ch_ is the character after it). An unknown escape letter is left
// unconsumed, as gc does, so the literal continues normally after the report. At the end of the
// file it reports nothing: the caller reports the unterminated literal.
bool Lexer::scan_escape(char quote) {
  int digits = 0;
  std::uint32_t base = 0, max = 0;
  switch (ch_) {
    case 'a': case 'b': case 'f': case 'n': case 'r': case 't': case 'v': case '\\':
      advance();
      return true;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
      digits = 3, base = 8, max = 255;
      break;
    case 'x':
      advance();
      digits = 2, base = 16, max = 255;
      break;
    case 'u':
      advance();
      digits = 4, base = 16, max = text::kMaxRune;
      break;
    case 'U':
      advance();
      digits = 8, base = 16, max = text::kMaxRune;
      break;
    default:
      if (ch_ == quote) {
        advance();
        return true;
      }
      if (ch_ < 0) return true;
      error_here("unknown escape");
      return false;
  }
  std::uint32_t value = 0;
  for (int i = digits; i > 0; --i) {
    if (ch_ < 0) return true;
    std::uint32_t digit = base;
    if (is_decimal(ch_)) {
      digit = static_cast<std::uint32_t>(ch_ - '0');
    } else if ('a' <= lower(ch_) && lower(ch_) <= 'f') {
      digit = static_cast<std::uint32_t>(lower(ch_) - 'a' + 10);
    }
    if (digit >= base) {
      error_here("invalid character " + quote_rune(static_cast<std::uint32_t>(ch_)) + " in " +
                 base_name(static_cast<int>(base)) + " escape");
      return false;
    }
    value = value * base + digit;
    advance();
  }
  if (value > max && base == 8) {
    error_here("octal escape value " + std::to_string(value) + " > 255");
    return false;
  }
  if (value > max || (value >= 0xD800 && value < 0xE000)) {
    error_here("escape is invalid Unicode code point " + format_code_point(value));
    return false;
  }
  return true;
}

// The newline is left for scan(): it may become a Semicolon.
void Lexer::skip_line_comment() {
  while (ch_ >= 0 && ch_ != '\n') advance();
}

bool Lexer::skip_block_comment() {
  while (ch_ >= 0) {
    while (ch_ == '*') {
      advance();
      if (ch_ == '/') {
        advance();
        return true;
      }
    }
    advance();
  }
  error_at_token(0, "comment not terminated");
  return false;
}

void Lexer::finish_literal(Token& token, Tok kind, bool ok) {
  nlsemi_ = true;
  token.tok = kind;
  token.text = token_text();
  token.bad = !ok;
}

// Operators and punctuation. `op=` forms follow their operator; `&&`, `||`, `<-`, `++`, `--`,
// `:=`, `...` and the comparisons are matched explicitly.
bool Lexer::scan_operator(Token& token) {
  auto with_assign = [&](Tok plain, Tok assign) {
    if (ch_ == '=') {
      advance();
      token.tok = assign;
    } else {
      token.tok = plain;
    }
  };
  auto pick = [&](char second, Tok two, Tok one) {
    if (ch_ == second) {
      advance();
      token.tok = two;
    } else {
      token.tok = one;
    }
  };
  std::int32_t c = ch_;
  switch (c) {
    case '(': advance(); token.tok = Tok::LParen; return true;
    case '[': advance(); token.tok = Tok::LBrack; return true;
    case '{': advance(); token.tok = Tok::LBrace; return true;
    case ',': advance(); token.tok = Tok::Comma; return true;
    case ';':
      advance();
      token.tok = Tok::Semicolon;
      token.text = "semicolon";
      return true;
    case ')': advance(); nlsemi_ = true; token.tok = Tok::RParen; return true;
    case ']': advance(); nlsemi_ = true; token.tok = Tok::RBrack; return true;
    case '}': advance(); nlsemi_ = true; token.tok = Tok::RBrace; return true;
    case ':': advance(); pick('=', Tok::Define, Tok::Colon); return true;
    case '.':
      advance();
      if (is_decimal(ch_)) {
        scan_number(token, true);
        return true;
      }
      if (ch_ == '.' && next_offset_ < src_.size() && src_[next_offset_] == '.') {
        advance();
        advance();
        token.tok = Tok::Ellipsis;
        return true;
      }
      token.tok = Tok::Period;
      return true;
    case '+':
    case '-':
      advance();
      if (ch_ == c) {
        advance();
        nlsemi_ = true;
        token.tok = c == '+' ? Tok::Inc : Tok::Dec;
        return true;
      }
      with_assign(c == '+' ? Tok::Add : Tok::Sub, c == '+' ? Tok::AddAssign : Tok::SubAssign);
      return true;
    case '*': advance(); with_assign(Tok::Mul, Tok::MulAssign); return true;
    case '%': advance(); with_assign(Tok::Rem, Tok::RemAssign); return true;
    case '^': advance(); with_assign(Tok::Xor, Tok::XorAssign); return true;
    case '~': advance(); token.tok = Tok::Tilde; return true;
    case '&':
      advance();
      if (ch_ == '&') {
        advance();
        token.tok = Tok::LogAnd;
      } else if (ch_ == '^') {
        advance();
        with_assign(Tok::AndNot, Tok::AndNotAssign);
      } else {
        with_assign(Tok::And, Tok::AndAssign);
      }
      return true;
    case '|':
      advance();
      if (ch_ == '|') {
        advance();
        token.tok = Tok::LogOr;
      } else {
        with_assign(Tok::Or, Tok::OrAssign);
      }
      return true;
    case '<':
      advance();
      if (ch_ == '=') {
        advance();
        token.tok = Tok::Leq;
      } else if (ch_ == '<') {
        advance();
        with_assign(Tok::Shl, Tok::ShlAssign);
      } else {
        pick('-', Tok::Arrow, Tok::Lss);
      }
      return true;
    case '>':
      advance();
      if (ch_ == '>') {
        advance();
        with_assign(Tok::Shr, Tok::ShrAssign);
      } else {
        pick('=', Tok::Geq, Tok::Gtr);
      }
      return true;
    case '=': advance(); pick('=', Tok::Eql, Tok::Assign); return true;
    case '!': advance(); pick('=', Tok::Neq, Tok::Not); return true;
    default:
      return false;
  }
}

// ----------------------------------------------------------------------------------------------
// Literal values (escapes: text/escape.hpp)

std::optional<std::string> unquote_string(std::string_view lit) {
  if (lit.size() < 2 || lit.front() != lit.back()) return std::nullopt;
  std::string out;
  if (lit.front() == '`') {
    for (std::size_t i = 1; i + 1 < lit.size(); ++i) {
      if (lit[i] == '`') return std::nullopt;
      if (lit[i] != '\r') out += lit[i];
    }
    return out;
  }
  if (lit.front() != '"') return std::nullopt;
  std::size_t end = lit.size() - 1;
  std::size_t i = 1;
  while (i < end) {
    char c = lit[i];
    if (c == '"' || c == '\n') return std::nullopt;
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    std::optional<text::Escape> escape = text::decode_escape(lit.substr(0, end), i, '"');
    if (!escape) return std::nullopt;
    if (escape->is_byte) {
      out += static_cast<char>(escape->value);
    } else {
      text::encode(escape->value, out);
    }
  }
  return out;
}

std::optional<std::uint32_t> unquote_char(std::string_view lit) {
  if (lit.size() < 3 || lit.front() != '\'' || lit.back() != '\'') return std::nullopt;
  std::string_view body = lit.substr(1, lit.size() - 2);
  std::int32_t value = 0;
  std::size_t i = 0;
  if (body[0] == '\\') {
    std::optional<text::Escape> escape = text::decode_escape(body, i, '\'');
    if (!escape) return std::nullopt;
    value = escape->value;
  } else {
    text::Decoded decoded = text::decode(body, 0);
    if (decoded.invalid() || decoded.rune == '\n' || decoded.rune == '\'') return std::nullopt;
    value = decoded.rune;
    i = decoded.width;
  }
  if (i != body.size()) return std::nullopt;
  return static_cast<std::uint32_t>(value);
}

}  // namespace gopark::lang
