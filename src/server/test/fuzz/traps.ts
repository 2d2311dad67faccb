/** The values the mutations break requests with: what integrators and attackers actually send. */

/** Integers as a path or query carries them: only plain decimal digits are a number. */
export const INTEGER_TRAPS = [
  "0x10",
  "1e3",
  "-1",
  "007",
  "0",
  "+5",
  "1.5",
  "1.0",
  "%201",
  "1%20",
  "0b11",
  "Infinity",
  "NaN",
  "abc",
  "99999999999999999999",
  "2147483648",
  "9007199254740993",
  "1%00",
  "%00",
  "%ff",
  "%c3%28",
  "%ED%A0%80",
  "%F0%9F%98%80",
  "%2e%2e",
  "null",
  "true",
  "[]",
];

/** Traps that are no decimal integer at all: accepting one (0x10 as 16) is the defect of issue 12 item 5. */
export const NOT_DECIMAL = new Set([
  "0x10",
  "1e3",
  "+5",
  "1.5",
  "1.0",
  "%201",
  "1%20",
  "0b11",
  "Infinity",
  "NaN",
  "abc",
  "1%00",
]);

export const TEXT_TRAPS = [
  "%00",
  "a%00b",
  "%ff%fe",
  "%c3%28",
  "%ED%A0%80",
  "%C0%AF",
  "%E9",
  `${"x".repeat(5000)}`,
  "%27%3B--",
  "%3Cscript%3E",
  "..%2F..%2Fetc%2Fpasswd",
];

export const WRONG_VALUES: unknown[] = [
  123,
  -1,
  0,
  1.5,
  2 ** 53 + 2,
  1e308,
  -0,
  "x",
  "",
  "007",
  "0x10",
  "1e3",
  true,
  false,
  null,
  [],
  [1, 2],
  {},
  { a: 1 },
];

export const NOT_JSON = [
  "{",
  "nul",
  "[1,",
  "<a>b</a>",
  " ",
  "null",
  "[]",
  "1",
  '"texto"',
  '{"a":1}{"b":2}',
  "\uFEFF{}",
  '{"a":1,}',
  "{'a':1}",
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
];

export const CONTENT_TYPES = [
  "text/plain",
  "application/xml",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "text/csv",
  "application/x-ndjson",
  "application/json; charset=latin1",
  "application/json; charset=utf-16",
  "APPLICATION/JSON",
  "application/vnd.api+json",
  "application/json, text/plain",
  "",
];

/** Invalid UTF-8 sequences: a lone byte, an overlong slash, a truncated sequence, an encoded surrogate. */
export const BAD_UTF8 = [
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xe2, 0x82]),
  Buffer.from([0x80]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xe9]),
];
