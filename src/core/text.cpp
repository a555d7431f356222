#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstring>
#include <numeric>
#include <vector>

#include <fmt/format.h>

namespace redoubt {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

namespace {

// Words longer than this get no suggestion: ids and keys are short, and a long
// unknown value (a 1 MB reference) is not a typo of anything. It bounds the
// cost of one suggestion to O(candidates · kMaxSuggestedLength · cutoff).
constexpr std::size_t kMaxSuggestedLength = 256;

// The Levenshtein distance of `a` and `b` if it is at most `cutoff`, else
// cutoff + 1. Only the diagonal band |i - j| <= cutoff is computed, and the
// work stops once a whole row exceeds the cutoff: O(cutoff · min(|a|, |b|)).
std::size_t BoundedEditDistance(std::string_view a, std::string_view b, std::size_t cutoff) {
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() - b.size() > cutoff) return cutoff + 1;
  const std::size_t over = cutoff + 1;
  std::vector<std::size_t> row(b.size() + 1, over);
  for (std::size_t j = 0; j <= std::min(b.size(), cutoff); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t from = i > cutoff ? i - cutoff : 1;
    const std::size_t to = std::min(b.size(), i + cutoff);
    std::size_t diagonal = row[from - 1];
    row[from - 1] = from == 1 && i <= cutoff ? i : over;
    std::size_t row_min = row[from - 1];
    for (std::size_t j = from; j <= to; ++j) {
      const std::size_t above = row[j];
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + cost, over});
      row_min = std::min(row_min, row[j]);
      diagonal = above;
    }
    if (to < b.size()) row[to + 1] = over;
    if (row_min > cutoff) return over;
  }
  return std::min(row[b.size()], over);
}

}  // namespace

std::optional<std::string_view> ClosestMatch(std::string_view word,
                                             std::span<const std::string_view> candidates) {
  if (word.size() > kMaxSuggestedLength) return std::nullopt;
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::optional<std::string_view> best;
  std::size_t best_distance = limit + 1;
  for (std::string_view candidate : candidates) {
    const std::size_t gap = candidate.size() > word.size() ? candidate.size() - word.size()
                                                           : word.size() - candidate.size();
    if (gap >= best_distance) continue;  // the distance is at least the length gap
    const std::size_t distance = BoundedEditDistance(word, candidate, best_distance - 1);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

std::string SuggestionHint(std::string_view word, std::span<const std::string_view> candidates) {
  if (auto match = ClosestMatch(word, candidates)) {
    return fmt::format("did you mean '{}'?", *match);
  }
  std::string list;
  for (std::string_view candidate : candidates) {
    if (!list.empty()) list += ", ";
    list += candidate;
  }
  return fmt::format("expected one of: {}", list);
}

std::optional<Days> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (int part = 0; part < 3; ++part) {
    for (std::size_t i = 0; i < lengths[part]; ++i) {
      const char c = text[starts[part] + i];
      if (c < '0' || c > '9') return std::nullopt;
      parts[part] = parts[part] * 10 + (c - '0');
    }
  }
  const std::chrono::year_month_day ymd{std::chrono::year{parts[0]},
                                        std::chrono::month{static_cast<unsigned>(parts[1])},
                                        std::chrono::day{static_cast<unsigned>(parts[2])}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<Days>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

std::string FormatIsoDate(Days days) {
  if (days == kNoDate) return "";
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

namespace {

// The length of the well-formed character at `pos`, or 0 when the bytes there
// do not form one (Unicode 15, table 3-7).
std::size_t Utf8CharLength(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t at) {
    return at < text.size() ? static_cast<unsigned char>(text[at]) : 0U;
  };
  const unsigned lead = byte(pos);
  auto continuation = [&](std::size_t at, unsigned low = 0x80, unsigned high = 0xBF) {
    const unsigned value = byte(at);
    return at < text.size() && value >= low && value <= high;
  };
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(pos + 1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned high = lead == 0xED ? 0x9F : 0xBF;
    return continuation(pos + 1, low, high) && continuation(pos + 2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned high = lead == 0xF4 ? 0x8F : 0xBF;
    return continuation(pos + 1, low, high) && continuation(pos + 2) && continuation(pos + 3) ? 4
                                                                                                : 0;
  }
  return 0;
}

}  // namespace

std::optional<std::size_t> FirstInvalidUtf8(std::string_view text) {
  std::size_t pos = 0;
  const std::size_t size = text.size();
  while (pos < size) {
    // Eight ASCII bytes at a time.
    if (pos + 8 <= size) {
      std::uint64_t word = 0;
      std::memcpy(&word, text.data() + pos, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        pos += 8;
        continue;
      }
    }
    const std::size_t length = Utf8CharLength(text, pos);
    if (length == 0) return pos;
    pos += length;
  }
  return std::nullopt;
}

std::size_t InvalidUtf8Length(std::string_view text, std::size_t offset) {
  std::size_t length = 1;
  while (offset + length < text.size() && length < 3 &&
         (static_cast<unsigned char>(text[offset + length]) & 0xC0U) == 0x80U &&
         static_cast<unsigned char>(text[offset]) >= 0xC0U) {
    ++length;
  }
  return length;
}

Days Today() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<Days>(now.time_since_epoch().count());
}

namespace {
// ISO 3166-1 alpha-2, officially assigned codes (249), sorted.
constexpr std::array<std::string_view, 249> kCountryCodes = {
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
};
}  // namespace

bool IsCountryCode(std::string_view text) {
  return std::binary_search(kCountryCodes.begin(), kCountryCodes.end(), text);
}

std::string CountryHint(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper == "UK") return "the ISO 3166-1 code of the United Kingdom is GB";
  if (IsCountryCode(upper)) return fmt::format("write it in capitals: {}", upper);
  return "use an ISO 3166-1 alpha-2 code: two capital letters such as GB, DE, CA or US";
}

std::string EscapeControlCharacters(std::string_view text) {
  const bool clean = std::none_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
  });
  if (clean) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7F) {
      out += fmt::format("\\x{:02X}", byte);
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string AbbreviateMiddle(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return std::string(text);
  std::size_t head = limit * 4 / 5;
  while (head > 0 && IsContinuationByte(text[head])) --head;
  std::size_t tail_start = text.size() - limit / 5;
  while (tail_start < text.size() && IsContinuationByte(text[tail_start])) ++tail_start;
  return fmt::format("{} \u2026 [{} bytes left out] \u2026 {}", text.substr(0, head),
                     tail_start - head, text.substr(tail_start));
}

}  // namespace redoubt
