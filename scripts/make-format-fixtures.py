#!/usr/bin/env python3
"""Dev-only: turn one sample survey into fixtures in every supported export format.

Reads the Google Forms CSV of the 2022-02-04 municipal webinar survey and writes the same
29 responses as Google Forms (several encodings), Zoom poll report, Microsoft Forms xlsx,
LimeSurvey .lss/.lsr/.lsa, Qualtrics CSV/XML and SurveyMonkey CSV under
Tests/KankeiEndToEndTests/Fixtures/same-survey/, so a test can check that all of them give
identical figures. The output is deterministic (rerunning gives byte-identical files).
After writing, every file is read back and its counts are compared with the input's.

Never used at runtime. Standard library only.

Usage: python3 scripts/make-format-fixtures.py
"""

import csv
import datetime
import hashlib
import io
import json
import os
import shutil
import sys
import xml.etree.ElementTree as ET
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INPUT_DIR = os.path.join(ROOT, "Samples", "inbox", "2022-02-04-municipal-webinar")
INPUT_NAME = "WEB説明会アンケート（自治体向け）（回答） - フォームの回答 1.csv"
PIPELINE = os.path.join(ROOT, "pipelines", "municipal-webinar.yaml")
OUT = os.path.join(ROOT, "Tests", "KankeiEndToEndTests", "Fixtures", "same-survey")

ZIP_TIME = (2022, 2, 4, 15, 0, 0)
CP932_COMMENT = "①満足～髙橋さんの話が良かった"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


# ---------------------------------------------------------------------------
# Survey definition (tiny hand parser for the pipeline YAML)

def read_pipeline(path):
    """Returns (title, [question dict with text, type, options, other])."""
    title = None
    questions = []
    current = None
    in_options = False
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            indent = len(line) - len(line.lstrip(" "))
            if indent == 0:
                in_options = False
                if stripped.startswith("title:"):
                    title = stripped[len("title:"):].strip()
                continue
            if stripped.startswith("- id:") and indent == 2:
                current = {"id": stripped[len("- id:"):].strip(), "options": [], "other": None}
                questions.append(current)
                in_options = False
                continue
            if current is None:
                continue
            if in_options and stripped.startswith("- ") and indent > 4:
                current["options"].append(stripped[2:].strip())
                continue
            in_options = False
            key, _, value = stripped.partition(":")
            value = value.strip()
            if key == "options":
                if value.startswith("["):
                    current["options"] = [v.strip() for v in value.strip("[]").split(",")]
                else:
                    in_options = True
            elif key in ("text", "type", "other", "label"):
                current[key] = value
    return title, questions


TITLE, QUESTIONS = read_pipeline(PIPELINE)
assert [q["type"] for q in QUESTIONS] == ["multiple", "multiple", "single", "text"], QUESTIONS
Q1, Q2, Q3, Q4 = QUESTIONS
for q in (Q1, Q2):
    assert q["other"] in q["options"], q
    q["other_pos"] = q["options"].index(q["other"]) + 1  # 1-based
    q["plain"] = [o for o in q["options"] if o != q["other"]]
assert len(Q3["options"]) == 3


# ---------------------------------------------------------------------------
# Input

class Resp:
    pass


def split_multi(cell, q):
    """Splits a Google Forms multi cell into (chosen option indices in cell order, other text)."""
    chosen, other = [], None
    if not cell:
        return chosen, other
    for piece in cell.split(", "):
        if piece in q["options"]:
            chosen.append(q["options"].index(piece))
        else:
            assert other is None, cell
            other = piece
            chosen.append(q["options"].index(q["other"]))
    return chosen, other


def read_input():
    with open(os.path.join(INPUT_DIR, INPUT_NAME), "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, data = rows[0], rows[1:]
    assert header[2:] == [q["text"] for q in QUESTIONS], header
    resps = []
    for i, row in enumerate(data, 1):
        r = Resp()
        r.n = i
        r.row = row
        r.ts = datetime.datetime.strptime(row[0], "%Y/%m/%d %H:%M:%S")
        r.email = row[1]
        r.q1_cell, r.q2_cell = row[2], row[3]
        r.q1, r.q1_other = split_multi(row[2], Q1)
        r.q2, r.q2_other = split_multi(row[3], Q2)
        assert row[4] in Q3["options"], row
        r.q3 = Q3["options"].index(row[4])
        r.q4 = row[5]
        resps.append(r)
    return raw, header, resps


RAW, HEADER, RESPS = read_input()
assert len(RESPS) == 29, len(RESPS)


def pieces_text(r, qn, form_order=False):
    """Answer pieces of a multi question: option texts, the Other free text in place of その他."""
    q = Q1 if qn == 1 else Q2
    idxs = r.q1 if qn == 1 else r.q2
    other = r.q1_other if qn == 1 else r.q2_other
    if form_order:
        idxs = sorted(idxs)
    out = []
    for i in idxs:
        if q["options"][i] == q["other"] and other is not None:
            out.append(other)
        else:
            out.append(q["options"][i])
    return out


# ---------------------------------------------------------------------------
# Invented names (deterministic, from the e-mail's local part)

SURNAMES = {
    "tanaka": "田中", "fujita": "藤田", "saito": "斎藤", "hasegawa": "長谷川", "hayashi": "林",
    "abe": "阿部", "kato": "加藤", "hashimoto": "橋本", "ishii": "石井", "kobayashi": "小林",
    "watanabe": "渡辺", "kimura": "木村", "fujii": "藤井", "endo": "遠藤", "mori": "森",
    "yamada": "山田", "yoshida": "吉田", "maeda": "前田", "shimizu": "清水",
}
GIVEN = {
    "yoko": "陽子", "takuya": "拓也", "takashi": "隆", "misaki": "美咲", "koji": "浩二",
    "aya": "彩", "tomoko": "智子", "yumi": "由美", "makoto": "誠", "taro": "太郎",
    "mari": "真理", "ken": "健", "osamu": "修", "ichiro": "一郎",
}
FALLBACK_SURNAMES = ["佐藤", "鈴木", "高田", "伊藤", "中村", "松本", "井上", "山口"]
FALLBACK_GIVEN = ["花子", "一郎", "明美", "健一", "直子", "大輔", "恵", "誠"]


def name_parts(r):
    local = r.email.split("@")[0]
    given, _, surname = local.partition(".")
    s = SURNAMES.get(surname, FALLBACK_SURNAMES[r.n % len(FALLBACK_SURNAMES)])
    g = GIVEN.get(given, FALLBACK_GIVEN[r.n % len(FALLBACK_GIVEN)])
    return s, g


def full_name(r):
    s, g = name_parts(r)
    return s + " " + g


def det_digits(seed, n):
    h = hashlib.sha256(seed.encode("utf-8")).hexdigest()
    return str(int(h, 16))[:n]


def det_alnum(seed, n):
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    v = int(hashlib.sha256(seed.encode("utf-8")).hexdigest(), 16)
    out = []
    for _ in range(n):
        v, k = divmod(v, len(alphabet))
        out.append(alphabet[k])
    return "".join(out)


# ---------------------------------------------------------------------------
# Writers

def out_path(variant, name):
    d = os.path.join(OUT, variant)
    os.makedirs(d, exist_ok=True)
    return os.path.join(d, name)


def write_bytes(variant, name, data):
    with open(out_path(variant, name), "wb") as f:
        f.write(data)


def csv_text(rows, delimiter=",", lineterminator="\r\n"):
    buf = io.StringIO(newline="")
    w = csv.writer(buf, delimiter=delimiter, lineterminator=lineterminator, quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        w.writerow(row)
    return buf.getvalue()


def write_zip(variant, name, members):
    """members: dict name -> bytes. Written in sorted order with a fixed timestamp."""
    path = out_path(variant, name)
    with zipfile.ZipFile(path, "w") as z:
        for member in sorted(members):
            info = zipfile.ZipInfo(member, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            z.writestr(info, members[member])


def jp_12h(ts):
    h = ts.hour % 12 or 12
    ampm = "午前" if ts.hour < 12 else "午後"
    return "%04d/%02d/%02d %d:%02d:%02d %s GMT+9" % (ts.year, ts.month, ts.day, h, ts.minute, ts.second, ampm)


def en_12h_mdY(ts):
    h = ts.hour % 12 or 12
    ampm = "AM" if ts.hour < 12 else "PM"
    return "%02d/%02d/%04d %d:%02d:%02d %s" % (ts.month, ts.day, ts.year, h, ts.minute, ts.second, ampm)


def iso(ts):
    return ts.strftime("%Y-%m-%d %H:%M:%S")


def excel_serial(ts):
    delta = ts - datetime.datetime(1899, 12, 30)
    return delta.days + delta.seconds / 86400.0


# 1. google-utf8 --------------------------------------------------------------

def make_google_utf8():
    write_bytes("google-utf8", INPUT_NAME, RAW)


# 2. google-utf8-bom ------------------------------------------------------------

def make_google_utf8_bom():
    rows = [HEADER]
    for r in RESPS:
        row = list(r.row)
        row[0] = jp_12h(r.ts)
        row[2] = ";".join(pieces_text(r, 1))
        row[3] = ";".join(pieces_text(r, 2))
        rows.append(row)
    write_bytes("google-utf8-bom", INPUT_NAME, b"\xef\xbb\xbf" + csv_text(rows).encode("utf-8"))


# 3. google-cp932 ---------------------------------------------------------------

def cp932_row():
    """The first respondent whose comment is empty gets the CP932-specific comment."""
    for r in RESPS:
        if r.q4 == "":
            return r.n
    raise SystemExit("no empty comment to replace")


def make_google_cp932():
    target = cp932_row()
    rows = [HEADER]
    for r in RESPS:
        row = list(r.row)
        row[0] = "%d/%d/%d %d:%02d" % (r.ts.year, r.ts.month, r.ts.day, r.ts.hour, r.ts.minute)
        if r.n == target:
            assert row[5] == ""
            row[5] = CP932_COMMENT
        rows.append(row)
    write_bytes("google-cp932", INPUT_NAME, csv_text(rows).encode("cp932"))


# 4./5. Excel "Unicode text" ----------------------------------------------------

def tsv_field(s):
    if any(c in s for c in "\t\"\r\n"):
        return '"' + s.replace('"', '""') + '"'
    return s


def unicode_text_rows(english):
    header = list(HEADER)
    rows = []
    if english:
        header[0] = "Timestamp"
    rows.append(header)
    for r in RESPS:
        row = list(r.row)
        if english:
            row[0] = "%d/%d/%d %d:%02d:%02d" % (r.ts.month, r.ts.day, r.ts.year, r.ts.hour, r.ts.minute, r.ts.second)
        rows.append(row)
    return "".join("\t".join(tsv_field(c) for c in row) + "\r\n" for row in rows)


def make_google_utf16():
    write_bytes("google-utf16le", INPUT_NAME, b"\xff\xfe" + unicode_text_rows(True).encode("utf-16-le"))
    write_bytes("google-utf16be", INPUT_NAME, b"\xfe\xff" + unicode_text_rows(False).encode("utf-16-be"))


# 6. zoom-poll -----------------------------------------------------------------

ZOOM_NAME = "81234567890_PollReport.csv"


def make_zoom_poll():
    rows = [
        ["Poll Report"],
        ["Report Generated:", "Feb 07, 2022 10:20 AM"],
        ["Topic", "Webinar ID", "Actual Start Time", "Actual Duration (minutes)", "# Participants"],
        ["「都市部の民間企業とのオンライン関係人口づくりの具体例」WEB説明会", "812 3456 7890", "Feb 4, 2022 01:30 PM", "62", "81"],
        ["#", "User Name", "User Email", "Submitted Date/Time", ""],
    ]
    for r in RESPS:
        ts = "%s %d, %d %02d:%02d:%02d" % (MONTHS[r.ts.month - 1], r.ts.day, r.ts.year, r.ts.hour, r.ts.minute, r.ts.second)
        row = [str(r.n), full_name(r), r.email, ts,
               Q1["text"], ";".join(pieces_text(r, 1)),
               Q2["text"], ";".join(pieces_text(r, 2)),
               Q3["text"], Q3["options"][r.q3],
               Q4["text"], r.q4, ""]
        rows.append(row)
    write_bytes("zoom-poll", ZOOM_NAME, b"\xef\xbb\xbf" + csv_text(rows).encode("utf-8"))


# 7./8. Microsoft Forms xlsx ----------------------------------------------------

XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def col_letter(i):
    s = ""
    i += 1
    while i:
        i, k = divmod(i - 1, 26)
        s = chr(65 + k) + s
    return s


def t_elem(text):
    space = ' xml:space="preserve"' if (text != text.strip() or "\n" in text or "\r" in text) else ""
    return "<t%s>%s</t>" % (space, escape(text))


def forms_rows(japanese):
    """Rows of cells: None (no cell), ('n', value, style) or ('s', text)."""
    if japanese:
        meta = ["ID", "開始時刻", "完了時刻", "メール", "名前", "最終変更時刻"]
    else:
        meta = ["ID", "Start time", "Completion time", "Email", "Name"]
    header = [("s", h) for h in meta + [q["text"] for q in QUESTIONS]]
    rows = [header]
    for r in RESPS:
        def multi(qn):
            p = pieces_text(r, qn, form_order=True)
            return ("s", "".join(x + ";" for x in p)) if p else None
        row = [("n", str(r.n), None),
               ("n", repr(excel_serial(r.ts - datetime.timedelta(minutes=3))), 1),
               ("n", repr(excel_serial(r.ts)), 1),
               ("s", r.email),
               ("s", full_name(r))]
        if japanese:
            row.append(None)
        row += [multi(1), multi(2), ("s", Q3["options"][r.q3]), ("s", r.q4) if r.q4 else None]
        rows.append(row)
    return rows


def make_xlsx(variant, filename, japanese, shared):
    rows = forms_rows(japanese)
    sst, sst_index, sst_refs = [], {}, 0
    xml_rows = []
    for ri, row in enumerate(rows, 1):
        cells = []
        for ci, cell in enumerate(row):
            if cell is None:
                continue
            ref = "%s%d" % (col_letter(ci), ri)
            if cell[0] == "n":
                style = ' s="%d"' % cell[2] if cell[2] is not None else ""
                cells.append('<c r="%s"%s><v>%s</v></c>' % (ref, style, cell[1]))
            elif shared:
                text = cell[1]
                if text not in sst_index:
                    sst_index[text] = len(sst)
                    sst.append(text)
                sst_refs += 1
                cells.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, sst_index[text]))
            else:
                cells.append('<c r="%s" t="inlineStr"><is>%s</is></c>' % (ref, t_elem(cell[1])))
        xml_rows.append('<row r="%d">%s</row>' % (ri, "".join(cells)))
    last = "%s%d" % (col_letter(len(rows[0]) - 1), len(rows))
    sheet = (XML_DECL + '<worksheet xmlns="%s" xmlns:r="%s"><dimension ref="A1:%s"/>'
             '<sheetData>%s</sheetData></worksheet>' % (NS_MAIN, NS_REL, last, "".join(xml_rows)))

    overrides = [
        ("/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
        ("/xl/worksheets/sheet1.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
        ("/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
    ]
    wb_rels = [("rId1", "worksheet", "worksheets/sheet1.xml")]
    if shared:
        overrides.append(("/xl/sharedStrings.xml",
                          "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"))
        wb_rels.append(("rId2", "sharedStrings", "sharedStrings.xml"))
    wb_rels.append(("rId3", "styles", "styles.xml"))

    content_types = (XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     + "".join('<Override PartName="%s" ContentType="%s"/>' % o for o in overrides)
                     + "</Types>")
    root_rels = (XML_DECL + '<Relationships xmlns="%s">'
                 '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>'
                 "</Relationships>" % (NS_PKG_REL, NS_REL))
    workbook = (XML_DECL + '<workbook xmlns="%s" xmlns:r="%s"><sheets>'
                '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>' % (NS_MAIN, NS_REL))
    workbook_rels = (XML_DECL + '<Relationships xmlns="%s">' % NS_PKG_REL
                     + "".join('<Relationship Id="%s" Type="%s/%s" Target="%s"/>' % (i, NS_REL, t, target)
                               for i, t, target in wb_rels)
                     + "</Relationships>")
    styles = (XML_DECL + '<styleSheet xmlns="%s">'
              '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
              '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
              '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
              "</styleSheet>" % NS_MAIN)
    members = {
        "[Content_Types].xml": content_types.encode("utf-8"),
        "_rels/.rels": root_rels.encode("utf-8"),
        "xl/workbook.xml": workbook.encode("utf-8"),
        "xl/_rels/workbook.xml.rels": workbook_rels.encode("utf-8"),
        "xl/styles.xml": styles.encode("utf-8"),
        "xl/worksheets/sheet1.xml": sheet.encode("utf-8"),
    }
    if shared:
        sst_xml = (XML_DECL + '<sst xmlns="%s" count="%d" uniqueCount="%d">' % (NS_MAIN, sst_refs, len(sst))
                   + "".join("<si>%s</si>" % t_elem(s) for s in sst) + "</sst>")
        members["xl/sharedStrings.xml"] = sst_xml.encode("utf-8")
    write_zip(variant, filename, members)


def make_forms():
    make_xlsx("microsoft-forms-ja", "WEB説明会アンケート（自治体向け）.xlsx", japanese=True, shared=True)
    make_xlsx("microsoft-forms-en", "Survey.xlsx", japanese=False, shared=False)


# 9./10. LimeSurvey -------------------------------------------------------------

SID, GID = 123456, 10
LS_QIDS = [101, 102, 103, 104]
LS_TYPES = ["M", "M", "L", "T"]
LS_OTHER = ["Y", "Y", "N", "N"]
LS_CODES = ["AO%02d" % (i + 1) for i in range(len(Q3["options"]))]


def ls_table(name, fields, rows, indent=" "):
    """rows: list of dicts field -> value (None = NULL, omitted)."""
    i1, i2, i3, i4 = indent, indent * 2, indent * 3, indent * 4
    out = ["%s<%s>" % (i1, name), "%s<fields>" % i2]
    out += ["%s<fieldname>%s</fieldname>" % (i3, f) for f in fields]
    out += ["%s</fields>" % i2, "%s<rows>" % i2]
    for row in rows:
        out.append("%s<row>" % i3)
        for f in fields:
            v = row.get(f)
            if v is None:
                continue
            tag = ("_" + f if f[0].isdigit() else f).replace("#", "-")
            v = str(v)
            if v == "":
                out.append("%s<%s/>" % (i4, tag))
            else:
                out.append("%s<%s><![CDATA[%s]]></%s>" % (i4, tag, v.replace("]]>", "]] >"), tag))
        out.append("%s</row>" % i3)
    out += ["%s</rows>" % i2, "%s</%s>" % (i1, name)]
    return out


def ls_document(doctype, tables):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<document>",
             " <LimeSurveyDocType>%s</LimeSurveyDocType>" % doctype,
             " <DBVersion>443</DBVersion>", " <languages>", "  <language>ja</language>", " </languages>"]
    for t in tables:
        lines += t
    lines.append("</document>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def ls_subquestions():
    """[(parent index 0/1, sq qid, title, text)] for every option of Q1/Q2 except その他."""
    out = []
    for qi, q in enumerate((Q1, Q2)):
        for k, opt in enumerate(q["plain"]):
            out.append((qi, LS_QIDS[qi] * 10 + k + 1, "SQ%03d" % (k + 1), opt))
    return out


def make_lss():
    answers, answer_l10ns = [], []
    for k, opt in enumerate(Q3["options"]):
        aid = 200 + k + 1
        answers.append({"aid": aid, "qid": 103, "code": LS_CODES[k], "sortorder": k,
                        "assessment_value": 0, "scale_id": 0})
        answer_l10ns.append({"id": aid, "aid": aid, "answer": opt, "language": "ja"})
    groups = [{"gid": GID, "sid": SID, "group_order": 1, "randomization_group": "", "grelevance": ""}]
    group_l10ns = [{"id": GID, "gid": GID, "group_name": "アンケート", "description": "", "language": "ja",
                    "sid": SID, "group_order": 1, "randomization_group": "", "grelevance": ""}]
    qfields = ["qid", "parent_qid", "sid", "gid", "type", "title", "preg", "other", "mandatory", "encrypted",
               "question_order", "scale_id", "same_default", "relevance", "modulename"]
    questions, subquestions, l10ns = [], [], []
    for i, q in enumerate(QUESTIONS):
        questions.append({"qid": LS_QIDS[i], "parent_qid": 0, "sid": SID, "gid": GID, "type": LS_TYPES[i],
                          "title": "Q%02d" % (i + 1), "other": LS_OTHER[i], "mandatory": "N", "encrypted": "N",
                          "question_order": i + 1, "scale_id": 0, "same_default": 0, "relevance": "1",
                          "modulename": ""})
        l10ns.append({"id": len(l10ns) + 1, "qid": LS_QIDS[i], "question": "<p>%s</p>" % q["text"],
                      "help": "", "script": "", "language": "ja"})
    for qi, sqid, title, text in ls_subquestions():
        subquestions.append({"qid": sqid, "parent_qid": LS_QIDS[qi], "sid": SID, "gid": GID,
                             "type": LS_TYPES[qi], "title": title, "other": "N", "encrypted": "N",
                             "question_order": int(title[2:]), "scale_id": 0, "same_default": 0,
                             "relevance": "1"})
        l10ns.append({"id": len(l10ns) + 1, "qid": sqid, "question": text, "help": "", "script": "",
                      "language": "ja"})
    surveys_fields = ["sid", "owner_id", "gsid", "admin", "active", "expires", "startdate", "adminemail",
                      "anonymized", "format", "savetimings", "template", "language", "additional_languages",
                      "datestamp", "usecookie", "allowregister", "allowsave", "autonumber_start", "autoredirect",
                      "allowprev", "printanswers", "ipaddr", "refurl", "datecreated", "publicstatistics",
                      "publicgraphs", "listpublic", "htmlemail", "sendconfirmation", "tokenanswerspersistence",
                      "assessments", "usecaptcha", "usetokens", "showxquestions", "showgroupinfo",
                      "shownoanswer", "showqnumcode", "showwelcome", "showprogress", "questionindex",
                      "navigationdelay", "nokeyboard", "alloweditaftercompletion"]
    surveys = [{"sid": SID, "owner_id": 1, "gsid": 1, "admin": "Administrator", "active": "Y",
                "adminemail": "admin@example.jp", "anonymized": "N", "format": "G", "savetimings": "N",
                "template": "fruity", "language": "ja", "additional_languages": "", "datestamp": "Y",
                "usecookie": "N", "allowregister": "N", "allowsave": "Y", "autonumber_start": 0,
                "autoredirect": "N", "allowprev": "N", "printanswers": "N", "ipaddr": "N", "refurl": "N",
                "datecreated": "2022-01-20 10:00:00", "publicstatistics": "N", "publicgraphs": "N",
                "listpublic": "N", "htmlemail": "Y", "sendconfirmation": "Y", "tokenanswerspersistence": "N",
                "assessments": "N", "usecaptcha": "N", "usetokens": "N", "showxquestions": "Y",
                "showgroupinfo": "B", "shownoanswer": "Y", "showqnumcode": "X", "showwelcome": "Y",
                "showprogress": "Y", "questionindex": 0, "navigationdelay": 0, "nokeyboard": "N",
                "alloweditaftercompletion": "N"}]
    sls_fields = ["surveyls_survey_id", "surveyls_language", "surveyls_title", "surveyls_description",
                  "surveyls_welcometext", "surveyls_endtext", "surveyls_url", "surveyls_urldescription",
                  "surveyls_dateformat", "surveyls_numberformat"]
    sls = [{"surveyls_survey_id": SID, "surveyls_language": "ja", "surveyls_title": TITLE,
            "surveyls_description": "", "surveyls_welcometext": "", "surveyls_endtext": "",
            "surveyls_url": "", "surveyls_urldescription": "", "surveyls_dateformat": 6,
            "surveyls_numberformat": 0}]
    return ls_document("Survey", [
        ls_table("answers", ["aid", "qid", "code", "sortorder", "assessment_value", "scale_id"], answers),
        ls_table("answer_l10ns", ["id", "aid", "answer", "language"], answer_l10ns),
        ls_table("groups", ["gid", "sid", "group_order", "randomization_group", "grelevance"], groups),
        ls_table("group_l10ns", ["id", "gid", "group_name", "description", "language", "sid", "group_order",
                                 "randomization_group", "grelevance"], group_l10ns),
        ls_table("questions", qfields, questions),
        ls_table("subquestions", qfields, subquestions),
        ls_table("question_l10ns", ["id", "qid", "question", "help", "script", "language"], l10ns),
        ls_table("surveys", surveys_fields, surveys),
        ls_table("surveys_languagesettings", sls_fields, sls),
    ])


def sgqa(qi, suffix=""):
    return "%dX%dX%d%s" % (SID, GID, LS_QIDS[qi], suffix)


def make_lsr():
    fields = ["id", "token", "submitdate", "lastpage", "startlanguage", "seed", "startdate", "datestamp"]
    for qi, q in enumerate((Q1, Q2)):
        fields += [sgqa(qi, "SQ%03d" % (k + 1)) for k in range(len(q["plain"]))]
        fields.append(sgqa(qi, "other"))
    fields += [sgqa(2), sgqa(3)]
    rows = []
    for r in RESPS:
        row = {"id": r.n, "submitdate": iso(r.ts), "lastpage": 1, "startlanguage": "ja",
               "seed": det_digits("seed%d" % r.n, 9), "startdate": iso(r.ts), "datestamp": iso(r.ts)}
        for qi, q in enumerate((Q1, Q2)):
            idxs = r.q1 if qi == 0 else r.q2
            other = r.q1_other if qi == 0 else r.q2_other
            for k, opt in enumerate(q["plain"]):
                row[sgqa(qi, "SQ%03d" % (k + 1))] = "Y" if q["options"].index(opt) in idxs else ""
            row[sgqa(qi, "other")] = other or ""
        row[sgqa(2)] = LS_CODES[r.q3]
        row[sgqa(3)] = r.q4 if r.q4 else None
        rows.append(row)
    # An incomplete response: no submitdate, only Q3 answered. Must not be counted.
    rows.append({"id": len(RESPS) + 1, "lastpage": 0, "startlanguage": "ja", "seed": det_digits("seed-incomplete", 9),
                 "startdate": "2022-02-04 16:02:11", "datestamp": "2022-02-04 16:02:40", sgqa(2): LS_CODES[1]})
    return ls_document("Responses", [ls_table("responses", fields, rows)])


def make_limesurvey():
    lss, lsr = make_lss(), make_lsr()
    write_bytes("limesurvey-lss-lsr", "limesurvey_survey_%d.lss" % SID, lss)
    write_bytes("limesurvey-lss-lsr", "survey_%d_responses.lsr" % SID, lsr)
    write_zip("limesurvey-lsa", "survey_archive_%d.lsa" % SID,
              {"survey_%d.lss" % SID: lss, "survey_%d_responses.lsr" % SID: lsr})


# 11./12./13. Qualtrics ---------------------------------------------------------

QX_CSV_NAME = "WEB説明会アンケート_February 4, 2022_15.00.csv"
QX_META = ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
           "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
           "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage"]
QX_LABELS = ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)",
             "Finished", "Recorded Date", "Response ID", "Recipient Last Name", "Recipient First Name",
             "Recipient Email", "External Data Reference", "Location Latitude", "Location Longitude",
             "Distribution Channel", "User Language"]
QX_IMPORT = ['{"ImportId":"startDate","timeZone":"Asia/Tokyo"}', '{"ImportId":"endDate","timeZone":"Asia/Tokyo"}',
             '{"ImportId":"status"}', '{"ImportId":"ipAddress"}', '{"ImportId":"progress"}',
             '{"ImportId":"duration"}', '{"ImportId":"finished"}',
             '{"ImportId":"recordedDate","timeZone":"Asia/Tokyo"}', '{"ImportId":"_recordId"}',
             '{"ImportId":"recipientLastName"}', '{"ImportId":"recipientFirstName"}',
             '{"ImportId":"recipientEmail"}', '{"ImportId":"externalDataReference"}',
             '{"ImportId":"locationLatitude"}', '{"ImportId":"locationLongitude"}',
             '{"ImportId":"distributionChannel"}', '{"ImportId":"userLanguage"}']


class QxResp:
    """A Qualtrics response: the respondents plus one survey preview."""

    def __init__(self, ts, email, q1, q1_other, q2, q2_other, q3, q4, preview, seed):
        self.ts, self.email = ts, email
        self.q1, self.q1_other, self.q2, self.q2_other = sorted(q1), q1_other, sorted(q2), q2_other
        self.q3, self.q4, self.preview = q3, q4, preview
        self.rid = "R_" + det_alnum(seed, 15)


def qx_responses():
    out = [QxResp(r.ts, r.email, r.q1, r.q1_other, r.q2, r.q2_other, r.q3, r.q4, False, "resp%d" % r.n)
           for r in RESPS]
    preview = QxResp(datetime.datetime(2022, 2, 3, 17, 5, 12), "",
                     [Q1["options"].index(Q1["other"]), 5], "プレビュー確認", [0], None, 2, "テスト回答です",
                     True, "preview")
    return out, preview


def make_qualtrics_csv(numeric):
    t1, t2 = Q1["other_pos"], Q2["other_pos"]
    row1 = QX_META + ["Q1", "Q1_%d_TEXT" % t1, "Q2", "Q2_%d_TEXT" % t2, "Q3", "Q4"]
    row2 = QX_LABELS + [Q1["text"] + " - Selected Choice", "%s - %s - Text" % (Q1["text"], Q1["other"]),
                        Q2["text"] + " - Selected Choice", "%s - %s - Text" % (Q2["text"], Q2["other"]),
                        Q3["text"], Q4["text"]]
    row3 = QX_IMPORT + ['{"ImportId":"QID1"}', '{"ImportId":"QID1_%d_TEXT"}' % t1, '{"ImportId":"QID2"}',
                        '{"ImportId":"QID2_%d_TEXT"}' % t2, '{"ImportId":"QID3"}', '{"ImportId":"QID4_TEXT"}']
    rows = [row1, row2, row3]
    resps, preview = qx_responses()
    for x in [preview] + resps:
        start = x.ts - datetime.timedelta(seconds=180)
        if numeric:
            status = "1" if x.preview else "0"
            finished = "1"
            q1 = ",".join(str(i + 1) for i in x.q1)
            q2 = ",".join(str(i + 1) for i in x.q2)
            q3 = str(x.q3 + 1)
        else:
            status = "Survey Preview" if x.preview else "IP Address"
            finished = "True"
            q1 = ",".join(Q1["options"][i] for i in x.q1)
            q2 = ",".join(Q2["options"][i] for i in x.q2)
            q3 = Q3["options"][x.q3]
        rows.append([iso(start), iso(x.ts), status, "", "100", "180", finished, iso(x.ts), x.rid, "", "",
                     x.email, "", "", "", "preview" if x.preview else "anonymous", "JA",
                     q1, x.q1_other or "", q2, x.q2_other or "", q3, x.q4])
    variant = "qualtrics-csv-numeric" if numeric else "qualtrics-csv-text"
    write_bytes(variant, QX_CSV_NAME, b"\xef\xbb\xbf" + csv_text(rows).encode("utf-8"))


def make_qualtrics_xml():
    resps, preview = qx_responses()
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<Responses>\n']
    for x in resps + [preview]:
        start = x.ts - datetime.timedelta(seconds=180)
        el = []

        def add(tag, value):
            el.append("<%s>%s</%s>" % (tag, escape(value), tag))
        add("startDate", iso(start))
        add("endDate", iso(x.ts))
        add("status", "1" if x.preview else "0")
        add("ipAddress", "")
        add("progress", "100")
        add("duration", "180")
        add("finished", "1")
        add("recordedDate", iso(x.ts))
        add("_recordId", x.rid)
        add("recipientEmail", x.email)
        add("userLanguage", "JA")
        for qn, q, idxs, other in ((1, Q1, x.q1, x.q1_other), (2, Q2, x.q2, x.q2_other)):
            not_chosen = 0
            for k in range(len(q["options"])):
                if k in idxs:
                    value = "1"
                else:
                    not_chosen += 1
                    seen = (qn == 1 and k == 1) or not_chosen % 3 == 0
                    value = "-99" if seen else ""
                add("QID%d_%d" % (qn, k + 1), value)
            add("QID%d_%d_TEXT" % (qn, q["other_pos"]), other or "")
        add("QID3", str(x.q3 + 1))
        add("QID4_TEXT", x.q4)
        parts.append("<Response>\n" + "".join(el) + "\n</Response>\n")
    parts.append("</Responses>\n")
    write_bytes("qualtrics-xml", "WEB説明会アンケート.xml", "".join(parts).encode("utf-8"))
    write_bytes("qualtrics-xml", "event.yaml", b"pipeline: municipal-webinar\n")


# 14. SurveyMonkey --------------------------------------------------------------

SM_NAME = "Data_All_220204.csv"
SM_META = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
           "First Name", "Last Name", "Custom Data 1"]


def make_surveymonkey():
    row1, row2 = list(SM_META), [""] * len(SM_META)
    for q in (Q1, Q2):
        n = len(q["plain"]) + 1
        row1 += [q["text"]] + [""] * (n - 1)
        row2 += q["plain"] + ["Other (please specify)"]
    row1 += [Q3["text"], Q4["text"]]
    row2 += ["Response", "Open-Ended Response"]
    rows = [row1, row2]
    for r in RESPS:
        surname, given = name_parts(r)
        row = [str(11486000000 + int(det_digits("sm%d" % r.n, 6))), "412345678",
               en_12h_mdY(r.ts - datetime.timedelta(minutes=3)), en_12h_mdY(r.ts), "", r.email,
               given, surname, ""]
        for q, idxs, other in ((Q1, r.q1, r.q1_other), (Q2, r.q2, r.q2_other)):
            row += [opt if q["options"].index(opt) in idxs else "" for opt in q["plain"]]
            row.append(other or "")
        row += [Q3["options"][r.q3], r.q4]
        rows.append(row)
    write_bytes("surveymonkey", SM_NAME, b"\xef\xbb\xbf" + csv_text(rows).encode("utf-8"))


# README ------------------------------------------------------------------------

README = """\
# Same survey, every format

One survey, the 29 responses of the 2022-02-04 municipal WEB説明会 follow-up survey
(`Samples/inbox/2022-02-04-municipal-webinar/`), written in every export format and encoding
the ingester supports. Every variant must give the same figures: 29 respondents and the same
per-option counts for Q1, Q2 and Q3. Q4 is free text. The Google Forms answer
`議会で関係人口が話題になったため` is the only "Other" answer. It counts as `その他` in Q1.
Where a format can mark a response as one not to count (a LimeSurvey incomplete response, a
Qualtrics preview), the fixture adds one such response that answers differently.

Everything here is generated. Regenerate it with `python3 scripts/make-format-fixtures.py`
(a dev-only script; it deletes and rewrites this folder, then reads every file back and checks
the counts). People's names, IDs and response IDs are invented, and all addresses are example
domains. Do not edit these files by hand.

Evidence labels: **real** = the layout was checked against public real export files or real
export rows pasted in docs and issues. **docs/parser** = known only from vendor docs or from
third-party parser code. **guess** = not confirmed; the fixture shows one plausible shape.

| Variant | What it is | Basis of the layout |
|---|---|---|
| `google-utf8/` | The sample CSV copied unchanged (sheet-style CSV: 24h timestamps, multi answers joined with `, `). | a CSV saved from the linked Sheet: `, ` joiner from docs and parsers, 24h timestamp from parser comments |
| `google-utf8-bom/` | Forms "Download responses" style: UTF-8 BOM, CRLF, `2022/02/04 2:31:38 午後 GMT+9`, multi answers joined with `;`. | real (`;` joiner and the JA `… GMT+9` timestamp come from a real JA download) + parsers; the quoting style is a guess |
| `google-cp932/` | The CSV re-saved by Excel: CP932, CRLF, `2022/2/4 14:31`. One empty comment is replaced by `①満足～髙橋さんの話が良かった`, which uses CP932-only characters. | Excel behaviour; not from a specific file |
| `google-utf16le/` | Excel "Unicode text": UTF-16LE with BOM, TAB-separated, CRLF, English `Timestamp` header, `2/4/2022 14:31:38`. | Excel behaviour; not from a specific file |
| `google-utf16be/` | The same layout in UTF-16BE with BOM and the Japanese header. | synthetic encoding test |
| `zoom-poll/` | Older Zoom poll report (before about Sept 2021): preamble, `#` header row, then (question, answer) pairs on each row, a trailing comma, and multi answers joined with `;`. | (question, answer) pair rows: real shape (anonymised public poll reports, which have no preamble) + two parsers; the `;` joiner is from parsers and fixtures only; the preamble lines, and combining them with pair rows, are a guess; Japanese headers are unconfirmed |
| `microsoft-forms-ja/` | Microsoft Forms xlsx, Japanese headers (`ID, 開始時刻, 完了時刻, メール, 名前, 最終変更時刻`), shared strings, dates as Excel serial numbers, multi answers as `A;B;C;`. | headers: parsers (`最終変更時刻` is a guess); `A;B;C;`: docs; xlsx internals: guess |
| `microsoft-forms-en/` | The same in English (`ID, Start time, Completion time, Email, Name`) with inline strings and no sharedStrings part. | headers: parsers; xlsx internals: guess |
| `limesurvey-lss-lsr/` | LimeSurvey 5.x (DBVersion 443) structure `.lss` + responses `.lsr`. Q1/Q2 are type M with `other=Y` and Q3 is type L with codes `AO01`…; answer columns use SGQA names. Extra response id 30 has no `submitdate` (incomplete). | real (public LS 5.x exports) + LimeSurvey source |
| `limesurvey-lsa/` | The same two files in a `survey_archive_123456.lsa` zip. | LimeSurvey source (`exportarchive`) |
| `qualtrics-csv-text/` | Qualtrics Data Table CSV, 3 header rows, "choice text" values, multi answers joined with `,`, the Other text in `Q1_7_TEXT`. Extra row: `Survey Preview`. | real (public exports and pasted rows) |
| `qualtrics-csv-numeric/` | The same with numeric values (`Status` 0/1, `Finished` 1, choice positions `1,3`). Extra row: Status `1` (preview). | real header; numeric multi-select from issue text and docs |
| `qualtrics-xml/` | Qualtrics XML, `<Responses><Response>`, one element per choice (`1`, empty or `-99`). The XML has no question texts, so `event.yaml` names the pipeline. Extra response: `<status>1</status>` (preview). | parser code for the legacy API XML only; element names here are a guess |
| `surveymonkey/` | SurveyMonkey "All individual responses" CSV: 2 header rows, one column per checkbox option (cell = option text), an `Other (please specify)` column, and `MM/DD/YYYY h:mm:ss PM` dates. | real header rows pasted in code; cell values and dates: parsers |

Source notes: `/work/notes/formats-zoom-google.md`, `formats-others.md`, `formats-limesurvey.md`
(research notes, outside the repository).
"""


# ---------------------------------------------------------------------------
# Verification: read every file back with an independent reader and count.

def empty_counts():
    return {"n": 0, "q1": [0] * len(Q1["options"]), "q2": [0] * len(Q2["options"]), "q3": [0] * len(Q3["options"])}


def add_resp(c, q1, q2, q3):
    """q1/q2: sets of option indices, q3: option index."""
    c["n"] += 1
    for i in set(q1):
        c["q1"][i] += 1
    for i in set(q2):
        c["q2"][i] += 1
    c["q3"][q3] += 1


def match_pieces(pieces, q):
    idx = set()
    for p in pieces:
        p = p.strip()
        if not p:
            continue
        idx.add(q["options"].index(p) if p in q["options"] else q["options"].index(q["other"]))
    return idx


def count_google_like(rows, sep):
    c = empty_counts()
    header = rows[0]
    assert header[2:6] == [q["text"] for q in QUESTIONS], header
    for row in rows[1:]:
        add_resp(c, match_pieces(row[2].split(sep), Q1), match_pieces(row[3].split(sep), Q2),
                 Q3["options"].index(row[4]))
    return c


def read_csv_file(path, encoding, delimiter=","):
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def check_zoom(path):
    rows = read_csv_file(path, "utf-8")
    start = next(i for i, r in enumerate(rows) if r and r[0] == "#")
    c = empty_counts()
    for row in rows[start + 1:]:
        assert row[-1] == "", row
        pairs = dict(zip(row[4:-1:2], row[5:-1:2]))
        add_resp(c, match_pieces(pairs[Q1["text"]].split(";"), Q1), match_pieces(pairs[Q2["text"]].split(";"), Q2),
                 Q3["options"].index(pairs[Q3["text"]]))
    return c


def check_xlsx(path):
    ns = {"m": NS_MAIN}
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        sst = []
        if "xl/sharedStrings.xml" in names:
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
                sst.append("".join(t.text or "" for t in si.iter("{%s}t" % NS_MAIN)))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    table = []
    for row in sheet.find("m:sheetData", ns).findall("m:row", ns):
        cells = {}
        for cell in row.findall("m:c", ns):
            ref = cell.get("r")
            col = "".join(ch for ch in ref if ch.isalpha())
            t = cell.get("t")
            if t == "s":
                value = sst[int(cell.find("m:v", ns).text)]
            elif t == "inlineStr":
                value = "".join(x.text or "" for x in cell.iter("{%s}t" % NS_MAIN))
            else:
                value = float(cell.find("m:v", ns).text)
            cells[col] = value
        table.append(cells)
    header = {v: k for k, v in table[0].items()}
    c = empty_counts()
    for cells in table[1:]:
        add_resp(c, match_pieces(cells.get(header[Q1["text"]], "").split(";"), Q1),
                 match_pieces(cells.get(header[Q2["text"]], "").split(";"), Q2),
                 Q3["options"].index(cells[header[Q3["text"]]]))
        assert isinstance(cells[header[table[0]["C"]]], float)
    return c


def ls_rows(root, table):
    t = root.find(table)
    return [{(child.tag[1:] if child.tag.startswith("_") else child.tag): (child.text or "") for child in row}
            for row in t.find("rows").findall("row")]


def check_limesurvey(lss_bytes, lsr_bytes):
    lss, lsr = ET.fromstring(lss_bytes), ET.fromstring(lsr_bytes)
    qtext = {r["qid"]: r["question"] for r in ls_rows(lss, "question_l10ns")}
    answers = {r["aid"]: r for r in ls_rows(lss, "answers")}
    atext = {(answers[r["aid"]]["qid"], answers[r["aid"]]["code"]): r["answer"] for r in ls_rows(lss, "answer_l10ns")}
    questions = ls_rows(lss, "questions")
    subs = ls_rows(lss, "subquestions")
    gid = ls_rows(lss, "groups")[0]["gid"]
    sid = ls_rows(lss, "surveys")[0]["sid"]
    assert [q["type"] for q in questions] == LS_TYPES
    c = empty_counts()
    for row in ls_rows(lsr, "responses"):
        if "submitdate" not in row:
            continue
        sets = []
        for q, qdef in zip(questions[:2], (Q1, Q2)):
            base = "%sX%sX%s" % (sid, gid, q["qid"])
            chosen = [qtext[s["qid"]] for s in subs if s["parent_qid"] == q["qid"] and row.get(base + s["title"]) == "Y"]
            if row.get(base + "other"):
                chosen.append(row[base + "other"])
            sets.append(match_pieces(chosen, qdef))
        q3 = questions[2]
        text3 = atext[(q3["qid"], row["%sX%sX%s" % (sid, gid, q3["qid"])])]
        add_resp(c, sets[0], sets[1], Q3["options"].index(text3))
    return c


def check_qualtrics_csv(path, numeric):
    rows = read_csv_file(path, "utf-8")
    ids = [json.loads(x)["ImportId"] for x in rows[2]]
    c = empty_counts()
    for row in rows[3:]:
        v = dict(zip(ids, row))
        if v["status"] not in ("0", "IP Address"):
            continue
        sets = []
        for qn, q in ((1, Q1), (2, Q2)):
            if numeric:
                idx = {int(x) - 1 for x in v["QID%d" % qn].split(",") if x}
            else:
                # Greedy match against the known choice texts (they could contain commas).
                cell, idx = v["QID%d" % qn], set()
                while cell:
                    opt = max((o for o in q["options"] if cell.startswith(o)), key=len)
                    idx.add(q["options"].index(opt))
                    cell = cell[len(opt):].lstrip(",")
            sets.append(idx)
        q3 = int(v["QID3"]) - 1 if numeric else Q3["options"].index(v["QID3"])
        add_resp(c, sets[0], sets[1], q3)
    return c


def check_qualtrics_xml(path):
    root = ET.parse(path).getroot()
    c = empty_counts()
    for resp in root.findall("Response"):
        v = {child.tag: (child.text or "") for child in resp}
        if v["status"] != "0":
            continue
        sets = [{k for k in range(len(q["options"])) if v.get("QID%d_%d" % (qn, k + 1)) == "1"}
                for qn, q in ((1, Q1), (2, Q2))]
        add_resp(c, sets[0], sets[1], int(v["QID3"]) - 1)
    return c


def check_surveymonkey(path):
    rows = read_csv_file(path, "utf-8")
    row1, row2 = rows[0], rows[1]
    starts = {text: i for i, text in enumerate(row1) if text}
    c = empty_counts()
    for row in rows[2:]:
        sets = []
        for q in (Q1, Q2):
            s = starts[q["text"]]
            idx = set()
            for j in range(s, s + len(q["plain"]) + 1):
                if row[j]:
                    idx.add(q["options"].index(row2[j]) if row2[j] in q["options"] else q["options"].index(q["other"]))
            sets.append(idx)
        add_resp(c, sets[0], sets[1], Q3["options"].index(row[starts[Q3["text"]]]))
    return c


def verify():
    expected = empty_counts()
    for r in RESPS:
        add_resp(expected, r.q1, r.q2, r.q3)
    d = lambda v: os.path.join(OUT, v)
    results = {}
    results["google-utf8"] = count_google_like(read_csv_file(os.path.join(d("google-utf8"), INPUT_NAME), "utf-8"), ", ")
    p = os.path.join(d("google-utf8-bom"), INPUT_NAME)
    assert open(p, "rb").read().startswith(b"\xef\xbb\xbf")
    results["google-utf8-bom"] = count_google_like(read_csv_file(p, "utf-8"), ";")
    p = os.path.join(d("google-cp932"), INPUT_NAME)
    cp_rows = read_csv_file(p, "cp932")
    assert sum(CP932_COMMENT in r for r in cp_rows) == 1
    results["google-cp932"] = count_google_like(cp_rows, ", ")
    for v, bom, enc in (("google-utf16le", b"\xff\xfe", "utf-16-le"), ("google-utf16be", b"\xfe\xff", "utf-16-be")):
        p = os.path.join(d(v), INPUT_NAME)
        assert open(p, "rb").read().startswith(bom)
        results[v] = count_google_like(read_csv_file(p, enc, "\t"), ", ")
    results["zoom-poll"] = check_zoom(os.path.join(d("zoom-poll"), ZOOM_NAME))
    results["microsoft-forms-ja"] = check_xlsx(os.path.join(d("microsoft-forms-ja"), "WEB説明会アンケート（自治体向け）.xlsx"))
    en = os.path.join(d("microsoft-forms-en"), "Survey.xlsx")
    assert "xl/sharedStrings.xml" not in zipfile.ZipFile(en).namelist()
    results["microsoft-forms-en"] = check_xlsx(en)
    with open(os.path.join(d("limesurvey-lss-lsr"), "limesurvey_survey_%d.lss" % SID), "rb") as f:
        lss = f.read()
    with open(os.path.join(d("limesurvey-lss-lsr"), "survey_%d_responses.lsr" % SID), "rb") as f:
        lsr = f.read()
    results["limesurvey-lss-lsr"] = check_limesurvey(lss, lsr)
    with zipfile.ZipFile(os.path.join(d("limesurvey-lsa"), "survey_archive_%d.lsa" % SID)) as z:
        lss_name = next(n for n in z.namelist() if n.endswith(".lss"))
        lsr_name = next(n for n in z.namelist() if n.endswith("_responses.lsr"))
        results["limesurvey-lsa"] = check_limesurvey(z.read(lss_name), z.read(lsr_name))
    results["qualtrics-csv-text"] = check_qualtrics_csv(os.path.join(d("qualtrics-csv-text"), QX_CSV_NAME), False)
    results["qualtrics-csv-numeric"] = check_qualtrics_csv(os.path.join(d("qualtrics-csv-numeric"), QX_CSV_NAME), True)
    results["qualtrics-xml"] = check_qualtrics_xml(os.path.join(d("qualtrics-xml"), "WEB説明会アンケート.xml"))
    results["surveymonkey"] = check_surveymonkey(os.path.join(d("surveymonkey"), SM_NAME))

    def fmt(c):
        return "%3d | %s | %s | %s" % (c["n"], " ".join("%2d" % x for x in c["q1"]),
                                        " ".join("%2d" % x for x in c["q2"]), " ".join("%2d" % x for x in c["q3"]))
    print("%-24s   n | Q1 (%d options)        | Q2 (%d options)        | Q3" % ("variant", len(Q1["options"]), len(Q2["options"])))
    print("%-24s %s" % ("(input)", fmt(expected)))
    ok = True
    for v in sorted(results):
        same = results[v] == expected
        ok &= same
        print("%-24s %s %s" % (v, fmt(results[v]), "ok" if same else "MISMATCH"))
    missing = sorted(set(VARIANTS) - set(results))
    if missing:
        print("not checked:", missing)
        ok = False
    return ok


# ---------------------------------------------------------------------------

VARIANTS = ["google-utf8", "google-utf8-bom", "google-cp932", "google-utf16le", "google-utf16be", "zoom-poll",
            "microsoft-forms-ja", "microsoft-forms-en", "limesurvey-lss-lsr", "limesurvey-lsa",
            "qualtrics-csv-text", "qualtrics-csv-numeric", "qualtrics-xml", "surveymonkey"]


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    make_google_utf8()
    make_google_utf8_bom()
    make_google_cp932()
    make_google_utf16()
    make_zoom_poll()
    make_forms()
    make_limesurvey()
    make_qualtrics_csv(numeric=False)
    make_qualtrics_csv(numeric=True)
    make_qualtrics_xml()
    make_surveymonkey()
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(README)
    assert sorted(os.listdir(OUT)) == sorted(VARIANTS + ["README.md"]), os.listdir(OUT)
    if not verify():
        sys.exit("verification failed")


if __name__ == "__main__":
    main()
