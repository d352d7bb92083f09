// Pages of an invented outlet, written for these tests: a news article with the junk real
// pages carry around it (menu, share bar, caption, related links, newsletter box, comments).
export function inventedPage(options: { slug: string; headline: string; author: string; speaker: string; remark: string; day: string }): string {
  const { slug, headline, author, speaker, remark, day } = options;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>${headline} | The Harbour Ledger</title>
<meta property="og:site_name" content="The Harbour Ledger">
<meta property="og:title" content="${headline}">
<meta property="article:published_time" content="${day}T08:30:00+01:00">
<link rel="canonical" href="https://harbourledger.example/news/${slug}">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${headline}",
"datePublished":"${day}T08:30:00+01:00","author":[{"@type":"Person","name":"${author}"}],"publisher":{"@type":"Organization","name":"The Harbour Ledger"}}</script>
</head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
<main><article>
<h1>${headline}</h1>
<div class="byline">By <a rel="author" href="/staff">${author}</a></div>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<figure><img src="/pier.jpg"><figcaption>The old pier at dawn. Photo: Ola Brekke</figcaption></figure>
<p>The harbour board voted on Tuesday to rebuild the northern pier, ending a dispute that has divided the town for three winters and delayed the ferry timetable.</p>
<p>“${remark},” said ${speaker}, who chairs the board, after the vote in the town hall on Quay Street.</p>
<p>Work is due to start in the spring. The board expects the new pier to carry the heavier ferries that the coastal route has used since the autumn, and to open before the summer season.</p>
<p>Fishermen who moor at the northern pier will be moved to the southern basin while the work goes on, the board said in a statement issued after the meeting.</p>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/a">Ferry fares rise again</a></li><li><a href="/b">Storm closes coastal road</a></li></ul></aside>
</article></main>
<div class="newsletter"><h3>Sign up to our morning briefing</h3><form><input type="email"><button>Subscribe</button></form></div>
<section id="comments"><h3>Comments</h3><p>Log in to comment.</p></section>
<footer><p>© 2025 The Harbour Ledger. All rights reserved.</p></footer>
</body></html>`;
}
