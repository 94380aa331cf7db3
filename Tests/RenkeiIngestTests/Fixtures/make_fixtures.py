#!/usr/bin/env python3
"""Writes the HTML fixtures of RenkeiIngestTests: one real page (Corpus/001, 磯子区) wrapped
in the furniture of a municipal site, in every encoding and declaration style the ingester
must handle. Run from this folder; the outputs are committed."""

import html

TITLE = "磯子事業会と磯子区役所が「地域活性化に関する包括連携協定」を締結"
PARAGRAPHS = [
    "横浜市では、市民や企業など、様々な担い手の皆様との対話を進め、それぞれが持つ資源やノウハウを活用することにより、社会的課題、行政課題の解決を図る「共創」の取組を進めています。",
    "この度、磯子区においても「共創」の取組として、横浜市磯子区（区長 小林 正幸）と磯子事業会（会長 長谷川 浩正：日興テクノス株式会社 代表取締役）は、相互の連携を強化し、磯子区における区民サービスの向上を目的として「地域活性化に関する包括連携協定」を締結しました。",
    "磯子事業会は、磯子区内の様々な業種の企業が会員となり、主に地域振興と企業の発展、業種の壁を越えた地元企業間の連携関係を図ることを目的として、昭和 48 年に設立されました。",
]
ITEMS = ["子ども・青少年育成に関すること", "高齢者・障害者支援に関すること", "まちの美化・緑化の推進に関すること", "防災に関すること"]
# Characters only Windows-31J (CP932) has: NEC and IBM extensions.
CP932_ONLY = "<p>問い合わせ：① 地域振興課 髙橋、㈱磯子テクノ（Ⅲ期）</p>"


def page(declaration, content_root, extra=""):
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in PARAGRAPHS)
    items = "".join(f"<li>{i}</li>" for i in ITEMS)
    main_open, main_close = ('<main id="main">', "</main>") if content_root == "main" else ('<div id="contents">', "</div>")
    return f"""<!DOCTYPE html>
<html lang="ja">
<head>
{declaration}
<title>{TITLE}｜横浜市磯子区ホームページ</title>
<style>.gnav {{ color: red; }} /* スタイル定義の文字列 */</style>
<script>var message = "スクリプトの文字列"; window.dataLayer = [];</script>
</head>
<body>
<div id="skip"><a href="#main">本文へ移動</a></div>
<header id="header"><div class="site-logo"><a href="/">横浜市磯子区</a></div>
<ul class="header-tools"><li><a href="/foreign/">Foreign Language</a></li><li><a href="/size/">文字サイズ変更</a></li></ul>
</header>
<nav id="gnav"><ul><li><a href="/kurashi/">くらし・手続き</a></li><li><a href="/kosodate/">子育て・教育</a></li><li><a href="/kenko/">健康・医療・福祉</a></li><li><a href="/sangyo/">産業・まちづくり</a></li></ul></nav>
<div class="pankuzu"><a href="/">トップページ</a> &gt; <a href="/kusei/">区政情報</a> &gt; 包括連携協定</div>
{main_open}
<h1>{TITLE}</h1>
<div class="sns-share"><a href="https://twitter.com/share">ツイートする</a> <a href="https://www.facebook.com/share">シェアする</a> <a href="https://line.me/R/msg/text/">LINEで送る</a></div>
{body}
<h2>地域活性化に関する包括連携協定の対象分野</h2>
<ul>{items}</ul>
<table><tr><th>協定名</th><td>地域活性化に関する包括連携協定</td></tr><tr><th>締結日</th><td>令和5年10月1日</td></tr></table>
{extra}
<div><a href="/link1/">リンク集その一</a> <a href="/link2/">リンク集その二</a> <a href="/link3/">リンク集その三</a> <a href="/link4/">リンク集その四</a></div>
<p class="pagetop"><a href="#header">ページの先頭へ戻る</a></p>
{main_close}
<aside class="sidebar"><h2>このページを見ている人はこんなページも見ています</h2><ul><li><a href="/a/">区民活動支援センター</a></li><li><a href="/b/">磯子区の統計</a></li></ul></aside>
<footer id="footer"><p>磯子区役所 〒235-0016 横浜市磯子区磯子三丁目5番1号</p><p>電話：045-750-2323</p><p>Copyright &copy; City of Yokohama. All rights reserved.</p></footer>
</body>
</html>
"""


FIXTURES = [
    # name, codec, declaration, content root, extra
    ("cp932-shift_jis-label.html", "cp932", '<meta charset="Shift_JIS">', "main", CP932_ONLY),
    ("cp932-http-equiv.html", "cp932", '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', "div", CP932_ONLY),
    ("cp932-undeclared.html", "cp932", "", "main", CP932_ONLY),
    ("euc-jp-label.html", "euc_jp", '<meta charset="EUC-JP">', "main", ""),
    ("euc-jp-undeclared.html", "euc_jp", "", "div", ""),
    ("utf-8-label.html", "utf-8", '<meta charset="UTF-8">', "main", CP932_ONLY),
    ("utf-8-undeclared.html", "utf-8", "", "div", CP932_ONLY),
    ("utf-8-bom.html", "utf-8-sig", "", "main", CP932_ONLY),
]

if __name__ == "__main__":
    for name, codec, declaration, root, extra in FIXTURES:
        with open(name, "wb") as f:
            f.write(page(declaration, root, extra).encode(codec))
        print(name)
