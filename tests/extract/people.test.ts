import { describe, expect, it } from "vitest";
import { findPeople, toPersonDrafts } from "../../src/extract/people.js";
import { analyseParagraph } from "../../src/extract/text-analysis.js";

const peopleIn = (text: string, exclude: string[] = []) =>
  toPersonDrafts(findPeople(text.split("\n\n").map(analyseParagraph), exclude).people);
const names = (text: string, exclude: string[] = []) => peopleIn(text, exclude).map((p) => p.name);

describe("findPeople", () => {
  it("groups a full name, a surname and an honorific form under one person", () => {
    const people = peopleIn("Kiril Dmitrov arrived on Monday.\n\nMr Dmitrov said talks went well. Dmitrov's aides agreed.");
    expect(people).toEqual([{ name: "Kiril Dmitrov", aliases: expect.arrayContaining(["Dmitrov", "Mr Dmitrov"]), mentions: 3 }]);
  });

  it("takes no trade route, pipeline or corridor for a person", () => {
    expect(names("Officials pitched the route with the International North-South Transport Corridor, said Mira Holm. The Baltic Pipeline and the Arctic Highway were not mentioned.")).toEqual(["Mira Holm"]);
  });

  it("resolves a surname written before the full name", () => {
    expect(names("Dmitrov landed first.\n\nKiril Dmitrov then met reporters.")).toEqual(["Kiril Dmitrov"]);
  });

  it("strips titles and nationality words before a name", () => {
    expect(names("Brazilian President Ana Costa met Foreign Minister Tom Lake.")).toEqual(["Ana Costa", "Tom Lake"]);
  });

  it("recognises a delegate by the abbreviated title, and a name with Del in it as a name", () => {
    expect(names("“This is a waste of time,” said Del. Stacey Plaskett of the Virgin Islands.")).toEqual(["Stacey Plaskett"]);
    expect(names("Lana Del Rey sang, and Benicio Del Toro said it was fine.")).toEqual(["Lana Del Rey", "Benicio Del Toro"]);
  });

  it("recognises a person after an office's title that ends in its body", () => {
    expect(names("Secretary of the Navy Ray Mabus said the fleet was ready.")).toEqual(["Ray Mabus"]);
    expect(names("As Speaker of the House Newt Gingrich’s plan showed, the party led. Later, Gingrich dismissed it.")).toEqual(["Newt Gingrich"]);
  });

  it("recognises a judge introduced by a court's title", () => {
    expect(names("Manhattan Supreme Court Justice Frank Nervo rejected that argument.")).toEqual(["Frank Nervo"]);
    expect(names("Chief Justice John Roberts wrote for the court.")).toEqual(["John Roberts"]);
    expect(names("Justice Minister Ana Ruiz disagreed.")).toEqual(["Ana Ruiz"]);
  });

  it("recognises an unfamiliar name that speaks with its outlet between the verb and the name", () => {
    expect(names("The campaign is over, noted NBC’s Dante Chinni.")).toEqual(["Dante Chinni"]);
    expect(names("The campaign is over, said The Harbour Ledger’s Ona Vikstrand.")).toEqual(["Ona Vikstrand"]);
  });

  it("recognises an unfamiliar name that speaks after its party and place in brackets", () => {
    expect(names("Marit Vangsnes (D-Newport News) said the vote was close.")).toEqual(["Marit Vangsnes"]);
  });

  it("recognises a Korean name, family name first, and its family name alone as the person", () => {
    const people = peopleIn("U.N. Secretary-General Ban Ki-moon condemned the test.\n\nBan said the council would meet.");
    expect(people).toEqual([expect.objectContaining({ name: "Ban Ki-moon", aliases: expect.arrayContaining(["Ban"]), mentions: 2 })]);
    expect(names("South Korean President Park Geun-hye called it reckless.")).toEqual(["Park Geun-hye"]);
    // Descriptors joined by a hyphen are still no names.
    expect(names("A Kremlin-run channel and an Oslo-born singer were there, said Ana Ruiz.")).toEqual(["Ana Ruiz"]);
  });

  it("recognises an unfamiliar name that speaks after an appositive set off by commas", () => {
    expect(names("“The odds are long,” Orla Vintersby, a senior fellow at the Larkspur Institute, wrote in an analysis.")).toEqual(["Orla Vintersby"]);
    expect(names("Tavish Quarrie, its acting chairman, told reporters the party had lost.")).toEqual(["Tavish Quarrie"]);
    // An aside that never closes before the sentence ends is no appositive.
    expect(names("Harbour Quay, a new district.")).toEqual([]);
  });

  it("reads a first name that is also an auxiliary verb as a name, but not a headline's verb after a name", () => {
    expect(names("“It is a costly model,” said Will Ostrander, a professor at the college.")).toEqual(["Will Ostrander"]);
    expect(names("Mira Holm said the vote was close.\n\nWhy Mira Holm Will Run Again")).toEqual(["Mira Holm"]);
  });

  it("counts a surname that is also a word as a mention when it opens a sentence before a verb of saying", () => {
    const people = peopleIn("Dora Lynch took office in May.\n\nLynch said the rules would change.");
    expect(people).toEqual([expect.objectContaining({ name: "Dora Lynch", mentions: 2 })]);
  });

  it("recognises an unfamiliar name that signs the quotation before it with a dash", () => {
    expect(names("“The ferry was late again and nobody told us why.” ― Jacklyn Ashley")).toEqual(["Jacklyn Ashley"]);
    expect(names("“The ferry was late again.” — Harbour Ledger editorial board")).toEqual([]);
  });

  it("takes a given name written alone for the surname of the full name that ends with it", () => {
    expect(names("Amelize Joseph loves the school her daughter attends.\n\n“We need the money,” said Joseph, who has four children.")).toEqual(["Amelize Joseph"]);
  });

  it("takes no publication named with its article for a person", () => {
    expect(names('As The Daily Beast put it, the plan "has no friends." Dara Quill, a strategist, said so.')).toEqual(["Dara Quill"]);
    expect(names("The Washington Examiner said the bill would fail, and Dara Quill said it would pass.")).toEqual(["Dara Quill"]);
  });

  it("recognises a person introduced by a role noun", () => {
    expect(names("The talks were led by envoy Jarek Wolny on Monday.")).toEqual(["Jarek Wolny"]);
  });

  it("recognises a person set off by commas after a role", () => {
    expect(names("The head of the port authority, Ilse Varga, said the pier would close.")).toEqual(["Ilse Varga"]);
  });

  it("recognises a person named after a title and a place", () => {
    expect(names("The Minister of Transport of Estonia Kalle Rebane met Mr Tamm. Estonia wants a ferry.")).toEqual(
      expect.arrayContaining(["Kalle Rebane"]),
    );
    expect(names("The Minister of Transport of Estonia Kalle Rebane met Mr Tamm. Estonia wants a ferry.")).not.toContain("Estonia Kalle Rebane");
  });

  it("does not take organisations and places for people", () => {
    expect(names("Ana Costa studied at Porto University and worked for Atlantic Fund in New York.")).toEqual(["Ana Costa"]);
  });

  it("recognises a name no list knows when the person speaks", () => {
    expect(names("Sigurd Vangen said the quay would reopen.")).toEqual(["Sigurd Vangen"]);
    expect(names("“Not this year,” said Oddny Brekke.")).toEqual(["Oddny Brekke"]);
  });

  it("recognises a name no list knows when its surname comes back on its own", () => {
    expect(names("Talia Wrenfield toured the plant.\n\nWrenfield left at noon.")).toEqual(["Talia Wrenfield"]);
  });

  it("keeps a title-case subhead's verbs out of a name", () => {
    const people = peopleIn("Senator Okafor Warns Of Shutdown\n\nSenator Okafor said the shutdown was near. Okafor warns often.");
    expect(people.map((p) => p.name)).toEqual(["Okafor"]);
  });

  it("keeps a title-case headline's verb off a known full name", () => {
    expect(names("Imre Dalwick Defends Tariff Plan\n\nImre Dalwick told reporters the tariff plan stood. Dalwick defends it.")).toEqual(["Imre Dalwick"]);
  });

  it("treats a possessive as a mention of the person", () => {
    expect(peopleIn("Ana Costa spoke. Costa's plan was approved.")[0].mentions).toBe(2);
  });

  it("joins an editor's bracketed first name to the surname", () => {
    expect(names("He said the plan was unlike that of (former) mayor (Tom) Lake.")).toEqual(["Tom Lake"]);
  });

  it("never lists authors or photographers as people", () => {
    expect(names("Ana Costa met Tom Lake at the pier.", ["Tom Lake"])).toEqual(["Ana Costa"]);
  });

  it("resolves a first name alone when one person has it", () => {
    expect(peopleIn("TV baker Rosalind Pryor lost her show.\n\nRosalind told us she is not done.")[0].mentions).toBe(2);
  });

  it("keeps particles inside a name and matches its later short form", () => {
    const people = peopleIn("Commission President Maria van der Berg spoke first.\n\nLater, van der Berg met Tom Lake.");
    expect(people.map((p) => p.name)).toEqual(["Maria van der Berg", "Tom Lake"]);
    expect(people[0].mentions).toBe(2);
  });

  it("strips a role noun capitalised only because it opens the sentence", () => {
    expect(names("Fan Iker Salas, 52, said the club had let him down.")).toEqual(["Iker Salas"]);
  });

  it("resolves a lone first surname to the one person whose two-surname name holds it", () => {
    const people = peopleIn("Port minister Lucía Ferrando Oyarce opened the dock.\n\nLater, Ferrando met Tom Lake. Ms Ferrando smiled.");
    expect(people.map((p) => p.name)).toEqual(["Lucía Ferrando Oyarce", "Tom Lake"]);
    expect(people[0].aliases).toEqual(expect.arrayContaining(["Ferrando", "Ms Ferrando"]));
    expect(people[0].mentions).toBe(3);
  });

  it("resolves a first name and first surname to the full two-surname name, in either order", () => {
    expect(names("Minister Lucía Ferrando Oyarce spoke.\n\nLucía Ferrando then left.")).toEqual(["Lucía Ferrando Oyarce"]);
    expect(names("Minister Lucía Ferrando spoke.\n\nLucía Ferrando Oyarce then left.")).toEqual(["Lucía Ferrando Oyarce"]);
  });

  it("resolves a particle surname written inside a longer name", () => {
    const people = peopleIn("Mayor Juan de la Vega Ortiz opened the pier.\n\nLater, de la Vega met Tom Lake.");
    expect(people.map((p) => p.name)).toEqual(["Juan de la Vega Ortiz", "Tom Lake"]);
    expect(people[0].mentions).toBe(2);
  });

  it("leaves a lone first surname unresolved when two people's names hold it", () => {
    const people = peopleIn("Lucía Ferrando Oyarce met Pablo Ferrando Ruiz.\n\nLater, Ferrando left.");
    expect(people.map((p) => p.mentions)).toEqual([1, 1]);
  });

  it("ends a title at a party label before a full name, and keeps a surname after a middle initial", () => {
    expect(names("Harbour Intelligence Ranking Democrat Ilse Varga spoke. Ben T. King replied.")).toEqual(["Ilse Varga", "Ben T. King"]);
  });

  it("names a person by the fuller of two spellings with as many words, whichever comes first", () => {
    const people = peopleIn("Mayor Philip Holm opened the pier.\n\nLater Phillip Holm spoke. Phillip Holm left.");
    expect(people).toEqual([{ name: "Phillip Holm", aliases: expect.arrayContaining(["Philip Holm"]), mentions: 3 }]);
  });

  it("finds a name that opens a sentence with a first name the tagger reads as a word", () => {
    expect(names("Rob Varga met Ana Costa on Monday. Frank Holm stayed away.")).toEqual(["Rob Varga", "Ana Costa", "Frank Holm"]);
  });

  it("reads a surname that is also an auxiliary after a first name or a conjunction (\"Oscar Will\", \"While Will …\")", () => {
    const people = peopleIn("Columnist Oscar Will wrote on Friday.\n\nWhile Will doubts the figures, he backs the plan.");
    expect(people).toEqual([{ name: "Oscar Will", aliases: expect.arrayContaining(["Will"]), mentions: 2 }]);
  });

  it("takes a compass point for a surname in a name the text introduces as a person's", () => {
    expect(names("Iker West, a history lecturer at the port college, backed the plan.")).toEqual(["Iker West"]);
  });

  it("ends a name at a headline's verb when the prose quotes a headline (\"… Rejects Harbour Toll\")", () => {
    const text = "The campaign sent an email titled “Mayor Tom Lake Rejects Harbour Toll Plan.”\n\nLake declined to comment.";
    expect(names(text)).toContain("Tom Lake");
    expect(names(text).some((n) => n.includes("Rejects"))).toBe(false);
  });

  it("cuts an abbreviated plural title from the first of the names it labels", () => {
    expect(names("The bill came from Sens. Anna Varga (D-Ore.) and Tom Lake.")).toEqual(["Anna Varga", "Tom Lake"]);
  });

  it("takes a group named by its members or a board for no person", () => {
    expect(names("Harbour Teachers and the Coastal Board said the strike would go on. Tom Lake agreed.")).toEqual(["Tom Lake"]);
  });

  describe("a lone surname several people of the article share", () => {
    const text = "Ana Okafor and Ben Okafor toured the yard.\n\nLater Okafor spoke to the crew.";
    const mentionsOf = (people: ReturnType<typeof findPeople>) => people.people.map((p) => `${p.name}: ${p.mentions}`);

    it("is the one named last when nothing else tells them apart", () => {
      expect(mentionsOf(findPeople(text.split("\n\n").map(analyseParagraph)))).toEqual(["Ana Okafor: 1", "Ben Okafor: 2"]);
    });

    it("is the one the headline names", () => {
      const people = findPeople(text.split("\n\n").map(analyseParagraph), [], [analyseParagraph("Ana Okafor Tours The Yard")]);
      expect(mentionsOf(people)).toEqual(["Ana Okafor: 2", "Ben Okafor: 1"]);
    });

    it("is the one the archive or batch knows best by that surname", () => {
      const people = findPeople(text.split("\n\n").map(analyseParagraph), [], [], new Map([["okafor", { givenKey: "ana" }]]));
      expect(mentionsOf(people)).toEqual(["Ana Okafor: 2", "Ben Okafor: 1"]);
    });
  });
});
