/**
 * Common given names in the languages the product serves (en, de, fr, es, pt, it, nl), lower
 * case, without accents. Evidence, not a gate: a name outside the list can still be a person
 * when its shape and its place (a card, a row, a contact line) say so.
 */
const NAMES = `
aaron abby abigail adam adrian adriana agnes agustin ahmed aidan aiden alan albert alberto alejandra alejandro
alex alexa alexander alexandra alexandre alexis alfonso alfred alfredo ali alice alicia alina alison allison alma
amanda amber amelia amy ana andre andrea andreas andres andrew andy angela angelica angelo angie anita ann anna
annabel anne annette annika anthony antoine antonia antonio april arjen arnaud arthur ashley astrid aurelie austin
ava axel barbara bart bas beatrice beatriz becky ben benedikt benjamin bernard bernd bert beth bethany betty bettina
beverly bianca bill billy birgit bob bobby bonnie brad bradley brandon brenda brent brett brian bridget britta brittany
brooke bruce bruno bryan caitlin camila camille candice cara carl carla carlos carmen carol carole caroline carolyn
carrie casey cassandra catalina catherine cathy cecile cecilia celine chad charles charlie charlotte chelsea cheryl
chloe chris christa christian christiane christina christine christoph christophe christopher cindy claire clara
clarissa claudia claudio claus clement cody colin colleen connor constance cora corinna cornelia courtney craig
cristina crystal cynthia dagmar daisy dale damien dan dana daniel daniela daniele danielle danny daphne dario darren
dave david dawn dean debbie deborah debra denis denise dennis derek desiree detlef diana diane diego dieter dirk
dolores dominik dominique don donald donna doris dorothy doug douglas dylan ed eddie edgar edith eduardo edward
eileen elaine elena eleonora elias elif elisa elisabeth elise eliza elizabeth ella ellen ellie elsa emil emilia
emilie emily emma emmanuel enrico enrique eric erica erik erika ernesto ernst esther ethan eugene eva evan evelyn
fabian fabienne fabio fatima federica federico felix fernanda fernando filip filipe florian frances francesca
francesco francisco francois frank franz fred frederic frederik friedrich gabriel gabriela gabriele gabrielle gail
gary gavin gemma geoffrey george georg georgia gerald gerard gerhard gert gilbert gina giorgio giovanni giulia
giuseppe gloria gonzalo gordon grace graham greg gregory gretchen guido guillaume gunter gustavo guy hank hannah
hannes hans harald harold harry hayley heather heidi heike heinz helen helena helene helga hendrik henk henri
henrik henry herbert hugo ian ignacio ilse ines ingrid irene iris isaac isabel isabella isabelle ivan jack jackie
jacob jacqueline jacques jaime jake james jamie jan jana jane janet janice janine jared jasmin jason javier jay jean
jeanette jeff jeffrey jen jenna jennifer jenny jens jeremy jerome jerry jesse jessica jesus jill jim jimmy jo joan
joanna joanne joao jochen jody joe joel johan johanna johannes john johnny jon jonas jonathan joost jordan jorge
jorg jose josef joseph josephine josh joshua joyce juan judith judy julia julian juliana julie julien julio june
jurgen justin kai karen karin karl kasper kate katharina katherine kathleen kathrin kathryn kathy katie katja
katrin kay keith kelly ken kenneth kerstin kevin kim kimberly kirsten klaus kristen kristin kurt kyle lara larry
lars laura lauren laurent lea leah lena leo leon leonardo leslie liam lily linda lindsay lindsey lisa liz lorenzo
lori lorraine louis louise luc luca lucas lucia luciana lucy luis luisa luke lukas lutz lydia lynn madeleine
madison magdalena maja manfred manon manuel manuela marc marcel marco marcos marcus margaret margarita maria mariana
marie marina mario marion marisa mark markus marta martha martin martina marty mary mason mateo mathias mathieu
matilde matt matteo matthew matthias maureen max maxime maximilian megan meghan melanie melissa mia michael michaela
michel michele michelle miguel mike mila milan miriam mitchell molly monica monika morgan nadia nadine nancy naomi
natalia natalie nathalie nathan neil nicholas nick nicola nicolas nicole niels nik nikolai nina noah noemi nora
norbert oliver olivia olivier oscar pablo paloma pamela paola paolo pascal pat patricia patrick patrik paul paula
pauline pedro peggy peter petra philip philipp philippe phillip pia pierre pieter rachel rafael raffaele rainer
ralf ralph ramon randy raquel raul ray raymond rebecca regina reinhard renate rene ricardo richard rick rita rob
robert roberta roberto robin rocio rodrigo roger roland ron ronald rosa rose ruben rudolf russell ruth ryan sabine
sabrina sally sam samantha samuel sandra sandro sara sarah sascha scott sean sebastian sergio seth shannon sharon
shawn sheila shirley silke silvia simon simone sofia sonia sonja sophia sophie stacy stefan stefanie stefano
steffen stephan stephanie stephen steve steven sue susan susanne suzanne sven sylvia sylvie tamara tammy tanja tara
taylor ted teresa terry thierry thomas tiffany tim timo timothy tina tobias todd tom tomas tommy toni tony tracy
travis trevor troy ulrich ulrike ursula ute valentina valerie vanessa vera veronica veronique victor victoria
vincent vincenzo viola virginia vivian walter wayne wendy werner wesley whitney will william willem wim wolfgang
wouter xavier yannick yasmin yolanda yvonne zach zachary zoe
`;

export const GIVEN_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));

/** Lower case and without accents: "Jürgen" → "jurgen", "Céline" → "celine". */
export function foldName(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function isGivenName(word: string): boolean {
  return GIVEN_NAMES.has(foldName(word));
}
