#!/usr/bin/env python3
"""Writes N synthetic press releases in the style of municipal pages (「…と包括連携協定を
締結しました」), so the knowledge graph can be measured at a size the Debian corpus does not
give: real city names and codes from the gazetteer, invented companies that sign with several
cities, dates, topics and joint projects. Fixed seed: the same pages every run.

    python3 scripts/make-municipal-pages.py OUT_DIR [--pages 5000]
"""
import argparse, csv, os, random

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--pages", type=int, default=5000)
parser.add_argument("--gazetteer", default=os.path.join(os.path.dirname(__file__), "..", "Sources", "RenkeiExtract", "Resources", "municipalities.csv"))
args = parser.parse_args()

random.seed(20261123)
cities = [r for r in csv.DictReader(open(args.gazetteer, encoding="utf-8")) if r["kind"] in ("city", "town", "village", "special_ward")]
heads = ["アオバ", "ミナト", "ヒカリ", "サクラ", "ツバサ", "ハルカ", "ミライ", "ソラ", "イズミ", "カナデ", "ユウキ", "アサヒ", "ホシノ", "ミドリ", "コダマ"]
tails = ["テック", "システムズ", "ライフ", "フーズ", "エナジー", "ネットワークス", "ロジスティクス", "ヘルスケア", "データ", "モビリティ"]
companies = [f"株式会社{h}{t}" if i % 2 else f"{h}{t}株式会社" for i, (h, t) in enumerate((h, t) for h in heads for t in tails)]
topics = ["地域活性化", "防災", "子育て支援", "脱炭素", "デジタル化推進", "観光振興", "健康増進", "高齢者見守り", "スポーツ振興", "食育"]
projects = ["みらい", "げんき", "つながり", "あんしん", "スマート", "にぎわい"]

os.makedirs(args.out, exist_ok=True)
for page in range(args.pages):
    city = random.choice(cities)
    company = random.choice(companies)
    topic = random.choice(topics)
    year, month, day = random.randint(1, 6), random.randint(1, 12), random.randint(1, 28)
    project = f"{city['name'][:-1]}{random.choice(projects)}プロジェクト"
    text = f"""{city['name']}と{company}が「{topic}に関する包括連携協定」を締結しました

{city['prefecture']}{city['name']}と{company}は、令和{year}年{month}月{day}日に「{topic}に関する包括連携協定」を締結しました。

本協定により、両者は{topic}の分野で相互に連携し、市民サービスの向上を図ります。

今後、両者は「{project}」を連携して実施します。

問い合わせ先
{city['name']}役所 企画課
"""
    with open(os.path.join(args.out, f"release-{page:05d}.txt"), "w", encoding="utf-8") as f:
        f.write(text)
print(f"{args.pages} pages in {args.out}")
