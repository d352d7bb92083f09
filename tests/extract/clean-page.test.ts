import { describe, expect, it } from "vitest";
import { cleanPage } from "../../src/extract/clean-page.js";

const OUTLET = "The Harbour Post";
const kept = (blocks: string[], outlet: string | null = OUTLET) => cleanPage(blocks, outlet).blocks;
const ARTICLE = "The ferry will run on weekends through the winter, the council decided on Tuesday after a long debate.";

describe("cleanPage", () => {
  it("keeps article paragraphs", () => {
    expect(kept([ARTICLE])).toEqual([ARTICLE]);
  });

  it("removes short calls to action", () => {
    for (const junk of ["Read more", "Follow topic:", "See more on Ferries", "Sign up now: get our briefing in your inbox", "Remind me later.", "Related: Ferry fares to rise in May", "Advertisement · Scroll to continue", "Share this article", "Comments (12)"]) {
      expect(kept([ARTICLE, junk]), junk).toEqual([ARTICLE]);
    }
  });

  it("does not take a subheading that starts like a call to action", () => {
    expect(kept(["Support grows for the weekend service", ARTICLE])).toEqual(["Support grows for the weekend service", ARTICLE]);
  });

  it("removes share bars, breadcrumbs and time stamps", () => {
    const page = ["News › Local › Transport", "Facebook · X · WhatsApp · Email", "Published: 09:14, 3 Mar 2025 | Updated: 10:02", ARTICLE];
    expect(kept(page)).toEqual([ARTICLE]);
  });

  it("removes a cookie notice", () => {
    expect(kept(["We use cookies to improve your experience. Accept | Manage preferences", ARTICLE])).toEqual([ARTICLE]);
  });

  it("removes the outlet's name set as a line, with an edition label", () => {
    expect(kept(["THE HARBOUR POST", "Harbour Post — English edition", ARTICLE])).toEqual([ARTICLE]);
  });

  it("removes a donation appeal that names the outlet", () => {
    const appeal = "The Harbour Post is funded by readers like you. Please support our journalism today.";
    expect(kept([ARTICLE, appeal])).toEqual([ARTICLE]);
  });

  it("removes a whole appeal opened by a header, including its quoted words", () => {
    const page = [ARTICLE, "A Message from The Harbour Post:", "Dear readers,", "Officials have called our work \"harmful\". We disagree.", "Your support keeps us going.", "Monthly", "Continue"];
    expect(kept(page)).toEqual([ARTICLE]);
  });

  it("keeps a quoted remark that happens to ask for support", () => {
    const remark = "“We need your support, and we will repay it,” the mayor told residents.";
    expect(kept([ARTICLE, remark])).toEqual([ARTICLE, remark]);
  });

  it("removes photo captions and keeps their credits aside", () => {
    const page = cleanPage(["Passengers board the ferry at dawn. Ana Costa / HPA", "FILE PHOTO: The old terminal. REUTERS/Tom Lake/File photo", "PHOTO: AFP", ARTICLE], OUTLET);
    expect(page.blocks).toEqual([ARTICLE]);
    expect(page.credits).toEqual(expect.arrayContaining(["Ana Costa", "Tom Lake"]));
  });

  it("removes an agency sign-off at the end of the last paragraph", () => {
    const page = cleanPage([ARTICLE, "The vote was 11 to 6, she said. REUTERS"], OUTLET);
    expect(page.blocks[1]).toBe("The vote was 11 to 6, she said.");
    expect(page.signOffs).toEqual(["REUTERS"]);
  });

  it("removes instructions to the reader and the newsroom's address", () => {
    expect(kept([ARTICLE, "Got a story? Email us at tips@harbourpost.example", "If you spot a mistake, select it and press Ctrl+Enter."])).toEqual([ARTICLE]);
  });

  it("removes tag lists and trailing menu labels", () => {
    expect(kept([ARTICLE, "Tags: ferries, council, winter", "Most viewed", "Live feed"])).toEqual([ARTICLE]);
  });

  it("removes a press release's closing sections", () => {
    const page = [ARTICLE, ARTICLE, ARTICLE, "About Harbour Ferries", "Harbour Ferries operates six routes.", "Media contact: Li Wei, +1 555 0100"];
    expect(kept(page)).toEqual([ARTICLE, ARTICLE, ARTICLE]);
  });

  it("keeps closing credit lines for the masthead", () => {
    expect(kept([ARTICLE, "By Ana Costa"])).toEqual([ARTICLE, "By Ana Costa"]);
  });

  it("removes a two-item breadcrumb set off by a bar", () => {
    expect(kept(["World News | Asia", ARTICLE])).toEqual([ARTICLE]);
  });

  it("keeps a short title that carries the site's name after a bar", () => {
    expect(kept(["Pier to close | The Harbour Post", ARTICLE])).toEqual(["Pier to close | The Harbour Post", ARTICLE]);
  });

  it("removes a newsroom note about the article itself", () => {
    expect(kept([ARTICLE, "This interview has been edited for length and clarity.", "Translated from Portuguese by the editorial office."])).toEqual([ARTICLE]);
  });

  it("removes the outlet speaking of itself in a short line", () => {
    expect(kept([ARTICLE, "Our Standards: The Harbour Post Trust Principles."])).toEqual([ARTICLE]);
  });

  it("removes the linked headlines after a Read more line, up to the next real paragraph", () => {
    const page = [ARTICLE, "Read more:", "Why the night ferry keeps running late", "The pier is closing. Who pays?", "The council will vote again in March, a spokesperson said."];
    expect(kept(page)).toEqual([ARTICLE, "The council will vote again in March, a spokesperson said."]);
  });

  it("removes the linked headlines after a labelled link", () => {
    expect(kept([ARTICLE, "Related: Ferry fares to rise in May", "Harbour tolls frozen for a second year", ARTICLE])).toEqual([ARTICLE, ARTICLE]);
  });

  it("keeps a headline-like line that no Read more line introduces", () => {
    expect(kept([ARTICLE, "Night crossings return", ARTICLE])).toEqual([ARTICLE, "Night crossings return", ARTICLE]);
  });

  it("keeps a credit line that follows a list of links for the masthead", () => {
    expect(kept([ARTICLE, "Read more", "Why the night ferry keeps running late", "By Ana Costa"])).toEqual([ARTICLE, "By Ana Costa"]);
  });

  it("removes a caption closed by a capitalised credit label (PHOTO: AGENCY)", () => {
    const page = cleanPage(["Passengers wait at the closed pier. PHOTO: HPA", ARTICLE], OUTLET);
    expect(page.blocks).toEqual([ARTICLE]);
    expect(page.credits).toEqual(["HPA"]);
  });

  it("removes a support appeal with a pitch, even when the outlet is not known", () => {
    const page = ["Support The Harbour Post – pay what you can, when you can", "Pier to close for the winter", ARTICLE];
    expect(kept(page, null)).toEqual(["Pier to close for the winter", ARTICLE]);
  });

  it("keeps a sentence of reporting that opens with the word copyright", () => {
    const line = "Copyright law protects the ferry company's timetable, the court ruled on Monday.";
    expect(kept([ARTICLE, line])).toEqual([ARTICLE, line]);
  });

  it("removes bookmarking and sharing widgets in the shapes outlets print them", () => {
    for (const junk of ["Bookmark", "Save", "Save article", "Add to bookmarks", "Share on Facebook", "Share via Email", "Copy link", "Link copied!", "Print this page", "Gift this article", "Listen to this article", "Save · Share · Comments", "Facebook", "Tweet", "Show comments", "Be the first to comment"]) {
      expect(kept([ARTICLE, junk, ARTICLE]), junk).toEqual([ARTICLE, ARTICLE]);
    }
  });

  it("keeps a subheading or sentence that starts with a widget's word", () => {
    for (const line of ["Save the pier, residents say", "Print editions of the timetable ran out within a day, the ferry company said."]) {
      expect(kept([ARTICLE, line, ARTICLE]), line).toEqual([ARTICLE, line, ARTICLE]);
    }
  });

  it("removes related-article blocks under labels in capitals, with bars, dashes and bullets", () => {
    const page = [ARTICLE, "RELATED COVERAGE", "• Winter storms cost coastal utilities millions", "• What to know about outage compensation", "ALSO READ | Port plans shore power for ferries", "SEE ALSO: Ferry fares to rise in May.", ARTICLE];
    expect(kept(page)).toEqual([ARTICLE, ARTICLE]);
  });

  it("removes comment-policy lines, reporter contact lines and staff-and-wire credits", () => {
    const page = [ARTICLE, "Contact the reporter at 555-0100 or @janeroe_ledger.", "Jane Roe can be reached at (555) 010-0199.", "Staff and wire reports", "Comments are moderated and may take up to 24 hours to appear."];
    expect(kept(page)).toEqual([ARTICLE]);
  });

  it("removes photo credits after a bar or in brackets and keeps the photographers aside", () => {
    const page = cleanPage(["Passengers board the ferry on Monday. | Photo: Mark Stone, The Harbour Ledger", ARTICLE, "Line workers repair a pole. (HPA Photo/Robert Lane, File)", "(Staff photo by Owen Hart)"], OUTLET);
    expect(page.blocks).toEqual([ARTICLE]);
    expect(page.credits).toEqual(expect.arrayContaining(["Mark Stone", "Robert Lane", "Owen Hart"]));
  });

  it("keeps article sentences that mention a photo, a phone number, comments or the wires", () => {
    const lines = [
      "A photo of the packed morning boat drew wide attention online in January.",
      "Parents can reach the district's transportation office at 555-0123 with questions, the sheriff said.",
      "Residents left more than 300 comments on the plan, many of them abusive, the clerk said.",
      "Ferry staff walked off the job on Tuesday.",
    ];
    expect(kept([ARTICLE, ...lines])).toEqual([ARTICLE, ...lines]);
  });
});
