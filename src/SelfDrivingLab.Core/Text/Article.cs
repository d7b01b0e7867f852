namespace SelfDrivingLab.Core.Text;

/// <summary>
/// The English indefinite article for a phrase built from a name ("an acquisition kind", "a goal"), so messages
/// assembled from names read correctly. Thread-safe (stateless).
/// </summary>
public static class Article
{
    // Vowel letters that sound like a consonant ("a unit", "a user", "a one-off", "a European").
    private static readonly string[] ConsonantSounds = ["uni", "use", "usu", "uti", "ure", "eu", "one", "once"];

    // Consonant letters that sound like a vowel ("an hour", "an honest").
    private static readonly string[] VowelSounds = ["hour", "honest", "honor", "honour", "heir"];

    /// <summary><paramref name="phrase"/> with "a" or "an" before it, e.g. <c>an acquisition kind</c>, <c>a Completed event</c>, <c>an 8×8 matrix</c>.</summary>
    public static string For(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return (StartsWithVowelSound(phrase) ? "an " : "a ") + phrase;
    }

    private static bool StartsWithVowelSound(string phrase)
    {
        var word = phrase.TrimStart();
        if (word.Length == 0)
        {
            return false;
        }

        if (char.IsAsciiDigit(word[0]))
        {
            // Numbers read aloud: eight, eleven, eighteen, eighty, 8xx… take "an".
            var digits = new string([.. word.TakeWhile(char.IsAsciiDigit)]);
            return digits[0] == '8' || (digits.Length % 3 == 2 && digits[0] == '1' && digits[1] is '1' or '8');
        }

        var lower = word.ToLowerInvariant();
        if (VowelSounds.Any(v => lower.StartsWith(v, StringComparison.Ordinal)))
        {
            return true;
        }

        // An acronym spelled out letter by letter: "an MQTT broker", "an SDK", "a UV-vis".
        if (word.Length > 1 && char.IsAsciiLetterUpper(word[0]) && char.IsAsciiLetterUpper(word[1]))
        {
            return "AEFHILMNORSX".Contains(word[0], StringComparison.Ordinal);
        }

        return "aeiou".Contains(lower[0], StringComparison.Ordinal) && !ConsonantSounds.Any(c => lower.StartsWith(c, StringComparison.Ordinal));
    }
}
