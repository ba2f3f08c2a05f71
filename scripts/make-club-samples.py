#!/usr/bin/env python3
"""Writes the club samples: Samples/core/members.csv (club rosters) and, under Samples/inbox/,
the Zoom reports of two 『放課後企業クラブ』 and two club surveys, all of invented people.

Development tool only (the product never runs Python). Deterministic: running it again gives the
same bytes. The figures it is built to give are the report's (section 5.4):

- ① 北海道鷹栖町×大手百貨店: 12 sessions, 延264人（自治体・地域側：144人、企業側：120人）;
  12 + 10 people a session out of 16 + 13 (実人員 29).
- ② 北海道奈井江町×大手総合商社: 4 sessions, 延68人（自治体・地域側：40人、企業側：28人）;
  10 + 7 people a session out of 12 + 8 (実人員 20).

Sides are decided three ways, as in real clubs: municipal staff by their `lg.jp` address, company
staff by their company's domain (registered in Samples/core/organizations.yaml), residents and
people writing from personal addresses by the roster (members.csv). The office's coordinator hosts
and is not counted; people who drop out and rejoin have two rows; one address comes back in upper
case and one in full-width characters. Report layouts: the meeting participants report with
meeting data (older English headers), the newer lower-case layout, the Japanese header without
meeting data, and one webinar attendee report (club ①'s final presentation).

Surveys: the club feedback survey (clubs ① ② ③ ⑤ ⑩, both sides; everyone in the top two, as the
report's 100%) and the new-participant survey (8 companies, 6 municipalities).
"""
import csv
import io
import os
import random
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.join(HERE, "..", "Samples")
rng = random.Random(20210715)

FAMILY = [("佐藤", "sato"), ("鈴木", "suzuki"), ("高橋", "takahashi"), ("田中", "tanaka"), ("伊藤", "ito"),
          ("渡辺", "watanabe"), ("山本", "yamamoto"), ("中村", "nakamura"), ("小林", "kobayashi"), ("加藤", "kato"),
          ("吉田", "yoshida"), ("山田", "yamada"), ("松本", "matsumoto"), ("井上", "inoue"), ("木村", "kimura"),
          ("林", "hayashi"), ("清水", "shimizu"), ("森", "mori"), ("池田", "ikeda"), ("阿部", "abe"),
          ("石川", "ishikawa"), ("前田", "maeda"), ("小川", "ogawa"), ("岡田", "okada"), ("後藤", "goto")]
GIVEN = [("太郎", "taro"), ("花子", "hanako"), ("一郎", "ichiro"), ("直子", "naoko"), ("健", "ken"), ("美咲", "misaki"),
         ("翔", "sho"), ("陽子", "yoko"), ("大輔", "daisuke"), ("明美", "akemi"), ("拓也", "takuya"), ("由美", "yumi"),
         ("誠", "makoto"), ("恵", "megumi"), ("浩二", "koji"), ("真理", "mari")]
HOST = ("まちのキャリア支援室 事務局", "office@machikyari.example.jp")

used = set()


def person(domain):
    while True:
        family, given = rng.choice(FAMILY), rng.choice(GIVEN)
        email = f"{given[1]}.{family[1]}@{domain}"
        if email not in used:
            used.add(email)
            return (f"{family[0]} {given[0]}", email)


def pool(staff, staff_domain, others, other_domain):
    return [person(staff_domain) for _ in range(staff)] + [person(other_domain) for _ in range(others)]


CLUBS = {
    "club-01": dict(
        folder="2021-club-01-takasu-dept-store", title="①北海道鷹栖町×大手百貨店", sessions=12,
        municipality=pool(10, "takasu.example.lg.jp", 6, "mail.example.com"), per_session_m=12,
        company=pool(10, "dept-store.example.co.jp", 3, "example.net"), per_session_c=10,
        first="2021-07-15", meeting="812 3456 0101"),
    "club-02": dict(
        folder="2021-club-02-naie-trading", title="②北海道奈井江町×大手総合商社", sessions=4,
        municipality=pool(9, "naie.example.lg.jp", 3, "mail.example.com"), per_session_m=10,
        company=pool(6, "trading.example.co.jp", 2, "example.net"), per_session_c=7,
        first="2021-10-20", meeting="845 1234 0202"),
}


def session_people(people, per_session, index):
    """A window of `per_session` people, moving by a few each session so everyone comes at least once."""
    start = (index * 3) % len(people)
    return [people[(start + k) % len(people)] for k in range(per_session)]


def clock(minutes):
    hour, minute = divmod(minutes, 60)
    suffix = "AM" if hour < 12 else "PM"
    return f"{(hour - 1) % 12 + 1:02d}:{minute:02d}:{rng.randrange(60):02d} {suffix}"


def rows_for(people, start_minutes, length, alter=None):
    """Join/leave rows: everyone once, two people twice (dropped out and rejoined)."""
    rows = []
    rejoin = set(rng.sample(range(len(people)), 2))
    for index, (name, email) in enumerate(people):
        email = alter(email) if alter else email
        join = start_minutes + rng.randrange(-5, 4)
        if index in rejoin:
            middle = join + rng.randrange(20, 40)
            rows.append((name, email, join, middle))
            rows.append((name, email, middle + 2, start_minutes + length))
        else:
            rows.append((name, email, join, start_minutes + length + rng.randrange(0, 5)))
    rng.shuffle(rows)
    return rows


def date_parts(iso, add_days):
    import datetime
    day = datetime.date.fromisoformat(iso) + datetime.timedelta(days=add_days)
    return day


def write(path, text, encoding="utf-8"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as handle:
        handle.write(text)


def csv_text(rows, terminator="\r\n"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=terminator)
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue()


def meeting_report_old(club, day, number, people, alter):
    start, length = 18 * 60 + 30, 90
    us = day.strftime("%m/%d/%Y")
    rows = rows_for(people, start, length, alter)
    out = [["Meeting ID", "Topic", "Start Time", "End Time", "User Email", "Duration (Minutes)", "Participants", ""],
           [club["meeting"], f"放課後企業クラブ {club['title'][1:]} 第{number}回", f"{us} {clock(start)}",
            f"{us} {clock(start + length)}", HOST[1], str(length), str(len(rows) + 1), ""],
           [],
           ["Name (Original Name)", "User Email", "Join Time", "Leave Time", "Duration (Minutes)", "Guest", "Recording Consent"],
           [HOST[0], HOST[1], f"{us} {clock(start - 10)}", f"{us} {clock(start + length + 5)}", str(length + 15), "No", "Y"]]
    for name, email, join, leave in rows:
        guest = "Yes" if "example.net" in email or "mail.example.com" in email else "No"
        out.append([name, email, f"{us} {clock(join)}", f"{us} {clock(leave)}", str(max(1, leave - join)), guest, "Y"])
    return csv_text(out)


def meeting_report_new(club, day, number, people):
    start, length = 18 * 60, 95
    us = day.strftime("%m/%d/%Y")
    rows = rows_for(people, start, length)
    out = [["Topic", "ID", "Host", "Duration (minutes)", "Start time", "End time", "Participants"],
           [f"放課後企業クラブ {club['title'][1:]} 第{number}回", club["meeting"], f"{HOST[0]} ({HOST[1]})", str(length),
            f"{us} {clock(start)}", f"{us} {clock(start + length)}", str(len(rows) + 1)],
           [],
           ["Name (original name)", "Email", "Join time", "Leave time", "Duration (minutes)", "Guest", "In waiting room"],
           [HOST[0], HOST[1], f"{us} {clock(start - 10)}", f"{us} {clock(start + length)}", str(length + 10), "No", "No"]]
    for name, email, join, leave in rows:
        out.append([name, email, f"{us} {clock(join)}", f"{us} {clock(leave)}", str(max(1, leave - join)), "No", "No"])
    return csv_text(out)


def meeting_report_japanese(club, day, people):
    """Exported without meeting data, Japanese UI. The town's own staff member hosted (counted)."""
    start, length = 18 * 60, 90
    jp = day.strftime("%Y/%m/%d")
    out = [["名前 (元の名前)", "ユーザーメール", "参加時刻", "退出時刻", "所要時間（分）", "ゲスト"]]
    for name, email, join, leave in rows_for(people, start, length):
        out.append([name, email, f"{jp} {clock(join)}", f"{jp} {clock(leave)}", str(max(1, leave - join)), "いいえ"])
    return "\ufeff" + csv_text(out)


def webinar_attendee_report(club, day, number, people):
    start, length = 14 * 60, 120
    month = day.strftime("%b")
    when = lambda minutes: f"{month} {day.day}, {day.year} {minutes // 60:02d}:{minutes % 60:02d}:{rng.randrange(60):02d}"
    rows = rows_for(people, start, length)
    pad = [""] * 6
    out = [["Attendee Report"] + pad,
           ["Report Generated:", f"{month} {day.day + 1:02d}, {day.year} 09:00 AM"] + pad[:-1],
           ["Topic", "Webinar ID", "Actual Start Time", "Actual Duration (minutes)", "# Registered", "# Cancelled", "Unique Viewers"],
           [f"{club['title'][1:]} 最終発表会（第{number}回）", "861 2345 0112", f"{month} {day.day}, {day.year} 02:00 PM", str(length),
            str(len(people)), "0", str(len(people))],
           ["Host Details"] + pad,
           ["Attended", "User Name (Original Name)", "Email", "Join Time", "Leave Time", "Time in Session (minutes)", "Is Guest"],
           ["Yes", HOST[0], HOST[1], when(start - 15), when(start + length + 5), str(length + 20), "No"],
           ["Attendee Details"] + pad,
           ["Attended", "User Name (Original Name)", "Email", "Join Time", "Leave Time", "Time in Session (minutes)", "Is Guest"]]
    for name, email, join, leave in rows:
        out.append(["Yes", name, email, when(join), when(leave), str(max(1, leave - join)), "No"])
    return csv_text(out, "\n")


def upper(email):
    return email.upper()


def full_width(email):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in email)


def club_sessions(club_id):
    club = CLUBS[club_id]
    folder = os.path.join(SAMPLES, "inbox", club["folder"])
    shutil.rmtree(folder, ignore_errors=True)
    write(os.path.join(folder, "event.yaml"),
          f"# A club's online sessions: one Zoom report per session.\nkind: club-session\nclub: {club_id}\n"
          f"title: 『放課後企業クラブ』{club['title']} オンラインセッション\n")
    changed = club["company"][0][1]
    for index in range(club["sessions"]):
        number = index + 1
        day = date_parts(club["first"], 14 * index)
        people = session_people(club["municipality"], club["per_session_m"], index) \
            + session_people(club["company"], club["per_session_c"], index)
        if club_id == "club-01":
            # The same person writes the address differently in two sessions.
            alter = {4: upper, 6: full_width}.get(index)
            altered = (lambda e: alter(e) if e == changed else e) if alter else None
            if number == club["sessions"]:
                name, text = f"{club['meeting'].replace(' ', '')}_final - Attendee Report.csv", webinar_attendee_report(club, day, number, people)
            else:
                name, text = f"participants_{club['meeting'].replace(' ', '')}_{day.isoformat()}.csv", meeting_report_old(club, day, number, people, altered)
        else:
            if number == club["sessions"]:
                name, text = f"参加者_{day.isoformat()}.csv", meeting_report_japanese(club, day, people)
            else:
                name, text = f"participants_{club['meeting'].replace(' ', '')}_{day.isoformat()}.csv", meeting_report_new(club, day, number, people)
        write(os.path.join(folder, name), text)


def roster():
    rows = [["club", "side", "email"]]
    for club_id, club in CLUBS.items():
        for side, people in (("自治体・地域側", club["municipality"]), ("企業側", club["company"])):
            for _, email in people:
                if email.endswith(("mail.example.com", "example.net")):
                    rows.append([club_id, side, email])
    write(os.path.join(SAMPLES, "core", "members.csv"), csv_text(rows))


FEEDBACK_CLUBS = [("北海道鷹栖町×大手百貨店", 10, 8), ("北海道奈井江町×大手総合商社", 6, 5),
                  ("北海道奈井江町×大手電気機器", 5, 6), ("岩手県雫石町×大手非鉄金属メーカー", 4, 3),
                  ("奈良県生駒市×大手航空会社", 3, 4)]
COMMENTS = ["町の職員の方と率直に話せて、自分の仕事を見直すきっかけになりました。", "次年度も続けたいです。",
            "返礼品の企画が形になって嬉しいです。", "オンラインでも十分に関係がつくれると感じました。",
            "若手職員の刺激になりました。（連絡先: 090-1234-5678）", ""]


def feedback_survey():
    folder = os.path.join(SAMPLES, "inbox", "2022-02-18-club-feedback")
    shutil.rmtree(folder, ignore_errors=True)
    header = ["タイムスタンプ", "メールアドレス", "参加している『放課後企業クラブ』を選んでください。", "あなたのお立場を教えてください。",
              "『放課後企業クラブ』の活動にどの程度満足していますか。", "今後も『放課後企業クラブ』の活動を継続したいと思いますか。",
              "活動の感想やご意見をご自由にお書きください。"]
    rows = [header]
    minute = 0
    for club, municipal, company in FEEDBACK_CLUBS:
        for side, count, domain in (("自治体・地域側", municipal, "town.example.lg.jp"), ("企業側", company, "example.co.jp")):
            for _ in range(count):
                minute += 7
                _, email = person(domain)
                rows.append([f"2022/02/{18 + minute // 1440} {10 + minute // 60 % 12}:{minute % 60:02d}:{rng.randrange(60):02d}", email,
                             club, side, rng.choice(["満足", "満足", "やや満足"]), rng.choice(["継続したい", "継続したい", "どちらかといえば継続したい"]),
                             rng.choice(COMMENTS)])
    write(os.path.join(folder, "放課後企業クラブ 参加者アンケート（回答） - フォームの回答 1.csv"), csv_text(rows))


def new_participant_survey():
    folder = os.path.join(SAMPLES, "inbox", "2022-03-01-new-participants")
    shutil.rmtree(folder, ignore_errors=True)
    header = ["タイムスタンプ", "貴団体の種別を教えてください。", "次年度以降、『放課後企業クラブ』への参画を希望されますか。",
              "ご意見・ご質問をご自由にお書きください。"]
    rows = [header]
    for index, side in enumerate(["企業"] * 8 + ["自治体・地域団体"] * 6):
        rows.append([f"2022/03/01 {9 + index // 4}:{(index * 11) % 60:02d}:{rng.randrange(60):02d}", side,
                     rng.choice(["参画したい", "前向きに検討したい"]), rng.choice(["", "社内で検討します。", "費用負担の考え方を知りたいです。"])])
    write(os.path.join(folder, "新規参加団体アンケート（回答） - フォームの回答 1.csv"), csv_text(rows))


if __name__ == "__main__":
    club_sessions("club-01")
    club_sessions("club-02")
    roster()
    feedback_survey()
    new_participant_survey()
    print("wrote club samples")
