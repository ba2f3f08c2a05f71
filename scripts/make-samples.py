#!/usr/bin/env python3
"""Writes Samples/inbox/: the two WEB説明会 of the report (section 5.2), made of invented people.

Development tool only (the product never runs Python). Deterministic: a fixed seed, so running it
again gives the same bytes. The figures it is built to give are the report's:

- 2022-02-04 municipal webinar: 106 registrants from 74 organisations (with spelling variants that
  must count as one), an attendee report, 29 survey answers: 79.3 / 69.0 / 69.0 %, 75.9 / 58.6 /
  51.7 %, 関心あり 100%.
- 2022-02-10 company webinar: 55 registrants from 21 companies, an attendee report, 15 answers whose
  multi-answers give, as shares of all selections, 41.2 / 23.5 / 17.6 % and 33.3 / 23.1 / 17.9 %,
  関心あり 100%.

Names are combinations of common Japanese family and given names; addresses use example domains.
"""
import csv
import io
import os
import random
import shutil

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Samples", "inbox")
rng = random.Random(20220204)

FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木",
          "山口", "松本", "井上", "木村", "林", "斎藤", "清水", "山崎", "森", "池田", "橋本", "阿部", "石川", "前田",
          "藤田", "小川", "岡田", "後藤", "長谷川", "村上", "近藤", "石井", "坂本", "遠藤", "青木", "藤井", "西村"]
GIVEN = [("太郎", "taro"), ("花子", "hanako"), ("一郎", "ichiro"), ("直子", "naoko"), ("健", "ken"), ("美咲", "misaki"),
         ("翔", "sho"), ("陽子", "yoko"), ("大輔", "daisuke"), ("明美", "akemi"), ("拓也", "takuya"), ("由美", "yumi"),
         ("誠", "makoto"), ("恵", "megumi"), ("浩二", "koji"), ("真理", "mari"), ("修", "osamu"), ("綾", "aya"),
         ("隆", "takashi"), ("智子", "tomoko")]
FAMILY_ROMAN = {"佐藤": "sato", "鈴木": "suzuki", "高橋": "takahashi", "田中": "tanaka", "伊藤": "ito", "渡辺": "watanabe",
                "山本": "yamamoto", "中村": "nakamura", "小林": "kobayashi", "加藤": "kato", "吉田": "yoshida",
                "山田": "yamada", "佐々木": "sasaki", "山口": "yamaguchi", "松本": "matsumoto", "井上": "inoue",
                "木村": "kimura", "林": "hayashi", "斎藤": "saito", "清水": "shimizu", "山崎": "yamazaki", "森": "mori",
                "池田": "ikeda", "橋本": "hashimoto", "阿部": "abe", "石川": "ishikawa", "前田": "maeda", "藤田": "fujita",
                "小川": "ogawa", "岡田": "okada", "後藤": "goto", "長谷川": "hasegawa", "村上": "murakami",
                "近藤": "kondo", "石井": "ishii", "坂本": "sakamoto", "遠藤": "endo", "青木": "aoki", "藤井": "fujii",
                "西村": "nishimura"}


def people(count, used):
    """`count` invented people, never the same name twice across the samples."""
    result = []
    while len(result) < count:
        family = rng.choice(FAMILY)
        given, roman = rng.choice(GIVEN)
        if (family, given) in used:
            continue
        used.add((family, given))
        result.append((family, given, f"{roman}.{FAMILY_ROMAN[family]}"))
    return result


def write_csv(path, rows, line_end="\r\n", bom=False, quote_all=False):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=line_end, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    for row in rows:
        writer.writerow(row)
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        handle.write(buffer.getvalue())


def build_registrants(organisations, variants, total, used, domain):
    """`total` registrants: everyone of `organisations` has at least one; each spelling variant in
    `variants` is typed by one extra member of its organisation; the rest are spread at random."""
    members = list(range(len(organisations)))
    spelled = [organisations[i] for i in members]
    for org, spellings in variants.items():
        for spelling in spellings:
            members.append(organisations.index(org))
            spelled.append(spelling)
    while len(members) < total:
        index = rng.randrange(len(organisations))
        members.append(index)
        spelled.append(organisations[index])
    result = []
    for index, spelling, (family, given, local) in zip(members, spelled, people(len(members), used)):
        result.append({"family": family, "given": given, "email": f"{local}@{domain(organisations[index], index)}",
                       "org": spelling, "org_key": organisations[index]})
    assert len(result) == total
    rng.shuffle(result)
    return result


def zoom_time(day, minutes):
    """Zoom's join/leave format, `minutes` after 13:00 (or 15:00 for the company event)."""
    hour, minute = divmod(minutes, 60)
    return f"Feb {day}, 2022 {hour:02d}:{minute:02d}:{rng.randrange(60):02d}"


def attendee_details(attended, absent, day, first_minute, registered, phone):
    """The Attendee Details rows: each attendee with one to three join/leave rows (shuffled, as Zoom
    lists them), then the no-shows with `--` for every time."""
    extra = ["--"] if phone else []
    entries = []
    for person in attended:
        name = [f"{person['family']} {person['given']}", person["given"], person["family"], person["email"]] + extra
        minute = first_minute + rng.randrange(0, 8)
        for _ in range(1 if rng.random() < 0.7 else rng.choice([2, 3])):
            length = rng.randrange(5, 40)
            entries.append(["Yes"] + name + [registered, "approved", zoom_time(day, minute), zoom_time(day, minute + length),
                                            str(length), "No", person["org"], "Japan"])
            minute += length + rng.randrange(1, 5)
    rng.shuffle(entries)
    for person in absent:
        entries.append(["No", f"{person['family']} {person['given']}", person["given"], person["family"], person["email"]]
                       + extra + [registered, "approved", "--", "--", "--", "--", person["org"], "--"])
    return entries


def assign(counts, respondents, at_least_one=True):
    """Which respondents chose each option: option j is chosen by exactly counts[j] of them, and
    (when possible) everyone chooses something."""
    while True:
        chosen = [set(rng.sample(range(respondents), count)) for count in counts]
        if not at_least_one or all(any(i in c for c in chosen) for i in range(respondents)):
            return chosen


def multi_cells(options, counts, respondents, other_texts=()):
    """One cell per respondent, options joined with ", " in the form's order (as Sheets writes them);
    the 「その他」 option is written as the respondent's own text, as Google Forms does."""
    chosen = assign(counts, respondents)
    cells = []
    other_iter = iter(other_texts)
    for i in range(respondents):
        picked = []
        for j, option in enumerate(options):
            if i in chosen[j]:
                picked.append(next(other_iter) if option == "その他" else option)
        cells.append(", ".join(picked))
    return cells


# ---------------------------------------------------------------------------------------------
# 2022-02-04: WEB説明会 for municipalities and regional groups.

MUNICIPALITIES = [
    "北海道鷹栖町", "北海道奈井江町", "北海道東川町", "岩手県雫石町", "新潟県南魚沼市", "山梨県都留市", "静岡県南伊豆町",
    "奈良県高取町", "奈良県生駒市", "福井県おおい町", "鳥取県南部町", "岡山県瀬戸内市", "福岡県豊前市",
    "青森県十和田市", "秋田県仙北市", "山形県鶴岡市", "福島県会津若松市", "茨城県笠間市", "栃木県那須町", "群馬県みなかみ町",
    "埼玉県秩父市", "千葉県いすみ市", "長野県小布施町", "岐阜県飛騨市", "愛知県新城市", "三重県尾鷲市", "滋賀県長浜市",
    "京都府綾部市", "兵庫県豊岡市", "和歌山県田辺市", "島根県海士町", "広島県三次市", "山口県萩市", "徳島県神山町",
    "香川県三豊市", "愛媛県西条市", "高知県四万十町", "佐賀県嬉野市", "長崎県五島市", "熊本県南小国町", "大分県竹田市",
    "宮崎県日南市", "鹿児島県薩摩川内市", "沖縄県恩納村", "北海道ニセコ町", "宮城県丸森町", "富山県南砺市", "石川県七尾市",
    "静岡県浜松市", "鳥取県智頭町", "長野県塩尻市", "岡山県西粟倉村", "北海道厚真町", "岩手県遠野市",
]
REGIONAL_GROUPS = [
    "NPO法人いわてNPO-NETサポート", "一般社団法人まちのtoolbox", "静岡県立下田高校南伊豆分校", "一般社団法人南さいはく",
    "NPO法人なんぶ里山デザイン機構", "一般社団法人ローカルみらい研究会", "NPO法人ふるさと応援ネット", "株式会社まちづくり鶴岡",
    "一般財団法人地域活性化センター（サンプル）", "NPO法人しまのわ", "一般社団法人里山ラボ", "公益財団法人ふるさと振興財団（サンプル）",
    "株式会社おおい町観光協会（サンプル）", "NPO法人棚田保全の会", "一般社団法人移住交流推進機構（サンプル）",
    "NPO法人こども未来ネット", "一般社団法人地域商社みらい", "株式会社ローカルベンチャーズ（サンプル）",
    "NPO法人森と海の学校", "一般社団法人ワーケーション推進会議（サンプル）",
]
assert len(MUNICIPALITIES) + len(REGIONAL_GROUPS) == 74, len(MUNICIPALITIES) + len(REGIONAL_GROUPS)

# How some registrants type their organisation: each variant must count as the same organisation.
VARIANTS = {
    "北海道奈井江町": ["北海道奈井江町 ", "北海道 奈井江町"],
    "NPO法人いわてNPO-NETサポート": ["ＮＰＯ法人いわてＮＰＯ－ＮＥＴサポート", "特定非営利活動法人いわてNPO-NETサポート"],
    "一般社団法人まちのtoolbox": ["(一社)まちのtoolbox", "一般社団法人 まちのToolbox"],
    "岡山県瀬戸内市": ["岡山県瀬戸内市　"],
    "株式会社まちづくり鶴岡": ["(株)まちづくり鶴岡", "㈱まちづくり鶴岡"],
}


def domain_of(organisation, index):
    if organisation in MUNICIPALITIES:
        return f"city{index:02d}.example.lg.jp"
    return f"group{index:02d}.example.org"


def municipal_event(folder):
    registrants = build_registrants(MUNICIPALITIES + REGIONAL_GROUPS, VARIANTS, 106, set(), domain_of)

    start = "Feb 4, 2022 01:30 PM"
    topic = "「都市部の民間企業とのオンライン関係人口づくりの具体例」WEB説明会"
    webinar_id = "812 3456 7890"

    # Registration report (Zoom, English UI), registration times in January.
    rows = [["Registration Report"], ["Report Generated:", "Feb 07, 2022 10:12 AM"],
            ["Topic", "Webinar ID", "Scheduled Time", "# Registered"], [topic, webinar_id, start, "106"],
            ["Registrant Details"],
            ["First Name", "Last Name", "Email", "Registration Time", "Approval Status", "所属団体名", "役職"]]
    for person in registrants:
        day = rng.randrange(10, 31)
        rows.append([person["given"], person["family"], person["email"],
                     f"Jan {day}, 2022 {rng.randrange(8, 20):02d}:{rng.randrange(60):02d}:{rng.randrange(60):02d}",
                     "approved", person["org"], rng.choice(["主事", "主査", "係長", "課長補佐", "事務局長", "理事"])])
    write_csv(os.path.join(folder, "81234567890 - Registration Report.csv"), rows)

    # Attendee report: 81 of the 106 joined (some several times), 25 did not.
    attended = registrants[:81]
    absent = registrants[81:]
    header = ["Attended", "User Name (Original Name)", "First Name", "Last Name", "Email", "Registration Time",
              "Approval Status", "Join Time", "Leave Time", "Time in Session (minutes)", "Is Guest",
              "所属団体名", "Country/Region Name"]
    rows = [["Attendee Report"] + [""] * 12, ["Report Generated:", "Feb 07, 2022 10:15 AM"] + [""] * 11,
            ["Topic", "Webinar ID", "Actual Start Time", "Actual Duration (minutes)", "# Registered", "# Cancelled",
             "Unique Viewers", "Total Users", "Max Concurrent Views"],
            [topic, webinar_id, start, "62", "106", "0", "81", "104", "79"],
            ["Host Details"] + [""] * 12,
            ["Attended", "User Name (Original Name)", "Email", "Join Time", "Leave Time", "Time in Session (minutes)",
             "Is Guest", "Country/Region Name"],
            ["Yes", "まちのキャリア支援室 事務局", "office@machikyari.example.jp", zoom_time(4, 780), zoom_time(4, 875), "95",
             "No", "Japan"],
            ["Panelist Details"] + [""] * 12,
            ["Attended", "User Name (Original Name)", "Email", "Join Time", "Leave Time", "Time in Session (minutes)",
             "Is Guest", "Country/Region Name"]]
    panelists = [("内閣府 地方創生推進事務局", "greeting@cao.example.go.jp"),
                 ("奈井江町 企画課", "kikaku@naie.example.lg.jp"),
                 ("瀬戸内市 総合政策部", "seisaku@setouchi.example.lg.jp"),
                 ("まちのキャリア支援室 コーディネーター", "coordinator@machikyari.example.jp")]
    for name, email in panelists:
        rows.append(["Yes", name, email, zoom_time(4, 785), zoom_time(4, 870), "85", "No", "Japan"])
    rows.append(["Attendee Details"] + [""] * 12)
    rows.append(header)
    rows += attendee_details(attended, absent, 4, 810, "Jan 20, 2022 10:00:00", phone=False)
    rows.append(["Other Attended"] + [""] * 12)
    rows.append(["User Name", "Join Time", "Leave Time", "Time in Session (minutes)", "Country/Region Name"])
    write_csv(os.path.join(folder, "81234567890 - Attendee Report.csv"), rows)

    # Survey: 29 answers from attendees (Google Sheets route: ", " between checkbox answers).
    respondents = attended[:29]
    reasons = ["関係人口の創出に関心があった", "都市部の民間企業との連携に関心があった", "先進事例に興味があった",
               "地域課題の解決につながると思った", "職員の人材育成に関心があった", "内閣府の事業に関心があった", "その他"]
    impressions = ["放課後企業クラブを通じた『民間企業人材との協働チーム』", "放課後企業クラブを通じた『住民参加型まちづくり』",
                   "放課後企業クラブを通じた『地域課題の解決』",
                   "中間支援のプラットフォーム『まちのキャリア支援室』のしくみや活動内容",
                   "放課後企業クラブを通じた『職員の人材育成』", "オンラインを活用した関係人口づくり", "その他"]
    reason_cells = multi_cells(reasons, [23, 20, 20, 9, 6, 4, 1], 29, other_texts=["議会で関係人口が話題になったため"])
    impression_cells = multi_cells(impressions, [22, 17, 15, 11, 8, 5, 0], 29)
    comments = ["奈井江町と瀬戸内市の事例が具体的で参考になりました。", "", "庁内で共有し、参加を検討したいと思います。", "",
                "オンラインでも関係が深まることが分かりました。", "", "", "資料をいただけますか（連絡先: k.ito@city90.example.lg.jp）。",
                "", "企業側のメリット, 負担の考え方をもう少し知りたいです。", "", "次回は現地訪問の事例も聞きたいです。", "", "",
                "住民参加型の取組に関心があります。", "", "", "小規模な町でも参加できるのか相談したいです。", "", "", "",
                "大変有意義な説明会でした。", "", "", "", "職員研修として活用できそうです。", "", "", ""]
    rows = [["タイムスタンプ", "メールアドレス", "本日のWEB説明会に参加された理由を教えてください。（複数回答可）",
             "WEB説明会の内容で印象に残った点を教えてください。（複数回答可）", "「放課後企業クラブ」に関心はありますか。",
             "ご意見・ご感想をご自由にお書きください。"]]
    for i, person in enumerate(respondents):
        rows.append([f"2022/02/04 {14 + (31 + i * 3) // 60}:{(31 + i * 3) % 60:02d}:{rng.randrange(60):02d}", person["email"],
                     reason_cells[i], impression_cells[i], "関心あり", comments[i]])
    write_csv(os.path.join(folder, "WEB説明会アンケート（自治体向け）（回答） - フォームの回答 1.csv"), rows)


# ---------------------------------------------------------------------------------------------
# 2022-02-10: WEB報告会 for urban companies.

COMPANIES = [
    "株式会社ニコン日総プライム", "株式会社サンプル百貨店", "サンプル商事株式会社", "みらい電機株式会社", "株式会社あおば不動産管理",
    "株式会社つばさ航空サービス", "ひかり非鉄金属株式会社", "株式会社グリーンフィールド", "株式会社データブリッジ",
    "株式会社サンプル銀行", "株式会社はるかぜ保険", "株式会社ミライ人材開発", "株式会社コネクトワークス", "株式会社やまと建設",
    "株式会社しずく食品", "株式会社オープンラボ", "株式会社ノースソフト", "株式会社にじいろ広告", "株式会社サンプル鉄道",
    "株式会社エコロジカル", "株式会社ホライズン・コンサルティング",
]
assert len(COMPANIES) == 21
COMPANY_VARIANTS = {
    "株式会社ニコン日総プライム": ["(株)ニコン日総プライム", "株式会社 ニコン日総プライム"],
    "サンプル商事株式会社": ["サンプル商事㈱"],
    "株式会社データブリッジ": ["株式会社データブリッジ "],
}


def company_event(folder):
    registrants = build_registrants(COMPANIES, COMPANY_VARIANTS, 55, set(),
                                    lambda org, index: f"company{index:02d}.example.com")

    start = "Feb 10, 2022 03:00 PM"
    topic = "都市部の民間企業と地方自治体等との新たな社外交流の「場」づくりの具体例 WEB報告会"
    webinar_id = "815 2468 1357"
    org_header = "会社名（正式名称, 部署名は不要）"

    # Registration report: newer column set (Phone, Source Name), padded label rows.
    width = 9
    rows = [["Registration Report"] + [""] * (width - 1), ["Report Generated:", "Feb 14, 2022 09:30 AM"] + [""] * (width - 2),
            ["Topic", "Webinar ID", "Scheduled Time", "# Registered"] + [""] * (width - 4),
            [topic, webinar_id, start, "55"] + [""] * (width - 4),
            ["Registrant Details"] + [""] * (width - 1),
            ["First Name", "Last Name", "Email", "Phone", "Registration Time", "Approval Status", org_header,
             "Source Name", "Attendance Type"]]
    for person in registrants:
        rows.append([person["given"], person["family"], person["email"], "--",
                     f"Feb {rng.randrange(1, 10)}, 2022 {rng.randrange(8, 20):02d}:{rng.randrange(60):02d}:00", "approved",
                     person["org"], "--", "--"])
    write_csv(os.path.join(folder, "81524681357 - Registration Report.csv"), rows, line_end="\n")

    attended = registrants[:41]
    absent = registrants[41:]
    header = ["Attended", "User Name (Original Name)", "First Name", "Last Name", "Email", "Phone", "Registration Time",
              "Approval Status", "Join Time", "Leave Time", "Time in Session (minutes)", "Is Guest", org_header,
              "Country/Region Name"]
    width = len(header)
    rows = [["Attendee Report"] + [""] * (width - 1), ["Report Generated:", "Feb 14, 2022 09:31 AM"] + [""] * (width - 2),
            ["Topic", "Webinar ID", "Actual Start Time", "Actual Duration (minutes)", "# Registered", "# Cancelled",
             "Unique Viewers", "Total Users", "Max Concurrent Views"] + [""] * (width - 9),
            [topic, webinar_id, start, "92", "55", "0", "41", "57", "40"] + [""] * (width - 9),
            ["Host Details"] + [""] * (width - 1),
            ["Attended", "User Name (Original Name)", "Email", "Join Time", "Leave Time", "Time in Session (minutes)",
             "Is Guest", "Country/Region Name"] + [""] * (width - 8),
            ["Yes", "まちのキャリア支援室 事務局", "office@machikyari.example.jp", zoom_time(10, 890), zoom_time(10, 990),
             "100", "No", "Japan"] + [""] * (width - 8),
            ["Panelist Details"] + [""] * (width - 1),
            ["Attended", "User Name (Original Name)", "Email", "Join Time", "Leave Time", "Time in Session (minutes)",
             "Is Guest", "Country/Region Name"] + [""] * (width - 8)]
    for name, email in [("内閣府 地方創生推進事務局", "greeting@cao.example.go.jp"),
                        ("ニコン日総プライム 登壇者", "speaker@company00.example.com"),
                        ("南部町 企画政策課", "kikaku@nanbu.example.lg.jp")]:
        rows.append(["Yes", name, email, zoom_time(10, 895), zoom_time(10, 985), "90", "No", "Japan"] + [""] * (width - 8))
    rows.append(["Attendee Details"] + [""] * (width - 1))
    rows.append(header)
    rows += attendee_details(attended, absent, 10, 900, "Feb 3, 2022 10:00:00", phone=True)
    write_csv(os.path.join(folder, "81524681357 - Attendee Report.csv"), rows, line_end="\n", quote_all=True)

    # Survey: 15 answers. 17 reasons in all (7/4/3/2/1), 39 useful points (13/9/7/5/3/2).
    respondents = attended[:15]
    reasons = ["地方自治体との連携に関心があったから", "オンラインを活用したコミュニケーションに関心があったから",
               "社員の『社外交流の場』づくりに関心があったから", "SDGs, ESGの取組に関心があったから",
               "社員のキャリア開発・人材育成に関心があったから", "その他"]
    useful = ["放課後企業クラブを通じた『地方自治体との出会いの場』",
              "中間支援のプラットフォーム『まちのキャリア支援室』のしくみや活動内容",
              "放課後企業クラブを通じた『社員の人材育成』", "放課後企業クラブを通じた『シニア社員のキャリア自律』",
              "企業からの具体的事例報告", "パネルディスカッション", "その他"]
    reason_cells = multi_cells(reasons, [7, 4, 3, 2, 1, 0], 15)
    useful_cells = multi_cells(useful, [13, 9, 7, 5, 3, 2, 0], 15)
    comments = ["シニア社員の活躍の場として検討したいです。", "", "社内の人事部と共有します。", "", "",
                "自治体側の受け入れ体制について詳しく知りたいです。", "", "=HYPERLINK(\"http://example.com\",\"詳細\") 参考資料の共有をお願いします。",
                "", "若手社員の研修として魅力的です。", "", "", "費用負担の考え方を教えてください。", "", ""]
    rows = [["タイムスタンプ", "メールアドレス", "本日のWEB報告会に参加された理由を教えてください。（複数回答可）",
             "WEB報告会の内容で参考になった点を教えてください。（複数回答可）", "「放課後企業クラブ」への参加に関心はありますか。",
             "ご意見・ご感想をご自由にお書きください。"]]
    for i, person in enumerate(respondents):
        rows.append([f"2022/02/10 {16 + (35 + i * 2) // 60}:{(35 + i * 2) % 60:02d}:{rng.randrange(60):02d}", person["email"],
                     reason_cells[i], useful_cells[i], "関心あり", comments[i]])
    write_csv(os.path.join(folder, "WEB報告会アンケート（企業向け）（回答） - フォームの回答 1.csv"), rows, bom=True)

    with open(os.path.join(folder, "event.yaml"), "w", encoding="utf-8") as handle:
        handle.write("# Written by the coordinator: what the exports cannot say about this event.\n")
        handle.write("kind: webinar\n")
        handle.write("title: 『都市部の民間企業と地方自治体等との新たな社外交流の「場」づくりの具体例』WEB報告会\n")
        handle.write("date: 2022-02-10\n")
        handle.write("audience: company   # 申込は「社」で数える（55名（21社））\n")


def main():
    if os.path.isdir(ROOT):
        shutil.rmtree(ROOT)
    municipal = os.path.join(ROOT, "2022-02-04-municipal-webinar")
    company = os.path.join(ROOT, "2022-02-10-company-webinar")
    os.makedirs(municipal)
    os.makedirs(company)
    municipal_event(municipal)
    company_event(company)
    print("wrote", os.path.normpath(ROOT))


if __name__ == "__main__":
    main()
