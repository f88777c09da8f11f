namespace TreatyWatch.Ingest.Cleaning;

/// <summary>
/// Names the language of a text when it is plain from its commonest words; otherwise says nothing.
/// A handful of languages only: this is a hint for texts that declare none, not a classifier.
/// </summary>
internal static class LanguageGuess
{
    private static readonly (string Code, string Words)[] Profiles =
    [
        ("en", "the of and to in is that for on was with as by it are from has have said this be at"),
        ("fr", "le la les de des du et est un une que qui dans pour pas sur au aux par il a été"),
        ("de", "der die das und ist nicht ein eine zu den mit von auf für sich des dem im auch wurde"),
        ("es", "el la los las de del y que en un una por con para es se al lo su como más"),
        ("pt", "o a os as de do da dos das e que em um uma para com não por se ao mais foi"),
        ("it", "il la di che e un una per non con del della sono è al gli le anche nel"),
        ("ru", "и в не на что с по как это из к за от о для был он она также"),
        ("uk", "і в не на що з по як це із до за від про для був він вона також та"),
    ];

    /// <summary>Each common word with a bit per language that has it: one lookup per word of the text.</summary>
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> LanguagesOfWord = BuildIndex();

    private static Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> BuildIndex()
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var p = 0; p < Profiles.Length; p++)
        {
            foreach (var word in Profiles[p].Words.Split(' '))
            {
                index[word] = index.GetValueOrDefault(word) | (1 << p);
            }
        }
        return index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

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
                words++;
                if (i - start <= 5 && LanguagesOfWord.TryGetValue(text.AsSpan(start, i - start), out var languages))
                {
                    for (var p = 0; p < Profiles.Length; p++)
                    {
                        hits[p] += (languages >> p) & 1;
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
