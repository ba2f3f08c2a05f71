#!/usr/bin/env python3
"""Writes a Google-Forms-style response export (as Google Sheets downloads it as CSV) with a
fixed seed: a timestamp, five single-answer scale questions, one multi-answer question (options
joined with ", ") and free text holding commas, quotes and line breaks. The same seed and size
always give the same bytes. Everyone in it is invented; nobody left an address.

usage: make_export.py ROWS OUT.csv [--encoding utf-8|cp932] [--seed N]
"""
import argparse
import csv
import io
import datetime
import multiprocessing
import random

HEADER = [
    "タイムスタンプ",
    "本日の説明会の満足度を教えてください。",
    "説明のわかりやすさを5段階で評価してください。",
    "この地域との関わりを今後も続けたいと思いますか。",
    "この地域をもう一度訪れたいと思いますか（5段階）。",
    "ふるさと納税への関心を教えてください。",
    "関わってみたい活動を選んでください（複数回答可）",
    "ご意見・ご感想をご自由にお書きください。",
]

SATISFACTION = ["満足", "やや満足", "どちらともいえない", "やや不満", "不満"]
CONTINUE = ["続けたい", "どちらかといえば続けたい", "どちらともいえない", "どちらかといえば続けたくない", "続けたくない"]
FURUSATO = ["毎年している", "したことがある", "検討している", "関心はあるがしていない", "関心がない"]
ACTIVITIES = ["観光・旅行", "ふるさと納税", "特産品の購入", "地域イベントへの参加", "オンライン交流",
              "副業・兼業", "ボランティア", "二地域居住・移住"]

OPENINGS = ["説明がとても分かりやすかったです", "事例の紹介が参考になりました", "時間が少し短く感じました",
            "資料を事前にいただけると助かります", "質疑応答の時間がもっと欲しかったです",
            "オンラインでも雰囲気が伝わりました", "次回は現地での開催も期待しています"]
MIDDLES = ["特に、地域の方の話が印象に残りました", "音声が途中で聞き取りにくい場面がありました",
           "社内でも共有したいと思います", "具体的な費用感を知りたいです", "若手社員の参加も検討します"]
QUOTES = ["「関係人口」という言葉", "\"放課後企業クラブ\"の取り組み", "『ワーケーション』の事例", "\"二地域居住\""]


def free_text(rng):
    """Empty for about four in ten; otherwise one to four sentences with commas, quotes and line breaks."""
    if rng.random() < 0.4:
        return ""
    parts = [rng.choice(OPENINGS)]
    for _ in range(rng.randint(0, 3)):
        piece = rng.choice(MIDDLES)
        if rng.random() < 0.3:
            piece = rng.choice(QUOTES) + "について、" + piece
        joiner = rng.choice(["、", ", ", "。\n", "。\r\n", "。"])
        parts.append(joiner + piece)
    text = "".join(parts) + "。"
    if rng.random() < 0.5:
        text += f"（No.{rng.randint(1, 99999)}）"
    return text


def weighted(rng, options, weights):
    return rng.choices(options, weights)[0]


def row(rng, when):
    skip = lambda: rng.random() < 0.03  # optional questions left blank
    cells = [when.strftime("%Y/%m/%d %H:%M:%S")]
    cells.append("" if skip() else weighted(rng, SATISFACTION, [40, 35, 15, 7, 3]))
    cells.append("" if skip() else str(weighted(rng, [1, 2, 3, 4, 5], [3, 7, 20, 40, 30])))
    cells.append("" if skip() else weighted(rng, CONTINUE, [30, 35, 20, 10, 5]))
    cells.append("" if skip() else str(weighted(rng, [1, 2, 3, 4, 5], [5, 10, 25, 35, 25])))
    cells.append("" if skip() else weighted(rng, FURUSATO, [15, 25, 20, 25, 15]))
    if rng.random() < 0.08:
        cells.append("")
    else:
        chosen = [option for option in ACTIVITIES if rng.random() < 0.35] or [rng.choice(ACTIVITIES)]
        cells.append(", ".join(chosen))
    cells.append(free_text(rng))
    return cells


BLOCK = 50_000


def block(job):
    """Rows of one block, as CSV text: each block has its own seed and starting time, so blocks
    can be written on several cores and still give the same bytes."""
    seed, index, rows = job
    rng = random.Random(seed * 100_003 + index)
    when = datetime.datetime(2026, 4, 1, 9, 0, 0) + datetime.timedelta(seconds=index * BLOCK * 11)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for _ in range(rows):
        when += datetime.timedelta(seconds=rng.randint(1, 20))
        writer.writerow(row(rng, when))
    return out.getvalue()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--encoding", default="utf-8")
    parser.add_argument("--seed", type=int, default=20261123)
    args = parser.parse_args()
    jobs = [(args.seed, index, min(BLOCK, args.rows - start)) for index, start in enumerate(range(0, args.rows, BLOCK))]
    with open(args.out, "w", encoding=args.encoding, newline="") as out:
        csv.writer(out, lineterminator="\r\n").writerow(HEADER)
        with multiprocessing.Pool() as pool:
            for text in pool.imap(block, jobs):
                out.write(text)


if __name__ == "__main__":
    main()
