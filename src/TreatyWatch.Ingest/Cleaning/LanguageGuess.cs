namespace TreatyWatch.Ingest.Cleaning;

/// <summary>
/// Names the language of a text when it is plain from its commonest words; otherwise says nothing.
/// A handful of languages only: this is a hint for texts that declare none, not a classifier.
/// </summary>
internal static class LanguageGuess
{
    private static readonly (string Code, HashSet<string> Words)[] Profiles =
    [
        ("en", Set("the of and to in is that for on was with as by it are from has have said this be at")),
        ("fr", Set("le la les de des du et est un une que qui dans pour pas sur au aux par il a été")),
        ("de", Set("der die das und ist nicht ein eine zu den mit von auf für sich des dem im auch wurde")),
        ("es", Set("el la los las de del y que en un una por con para es se al lo su como más")),
        ("pt", Set("o a os as de do da dos das e que em um uma para com não por se ao mais foi")),
        ("it", Set("il la di che e un una per non con del della sono è al gli le anche nel")),
        ("ru", Set("и в не на что с по как это из к за от о для был он она также")),
        ("uk", Set("і в не на що з по як це із до за від про для був він вона також та")),
    ];

    private static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.OrdinalIgnoreCase);

    public static string? Detect(string text)
    {
        Span<int> hits = stackalloc int[Profiles.Length];
        var words = 0;
        var start = -1;
        for (var i = 0; i <= text.Length && words < 2000; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                var word = text[start..i];
                words++;
                for (var p = 0; p < Profiles.Length; p++)
                {
                    if (Profiles[p].Words.Contains(word))
                    {
                        hits[p]++;
                    }
                }
                start = -1;
            }
        }
        int best = -1, bestHits = 0, second = 0;
        for (var p = 0; p < Profiles.Length; p++)
        {
            if (hits[p] > bestHits)
            {
                second = bestHits;
                bestHits = hits[p];
                best = p;
            }
            else if (hits[p] > second)
            {
                second = hits[p];
            }
        }
        // Plain: a fifth of the words are the language's common words, and twice as many as any other's.
        return best >= 0 && bestHits >= 5 && bestHits >= 0.2 * words && bestHits >= 2 * second ? Profiles[best].Code : null;
    }
}
