#!/usr/bin/env python3
"""Writes the CSV import fixtures in this folder from raw bytes.

The files are committed; run this again only to change them. Each one is a
case real files bring: an encoding, a dialect, or a way of being broken.
"""
import os

here = os.path.dirname(os.path.abspath(__file__))


def write(name, data: bytes):
    with open(os.path.join(here, name), "wb") as f:
        f.write(data)


# Persian Excel on Windows: Windows-1256, Arabic YEH (0xED) and KAF (0xDF) typed
# where Persian ی and ک were meant, Jalali dates, phones in every local format.
fa = (
    "نام,نام خانوادگي,موبايل,ايميل,شهر,تاريخ تولد\r\n"
    "علي,كريمي,09121234567,ali@example.ir,كرج,1365/04/12\r\n"
    "مريم,يزداني,+989351112233,maryam@example.ir,تهران,1370/01/01\r\n"
    "رضا,موسوي,0098 912 765 4321,,شيراز,\r\n"
    "سارا,نيكپور,98-912-000-1111,sara@example.ir,مشهد,1380/12/29\r\n"
)
write("fa_cp1256_excel.csv", fa.encode("cp1256"))

# Polish Excel: Windows-1250 with ; and consent as tak/nie.
pl = (
    "Imię;Nazwisko;E-mail;Telefon;Miasto;Zgoda marketingowa\r\n"
    "Łukasz;Wiśniewski;lukasz@example.pl;+48 601 234 567;Gdańsk;tak\r\n"
    "Zofia;Żółkiewska;zofia@example.pl;+48 512 345 678;Kraków;nie\r\n"
    "Paweł;Dąbrowski;pawel@example.pl;;Łódź;tak\r\n"
)
write("pl_cp1250_semicolon.csv", pl.encode("cp1250"))

# Excel "Unicode text": UTF-16LE with a BOM, TAB-separated.
tab = (
    "First Name\tLast Name\tE-mail Address\tMobile Phone\tCompany\r\n"
    "Nurul\tIsmail\tnurul@example.my\t+60 12-345 6789\tKedai Nurul\r\n"
    "Wei\tLing\twei@example.my\t+60 19-595 8088\t\r\n"
)
write("utf16le_tab_bom.txt", b"\xff\xfe" + tab.encode("utf-16-le"))

# RFC 4180: quoted delimiters, quoted line breaks, "" escapes, CRLF, LF and CR.
write("quoted_newlines.csv",
      b'name,email,note\r\n'
      b'"Karimi, Ali",ali@example.com,"line one\r\nline two"\r\n'
      b'"Say ""hi""",hi@example.com,plain\n'
      b'Maria,maria@example.com,"a\nb\nc"\r'
      b'Last,last@example.com,end')

# A quote that never closes on row 3; rows after it must still be read.
write("unterminated_quote.csv",
      b'name,email\n'
      b'Ok One,one@example.com\n'
      b'"Broken,broken@example.com\n'
      b'Ok Two,two@example.com\n'
      b'Ok Three,three@example.com\n')

# NUL bytes, as some exporters pad fields with them.
write("nul_bytes.csv",
      b'name,email\n'
      b'Ali\x00,ali@example.com\n'
      b'\x00\x00Sara,sara\x00@example.com\n')

# Duplicates inside one file: by email (any case) and by phone.
write("duplicates.csv",
      b'first_name,last_name,email,phone,city\n'
      b'Ali,,ali@example.com,,\n'
      b'Ali,Karimi,ALI@Example.com,,Tehran\n'
      b'Reza,,,+989121112233,\n'
      b'Reza,Mousavi,,09121112233,Shiraz\n'
      b'Sara,,sara@example.com,+989351112233,\n')

write("header_only.csv", b'Email,First Name,Last Name\r\n')
write("empty.csv", b'')

# Blank lines and a bad email among good rows.
write("blank_lines_bad_rows.csv",
      b'email,name\n\n'
      b'good@example.com,Good\n'
      b'\r\n'
      b'not-an-email,Bad Email\n'
      b',\n'
      b'also.good@example.com,Also Good\n')
