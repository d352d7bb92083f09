// Invented outlets, names, places and phrases the generator builds articles from. All
// written for this project; no third-party text.

const OUTLET_FIRST = ["Harbour", "Northwind", "Meridian", "Caspian", "Baltic", "Fjord", "Coastal", "Highland", "Prairie", "Delta", "Summit", "Riverside", "Granite", "Lantern", "Compass", "Beacon", "Tidewater", "Ironbridge", "Saltmarsh", "Kestrel", "Evening", "Morning", "Continental", "Frontier", "Gulf"];
const OUTLET_SECOND = ["Ledger", "Wire", "Post", "Dispatch", "Courier", "Gazette", "Times", "Herald", "Chronicle", "Observer", "Tribune", "Record", "Standard", "Review", "Sentinel"];

/** Fifty outlet names, the same for every seed: "The Harbour Ledger", "Northwind Wire"… */
export const OUTLETS: readonly string[] = Array.from({ length: 50 }, (_, i) => {
  const name = `${OUTLET_FIRST[i % OUTLET_FIRST.length]} ${OUTLET_SECOND[(i * 7 + Math.floor(i / OUTLET_FIRST.length)) % OUTLET_SECOND.length]}`;
  return i % 3 === 0 ? `The ${name}` : name;
});

/** Given names; a pair is two spellings of one name, as outlets transliterate it. */
export const GIVEN_NAMES: readonly (readonly string[])[] = [
  ["Oleksandr", "Aleksandr"], ["Volodymyr", "Vladimir"], ["Mykola", "Nikolai"], ["Serhiy", "Sergei"], ["Andriy", "Andrei"],
  ["Yuliya", "Yulia"], ["Olena", "Elena"], ["Dmytro", "Dmitry"], ["Muhammad", "Mohammed"], ["Yusuf", "Yousef"],
  ["Ingrid"], ["Kari"], ["Tomas"], ["Leila"], ["Anton"], ["Maren"], ["Jonas"], ["Sigrid"], ["Elias"], ["Astrid"],
  ["Henrik"], ["Petra"], ["Rashid"], ["Amina"], ["Farida"], ["Nadia"], ["Ilse"], ["Marek"], ["Zofia"], ["Tarik"],
  ["Celia"], ["Bruno"], ["Anouk"], ["Pieter"], ["Greta"], ["Lucia"], ["Matteo"], ["Ines"], ["Rafael"], ["Selin"],
  ["Kemal"], ["Aiko"], ["Haruto"], ["Priya"], ["Arjun"], ["Wanjiru"], ["Kofi"], ["Thandiwe"], ["Esther"], ["Olumide"],
];

/** Family names, with their transliteration variants. */
export const FAMILY_NAMES: readonly (readonly string[])[] = [
  ["Hrytsenko", "Gritsenko"], ["Kovalenko", "Kovalenko"], ["Shevchuk", "Shevchuk"], ["Tkachenko", "Tkachenko"], ["Zelenskyy", "Zelensky", "Zelenskiy"],
  ["Pelevanov", "Pelevanoff"], ["al-Khazraji", "Al Khazraji"], ["al-Rashidi", "Al-Rashidi"], ["Mansoor", "Mansour"], ["Nasser", "Naser"],
  ["Halvorsen"], ["Lindqvist"], ["Nordmann"], ["Lunde"], ["Berg"], ["Dahl"], ["Strand"], ["Moen"], ["Haugen"], ["Solberg"],
  ["Eide"], ["Faraday"], ["Okonkwo"], ["Mensah"], ["Achterberg"], ["Vermeulen"], ["Castellano"], ["Moretti"], ["Duarte"], ["Yilmaz"],
  ["Demir"], ["Tanaka"], ["Sato"], ["Raman"], ["Iyer"], ["Kamau"], ["Otieno"], ["Nowak"], ["Kowalczyk"], ["Horvath"],
  ["Novak"], ["Petrov", "Petroff"], ["Ivanova", "Ivanowa"], ["Sorensen", "Sørensen"], ["Muller", "Müller"], ["Bjork", "Björk"], ["Garcia", "García"], ["Jovanovic", "Jovanović"], ["Lefevre", "Lefèvre"], ["Ozturk", "Öztürk"],
];

/** Given names (first spelling) of women, for pronouns and honorifics. */
export const WOMEN: ReadonlySet<string> = new Set(["Yuliya", "Olena", "Ingrid", "Kari", "Leila", "Maren", "Sigrid", "Astrid", "Petra", "Amina", "Farida", "Nadia", "Ilse", "Zofia", "Celia", "Anouk", "Greta", "Lucia", "Ines", "Selin", "Aiko", "Priya", "Wanjiru", "Thandiwe", "Esther"]);

export const ROLES: readonly string[] = [
  "energy minister", "transport minister", "finance minister", "fisheries minister", "foreign minister", "health minister",
  "mayor", "harbour master", "port director", "central bank governor", "union leader", "chief executive",
  "opposition leader", "prime minister", "president", "trade commissioner", "police chief", "chief economist",
];

export const HONORIFICS: readonly string[] = ["Mr", "Ms", "Dr", "Minister", "President", "Mayor"];

export const PLACES: readonly string[] = [
  "MUSCAT", "OSLO", "KYIV", "LVIV", "TROMSO", "BERGEN", "MURMANSK", "BAKU", "TALLINN", "RIGA", "GDANSK", "HAMBURG",
  "ROTTERDAM", "LISBON", "NAIROBI", "ACCRA", "ISTANBUL", "ANKARA", "MUMBAI", "OSAKA", "DOHA", "VALLETTA", "HELSINKI", "REYKJAVIK",
];

/** What stories are about: a noun phrase, and words that come with it. */
export const SUBJECTS: readonly { topic: string; words: readonly string[] }[] = [
  { topic: "shipping levy", words: ["tankers", "freight", "ports", "emissions"] },
  { topic: "oil output", words: ["crude", "barrels", "production", "prices"] },
  { topic: "rare earth mining", words: ["licences", "deposits", "metals", "exports"] },
  { topic: "civilian flights", words: ["airports", "airlines", "runways", "passengers"] },
  { topic: "fishing quotas", words: ["cod", "trawlers", "stocks", "quotas"] },
  { topic: "harbour fees", words: ["dredging", "berths", "tariffs", "cargo"] },
  { topic: "wind farms", words: ["turbines", "grid", "subsidies", "cables"] },
  { topic: "grain exports", words: ["wheat", "silos", "corridor", "harvest"] },
  { topic: "rail strike", words: ["drivers", "wages", "timetables", "commuters"] },
  { topic: "housing costs", words: ["rents", "mortgages", "builders", "tenants"] },
  { topic: "sea ice", words: ["glaciers", "researchers", "satellites", "melt"] },
  { topic: "budget talks", words: ["deficit", "spending", "taxes", "pensions"] },
  { topic: "sanctions", words: ["banks", "assets", "embargo", "exemptions"] },
  { topic: "election campaign", words: ["ballots", "polls", "candidates", "turnout"] },
  { topic: "pipeline repairs", words: ["valves", "gas", "pressure", "contractors"] },
  { topic: "water shortages", words: ["reservoirs", "drought", "rationing", "farmers"] },
];

export const VERBS_PAST: readonly string[] = ["announced", "rejected", "approved", "delayed", "defended", "criticised", "welcomed", "questioned"];
export const WEEKDAYS: readonly string[] = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "at the weekend", "late on Sunday"];

/** Remark templates: {w} is a word of the subject, {t} the subject itself. */
export const REMARKS: readonly string[] = [
  "We will not accept any plan on {t} that leaves the {w} behind, and we have said so from the start",
  "The {w} cannot wait for another report; they need a decision on {t} this year",
  "Nobody asked the people who depend on {w} what they think, and that is the problem with this deal",
  "Our position on {t} has not changed, whatever the markets do next week",
  "This is an invitation to invest in {w}, not a subsidy, and it will stay that way",
  "If the figures on {w} are right, the whole approach to {t} has to be rethought",
  "We have the money for {w}; what we lack is the time",
  "I am confident that a fair agreement on {t} is within reach before the summer",
  "The cost of doing nothing about {w} is far higher than the cost of acting now",
  "We were not consulted on {t}, and we will say so at every meeting until we are",
  "There is no crisis in {w}, only a failure to plan for it",
  "Every month of delay on {t} costs the region more than the whole programme",
];

export const NEUTRAL_SENTENCES: readonly string[] = [
  "Officials are due to meet again next month to review the figures.",
  "The proposal still needs the approval of parliament, where the governing coalition holds a narrow majority.",
  "Analysts said the announcement had been widely expected.",
  "Prices were little changed after the remarks.",
  "Talks on the issue have dragged on for more than two years.",
  "The ministry did not respond to a request for further comment.",
  "Several industry groups gave a mixed response to the plan.",
  "Local councils have asked for more detail on how the money would be spent.",
];

/** Page junk a crawler saves with the article. */
export const COOKIE_BANNERS: readonly string[] = [
  "We use cookies to personalise content and analyse our traffic. Accept all | Manage preferences",
  "This site uses cookies. By continuing to browse you agree to our use of cookies. OK",
];
export const SHARE_BARS: readonly string[] = ["Share on Facebook | Share on X | Email | Print", "Share this article: Facebook Twitter LinkedIn WhatsApp", "SHARE  TWEET  EMAIL"];
export const SUBSCRIBE_LINES: readonly string[] = [
  "Subscribe to our newsletter for the day's top stories, delivered every morning.",
  "Sign up for our daily briefing. Subscribe now",
  "Support independent journalism: become a member today.",
];
export const CAPTION_PREFIXES: readonly string[] = ["Photo:", "Image:", "Pictured:"];
export const RELATED_LINES: readonly string[] = ["Read more: ", "Related: ", "See also: "];
