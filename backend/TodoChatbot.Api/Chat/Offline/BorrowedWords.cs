using System.Text.RegularExpressions;

namespace TodoChatbot.Api.Chat.Offline;

/// <summary>
/// Words of other languages that people mix into English: the politeness and particles of Spanish,
/// Hindi, Tagalog, French and German ("porfa", "yaar", "na", "po", "naman", "bitte", "merci") are
/// left out wherever they stand, and the few command words people borrow read as the English ones
/// ("ho gaya", "tapos na" and "erledigt" are done, "borra" and "hata do" delete, "naam badal do"
/// renames). Particles that are also English words ("po", "na") count only in lower case and where
/// the other language puts them, so "PO box" and a title's "na" stay.
/// </summary>
internal static partial class BorrowedWords
{
    public static string Read(string text)
    {
        text = PolitenessPattern().Replace(text, "");
        text = HindiObjectFirstPattern().Replace(text, match =>
            (match.Groups["rename"].Success ? "rename " : match.Groups["add"].Success ? "add " : "delete ") + match.Groups["object"].Value);
        // "mark kar do": "do it", after the verb it follows.
        text = DoItPattern().Replace(text, " it");
        return CommandWordPattern().Replace(text, match => match.Groups switch
        {
            var groups when groups["done"].Success => "done",
            var groups when groups["finished"].Success => "finished",
            var groups when groups["delete"].Success => "delete",
            var groups when groups["change"].Success => "change",
            var groups when groups["the"].Success => "the",
            var groups when groups["what"].Success => "what",
            var groups when groups["a"].Success => "a",
            _ => "",
        });
    }

    // Politeness and particles, with the comma after them: "oye, …", "… porfa", "… na", "salamat po".
    [GeneratedRegex("""
        (?<=^|[\s,.!?])
        (?: porfa(?:vor)? | porfis | por\s+favor | bitte(?:\s+sch[öo]n)? | danke(?:\s+sch[öo]n)? | merci(?:\s+beaucoup)?
          | s'il\s+(?:te|vous)\s+pla[iî]t | oye | yaar | yar | bhai
          | (?-i:po|naman|ji) | (?-i:na)(?=[\s,.!?]*$|\s+(?-i:po|yung)\b)
          | ^ya(?=\s+\w+(?:ed|é)\b) )          # Spanish "ya" (already) before a past tense: "ya fixed the bike"
        (?=$|[\s,.!?]) (?:\s*[,—–])? \s*
        """, CommandParser.Verbose)]
    private static partial Regex PolitenessPattern();

    // Hindi puts the verb last: "the gym wala task hata do" (remove it), "task 4 ka naam badal do" (rename it).
    [GeneratedRegex("""
        ^(?<object>.+?) \s+ (?: ka\s+naam\s+(?<rename>badal\s+do|badlo|badal\s+dena) | (?<add>add\s+kar\s+do) | hata\s+do | hatao | hata\s+dena | nikal\s+do )\b
        """, CommandParser.Verbose)]
    private static partial Regex HindiObjectFirstPattern();

    [GeneratedRegex("""
        (?<=^|[\s,.!?])
        (?: (?<done>ho\s+gay[ai]|hogaya|erledigt|fertig|hecho|listo|terminado|fait)
          | (?<finished>termin[ée]|acab[ée]|tapos\s+na)
          | (?<a>(?-i:ek))
          | (?<delete>b[oó]rra(?:lo)?|elimina(?:lo)?|qu[ií]ta(?:lo)?|pakitanggal|tanggalin|supprime|l[öo]sche?n?)
          | (?<change>pakipalitan|palitan)
          | (?<the>(?-i:yung|woh))
          | (?<what>what\s+all)
          | kar\s+do | kar\s+dena | kardo | karo | wala | wali | wale )
        (?=$|[\s,.!?:])
        """, CommandParser.Verbose)]
    private static partial Regex CommandWordPattern();

    [GeneratedRegex(@"(?<=\b(?:mark|delete|remove|complete|tick|check|finish|change|update)\b)\s+kar\s+do\b", CommandParser.Verbose)]
    private static partial Regex DoItPattern();
}
