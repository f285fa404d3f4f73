#!/usr/bin/env python3
"""Writes what Python's str.upper() does to every Unicode scalar value, for Utf8UpperCaserTest.

Output (ASCII text on standard output):
    unidata_version X.Y.Z
    then one line per code point whose upper() differs from itself:
    CODEPOINT UPPER1 [UPPER2 [UPPER3]]     (hexadecimal)
    end COUNT                               (number of such lines, so truncation shows)
Code points not listed upper-case to themselves.
"""
import sys
import unicodedata


def main():
    lines = ["unidata_version " + unicodedata.unidata_version]
    count = 0
    for code_point in range(0x110000):
        if 0xD800 <= code_point <= 0xDFFF:
            continue  # not scalar values: valid UTF-8 never carries them
        original = chr(code_point)
        upper = original.upper()
        if upper != original:
            lines.append(" ".join("%X" % ord(c) for c in (original + upper)))
            count += 1
    lines.append("end %d" % count)
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
