/**
 * Where the quoted part of a reply starts, in the languages and clients reps meet: attribution
 * lines ("On … wrote:", "Am … schrieb …:", "Le … a écrit :", "Em … escreveu:"), separator lines
 * ("-----Original Message-----", "---------- Forwarded message ---------"), Outlook's header
 * block ("From: … / Sent: … / To: …" in any of its languages) and `>` lines.
 */
/** The verb of an attribution line, wherever it stands ("Op … schreef …:", "… kl. 13:09 skrev …:"). */
const ATTRIBUTION_VERB =
  /(?<![\p{L}])(?:wrote|writes|schrieb|a écrit|escribió|escreveu|ha scritto|scrive|schreef|napisał\(a\)|napisała?|pisze|skrev(?: følgende)?|kirjoitti|írta|написал\(а\)|написала?|написав|пишет)(?![\p{L}])/iu;
const ATTRIBUTION_START = /^(?:[-–]\s*)?(?:on|am|le|el|em|il|op|w dniu|den|dne|på|\d)/iu;
const SEPARATOR =
  /^(?:-{2,}\s*(?:original message|ursprüngliche nachricht|originalnachricht|message d'origine|mensaje original|mensagem original|messaggio originale|oorspronkelijk bericht|originalmeddelande|oprindelig meddelelse|opprinnelig melding|wiadomość oryginalna|forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|mensagem encaminhada|messaggio inoltrato|doorgestuurd bericht)|begin forwarded message:|anfang der weitergeleiteten nachricht:|_{20,}$)/iu;
const HEADER_LABEL =
  /^\*?\s*(?:from|von|de|da|van|från|fra|od|expéditeur|sent|gesendet|envoyé|enviado|inviato|verzonden|skickat|sendt|wysłano|wysłane|date|datum|data|fecha|to|an|à|para|a|aan|till|til|do|cc|subject|betreff|objet|asunto|assunto|oggetto|onderwerp|ämne|emne|temat|от|отправлено|кому|копия|тема|дата)\s?\*?\s?:/iu;
/** "2014-03-20 8:48 GMT+01:00 Rémi <r@x.com>:" / "26.06.2014, 14:41, "Alexander L" <a@x.com>:" */
const DATED_ADDRESS = /^.{0,80}\d.{0,80}<[^<>\s]+@[^<>\s]+>\s*:\s*$/u;

/** Index of the first quoted line of `lines` (blank lines allowed), or -1. */
export function quoteStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    if (line.startsWith('>') || SEPARATOR.test(line) || DATED_ADDRESS.test(line)) return i;
    // An attribution, on one line or wrapped over up to three ("… Company <\nq@x.com>:").
    let joined = '';
    for (let k = i; k < Math.min(lines.length, i + 3) && lines[k]!.trim(); k++) {
      joined = `${joined} ${lines[k]!.trim()}`.trim();
      if (joined.length > 300) break;
      if (
        /:\s*$/.test(joined) &&
        ATTRIBUTION_VERB.test(joined) &&
        (ATTRIBUTION_START.test(line) || /@|\d/.test(line))
      )
        return i;
    }
    if (HEADER_LABEL.test(line)) {
      // A header block: another header label within the next three lines (not this one's label).
      for (let j = i + 1; j < Math.min(lines.length, i + 4); j++)
        if (HEADER_LABEL.test(lines[j]!.trim())) return i;
      // The flattened form: several labels on one line ("Date: … Subject: … From: …").
      if ((line.match(/\b(?:from|date|subject|sent|to|von|betreff|gesendet)\s?:/giu) ?? []).length >= 2)
        return i;
    }
  }
  return -1;
}

/**
 * The lines of the reply itself: everything before the quote; for a reply written below the
 * quote (bottom-posting), the unquoted lines after it.
 */
export function replyLines<T extends string>(lines: readonly T[]): T[] {
  const cut = quoteStart(lines);
  if (cut < 0) return [...lines];
  const before = lines.slice(0, cut);
  if (before.some((l) => /\S/.test(l))) return before;
  const quoted = (l: string) => l.trimStart().startsWith('>');
  let after = cut + 1;
  while (after < lines.length && !quoted(lines[after]!) && lines[after]!.trim()) after++;
  const below = lines.slice(after).filter((l) => !quoted(l));
  return below.length < lines.length - cut ? replyLines(below) : [];
}
