// Verbs that report speech or writing. A quotation belongs to the subject of the
// reporting verb next to it ("…," Ruiz said / Ruiz told reporters "…"), so these
// are the anchors attribution looks for. Matched on the lemma the language model gives.

const REPORTING = `
accuse acknowledge add admit advise affirm agree announce answer argue ask assert assure blast boast brag brand call
caution charge claim comment complain concede conclude condemn confess confirm contend continue counter criticise criticize
cry declare decry demand denounce deny describe dismiss dub emphasise emphasize estimate exclaim explain fume gush grumble hail highlight indicate inform insist joke lament
maintain mention mock moan note observe outline plead pledge point post praise predict proclaim promise propose protest
quip rage rant reaffirm recall recount refer reiterate remark repeat reply report respond retort reveal say scoff shout
signal sing slam snap speak specify state stress suggest swear tell testify thank threaten tweet underline underscore urge vow
warn whisper write
`;

const REPORTING_SET = new Set(REPORTING.split(/\s+/).filter(Boolean));

/** Whether a lemma is a verb of saying or writing: "say", "tell", "write", "warn". */
export function isSpeechVerbLemma(lemma: string): boolean {
  return REPORTING_SET.has(lemma.toLowerCase());
}

// Verbs that commit the speaker to an act: "vowed to “keep the pier open”" reports words, though
// most verbs followed by "to" do not ("would continue to", "is said to be").
const COMMITTING = new Set(["vow", "pledge", "promise", "swear", "threaten"]);

/** Whether a lemma reports speech even when "to" and an infinitive follow it. */
export function isCommittingVerbLemma(lemma: string): boolean {
  return COMMITTING.has(lemma.toLowerCase());
}

// Verbs whose object, not subject, is the speaker: "agencies quoted him as saying".
const QUOTING = new Set(["quote", "cite"]);

/** Whether a lemma introduces someone else's words with the speaker as its object ("quoted him as saying"). */
export function isQuotingVerbLemma(lemma: string): boolean {
  return QUOTING.has(lemma.toLowerCase());
}
