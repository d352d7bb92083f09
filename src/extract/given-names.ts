// Common given names across the languages news is written about. A capitalised pair
// like "Elon Musk" looks exactly like "Saudi Arabia" or "Goldman Sachs"; what tells a
// reader it is a person is that the first word is a first name. The list is a general
// resource (as gazetteers are for any named-entity recogniser), not the people of any
// one article; spelling variants are folded by nameWordKey, so "Sergey" covers "Sergei".
import { nameWordKey } from "./names.js";

const MALE = `
aaron abdul abdullah abe abraham adam adeel adel adrian ahmad ahmed aidan akira alain alan alastair albert alberto
aleksandr alejandro alessandro alex alexander alexandre alexandros alexei alexey ali alistair allen alonso alvaro amir
anatoly anders andre andrea andreas andrei andres andrew andrzej angel angelo anil anthony antoine anton antonio anwar
arash ariel arjun armando arnold arthur arturo ashraf ashok asif aziz bashar ben benjamin benedict benny bernard bernie
bill billy bjorn bob bobby bogdan boris boyd brad bradley brandon brendan brett brian bruce bruno bryan byron caleb
calvin cameron carl carlo carlos cedric cesar charles charlie chris christian christoph christopher chuck clarence claude
clint cody colin connor conor cory craig cristian curtis cyril dale damian damien dan daniel danny dario darius darren
dave david dean dennis denis derek desmond devin diego dimitri dimitris dmitry domenico dominic don donald doug douglas
duncan dustin dwayne dwight eamon earl ed eddie edgar eduardo edward egor elias elijah elliot elon emanuel emeka emmanuel
emil emilio enrique eric erik ernest ernesto esteban ethan eugene evan evgeny fabian fahad faisal farid farhan felipe
felix ferdinand fernando filip finn francesco francis francisco franco frank frankie franz fred frederick fyodor gabriel
gareth garry gary gavin geert gene geoff geoffrey george georgy gerald gerard gerhard giorgio giovanni giuseppe glen
glenn gordon graham grant greg gregory guillaume gunnar gustavo guy hakan hamad hamid hamza hank hans harold harry
harvey hassan hector heinrich helmut henri henrik henry herbert hiroshi hossein howard hugh hugo hussein ian ibrahim
igor ilya imran ismail ivan jack jackson jacob jacques jake jamal james jamie jan jared jason javier jay jean jeff
jeffrey jens jeremy jerome jerry jesse jesus jim jimmy joachim joao joe joel johan johannes john johnny jon jonathan
jordan jorge jose josef joseph josh joshua juan julian julien julio jurgen justin kamal karim karl keir keith kemal ken
kenji kenneth kevin khaled khalid kim kirill klaus konstantin kurt kyle lamar lars larry laurent lawrence lee leo leon
leonard leonid lewis liam lionel lloyd logan lorenzo louis luca lucas luis luiz luke luka lukas mahmoud malcolm manuel
marc marcel marco marcus mario mark marko marshall martin marvin mateo matt matteo matthew matthias maurice max maxim
maxime mehmet michael michel miguel mikhail mike milan mitch mitchell mo mohamed mohammad mohammed muhammad murat mustafa
nabil nasser nathan neil nelson nicholas nick nicola nicolas nigel nikita nikolai nikolay noah noel norman ola olaf
oleg oleksandr oleksiy oliver omar oscar osman owen pablo paolo pascal patrick paul pavel pedro pete peter petr petro
phil philip philippe pierre piotr pradeep pranab prakash qasim rafael rahul raj rajesh ralph ramon randy raphael rashid
raul ray raymond reza ricardo richard rick ricky rishi rob robert roberto robin rod rodrigo roger roland roman ron
ronald rory ross roy ruben rudy rupert russell ryan salman salvador sam sami samir samuel sandeep sanjay santiago
sasha saul scott sean sebastian sergei sergio seth shane shaun shawn sheldon sidney simon stan stanley stefan stefano
stephen steve steven stuart sven sylvester takeshi tariq ted terry theo theodore thierry thomas tim timothy toby todd
tom tommy tony travis trevor tyler umar valentin valery vasily victor viktor vincent vinod vitaly vivek vladimir
vladislav volodymyr walter warren wayne wei wesley will william willie wolfgang xavier yaroslav yasser yevgeny yosef
youssef yuri yusuf zachary zack zbigniew zoran
`;

const FEMALE = `
abigail ada adriana agnes aisha alejandra alexandra alexis alice alicia alina alison allison alma amal amanda amber
amelia amina amy ana anastasia andrea angela angelina angelique anita ann anna anne annalena annette antonia april
ariana ashley asma audrey aurora barbara beatrice beatriz bella beth betty beverly bianca brenda bridget brigitte
brittany camila camilla carla carmen carol caroline carolyn cassandra catherine cecilia celine charlotte chelsea cheryl
chloe christina christine cindy claire clara claudia colette courtney cristina cynthia dana daniela danielle daria
deborah debra delia denise diana diane dina dolores donna doris dorothy edith elena eleanor elif elisabeth elise eliza
elizabeth ella ellen elsa emily emma erin esther eva evelyn fatima fatma felicity fernanda fiona florence frances
francesca gabriela gabrielle gemma georgia gillian gina giorgia giulia gloria grace greta gwen hailey hana hannah
harriet heather heidi helen helena hilary hillary holly ingrid irene irina iris isabel isabella isabelle ivanka jacqueline
jacinda jane janet janice jasmine jean jeanne jennifer jenny jessica jill joan joanna jocelyn josephine joy joyce judith
judy julia juliana julie juliet justine kaja kamala karen karina kate katherine kathleen kathryn kathy katie katarzyna
kayla kelly kim kimberly kirsten kristen kristin kristina laila lara laura lauren layla leah leila lena lesley leslie
lidia lily linda lisa liz liza lois lori louise lucia lucy luisa luna lydia lyudmila madeleine magdalena maggie maia
malala margaret margarita margot maria mariam marian marie marina marine marion marisa marjorie marta martha mary
maryam maya megan melania melanie melissa mia michaela michelle mila mildred miranda miriam molly monica monika nadia
nadine nancy naomi natalia natalie natasha nathalie nicola nicole nikki nina nora olena olga olivia paola patricia paula
pauline peggy penny phoebe priya rachel rania rebecca regina renata rita roberta rosa rosalind rose ruth sabrina sally
samantha sandra sara sarah sasha selena sharon sheila shirley silvia simone sofia sonia sophia sophie stacey stella
stephanie susan suzanne svetlana sylvia tamara tanya tara teresa theresa tiffany tina tracy ulrike ursula valentina
valeria vanessa vera veronica veronika victoria viktoria violet virginia vivian wanda wendy xenia yasmin yelena yulia
yvonne zainab zara zoe zoya
`;

function keysOf(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map(nameWordKey));
}

const MALE_KEYS = keysOf(MALE);
const FEMALE_KEYS = keysOf(FEMALE);

/** Whether a word is a common first name ("Elon", "Sergey", "Anna"). */
export function isGivenName(word: string): boolean {
  const key = nameWordKey(word);
  return MALE_KEYS.has(key) || FEMALE_KEYS.has(key);
}

/** The gender a first name usually carries, or null when it is common for both or unknown. */
export function genderOfGivenName(word: string): "female" | "male" | null {
  const key = nameWordKey(word);
  const male = MALE_KEYS.has(key), female = FEMALE_KEYS.has(key);
  if (male === female) return null;
  return male ? "male" : "female";
}
